import { describe, expect, it } from 'vitest'
import {
  assessInvoice,
  COLLECTION_FEE_CENTS,
  defaultInterestCents,
  firstPartialPeriod,
  indexedNetPrice,
  type InvoiceFacts,
  invoiceDates,
  monthlyPeriod,
  overdueTimeline,
  proratedCents,
  unavailabilityCreditCents,
} from '../../../src/domain/billing'

const unpaid = (dueDate: string, overrides: Partial<InvoiceFacts> = {}): InvoiceFacts => ({
  dueDate,
  totalCents: 6000,
  paidOn: null,
  disputedOn: null,
  consumer: true,
  ...overrides,
})

describe('billing cycle', () => {
  it('bills calendar months when the cycle starts on the 1st', () => {
    expect(monthlyPeriod('2026-01-01', 1)).toEqual({ periodStart: '2026-02-01', periodEnd: '2026-02-28' })
    expect(monthlyPeriod('2026-01-01', 11)).toEqual({ periodStart: '2026-12-01', periodEnd: '2026-12-31' })
  })

  it('keeps a cycle on the 31st contiguous through short months and leap years', () => {
    expect(monthlyPeriod('2026-01-31', 0)).toEqual({ periodStart: '2026-01-31', periodEnd: '2026-02-27' })
    expect(monthlyPeriod('2026-01-31', 1)).toEqual({ periodStart: '2026-02-28', periodEnd: '2026-03-30' })
    expect(monthlyPeriod('2026-01-31', 2)).toEqual({ periodStart: '2026-03-31', periodEnd: '2026-04-29' })
    expect(monthlyPeriod('2024-01-31', 1)).toEqual({ periodStart: '2024-02-29', periodEnd: '2024-03-30' })
  })

  it('dates the invoice on the first day of the period, issues it 2 days later, due 20 days after issue', () => {
    expect(invoiceDates(monthlyPeriod('2026-02-01', 0))).toEqual({
      periodStart: '2026-02-01',
      periodEnd: '2026-02-28',
      invoiceDate: '2026-02-01',
      issueDate: '2026-02-03',
      dueDate: '2026-02-23',
    })
    expect(invoiceDates(monthlyPeriod('2025-12-20', 0)).dueDate).toBe('2026-01-11')
  })

  it('bills the first period from the activation day, pro rata', () => {
    const partial = firstPartialPeriod('2026-02-13', '2026-03-01')
    expect(partial).toEqual({ periodStart: '2026-02-13', periodEnd: '2026-02-28' })
    expect(proratedCents(3000, partial, monthlyPeriod('2026-02-01', 0))).toBe(1714) // 3000 × 16 / 28
    expect(proratedCents(3000, firstPartialPeriod('2024-02-13', '2024-03-01'), monthlyPeriod('2024-02-01', 0))).toBe(1759) // 17 / 29
  })
})

describe('status', () => {
  it('is por pagar up to and including the due date, em atraso from the next day', () => {
    expect(assessInvoice(unpaid('2026-03-10'), '2026-03-10')).toEqual({ status: 'unpaid', daysOverdue: 0, timeline: null })
    const late = assessInvoice(unpaid('2026-03-10'), '2026-03-11')
    expect(late.status).toBe('overdue')
    expect(late.daysOverdue).toBe(1)
    expect(late.timeline).not.toBeNull()
  })

  it('counts days late across February of a leap year', () => {
    expect(assessInvoice(unpaid('2024-02-20'), '2024-03-03').daysOverdue).toBe(12)
    expect(assessInvoice(unpaid('2026-02-20'), '2026-03-04').daysOverdue).toBe(12)
  })

  it('is paga from the day the payment is received, even late', () => {
    expect(assessInvoice(unpaid('2026-03-10', { paidOn: '2026-03-05' }), '2026-03-20').status).toBe('paid')
    expect(assessInvoice(unpaid('2026-03-10', { paidOn: '2026-03-15' }), '2026-03-20')).toEqual({
      status: 'paid',
      daysOverdue: 0,
      timeline: null,
    })
  })

  it('treats a direct debit collected in the future as not yet paid', () => {
    expect(assessInvoice(unpaid('2026-03-10', { paidOn: '2026-03-10' }), '2026-03-02').status).toBe('unpaid')
  })

  it('is em reclamação while a complaint is open, and never late', () => {
    expect(assessInvoice(unpaid('2026-03-10', { disputedOn: '2026-03-08' }), '2026-04-30')).toEqual({
      status: 'disputed',
      daysOverdue: 0,
      timeline: null,
    })
  })
})

describe('overdue timeline (seed 004 TV §8.4, general §12.2 c)', () => {
  it('gives notice within 10 days, suspends 30 days later, terminates 30 days into the suspension', () => {
    expect(overdueTimeline(unpaid('2026-02-23'), '2026-03-07')).toEqual({
      noticeBy: '2026-03-05',
      suspensionFrom: '2026-04-04',
      terminationFrom: '2026-05-04',
      collectionFeeCents: COLLECTION_FEE_CENTS,
      interestCents: 20, // 60 € × 10.15 % × 12 / 365 = 0.2002 €
      payBy: '2026-04-04',
      serviceStatus: 'active',
    })
  })

  it('gives non-consumers 20 days of notice', () => {
    const timeline = overdueTimeline(unpaid('2026-02-23', { consumer: false }), '2026-03-07')
    expect(timeline.suspensionFrom).toBe('2026-03-25')
    expect(timeline.terminationFrom).toBe('2026-04-24')
  })

  it('crosses a leap day and a year end', () => {
    const leap = overdueTimeline(unpaid('2024-02-20'), '2024-02-21')
    expect([leap.noticeBy, leap.suspensionFrom, leap.terminationFrom]).toEqual(['2024-03-01', '2024-03-31', '2024-04-30'])
    const yearEnd = overdueTimeline(unpaid('2026-12-25'), '2026-12-26')
    expect([yearEnd.noticeBy, yearEnd.suspensionFrom, yearEnd.terminationFrom]).toEqual(['2027-01-04', '2027-02-03', '2027-03-05'])
  })

  it('moves the pay-by date to the termination once suspended: paying then restores the service', () => {
    const facts = unpaid('2026-02-23')
    expect(overdueTimeline(facts, '2026-04-03')).toMatchObject({ serviceStatus: 'active', payBy: '2026-04-04' })
    expect(overdueTimeline(facts, '2026-04-04')).toMatchObject({ serviceStatus: 'suspended', payBy: '2026-05-04' })
    expect(overdueTimeline(facts, '2026-05-04')).toMatchObject({ serviceStatus: 'terminated' })
  })
})

describe('charges', () => {
  it('accrues default interest per day at the commercial legal rate', () => {
    expect(defaultInterestCents(10000, 365)).toBe(1015)
    expect(defaultInterestCents(10000, 0)).toBe(0)
    expect(defaultInterestCents(5534, 30)).toBe(46) // 46.17
  })

  it('credits more than 24 h without service by whole days (general §8.3)', () => {
    const period = monthlyPeriod('2026-04-01', 0) // 30 days
    expect(unavailabilityCreditCents(3000, 24, period)).toBe(0)
    expect(unavailabilityCreditCents(3000, 30, period)).toBe(-200)
    expect(unavailabilityCreditCents(3000, 72, period)).toBe(-300)
  })

  it('updates prices yearly by the index, at least 0,50 € with IVA (general §10.2)', () => {
    expect(indexedNetPrice(3999, 240, 23)).toBe(4095) // +2.4 %
    expect(indexedNetPrice(1000, 200, 23)).toBe(1041) // 41 cents net = 0,50 € with IVA
    expect(indexedNetPrice(1000, 200, 16)).toBe(1044)
  })
})
