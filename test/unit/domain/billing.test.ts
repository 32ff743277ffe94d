import { describe, expect, it } from 'vitest'
import {
  amountDueCents,
  assessInvoice,
  complaintTerms,
  firstPartialPeriod,
  indexedNetPrice,
  type InvoiceFacts,
  invoiceDates,
  monthlyPeriod,
  mostUrgentInvoice,
  outageHours,
  overdueTimeline,
  proratedCents,
  unavailabilityCreditCents,
} from '../../../src/domain/billing'
import { addDays, lisbonDayStart } from '../../../src/domain/dates'
import { defaultInterestCents, type Tariff, tariffOn } from '../../../src/domain/tariffs'
import { DST_2026, expectAtBoundary } from './lisbon-boundary'

const unpaid = (dueDate: string, overrides: Partial<InvoiceFacts> = {}): InvoiceFacts => ({
  dueDate,
  totalCents: 6000,
  paidOn: null,
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

  it('is em atraso from the day after the due date, in Lisbon time, across a month end and a daylight-saving change', () => {
    // TV §7.2: the invoice "must be paid by the Customer by the due date".
    const status = (dueDate: string) => (today: string) => assessInvoice(unpaid(dueDate), today).status
    expectAtBoundary(status('2026-03-31'), '2026-04-01', { before: 'unpaid', on: 'overdue', after: 'overdue' })
    expectAtBoundary(status(DST_2026.spring), '2026-03-30', { before: 'unpaid', on: 'overdue', after: 'overdue' })
    expectAtBoundary(status('2026-10-24'), DST_2026.autumn, { before: 'unpaid', on: 'overdue', after: 'overdue' })
  })
})

describe('complaints (seed 001 G; 004 general §10.11, §19.4–19.5)', () => {
  const invoice = { issueDate: '2026-03-03', dueDate: '2026-03-23' }

  it('suspends payment only when made "até à data limite de pagamento"', () => {
    expectAtBoundary((filedOn) => complaintTerms(invoice, filedOn).suspendsPayment, invoice.dueDate, { before: true, on: true, after: false })
    expectAtBoundary((filedOn) => complaintTerms({ issueDate: '2026-03-09', dueDate: DST_2026.spring }, filedOn).suspendsPayment, DST_2026.spring, {
      before: true,
      on: true,
      after: false,
    })
  })

  it('is in time within "30 (thirty) days, as of the knowledge of the facts", counted from the issue', () => {
    expect(complaintTerms(invoice, '2026-03-03').deadline).toBe('2026-04-02')
    expectAtBoundary((filedOn) => complaintTerms(invoice, filedOn).inTime, '2026-04-02', { before: true, on: true, after: false })
    // Issued on 1 October: the deadline is 31 October, the day before is the autumn change's week.
    expectAtBoundary((filedOn) => complaintTerms({ issueDate: '2026-10-01', dueDate: '2026-10-21' }, filedOn).inTime, '2026-10-31', {
      before: true,
      on: true,
      after: false,
    })
  })

  it('is decided "within 30 (thirty) days from the date they are received"', () => {
    expect(complaintTerms(invoice, '2026-03-20').decisionBy).toBe('2026-04-19')
    expect(complaintTerms({ issueDate: '2026-02-27', dueDate: '2026-03-19' }, '2026-02-28').decisionBy).toBe('2026-03-30')
  })

  it('holds only the disputed part: the rest is still due by the due date, and late after it', () => {
    const facts = unpaid('2026-03-23', { totalCents: 6000, complaint: { filedOn: '2026-03-10', disputedCents: 1500, decidedOn: null } })
    expect(amountDueCents(facts, '2026-03-20')).toBe(4500)
    expectAtBoundary((today) => assessInvoice(facts, today).status, '2026-03-24', { before: 'disputed', on: 'overdue', after: 'overdue' })
    expect(assessInvoice(facts, '2026-03-24').timeline?.amountDueCents).toBe(4500)
    // The undisputed part paid: em reclamação until the decision.
    expect(assessInvoice({ ...facts, paidOn: '2026-03-20' }, '2026-04-05').status).toBe('disputed')
  })

  it('keeps a wholly disputed invoice em reclamação until the decision, then judges it by its payment', () => {
    const facts = unpaid('2026-03-23', { complaint: { filedOn: '2026-03-23', disputedCents: 6000, decidedOn: '2026-04-10' } })
    expectAtBoundary((today) => assessInvoice(facts, today).status, '2026-04-10', { before: 'disputed', on: 'overdue', after: 'overdue' })
  })

  it('suspends nothing when made after the due date', () => {
    const facts = unpaid('2026-03-23', { complaint: { filedOn: '2026-03-24', disputedCents: 6000, decidedOn: null } })
    expect(assessInvoice(facts, '2026-03-25')).toMatchObject({ status: 'overdue', daysOverdue: 2 })
  })

  it('holds the whole invoice while a complaint about all of it, made by the due date, is pending', () => {
    const whole = unpaid('2026-03-10', { complaint: { filedOn: '2026-03-08', disputedCents: 6000, decidedOn: null } })
    expect(assessInvoice(whole, '2026-04-30')).toEqual({ status: 'disputed', daysOverdue: 0, timeline: null })
  })
})

describe('overdue timeline (seed 004 TV §8.4–8.7, general §12.2 c, §12.7)', () => {
  it('gives notice within 10 days, suspends 30 days later, terminates 30 days into the suspension', () => {
    expect(overdueTimeline(unpaid('2026-02-23', { periodEnd: '2026-02-28' }), '2026-03-07')).toEqual({
      noticeBy: '2026-03-05',
      noticeSentOn: null,
      suspensionFrom: '2026-04-04',
      terminationFrom: '2026-05-04',
      amountDueCents: 6000,
      collectionFeeCents: 500,
      feeInvoiceDate: '2026-03-01',
      feesSource: tariffOn('2026-02-24').tariff.feesSource,
      interestCents: 20, // 60 € × 10.15 % × 12 / 365 = 0.2002 €
      interestBasisPoints: 1015,
      interestSource: tariffOn('2026-03-07').tariff.interestSource,
      interestPublished: true,
      reactivationFeeCents: 1000,
      nonConsumerTerminationFrom: null,
      debtorsDatabaseThresholdCents: 18400,
      debtorsDatabaseReportable: false,
      payBy: '2026-04-03',
      serviceStatus: 'active',
    })
  })

  it('gives non-consumers 20 days of notice', () => {
    const timeline = overdueTimeline(unpaid('2026-02-23', { consumer: false }), '2026-03-07')
    expect(timeline.suspensionFrom).toBe('2026-03-25')
    expect(timeline.terminationFrom).toBe('2026-04-24')
  })

  it('dates everything from the notice actually sent, when there is one', () => {
    const timeline = overdueTimeline(unpaid('2026-02-23', { noticeSentOn: '2026-02-27' }), '2026-03-07')
    expect(timeline).toMatchObject({ noticeBy: '2026-03-05', noticeSentOn: '2026-02-27', suspensionFrom: '2026-03-29', terminationFrom: '2026-04-28' })
  })

  it('crosses a leap day and a year end', () => {
    const leap = overdueTimeline(unpaid('2024-02-20'), '2024-02-21')
    expect([leap.noticeBy, leap.suspensionFrom, leap.terminationFrom]).toEqual(['2024-03-01', '2024-03-31', '2024-04-30'])
    const yearEnd = overdueTimeline(unpaid('2026-12-25'), '2026-12-26')
    expect([yearEnd.noticeBy, yearEnd.suspensionFrom, yearEnd.terminationFrom]).toEqual(['2027-01-04', '2027-02-03', '2027-03-05'])
  })

  it('"Pague até" the day before the suspension (Civil Code art. 279), suspended from the day itself: across the spring change', () => {
    // Notice sent 27 Feb: "at least … thirty (30) days in advance" puts the suspension on Sunday 29 March.
    const timeline = (today: string) => overdueTimeline(unpaid('2026-02-23', { noticeSentOn: '2026-02-27' }), today)
    expectAtBoundary((today) => [timeline(today).serviceStatus, timeline(today).payBy], DST_2026.spring, {
      before: ['active', '2026-03-28'],
      on: ['suspended', '2026-04-27'],
      after: ['suspended', '2026-04-27'],
    })
  })

  it('restores the service if paid "within the thirty (30) days granted", terminated from the next day: across a month end', () => {
    // Due 21 Aug, notice on its last day 31 Aug, suspension 30 Sep, termination 30 Oct.
    const timeline = (today: string) => overdueTimeline(unpaid('2026-08-21'), today)
    expect(timeline('2026-09-01')).toMatchObject({ noticeBy: '2026-08-31', suspensionFrom: '2026-09-30', terminationFrom: '2026-10-30' })
    expectAtBoundary((today) => timeline(today).serviceStatus, '2026-09-30', { before: 'active', on: 'suspended', after: 'suspended' })
    expectAtBoundary((today) => timeline(today).serviceStatus, '2026-10-30', { before: 'suspended', on: 'terminated', after: 'terminated' })
    expect(timeline('2026-10-29').payBy).toBe('2026-10-29')
    // Terminated: no date keeps or restores the service any more.
    expectAtBoundary((today) => timeline(today).payBy, '2026-10-30', { before: '2026-10-29', on: null, after: null })
  })

  it('terminates on the autumn change day when the suspension began 30 days before', () => {
    const timeline = (today: string) => overdueTimeline(unpaid('2026-08-10', { noticeSentOn: '2026-08-26' }), today)
    expectAtBoundary((today) => timeline(today).serviceStatus, DST_2026.autumn, { before: 'suspended', on: 'terminated', after: 'terminated' })
  })
})

describe('non-payment (general §12.6, §18.10)', () => {
  it('a non-consumer may be terminated after "twenty (20) days or more" of delay and "at least eight (8) days\' notice"', () => {
    // Due 2 March: 20 days late on 22 March, 8 days' notice: 30 March, the day after the spring change.
    expect(overdueTimeline(unpaid('2026-03-02', { consumer: false }), '2026-03-03').nonConsumerTerminationFrom).toBe('2026-03-30')
    expect(overdueTimeline(unpaid('2026-03-02', { consumer: false }), '2026-03-03').suspensionFrom).toBe('2026-04-01')
  })

  it('a debt from "20% of the minimum monthly remuneration guaranteed" may go to the shared debtors\' database: 184,00 € in 2026', () => {
    const reportable = (totalCents: number, today: string) => overdueTimeline(unpaid('2026-03-02', { totalCents }), today).debtorsDatabaseReportable
    expect([reportable(18399, '2026-03-10'), reportable(18400, '2026-03-10'), reportable(18401, '2026-03-10')]).toEqual([false, true, true])
    // The wage of the day: 870,00 € on 31 December 2025 (174,00 €), 920,00 € from 1 January 2026.
    expectAtBoundary((today) => overdueTimeline(unpaid('2025-12-01', { totalCents: 18000 }), today).debtorsDatabaseThresholdCents, '2026-01-01', {
      before: 17400,
      on: 18400,
      after: 18400,
    })
  })
})

describe('tariff table (general §10.5, §10.12, §12.7)', () => {
  it('takes the interest rate of each day: 11,15 % to 30 June 2025, 10,15 % from 1 July', () => {
    expect(defaultInterestCents(10000, '2025-06-20', '2025-07-10')).toBe(58) // 10 000 × (10 × 1115 + 10 × 1015) / 3 650 000 = 58.36
    expectAtBoundary((day) => tariffOn(day).tariff.interestBasisPoints, '2025-07-01', { before: 1115, on: 1015, after: 1015 })
  })

  it('carries the newest rate on past its validity, saying it is not published for that day', () => {
    expectAtBoundary((day) => tariffOn(day).published, '2026-07-01', { before: true, on: false, after: false })
    expect(tariffOn('2026-12-02').tariff.interestBasisPoints).toBe(1015)
  })

  it('refuses a day before the table starts', () => {
    expect(() => tariffOn('2023-12-31')).toThrow(/no tariff/)
  })

  it('charges the fee in force the day the invoice became late', () => {
    const tariffs: Tariff[] = [
      { ...tariffOn('2026-01-01').tariff, validFrom: '2026-01-01', validUntil: '2026-03-31', collectionFeeCents: 500 },
      { ...tariffOn('2026-01-01').tariff, validFrom: '2026-04-01', validUntil: '2026-06-30', collectionFeeCents: 600 },
    ]
    expect(overdueTimeline(unpaid('2026-03-30'), '2026-04-05', tariffs).collectionFeeCents).toBe(500)
    expect(overdueTimeline(unpaid('2026-03-31'), '2026-04-05', tariffs).collectionFeeCents).toBe(600)
  })
})

describe('charges', () => {
  it('accrues default interest per day at the commercial legal rate', () => {
    expect(defaultInterestCents(10000, '2025-07-01', '2025-12-31')).toBe(509) // 183 days at 10,15 %: 508.89
    expect(defaultInterestCents(10000, '2026-03-10', '2026-03-10')).toBe(0)
    expect(defaultInterestCents(5534, '2026-03-01', '2026-03-31')).toBe(46) // 46.17
  })

  it('credits more than 24 h without service by whole days (general §8.3)', () => {
    const period = monthlyPeriod('2026-04-01', 0) // 30 days
    expect(unavailabilityCreditCents(3000, 24, period)).toBe(0)
    expect(unavailabilityCreditCents(3000, 30, period)).toBe(-200)
    expect(unavailabilityCreditCents(3000, 72, period)).toBe(-300)
  })

  it('credits from the first minute past 24 h ("exceeding 24 hours"), a day or part of a day at a time', () => {
    const period = monthlyPeriod('2026-03-01', 0) // 31 days
    // 55,80 € a month for TV, internet and Sport TV together: 1,80 € a day.
    expect([24, 24 + 1 / 60, 48, 48 + 1 / 60].map((hours) => unavailabilityCreditCents(5580, hours, period))).toEqual([0, -360, -360, -540])
  })

  it('counts the hours really without service, "exceeding 24 hours" across the clock changes in Lisbon (general §8.3)', () => {
    const march = monthlyPeriod('2026-03-01', 0)
    const october = monthlyPeriod('2026-10-01', 0)
    // A whole Lisbon day, 00:00 to 00:00: 24 h the day before and the day after a change, 23 h on 29/03, 25 h on 25/10.
    const wholeDay = (day: string) => outageHours([{ from: lisbonDayStart(day).toISOString(), to: lisbonDayStart(addDays(day, 1)).toISOString() }], day < '2026-10-01' ? march : october)
    expect(['2026-03-28', DST_2026.spring, '2026-03-30'].map(wholeDay)).toEqual([24, 23, 24])
    expect(['2026-10-24', DST_2026.autumn, '2026-10-26'].map(wholeDay)).toEqual([24, 25, 24])
    // Saturday 12:00 to Sunday 12:30 on the wall clock is 24 h 30 min, but across the spring change only 23 h 30 min
    // passed: no credit. The same hours across the autumn change are 25 h 30 min: one day credited.
    const spring = outageHours([{ from: '2026-03-28T12:00:00+00:00', to: '2026-03-29T12:30:00+01:00' }], march)
    const autumn = outageHours([{ from: '2026-10-24T12:00:00+01:00', to: '2026-10-25T12:30:00+00:00' }], october)
    expect([spring, autumn]).toEqual([23.5, 25.5])
    expect(unavailabilityCreditCents(3100, spring, march)).toBe(0)
    expect(unavailabilityCreditCents(3100, autumn, october)).toBe(-200)
  })

  it('counts an outage only inside the period\'s Lisbon days, accumulated, and overlapping records once', () => {
    const march = monthlyPeriod('2026-03-01', 0)
    // 31/03 12:00 to 01/04 12:00 in Lisbon (summer time): 12 h in March, the rest in April's period.
    expect(outageHours([{ from: '2026-03-31T12:00:00+01:00', to: '2026-04-01T12:00:00+01:00' }], march)).toBe(12)
    // 28/02 22:00 to 01/03 02:00 (winter time): 2 h in March.
    expect(outageHours([{ from: '2026-02-28T22:00:00Z', to: '2026-03-01T02:00:00Z' }], march)).toBe(2)
    const accumulated = [
      { from: '2026-03-02T08:00:00Z', to: '2026-03-02T20:00:00Z' },
      { from: '2026-03-02T18:00:00Z', to: '2026-03-03T02:00:00Z' },
      { from: '2026-03-10T00:00:00Z', to: '2026-03-10T05:00:00Z' },
    ]
    expect(outageHours(accumulated, march)).toBe(23)
    expect(outageHours([...accumulated, { from: '2026-03-20T10:00:00Z', to: '2026-03-20T11:00:00Z' }], march)).toBe(24)
    expect(outageHours([...accumulated, { from: '2026-03-20T10:00:00Z', to: '2026-03-20T11:01:00Z' }], march)).toBeCloseTo(24 + 1 / 60)
  })

  it('updates prices yearly by the index, at least 0,50 € with IVA (general §10.2)', () => {
    expect(indexedNetPrice(3999, 240, 23)).toBe(4095) // +2.4 %
    expect(indexedNetPrice(1000, 200, 23)).toBe(1041) // 41 cents net = 0,50 € with IVA
    expect(indexedNetPrice(1000, 200, 16)).toBe(1044)
  })
})

describe('mostUrgentInvoice: where the invoices list opens (issue 21, 10)', () => {
  const invoice = (id: string, status: 'paid' | 'unpaid' | 'overdue' | 'disputed', daysOverdue: number, dueDate: string) => ({ id, status, daysOverdue, dueDate })

  it('the one longest overdue, over a newer one merely to pay', () => {
    const list = [invoice('nov', 'unpaid', 0, '2026-12-11'), invoice('oct', 'overdue', 12, '2026-11-11'), invoice('sep', 'overdue', 42, '2026-10-11')]
    expect(mostUrgentInvoice(list)?.id).toBe('sep')
  })

  it('with nothing late, the unpaid one due first; a paid or disputed one never', () => {
    const list = [invoice('nov', 'unpaid', 0, '2026-12-11'), invoice('oct', 'unpaid', 0, '2026-11-30'), invoice('sep', 'disputed', 0, '2026-10-11')]
    expect(mostUrgentInvoice(list)?.id).toBe('oct')
    expect(mostUrgentInvoice([invoice('nov', 'paid', 0, '2026-12-11'), invoice('oct', 'disputed', 0, '2026-11-11')])).toBeUndefined()
  })
})
