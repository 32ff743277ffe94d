// The one builder of the demo data: each scenario of scenarios.json becomes an account
// with its own device token (or another viewer of an account), its services and its
// invoices. Every date is computed from the seeding day, so on that day the overdue
// invoice is exactly 12 days late and the new customer's first invoice is not yet due.
// Afterwards time runs on as it would for a real account (13 days late tomorrow); seed
// an empty database to start over. The sections of the other features (recordings,
// notices, account contracts, premium) are seeded by their own files here.
import type { InvoiceLine } from '../../contract'
import {
  type BillingPeriod,
  firstPartialPeriod,
  indexedNetPrice,
  type InvoiceDates,
  invoiceDates,
  ISSUE_DELAY_DAYS,
  monthlyPeriod,
  type Outage,
  outageHours,
  proratedCents,
  unavailabilityCreditCents,
} from '../../domain/billing'
import { addDays, addMonths, compareDates, daysBetween, lisbonDayStart } from '../../domain/dates'
import { invoiceAmounts, VAT_RATE_PERCENT } from '../../domain/money'
import { multibancoReference } from '../../domain/multibanco'
import type { Db, InvoiceLineTable, InvoiceTable } from '../store/db'
import { tokenDigest } from '../store/tokens'
import { MULTIBANCO_ENTITY } from '../operator'
import { seedNotices } from './notices'
import { seedAccountSection } from './account'
import { seedRecordings } from './recordings'
import { seedPremium } from './premium'
import { priceIndexFor } from './price-index'
import { seededRandom } from './random'
import { type AccountScenario, DEMO, type FirstInvoice, isAccountScenario, type MonthlyBilling, product } from './scenario'


const VOD_NET_CENTS = [324, 406]
const FILMS = [
  'Os Maias',
  'Variações',
  'Alma Viva',
  'Great Yarmouth',
  'O Pátio das Cantigas',
  'Dune: Parte Dois',
  'Oppenheimer',
  'Divertida-Mente 2',
  'Gladiador II',
  'Sonhar é Preciso',
]
const OUTAGE_CREDIT = 'Crédito por indisponibilidade do serviço superior a 24 h'

interface PaymentFacts {
  paidOn: string | null
  disputedOn: string | null
  noticeSentOn: string | null
}

interface InvoiceDraft {
  dates: InvoiceDates
  partialPeriod: boolean
  lines: InvoiceLine[]
  payment: PaymentFacts
}

const unpaid: PaymentFacts = { paidOn: null, disputedOn: null, noticeSentOn: null }

/** Unpaid: the notice of consequences, once its day has come (004 TV §8.4: "within 10 (ten) days after the invoice is due"). */
function unpaidOn(billing: MonthlyBilling, dates: InvoiceDates, today: string): PaymentFacts {
  const noticeOn = billing.noticeDaysAfterDue === undefined ? null : addDays(dates.dueDate, billing.noticeDaysAfterDue)
  return { ...unpaid, noticeSentOn: noticeOn !== null && compareDates(noticeOn, today) <= 0 ? noticeOn : null }
}

/**
 * How the invoice `monthsAgo` periods before the newest one was settled, as known on `today`: a direct
 * debit is collected on the due date (seed 004 TV §7.2: paid "through the means indicated"); Multibanco
 * is paid at an ATM a few days before the due date, not yet if that day is still to come.
 */
function payment(scenario: AccountScenario, billing: MonthlyBilling, monthsAgo: number, dates: InvoiceDates, today: string): PaymentFacts {
  if (monthsAgo < (billing.unpaidNewest ?? 0)) return unpaidOn(billing, dates, today)
  if (billing.disputed?.monthsAgo === monthsAgo) return { ...unpaid, disputedOn: addDays(dates.issueDate, billing.disputed.daysAfterIssue) }
  if (scenario.account.paymentMethod === 'direct-debit') return { ...unpaid, paidOn: dates.dueDate }
  const paidOn = addDays(dates.dueDate, -(2 + (monthsAgo % 5)))
  return { ...unpaid, paidOn: compareDates(paidOn, today) <= 0 ? paidOn : null }
}

/** The outage as the network records it: two instants, each some hours after a Lisbon midnight of the period. */
function outageRecord(outage: NonNullable<MonthlyBilling['outage']>, period: BillingPeriod): Outage {
  const at = (day: number, hour: number) => new Date(lisbonDayStart(addDays(period.periodStart, day)).getTime() + hour * 3_600_000).toISOString()
  return { from: at(outage.fromDay, outage.fromHour), to: at(outage.toDay, outage.toHour) }
}

/** The newest period on a cycle day whose invoice is already issued on `today`. */
function newestIssuedPeriodStart(today: string, cycleDay: number): string {
  const thisMonth = `${today.slice(0, 8)}${String(cycleDay).padStart(2, '0')}`
  return compareDates(addDays(thisMonth, ISSUE_DELAY_DAYS), today) <= 0 ? thisMonth : addMonths(thisMonth, -1)
}

function monthlyHistory(scenario: AccountScenario, billing: MonthlyBilling, today: string): InvoiceDraft[] {
  const random = seededRandom(billing.randomSeed)
  const vatRate = VAT_RATE_PERCENT[scenario.account.region]
  const [cycleStart, newestIndex] =
    'day' in billing.cycle ? [newestIssuedPeriodStart(today, billing.cycle.day), 0] : [addDays(today, -billing.cycle.startedDaysAgo), billing.cycle.newestIndex]
  const basePackage = product(billing.basePackage)
  const premium = billing.premium && { ...billing.premium, product: product(billing.premium.product) }
  let basePrice = basePackage.netCents
  const drafts: InvoiceDraft[] = []
  for (let monthsAgo = billing.months - 1; monthsAgo >= 0; monthsAgo--) {
    const period = monthlyPeriod(cycleStart, newestIndex - monthsAgo)
    const isFirst = monthsAgo === billing.months - 1
    if (!isFirst && period.periodStart.slice(5, 7) === '03') basePrice = indexedNetPrice(basePrice, priceIndexFor(period.periodStart), vatRate)
    const lines: InvoiceLine[] = [
      { group: 'base', description: basePackage.description, netCents: basePrice },
      ...billing.rentals.map((key): InvoiceLine => ({ group: 'monthly', ...product(key) })),
    ]
    if (premium && monthsAgo <= premium.fromMonthsAgo && monthsAgo >= premium.toMonthsAgo) {
      lines.push({ group: 'monthly', ...premium.product })
    }
    if (random() < billing.vodChance) {
      const rentals = random() < 0.3 ? 2 : 1
      for (let rental = 0; rental < rentals; rental++) {
        const film = FILMS[Math.floor(random() * FILMS.length)]
        const netCents = VOD_NET_CENTS[Math.floor(random() * VOD_NET_CENTS.length)]
        lines.push({ group: 'extra', description: `Aluguer VOD: ${film}`, netCents })
      }
    }
    if (billing.outage?.monthsAgo === monthsAgo) {
      // 001 D: on "o valor mensal dos Serviços contratados": the base package, rentals and premium together.
      const monthlyServices = lines.filter((line) => line.group === 'base' || line.group === 'monthly').reduce((sum, line) => sum + line.netCents, 0)
      const hours = outageHours([outageRecord(billing.outage, period)], period)
      if (hours > 24) lines.push({ group: 'credit', description: OUTAGE_CREDIT, netCents: unavailabilityCreditCents(monthlyServices, hours, period) })
    }
    const dates = invoiceDates(period)
    drafts.push({ dates, partialPeriod: false, lines, payment: payment(scenario, billing, monthsAgo, dates, today) })
  }
  return drafts
}

/** Billing starts at the commercial activation (seed 004 general §3.1, §10.3): one partial period up to the first full cycle. */
function firstInvoice(scenario: AccountScenario, first: FirstInvoice, today: string): InvoiceDraft[] {
  const cycleStart = addDays(today, first.cycleStartsInDays)
  const period = firstPartialPeriod(addDays(today, -scenario.account.activatedDaysAgo), cycleStart)
  const cycleMonth: BillingPeriod = monthlyPeriod(cycleStart, -1)
  const prorated = (key: string) => {
    const { description, netCents } = product(key)
    return { description, netCents: proratedCents(netCents, period, cycleMonth) }
  }
  const lines: InvoiceLine[] = [
    { group: 'base', ...prorated(first.basePackage) },
    ...first.rentals.map((key): InvoiceLine => ({ group: 'monthly', ...prorated(key) })),
  ]
  return [{ dates: invoiceDates(period), partialPeriod: true, lines, payment: unpaid }]
}

function invoiceDrafts(scenario: AccountScenario, today: string): InvoiceDraft[] {
  if (scenario.billing) return monthlyHistory(scenario, scenario.billing, today)
  if (scenario.firstInvoice) return firstInvoice(scenario, scenario.firstInvoice, today)
  return []
}

/** Series validation code the tax authority gives each yearly series (deterministic stand-in). */
function seriesValidationCode(year: number): string {
  const alphabet = 'BCDFGHJKLMNPQRSTVWXZ23456789'
  const random = seededRandom(year)
  return Array.from({ length: 8 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')
}

/** One series per year; numbers grow with the issue date, and demo accounts never collide. */
function invoiceNumbering(issueDate: string, scenarioIndex: number) {
  const year = Number(issueDate.slice(0, 4))
  const sequence = 1_200_000 + (daysBetween(`${year}-01-01`, issueDate) + 1) * 1000 + scenarioIndex
  const padded = String(sequence).padStart(7, '0')
  return {
    id: `ft-${year}-${padded}`,
    number: `FT ${year}/${padded}`,
    atcud: `${seriesValidationCode(year)}-${sequence}`,
    /** 7 digits of the Multibanco reference: the year's last digit and the sequence. */
    multibancoReference7: `${year % 10}${String(sequence % 1_000_000).padStart(6, '0')}`,
  }
}

function invoiceRows(scenario: AccountScenario, scenarioIndex: number, draft: InvoiceDraft) {
  const { account } = scenario
  const numbering = invoiceNumbering(draft.dates.issueDate, scenarioIndex)
  const amounts = invoiceAmounts(
    draft.lines.map((line) => line.netCents),
    account.region,
  )
  const multibanco = account.paymentMethod === 'multibanco'
  const invoice: InvoiceTable = {
    id: numbering.id,
    account_id: account.id,
    number: numbering.number,
    atcud: numbering.atcud,
    period_start: draft.dates.periodStart,
    period_end: draft.dates.periodEnd,
    invoice_date: draft.dates.invoiceDate,
    issue_date: draft.dates.issueDate,
    due_date: draft.dates.dueDate,
    partial_period: draft.partialPeriod ? 1 : 0,
    region: account.region,
    vat_rate_percent: amounts.vatRatePercent,
    net_cents: amounts.netCents,
    vat_cents: amounts.vatCents,
    total_cents: amounts.totalCents,
    payment_method: account.paymentMethod,
    multibanco_entity: multibanco ? MULTIBANCO_ENTITY : null,
    multibanco_reference: multibanco ? multibancoReference(MULTIBANCO_ENTITY, numbering.multibancoReference7, amounts.totalCents) : null,
    debit_iban: multibanco ? null : account.iban,
    paid_on: draft.payment.paidOn,
    disputed_on: draft.payment.disputedOn,
    notice_sent_on: draft.payment.noticeSentOn,
  }
  const lines: InvoiceLineTable[] = draft.lines.map((line, position) => ({
    invoice_id: invoice.id,
    position,
    line_group: line.group,
    description: line.description,
    net_cents: line.netCents,
  }))
  return { invoice, lines }
}

export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('account').select('id').limit(1).executeTakeFirst()
  return row === undefined
}

/** Writes every demo scenario, dated relative to `today` (a Lisbon calendar day). */
/** `secret`: TOKEN_SECRET, which the device tokens' digests are keyed with (store/tokens.ts). */
export async function seedDemoAccounts(db: Db, today: string, secret: string): Promise<void> {
  const scenarios = DEMO.scenarios.map((scenario, position) => ({ scenario, position }))
  await db.transaction().execute(async (trx) => {
    /** The scenario's token and its line in the demo list (GET /v1/demo/scenarios). */
    const listed = async ({ scenario, position }: (typeof scenarios)[number], accountId: string) => {
      await trx
        .insertInto('device_token')
        .values({ token: tokenDigest(secret, scenario.token), account_id: accountId, viewer_name: scenario.viewer.name, viewer_profile: scenario.viewer.profile })
        .execute()
      await trx.insertInto('demo_scenario').values({ id: scenario.id, position, description: scenario.description, token: scenario.token, account_id: accountId }).execute()
    }
    const accountIds = new Map<string, string>()
    for (const entry of scenarios) {
      const { scenario, position } = entry
      if (!isAccountScenario(scenario)) continue
      const { account } = scenario
      accountIds.set(scenario.id, account.id)
      await trx
        .insertInto('account')
        .values({
          id: account.id,
          holder_name: account.holderName,
          contract_number: account.contractNumber,
          nif: account.nif,
          region: account.region,
          // Every demo holder is a consumer: 30 days' notice before a suspension (seed 004 general §12.2 c).
          consumer: 1,
          payment_method: account.paymentMethod,
          iban: account.iban,
          activated_on: addDays(today, -account.activatedDaysAgo),
        })
        .execute()
      await listed(entry, account.id)
      await trx
        .insertInto('account_service')
        .values(
          scenario.services.map((service, index) => ({
            account_id: account.id,
            position: index,
            name: service.name,
            kind: service.kind,
            status: service.activatedDaysAgo === null ? ('pending' as const) : ('active' as const),
            requested_on: addDays(today, -service.requestedDaysAgo),
            installed_on: service.installedDaysAgo === null ? null : addDays(today, -(service.installedDaysAgo ?? service.requestedDaysAgo)),
            activated_on: service.activatedDaysAgo === null ? null : addDays(today, -service.activatedDaysAgo),
          })),
        )
        .execute()
      await seedRecordings(trx, scenario.id, account.id, today, position)
      const rows = invoiceDrafts(scenario, today).map((draft) => invoiceRows(scenario, position, draft))
      await trx.insertInto('invoice').values(rows.map((row) => row.invoice)).execute()
      await trx.insertInto('invoice_line').values(rows.flatMap((row) => row.lines)).execute()
      // An invoice under complaint: about all of it, still pending (004 general §19.3–19.5).
      const disputed = rows.flatMap(({ invoice }) =>
        invoice.disputed_on === null
          ? []
          : [{ invoice_id: invoice.id, account_id: account.id, filed_on: invoice.disputed_on, line: null, reason: 'wrong-amount' as const, disputed_cents: invoice.total_cents, decided_on: null }],
      )
      if (disputed.length > 0) await trx.insertInto('invoice_complaint').values(disputed).execute()
    }
    await seedNotices(trx, today)
    await seedAccountSection(trx, today)
    // The other viewers of a household watch an account written above.
    for (const entry of scenarios) {
      if (isAccountScenario(entry.scenario)) continue
      const accountId = accountIds.get(entry.scenario.watches)
      if (!accountId) throw new Error(`scenarios.json: «${entry.scenario.id}» watches «${entry.scenario.watches}», which is no account scenario`)
      await listed(entry, accountId)
    }
    await seedPremium(trx, today)
  })
}
