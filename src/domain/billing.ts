// Billing cycle, invoice status and the timeline of a late invoice
// (seed 004 general §8.3, §10, §12.2 c; TV §7.2, §8.4–8.7; seed 001 G).
import type { InvoiceStatus, OverdueTimeline } from '../contract/invoices'
import { addDays, addMonths, compareDates, daysBetween } from './dates'
import { divideRounded } from './money'

/** The invoice is issued two days after its "data da fatura" (the first day of the period): usage is closed first. */
export const ISSUE_DELAY_DAYS = 2
/** Payment term printed on every invoice, counted from the issue date. */
export const PAYMENT_TERM_DAYS = 20
/** The written notice of consequences goes out within 10 days after the due date (TV §8.4). */
export const NOTICE_WITHIN_DAYS = 10
/** Suspension needs this much notice: 30 days for consumers, 20 for non-consumers (general §12.2 c). */
export const SUSPENSION_NOTICE_DAYS = { consumer: 30, nonConsumer: 20 } as const
/** Still unpaid this many days into the suspension, the contract ends automatically (TV §8.4, §8.7). */
export const SUSPENSION_DAYS = 30
/** Collection fee added to each invoice not paid on time: "the amount foreseen in the tariff" (general §10.5). */
export const COLLECTION_FEE_CENTS = 500
/**
 * Default interest "at the legal rate applicable to commercial operations" (general §10.12): the ECB main
 * refinancing rate (2.15 %) plus 8 points, 10.15 % a year, as published each semester by the DGTF for
 * the first half of 2026. Update with each notice.
 */
export const LEGAL_COMMERCIAL_INTEREST_BASIS_POINTS = 1015
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
 * (general §8.3): the monthly fee for each day, or part of a day, without service. Zero up to 24 h.
 */
export function unavailabilityCreditCents(monthlyCents: number, hoursUnavailable: number, period: BillingPeriod): number {
  if (hoursUnavailable <= 24) return 0
  return -divideRounded(monthlyCents * Math.ceil(hoursUnavailable / 24), periodDays(period))
}

/** The yearly update by the consumer price index (February to April), never under 0,50 € with IVA (general §10.2). */
export function indexedNetPrice(netCents: number, indexBasisPoints: number, vatRatePercent: number): number {
  const byIndex = divideRounded(netCents * indexBasisPoints, 10_000)
  const minimum = Math.ceil((MIN_PRICE_UPDATE_GROSS_CENTS * 100) / (100 + vatRatePercent))
  return netCents + Math.max(byIndex, minimum)
}

/** Simple daily interest on the amount in arrears, 365-day year. */
export function defaultInterestCents(principalCents: number, daysLate: number): number {
  return divideRounded(principalCents * LEGAL_COMMERCIAL_INTEREST_BASIS_POINTS * daysLate, 10_000 * 365)
}

/** What is stored about an invoice; everything else is derived for the day asked about. */
export interface InvoiceFacts {
  dueDate: string
  totalCents: number
  /** Day the payment was received (a direct debit: its collection date). */
  paidOn: string | null
  /** Day a complaint about this invoice was filed; null if none is open. */
  disputedOn: string | null
  consumer: boolean
}

export interface InvoiceAssessment {
  status: InvoiceStatus
  daysOverdue: number
  timeline: OverdueTimeline | null
}

/**
 * Status on `today`: a complaint filed by the due date suspends payment of the invoice until it is
 * decided (seed 001 G), so a disputed invoice is never late; a payment counts from the day received.
 */
export function invoiceStatus(facts: InvoiceFacts, today: string): InvoiceStatus {
  if (facts.disputedOn !== null && compareDates(facts.disputedOn, today) <= 0) return 'disputed'
  if (facts.paidOn !== null && compareDates(facts.paidOn, today) <= 0) return 'paid'
  return compareDates(today, facts.dueDate) > 0 ? 'overdue' : 'unpaid'
}

/**
 * Dates of a late invoice (TV §8.4–8.6, general §12.2 c). The notice is dated on the last day allowed,
 * so the other dates are the latest the operator may act on. Paying before `payBy` keeps the service
 * (before the suspension) or restores it (during the suspension).
 */
export function overdueTimeline(facts: InvoiceFacts, today: string): OverdueTimeline {
  const noticeBy = addDays(facts.dueDate, NOTICE_WITHIN_DAYS)
  const noticeDays = facts.consumer ? SUSPENSION_NOTICE_DAYS.consumer : SUSPENSION_NOTICE_DAYS.nonConsumer
  const suspensionFrom = addDays(noticeBy, noticeDays)
  const terminationFrom = addDays(suspensionFrom, SUSPENSION_DAYS)
  const serviceStatus =
    compareDates(today, suspensionFrom) < 0 ? 'active' : compareDates(today, terminationFrom) < 0 ? 'suspended' : 'terminated'
  return {
    noticeBy,
    suspensionFrom,
    terminationFrom,
    collectionFeeCents: COLLECTION_FEE_CENTS,
    interestCents: defaultInterestCents(facts.totalCents, Math.max(0, daysBetween(facts.dueDate, today))),
    payBy: serviceStatus === 'active' ? suspensionFrom : terminationFrom,
    serviceStatus,
  }
}

export function assessInvoice(facts: InvoiceFacts, today: string): InvoiceAssessment {
  const status = invoiceStatus(facts, today)
  if (status !== 'overdue') return { status, daysOverdue: 0, timeline: null }
  return { status, daysOverdue: daysBetween(facts.dueDate, today), timeline: overdueTimeline(facts, today) }
}
