// Billing cycle, invoice status and the timeline of a late invoice
// (seed 004 general §8.3, §10, §12.2 c; TV §7.2, §8.4–8.7; seed 001 G).
import type { InvoiceStatus, OverdueTimeline } from '../contract/invoices'
import { addDays, addMonths, compareDates, daysBetween, lisbonDayStart } from './dates'
import { divideRounded } from './money'
import { defaultInterestCents, type Tariff, tariffOn, TARIFFS } from './tariffs'

/** The invoice is issued two days after its "data da fatura" (the first day of the period): usage is closed first. */
export const ISSUE_DELAY_DAYS = 2
/** Payment term printed on every invoice, counted from the issue date. */
export const PAYMENT_TERM_DAYS = 20
/** The written notice of consequences goes out within 10 days after the due date (TV §8.4). */
export const NOTICE_WITHIN_DAYS = 10
/** Suspension needs this much notice: 30 days for consumers, 20 for non-consumers (general §12.2 c). */
export const SUSPENSION_NOTICE_DAYS = { consumer: 30, nonConsumer: 20 } as const
/**
 * General §12.6: NOS "may terminate the Agreement by giving the Customer at least eight (8) days' notice … b) Client's
 * delay of twenty (20) days or more in the case of non-consumer Clients".
 */
export const NON_CONSUMER_TERMINATION = { delayDays: 20, noticeDays: 8 } as const
/**
 * General §18.10: "In case of non-compliance with the payment of the service in an amount equal or higher than 20% of
 * the minimum monthly remuneration guaranteed, NOS may register the Client's data in the Shared Database (BdP) …
 * NOS must inform the Client, within five (5) days, that its data has been included in the BdP."
 */
export const DEBTORS_DATABASE = { minimumWagePercent: 20, informWithinDays: 5 } as const
/** Still unpaid this many days into the suspension, the contract ends automatically (TV §8.4, §8.7). */
export const SUSPENSION_DAYS = 30
/** The yearly price update by the consumer price index is at least 0,50 € with IVA (general §10.2). */
export const MIN_PRICE_UPDATE_GROSS_CENTS = 50

export interface BillingPeriod {
  periodStart: string
  periodEnd: string
}

export interface InvoiceDates extends BillingPeriod {
  invoiceDate: string
  issueDate: string
  dueDate: string
}

/**
 * The `index`-th monthly period of a cycle that starts on `cycleStart` (index 0), billed monthly (TV §7.2).
 * Every start is counted from `cycleStart` itself, so a cycle on the 31st runs 31 Jan, 28/29 Feb, 31 Mar.
 */
export function monthlyPeriod(cycleStart: string, index: number): BillingPeriod {
  return {
    periodStart: addMonths(cycleStart, index),
    periodEnd: addDays(addMonths(cycleStart, index + 1), -1),
  }
}

/** The first invoice of a contract bills from the activation day to the eve of the first full cycle. */
export function firstPartialPeriod(activationDate: string, cycleStart: string): BillingPeriod {
  return { periodStart: activationDate, periodEnd: addDays(cycleStart, -1) }
}

export function invoiceDates(period: BillingPeriod): InvoiceDates {
  const issueDate = addDays(period.periodStart, ISSUE_DELAY_DAYS)
  return { ...period, invoiceDate: period.periodStart, issueDate, dueDate: addDays(issueDate, PAYMENT_TERM_DAYS) }
}

export function periodDays(period: BillingPeriod): number {
  return daysBetween(period.periodStart, period.periodEnd) + 1
}

/** A monthly price for part of a cycle month: price × days billed ÷ days in that month of the cycle. */
export function proratedCents(monthlyCents: number, billed: BillingPeriod, cycleMonth: BillingPeriod): number {
  return divideRounded(monthlyCents * periodDays(billed), periodDays(cycleMonth))
}

/**
 * Credit for a service unavailable more than 24 h in a billing period, consecutive or accumulated
 * (general §8.3: "for a period exceeding 24 hours, consecutive or accumulated per billing period"): for each
 * day, or part of a day, without service, the day's share of `monthlyCents`, which is the monthly value of
 * all the services contracted (001 D: "com base no valor mensal dos Serviços contratados"), not the base
 * package alone. Zero up to 24 h exactly.
 */
export function unavailabilityCreditCents(monthlyCents: number, hoursUnavailable: number, period: BillingPeriod): number {
  if (hoursUnavailable <= 24) return 0
  return -divideRounded(monthlyCents * Math.ceil(hoursUnavailable / 24), periodDays(period))
}

/** A time without service: from one instant to another (ISO 8601 with offset, as recorded). */
export interface Outage {
  from: string
  to: string
}

/**
 * Hours without service in a billing period, "consecutive or accumulated" (general §8.3): the time that really
 * passed, not the hours a wall clock shows, so a night across the spring change in Lisbon is one hour shorter
 * and one across the autumn change one hour longer. Each outage counts only within the period's Lisbon days
 * (from 00:00 of its first to 00:00 after its last); overlapping records count once.
 */
export function outageHours(outages: readonly Outage[], period: BillingPeriod): number {
  const periodFrom = lisbonDayStart(period.periodStart).getTime()
  const periodTo = lisbonDayStart(addDays(period.periodEnd, 1)).getTime()
  const spans = outages
    .map((outage) => [Math.max(Date.parse(outage.from), periodFrom), Math.min(Date.parse(outage.to), periodTo)] as const)
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0])
  let total = 0
  let reached = -Infinity
  for (const [from, to] of spans) {
    if (to <= reached) continue
    total += to - Math.max(from, reached)
    reached = to
  }
  return total / 3_600_000
}

/** The yearly update by the consumer price index (February to April), never under 0,50 € with IVA (general §10.2). */
export function indexedNetPrice(netCents: number, indexBasisPoints: number, vatRatePercent: number): number {
  const byIndex = divideRounded(netCents * indexBasisPoints, 10_000)
  const minimum = Math.ceil((MIN_PRICE_UPDATE_GROSS_CENTS * 100) / (100 + vatRatePercent))
  return netCents + Math.max(byIndex, minimum)
}


/** A complaint about an invoice (general §19.3–19.5, §10.11; seed 001 G). */
export interface ComplaintFacts {
  filedOn: string
  /** The part of the invoice disputed, with IVA: one line, or the whole total. */
  disputedCents: number
  /** Day the operator decided it; null while it is pending. */
  decidedOn: string | null
}

/** §19.4: "The deadline to present the complaint … is 30 (thirty) days, as of the knowledge of the facts by the Customer." */
export const COMPLAINT_DAYS = 30
/** §19.5: complaints "will be decided by NOS and notified … within 30 (thirty) days from the date they are received." */
export const COMPLAINT_DECISION_DAYS = 30

export interface ComplaintTerms {
  /** Last day an invoice can be complained about: 30 days after its issue, the day the subscriber learns of it. */
  deadline: string
  /** Filed by the deadline. */
  inTime: boolean
  /**
   * Seed 001 G: "As reclamações sobre faturação, desde que apresentadas até à data limite de pagamento,
   * suspendem a obrigatoriedade de pagamento da parcela da fatura reclamada até à sua decisão" — filed on
   * or before the due date, payment of the disputed part waits for the decision.
   */
  suspendsPayment: boolean
  /** Last day for the decision (§19.5). */
  decisionBy: string
}

/** What a complaint filed on `filedOn` about an invoice issued on `issueDate`, due on `dueDate`, does. Days count as the Civil Code art. 279 counts them: the first day is not counted, the last one is whole. */
export function complaintTerms(invoice: { issueDate: string; dueDate: string }, filedOn: string): ComplaintTerms {
  const deadline = addDays(invoice.issueDate, COMPLAINT_DAYS)
  const inTime = compareDates(filedOn, deadline) <= 0
  return {
    deadline,
    inTime,
    suspendsPayment: inTime && compareDates(filedOn, invoice.dueDate) <= 0,
    decisionBy: addDays(filedOn, COMPLAINT_DECISION_DAYS),
  }
}

/** What is stored about an invoice; everything else is derived for the day asked about. */
export interface InvoiceFacts {
  dueDate: string
  totalCents: number
  /** Day the amount due was received (a direct debit: its collection date). */
  paidOn: string | null
  /** The complaint about this invoice, if one was made. Absent or null: none. */
  complaint?: ComplaintFacts | null
  /** Day the written notice of consequences went out (TV §8.4); absent or null when none is recorded. */
  noticeSentOn?: string | null
  /** Last day of the billed period: the collection fee is charged on the next invoice, dated the day after. */
  periodEnd?: string
  consumer: boolean
}

export interface InvoiceAssessment {
  status: InvoiceStatus
  daysOverdue: number
  timeline: OverdueTimeline | null
}

/**
 * The part of a complaint that holds payment on `today`: one filed by the due date (seed 001 G) and not yet
 * decided. A complaint never holds later invoices (§10.11): each invoice carries its own.
 */
function suspendedCents(facts: InvoiceFacts, today: string): number {
  const complaint = facts.complaint
  if (!complaint || compareDates(complaint.filedOn, today) > 0) return 0
  if (compareDates(complaint.filedOn, facts.dueDate) > 0) return 0
  if (complaint.decidedOn !== null && compareDates(complaint.decidedOn, today) <= 0) return 0
  return Math.min(complaint.disputedCents, facts.totalCents)
}

/** What is to be paid on `today`: the total, less the disputed part while a complaint holds it. */
export function amountDueCents(facts: InvoiceFacts, today: string): number {
  return facts.totalCents - suspendedCents(facts, today)
}

/**
 * Status on `today`. A complaint made by the due date suspends payment of the disputed part until it is
 * decided (seed 001 G): the invoice is em reclamação; what is not disputed is still due by the due date,
 * and unpaid after it the invoice is late. A later complaint suspends nothing. A payment (of the amount
 * due) counts from the day received.
 */
export function invoiceStatus(facts: InvoiceFacts, today: string): InvoiceStatus {
  const paid = facts.paidOn !== null && compareDates(facts.paidOn, today) <= 0
  const late = compareDates(today, facts.dueDate) > 0
  if (suspendedCents(facts, today) > 0) return !paid && late && amountDueCents(facts, today) > 0 ? 'overdue' : 'disputed'
  if (paid) return 'paid'
  return late ? 'overdue' : 'unpaid'
}

/**
 * Dates and charges of a late invoice (TV §8.4–8.7, general §10.5, §10.12, §12.2 c, §12.7). The notice is
 * the one sent when there is one, else its last allowed day. Days count as the Civil Code art. 279 counts
 * them: a term ends at the end of its last day, so the last day to pay is the day before the consequence.
 */
export function overdueTimeline(facts: InvoiceFacts, today: string, tariffs: readonly Tariff[] = TARIFFS): OverdueTimeline {
  // TV §8.4: "by simple written communication, made within 10 (ten) days after the invoice is due".
  const noticeBy = addDays(facts.dueDate, NOTICE_WITHIN_DAYS)
  const noticeOn = facts.noticeSentOn ?? noticeBy
  // General §12.2 c: "upon prior notice to the Customer made at least twenty (20) or thirty (30) days in advance".
  const noticeDays = facts.consumer ? SUSPENSION_NOTICE_DAYS.consumer : SUSPENSION_NOTICE_DAYS.nonConsumer
  const suspensionFrom = addDays(noticeOn, noticeDays)
  // TV §8.6: reactivated "if the Client makes payments … within the thirty (30) days granted"; §8.7: else terminated.
  const terminationFrom = addDays(suspensionFrom, SUSPENSION_DAYS)
  const serviceStatus =
    compareDates(today, suspensionFrom) < 0 ? 'active' : compareDates(today, terminationFrom) < 0 ? 'suspended' : 'terminated'
  const amountDue = amountDueCents(facts, today)
  // §10.5: the fee "foreseen in the tariff in force", added to the invoicing of the next period; §10.12: interest.
  const fees = tariffOn(addDays(facts.dueDate, 1), tariffs).tariff
  const current = tariffOn(today, tariffs)
  const debtorsThreshold = Math.ceil((current.tariff.minimumWageCents * DEBTORS_DATABASE.minimumWagePercent) / 100)
  return {
    noticeBy,
    noticeSentOn: facts.noticeSentOn ?? null,
    suspensionFrom,
    terminationFrom,
    amountDueCents: amountDue,
    collectionFeeCents: fees.collectionFeeCents,
    feeInvoiceDate: facts.periodEnd ? addDays(facts.periodEnd, 1) : null,
    feesSource: fees.feesSource,
    interestCents: defaultInterestCents(amountDue, facts.dueDate, today, tariffs),
    interestBasisPoints: current.tariff.interestBasisPoints,
    interestSource: current.tariff.interestSource,
    interestPublished: current.published,
    // §12.7: lifting the suspension takes the invoices, interest and "reactivation fees … in force on the date of the lifting".
    reactivationFeeCents: current.tariff.reactivationFeeCents,
    // §12.6 b: the earliest day a non-consumer's contract may be terminated: 20 days late, then 8 days' notice.
    nonConsumerTerminationFrom: facts.consumer
      ? null
      : addDays(facts.dueDate, NON_CONSUMER_TERMINATION.delayDays + NON_CONSUMER_TERMINATION.noticeDays),
    debtorsDatabaseThresholdCents: debtorsThreshold,
    debtorsDatabaseReportable: amountDue >= debtorsThreshold,
    payBy: serviceStatus === 'terminated' ? null : addDays(serviceStatus === 'active' ? suspensionFrom : terminationFrom, -1),
    serviceStatus,
  }
}

export function assessInvoice(facts: InvoiceFacts, today: string, tariffs: readonly Tariff[] = TARIFFS): InvoiceAssessment {
  const status = invoiceStatus(facts, today)
  if (status !== 'overdue') return { status, daysOverdue: 0, timeline: null }
  return { status, daysOverdue: daysBetween(facts.dueDate, today), timeline: overdueTimeline(facts, today, tariffs) }
}

/** What ranks an invoice's urgency. */
export interface UrgencyFacts {
  status: InvoiceStatus
  daysOverdue: number
  dueDate: string
}

/**
 * The invoice a list opens on (issue 21, 10: the most urgent gets focus): the one longest
 * overdue (the one due first on a tie), else the unpaid one due first; undefined when none is to pay.
 */
export function mostUrgentInvoice<T extends UrgencyFacts>(invoices: readonly T[]): T | undefined {
  const rank = (invoice: UrgencyFacts) => (invoice.status === 'overdue' ? 2 : invoice.status === 'unpaid' ? 1 : 0)
  let best: T | undefined
  for (const invoice of invoices) {
    if (rank(invoice) === 0) continue
    if (!best || rank(invoice) > rank(best)) best = invoice
    else if (rank(invoice) === rank(best) && (invoice.daysOverdue > best.daysOverdue || (invoice.daysOverdue === best.daysOverdue && compareDates(invoice.dueDate, best.dueDate) < 0))) best = invoice
  }
  return best
}
