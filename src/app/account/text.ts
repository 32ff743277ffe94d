// What account says: holder, contract, services and equipment with their activation
// (seed 004 TV §6), commitment and the early-termination estimate with every input
// (seed 001 F.1.1), the TV termination date (seed 004 TV §8.2), points (seed 003);
// a section the profile may not see says why and who can help (seed 002).
import type { AccountPage as AccountData, CommitmentSection, Denied, ExchangeEligibility, PointsSection, ServicesSection, WithdrawalSection } from '../../contract'
import { EXCHANGE_COMMITMENT_MONTHS } from '../../domain/account'
import type { Formats } from '../../domain/format'
import type { ChoiceDialogSpec } from '../kit/ChoiceDialog'
import { Column } from '../kit/Column'
import { formats, t } from '../kit/i18n'
import { COLOR, TEXT } from '../kit/theme'

/** A commitment's time left as a viewer reads it: "13 meses e 8 dias", "1 mês", "20 dias". */
export function periodText(months: number, days: number): string {
  const monthsText = t(months === 1 ? 'account.period.month' : 'account.period.months', { count: months })
  if (days === 0) return monthsText
  const daysText = t(days === 1 ? 'account.period.day' : 'account.period.days', { count: days })
  return months === 0 ? daysText : t('account.period.monthsAndDays', { months: monthsText, days: daysText })
}

function deniedBlock(column: Column, title: string, section: Denied): void {
  column
    .gap()
    .text(title, { size: TEXT.heading, bold: true })
    .text(section.reason, { size: TEXT.small, color: COLOR.warning, maxLines: 3 })
    .text(t('denied.whoCanHelp', { profiles: section.allowedProfiles.map((p) => t(`profile.${p}`)).join(', ') }), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
}

function servicesBlock(column: Column, section: ServicesSection | Denied, f: Formats): void {
  if ('denied' in section) return deniedBlock(column, t('account.services'), section)
  column.gap().text(t('account.services'), { size: TEXT.heading, bold: true })
  for (const service of section.services) {
    if (service.activation === 'active') {
      column.pair(service.name, t('account.service.active'), { color: COLOR.ok })
      continue
    }
    const expected = service.expectedBy ? f.date(service.expectedBy) : ''
    column.pair(service.name, t('account.service.pending'), { color: COLOR.warning })
    column.text(
      service.activation === 'scheduled'
        ? t('account.service.scheduled')
        : service.activation === 'waiting'
          ? t('account.service.waiting', { date: expected })
          : t('account.service.late', { date: expected, phone: section.supportPhone }),
      { size: TEXT.small, color: service.activation === 'late' ? COLOR.danger : COLOR.muted, maxLines: 2 },
    )
  }
  column.gap(10).text(t('account.equipment'), { size: TEXT.small, color: COLOR.muted, bold: true })
  for (const item of section.equipment) column.pair(item.model, item.serialMasked)
}

/**
 * The right of withdrawal while it runs (004 general §6.1–6.5); nothing where the law gives none. A profile
 * that may not see it is told why once, by the commitment block (the same permission).
 */
function withdrawalBlock(column: Column, section: WithdrawalSection | null | Denied | undefined, f: Formats): void {
  if (!section || 'denied' in section) return
  column
    .gap()
    .text(t('account.withdrawal'), { size: TEXT.heading, bold: true })
    .text(t(`account.withdrawal.${section.channel}`, { date: f.date(section.until), concluded: f.date(section.concludedOn) }), { color: COLOR.ok, maxLines: 3 })
    .text(section.daysLeft === 0 ? t('account.withdrawal.lastDay') : t('account.withdrawal.daysLeft', { count: section.daysLeft }), { size: TEXT.small, color: COLOR.warning })
    .pair(t('account.withdrawal.used'), f.money(section.serviceUsedCents), { bold: true })
    .text(t('account.withdrawal.settle', { date: f.date(section.settleBy) }), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
}


function commitmentBlock(column: Column, section: CommitmentSection | null | Denied, data: AccountData, f: Formats): void {
  if (section !== null && 'denied' in section) return deniedBlock(column, t('account.commitment'), section)
  column.gap().text(t('account.commitment'), { size: TEXT.heading, bold: true })
  if (section === null) {
    column.text(t('account.commitment.none'), { color: COLOR.ok, maxLines: 2 })
    return
  }
  column
    .pair(t('account.commitment.end'), f.date(section.endDate), { bold: true })
    .pair(t('account.commitment.left'), periodText(section.monthsLeft, section.daysLeft))
    .text(t('account.termination.estimate'), { size: TEXT.small, color: COLOR.muted, bold: true })
    .pair(t('account.commitment.advantage'), f.money(section.advantageCents))
    .pair(t('account.commitment.minimum'), t('account.months', { count: section.minimumMonths }))
    .pair(t('account.commitment.leftAt', { date: f.date(data.termination.effectiveDate) }), periodText(section.monthsLeftAtTermination, section.daysLeftAtTermination))
    .pair(t('account.commitment.charge'), f.money(section.earlyTerminationCents), { bold: true })
    .text(
      t('account.commitment.formula', {
        advantage: f.money(section.advantageCents),
        minimum: section.minimumMonths,
        left: periodText(section.monthsLeftAtTermination, section.daysLeftAtTermination),
        charge: f.money(section.earlyTerminationCents),
      }),
      { size: TEXT.small, color: COLOR.muted, maxLines: 2 },
    )
    // Seed 004 TV §8.1: after the minimum term the contract renews month by month unless ended with a month's notice.
    .text(t('account.commitment.renewal', { date: f.date(section.endDate) }), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
}

export function detailsColumn(data: AccountData, width: number, f: Formats = formats()): Column {
  const column = new Column(width)
  column
    .pair(t('account.holder'), data.holderName, { bold: true })
    .pair(t('account.nif'), data.nifValid ? data.nifMasked : `${data.nifMasked} (${t('account.nif.invalid')})`)
    .pair(t('account.contract'), data.contractNumber)
    .text(t('account.address', { address: data.address }), { maxLines: 2 })
    .pair(t('account.viewer'), `${data.viewer.name} · ${t(`profile.${data.viewer.profile}`)}`)
    .pair(t('account.registered'), data.registered ? t('account.registered.yes') : t('account.registered.no'), {
      color: data.registered ? COLOR.ok : COLOR.warning,
    })
  servicesBlock(column, data.services, f)
  withdrawalBlock(column, data.withdrawal, f)
  commitmentBlock(column, data.commitment, data, f)
  const termination = data.termination
  column
    .gap()
    .text(t('account.termination'), { size: TEXT.heading, bold: true })
    .text(
      t(termination.inThisCycle ? 'account.termination.thisCycle' : 'account.termination.nextCycle', {
        today: f.date(termination.askedOn),
        date: f.date(termination.effectiveDate),
        deadline: f.date(termination.deadline),
        cycleEnd: f.date(termination.cycleEnd),
      }),
      { maxLines: 3 },
    )
    .text(t('account.termination.equipment', { date: f.date(termination.equipmentReturnBy) }), { size: TEXT.small, maxLines: 3 })
    .text(t('account.termination.rule', { days: termination.noticeDays }), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
    .text(t('account.termination.readOnly'), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
  return column
}

export function exchangeLine(kind: 'equipment' | 'accessory', eligibility: ExchangeEligibility, f: Formats = formats()): { text: string; color: number } {
  if (eligibility.allowed) return { text: t(`account.points.${kind}.yes`), color: COLOR.ok }
  const reasons = eligibility.blockedBy.map((block) =>
    block === 'too-soon' && eligibility.possibleFrom
      ? t('account.points.block.too-soon', { date: f.date(eligibility.possibleFrom) })
      : t(`account.points.block.${block}`),
  )
  return { text: `${t(`account.points.${kind}.no`)} ${reasons.join('; ')}.`, color: COLOR.warning }
}

export function pointsColumn(section: PointsSection | Denied, width: number, f: Formats = formats()): Column {
  const column = new Column(width)
  if ('denied' in section) {
    deniedBlock(column, t('account.points'), section)
    return column
  }
  column.text(t('account.points'), { size: TEXT.heading, bold: true }).pair(t('account.points.balance'), String(section.balance), { bold: true })
  if (section.expiring.length === 0) column.text(t('account.points.noneExpiring'), { size: TEXT.small, color: COLOR.muted })
  for (const lot of section.expiring) {
    column.text(t('account.points.expiring', { points: lot.points, date: f.date(lot.expiresOn) }), { size: TEXT.small, color: COLOR.warning })
  }
  column.text(t('account.points.validity', { years: section.validityMonths / 12 }), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
  for (const kind of ['equipment', 'accessory'] as const) {
    const line = exchangeLine(kind, section[kind], f)
    column.text(line.text, { size: TEXT.small, color: line.color, maxLines: 2 })
  }
  // Seed 003 §9: an equipment exchange binds the account for 18 months.
  column.text(t('account.points.exchangeCommitment', { months: EXCHANGE_COMMITMENT_MONTHS }), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
  column.text(t('account.points.price', { price: f.unitPrice(section.pointPriceMills) }), {
    size: TEXT.small,
    color: COLOR.muted,
    maxLines: 2,
  })
  for (const reward of section.rewards) {
    column.text(
      reward.missing === 0
        ? t('account.points.reward.enough', { name: reward.name, points: reward.points })
        : t('account.points.reward.missing', { name: reward.name, points: reward.points, missing: reward.missing, cost: f.money(reward.missingCostCents) }),
      { size: TEXT.small, maxLines: 2 },
    )
  }
  return column
}

// What voice guidance says (issue 18): the same words, dates and amounts in words (domain/spoken).

/** The page's main fact on arrival: the holder, and the commitment's end when the profile may see it. */
export function accountArrival(data: AccountData): string[] {
  const f = formats('spoken')
  const commitment = data.commitment
  if (commitment === null) return [data.holderName, t('account.commitment.none')]
  if ('denied' in commitment) return [data.holderName]
  return [data.holderName, `${t('account.commitment.end')}: ${f.date(commitment.endDate)}`]
}

/** The e-invoice confirmation's steps: the question, the answer awaited, a refused or failed write. */
export type EInvoiceStep = 'closed' | 'ask' | 'saving' | 'failed'

/** Its answers (ChoiceDialog's `chosen`). */
export type EInvoiceChoice = 'cancel' | 'confirm'

/**
 * The question (Cancelar focused: OK right away changes nothing), the same while the answer is
 * awaited, or why nothing changed after a refused or failed write (OK right away tries again).
 */
export function einvoiceDialog(step: Exclude<EInvoiceStep, 'closed'>, enabled: boolean, problem: string): ChoiceDialogSpec<EInvoiceChoice> {
  const failed = step === 'failed'
  return {
    title: failed ? t('account.einvoice.failed') : t('account.einvoice.title'),
    message: failed ? problem : step === 'saving' ? t('account.einvoice.saving') : t(enabled ? 'account.einvoice.confirmOff' : 'account.einvoice.confirmOn'),
    choices: [
      { id: 'cancel', label: t('account.einvoice.cancel') },
      { id: 'confirm', label: failed ? t('account.einvoice.retry') : t(enabled ? 'account.einvoice.turnOff' : 'account.einvoice.turnOn') },
    ],
    focusId: step === 'ask' ? 'cancel' : 'confirm',
    // Back closes at any step; a write already sent still lands (AccountPage).
    back: step === 'saving' ? t('account.einvoice.keys.saving') : t('keys.closeUnchanged'),
  }
}
