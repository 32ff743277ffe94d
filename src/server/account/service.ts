// The account page, computed per request from stored facts and the server's today:
// commitment and early-termination estimate (seed 001 F.1.1), TV termination date
// (seed 004 TV §8.2), activation within 48 h (TV §6), points (seed 003).
import type { AccountBinding, AccountGlance, AccountPage, AccountService, PendingService, PointsSection, Registration, TerminationInfo, WithdrawalSection } from '../../contract'
import {
  accessoryExchange,
  commitmentEnd,
  earlyTerminationCents,
  equipmentReturnBy,
  equipmentExchange,
  missingPointsCostCents,
  periodLeft,
  POINT_PRICE_MILLS,
  pointsBalance,
  POINTS_VALIDITY_MONTHS,
  TERMINATION_NOTICE_DAYS,
  tvTerminationDate,
  WITHDRAWAL_DAYS,
  withdrawal,
} from '../../domain/account'
import { activationDueOn, activationState, SUPPORT_PHONE } from '../../domain/activation'
import { addDays, compareDates } from '../../domain/dates'
import { isValidNif, maskNif } from '../../domain/nif'
import { can, denial } from '../../domain/permissions'
import type { Session } from '../http/context'
import type { AccountServiceTable, Db } from '../store/db'
import { hasOverdueInvoice } from '../invoices/service'
import { POINTS_REWARDS, REGISTER_URL } from '../operator'

async function contractRow(db: Db, accountId: string) {
  return db.selectFrom('account_contract').selectAll().where('account_id', '=', accountId).executeTakeFirst()
}

/** The billing cycle's anchor: the newest invoice's period, or the day after a first partial period. */
async function cycleStart(db: Db, accountId: string, today: string): Promise<string> {
  const newest = await db
    .selectFrom('invoice')
    .select(['period_start', 'period_end', 'partial_period'])
    .where('account_id', '=', accountId)
    .orderBy('period_start', 'desc')
    .executeTakeFirst()
  if (!newest) return today
  return newest.partial_period === 1 ? addDays(newest.period_end, 1) : newest.period_start
}

function terminationInfo(cycleAnchor: string, today: string): TerminationInfo {
  const termination = tvTerminationDate(cycleAnchor, today)
  return {
    askedOn: today,
    cycleStart: termination.cycle.periodStart,
    cycleEnd: termination.cycle.periodEnd,
    deadline: termination.deadline,
    effectiveDate: termination.effectiveDate,
    inThisCycle: termination.inThisCycle,
    noticeDays: TERMINATION_NOTICE_DAYS,
    equipmentReturnBy: equipmentReturnBy(termination.effectiveDate),
  }
}

type ContractRow = NonNullable<Awaited<ReturnType<typeof contractRow>>>

function commitmentOf(row: ContractRow | undefined, today: string, effectiveDate: string) {
  if (!row?.commitment_start || !row.commitment_months) return null
  const endDate = commitmentEnd(row.commitment_start, row.commitment_months)
  if (compareDates(today, endDate) > 0) return null
  const advantageCents = row.advantage_cents ?? 0
  const left = periodLeft(today, endDate)
  const atTermination = periodLeft(effectiveDate, endDate)
  return {
    startDate: row.commitment_start,
    endDate,
    minimumMonths: row.commitment_months,
    monthsLeft: left.months,
    daysLeft: left.days,
    advantageCents,
    monthsLeftAtTermination: atTermination.months,
    daysLeftAtTermination: atTermination.days,
    earlyTerminationCents: earlyTerminationCents(advantageCents, row.commitment_months, atTermination),
  }
}

/** The right of withdrawal on `today` (004 general §6): null without a stored channel, for a shop contract or a business, or once it has run out. */
function withdrawalOf(row: ContractRow | undefined, activatedOn: string, consumer: boolean, cycleAnchor: string, today: string): WithdrawalSection | null {
  if (!row?.sale_channel || !row.concluded_on || row.monthly_cents === null) return null
  const facts = { concludedOn: row.concluded_on, channel: row.sale_channel, consumer, activatedOn, monthlyCents: row.monthly_cents, cycleStart: cycleAnchor }
  const right = withdrawal(facts, today)
  if (!right || facts.channel === 'shop') return null
  return { channel: facts.channel, concludedOn: facts.concludedOn, days: WITHDRAWAL_DAYS[facts.channel], ...right }
}

async function services(db: Db, accountId: string, today: string): Promise<AccountService[]> {
  const rows = await db.selectFrom('account_service').selectAll().where('account_id', '=', accountId).orderBy('position').execute()
  return rows.map((row) => {
    const facts = { orderedOn: row.requested_on, installedOn: row.installed_on }
    return {
      name: row.name,
      kind: row.kind,
      activation: row.status === 'active' ? 'active' : activationState(facts, today),
      orderedOn: row.requested_on,
      installedOn: row.installed_on,
      expectedBy: row.status === 'active' ? null : activationDueOn(facts),
    }
  })
}

async function points(db: Db, session: Session, row: ContractRow | undefined, inCommitment: boolean, today: string): Promise<PointsSection> {
  const accountId = session.account.id
  const [stored, paid, redemptions, overdue] = await Promise.all([
    db.selectFrom('points_award').select(['awarded_on', 'points']).where('account_id', '=', accountId).execute(),
    // One point per euro paid on each monthly invoice (seed 003 §2).
    db.selectFrom('invoice').select(['paid_on', 'total_cents']).where('account_id', '=', accountId).where('paid_on', 'is not', null).execute(),
    db.selectFrom('points_redemption').select(['redeemed_on', 'points', 'kind']).where('account_id', '=', accountId).execute(),
    hasOverdueInvoice(db, session, today),
  ])
  const awards = [
    ...stored.map((award) => ({ awardedOn: award.awarded_on, points: award.points })),
    ...paid.map((invoice) => ({ awardedOn: invoice.paid_on as string, points: Math.floor(invoice.total_cents / 100) })),
  ]
  const { balance, expiring } = pointsBalance(
    awards,
    redemptions.map((redemption) => ({ redeemedOn: redemption.redeemed_on, points: redemption.points, kind: redemption.kind })),
    today,
  )
  const lastEquipment = row?.last_equipment_exchange ?? null
  const lastAccessory = row?.last_accessory_exchange ?? null
  return {
    balance,
    expiring,
    validityMonths: POINTS_VALIDITY_MONTHS,
    equipment: { ...equipmentExchange({ lastExchange: lastEquipment, hasUnpaidOverdue: overdue, inCommitment }, today), lastExchange: lastEquipment },
    accessory: { ...accessoryExchange({ lastExchange: lastAccessory, hasUnpaidOverdue: overdue, inCommitment }, today), lastExchange: lastAccessory },
    pointPriceMills: POINT_PRICE_MILLS,
    rewards: POINTS_REWARDS.map((reward) => {
      const missing = Math.max(0, reward.points - balance)
      return { name: reward.name, kind: reward.kind, points: reward.points, missing, missingCostCents: missingPointsCostCents(missing) }
    }),
  }
}

export async function accountPage(db: Db, session: Session, today: string): Promise<AccountPage> {
  const accountId = session.account.id
  const profile = session.viewer.profile
  const [account, row, anchor] = await Promise.all([
    db.selectFrom('account').select(['nif', 'activated_on']).where('id', '=', accountId).executeTakeFirstOrThrow(),
    contractRow(db, accountId),
    cycleStart(db, accountId, today),
  ])
  const termination = terminationInfo(anchor, today)
  const commitment = commitmentOf(row, today, termination.effectiveDate)
  return {
    viewer: session.viewer,
    holderName: session.account.holderName,
    // The NIF is checked by its check digit here; only a masked form leaves the server.
    nifMasked: maskNif(account.nif),
    nifValid: isValidNif(account.nif),
    contractNumber: session.account.contractNumber,
    address: row?.address ?? '',
    registered: row?.registered === 1,
    services: can(profile, 'services.read')
      ? {
          services: await services(db, accountId, today),
          equipment: (await db.selectFrom('account_equipment').selectAll().where('account_id', '=', accountId).orderBy('position').execute()).map(
            (item) => ({ kind: item.kind, model: item.model, serialMasked: `…${item.serial.slice(-4)}` }),
          ),
          supportPhone: SUPPORT_PHONE,
        }
      : { denied: true as const, ...denial('services.read') },
    commitment: can(profile, 'commitment.read') ? commitment : { denied: true as const, ...denial('commitment.read') },
    termination,
    withdrawal: can(profile, 'commitment.read')
      ? withdrawalOf(row, account.activated_on, session.consumer, anchor, today)
      : { denied: true as const, ...denial('commitment.read') },
    einvoice: { enabled: row?.einvoice === 1, canChange: can(profile, 'einvoice.write') },
    points: can(profile, 'points.read')
      ? await points(db, session, row, commitment !== null, today)
      : { denied: true as const, ...denial('points.read') },
  }
}

/** Stores the e-invoice choice; an account without contract facts yet gets a row. */
export async function setEInvoice(db: Db, session: Session, enabled: boolean): Promise<void> {
  const updated = await db
    .updateTable('account_contract')
    .set({ einvoice: enabled ? 1 : 0 })
    .where('account_id', '=', session.account.id)
    .executeTakeFirst()
  if (Number(updated.numUpdatedRows) === 0) {
    await db.insertInto('account_contract').values({ account_id: session.account.id, address: '', registered: 0, einvoice: enabled ? 1 : 0 }).execute()
  }
}

/** Services ordered and not yet active (of one kind, if given), with their 48 h from acceptance and installation (004 TV §6 a). */
export async function pendingServices(db: Db, accountId: string, today: string, kind?: AccountServiceTable['kind']): Promise<PendingService[]> {
  const rows = await db
    .selectFrom('account_service')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('status', '=', 'pending')
    .$if(kind !== undefined, (query) => query.where('kind', '=', kind as AccountServiceTable['kind']))
    .orderBy('position')
    .execute()
  return rows.map((row) => {
    const facts = { orderedOn: row.requested_on, installedOn: row.installed_on }
    return { name: row.name, orderedOn: row.requested_on, installedOn: row.installed_on, expectedBy: activationDueOn(facts), activation: activationState(facts, today) }
  })
}

export async function registration(db: Db, session: Session, today: string): Promise<Registration> {
  const row = await contractRow(db, session.account.id)
  const pending = can(session.viewer.profile, 'services.read')
    ? await pendingServices(db, session.account.id, today)
    : { denied: true as const, ...denial('services.read') }
  return { registered: row?.registered === 1, registerUrl: REGISTER_URL, supportPhone: SUPPORT_PHONE, pending }
}

/** The account card on home: what this viewer may see of it. */
/** The bound account as home and the installer show it: id, holder and contract withheld from a profile without 'account.read' (seed 002). */
export function accountBinding(session: Session): AccountBinding {
  if (can(session.viewer.profile, 'account.read')) return session.account
  return { id: null, holderName: null, contractNumber: null }
}

export async function accountGlance(db: Db, session: Session, today: string): Promise<AccountGlance> {
  const profile = session.viewer.profile
  const row = await contractRow(db, session.account.id)
  let commitment: AccountGlance['commitment'] = { denied: true, ...denial('commitment.read') }
  if (can(profile, 'commitment.read')) {
    const endDate = row?.commitment_start && row.commitment_months ? commitmentEnd(row.commitment_start, row.commitment_months) : null
    const left = endDate ? periodLeft(today, endDate) : null
    commitment = endDate && left && compareDates(today, endDate) <= 0 ? { endDate, monthsLeft: left.months, daysLeft: left.days } : null
  }
  let pointsGlance: AccountGlance['points'] = { denied: true, ...denial('points.read') }
  if (can(profile, 'points.read')) {
    const section = await points(db, session, row, commitment !== null && !('denied' in commitment), today)
    pointsGlance = { balance: section.balance, expiringSoon: section.expiring.reduce((sum, item) => sum + item.points, 0) }
  }
  return { registered: row?.registered === 1, commitment, points: pointsGlance }
}
