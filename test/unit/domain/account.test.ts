import { describe, expect, it } from 'vitest'
import {
  accessoryExchange,
  commitmentEnd,
  cycleContaining,
  earlyTerminationCents,
  equipmentExchange,
  equipmentReturnBy,
  missingPointsCostCents,
  periodLeft,
  pointsBalance,
  pointsExpireOn,
  tvTerminationDate,
  withdrawal,
  type WithdrawalFacts,
} from '../../../src/domain/account'
import { DST_2026, expectAtBoundary } from './lisbon-boundary'

describe('commitment (fidelização)', () => {
  it.each([
    ['2025-03-01', 24, '2027-02-28'],
    ['2026-03-01', 24, '2028-02-29'], // ends in a leap February
    ['2024-02-29', 12, '2025-02-27'], // starts on a leap day: 28 Feb 2025 is the first day after
    ['2026-01-31', 1, '2026-02-27'], // 31 Jan + 1 month is 28 Feb, so the last day is the 27th
    ['2026-12-31', 24, '2028-12-30'],
  ])('from %s for %i months ends on %s', (start, months, end) => {
    expect(commitmentEnd(start, months)).toBe(end)
  })

  it('counts whole months, then the days of the month under way, from the day after the last day of service', () => {
    expect(periodLeft('2026-03-31', '2027-02-28')).toMatchObject({ months: 11, days: 0 })
    // 17 Mar 2026 + 11 months is 17 Feb 2027; 17–28 Feb is 12 days of a 28-day month.
    expect(periodLeft('2026-03-16', '2027-02-28')).toEqual({ months: 11, days: 12, monthDays: 28 })
    expect(periodLeft('2026-11-23', '2027-12-31')).toEqual({ months: 13, days: 8, monthDays: 31 })
    expect(periodLeft('2027-01-31', '2027-02-28')).toMatchObject({ months: 1, days: 0 })
    expect(periodLeft('2027-02-28', '2027-02-28')).toMatchObject({ months: 0, days: 0 })
    expect(periodLeft('2027-06-01', '2027-02-28')).toMatchObject({ months: 0, days: 0 })
    // Month ends: the last day of a month to the last day of a later one is whole months, short Februaries too.
    expect(periodLeft('2026-01-31', '2026-04-30')).toMatchObject({ months: 3, days: 0 })
    expect(periodLeft('2026-08-31', '2027-02-28')).toMatchObject({ months: 6, days: 0 })
    // Leap years: the end of February 2028 is the 29th.
    expect(periodLeft('2028-01-31', '2028-02-29')).toMatchObject({ months: 1, days: 0 })
    expect(periodLeft('2028-02-14', '2028-02-29')).toEqual({ months: 0, days: 15, monthDays: 29 })
    expect(periodLeft('2028-02-28', '2028-02-29')).toEqual({ months: 0, days: 1, monthDays: 29 })
    expect(periodLeft('2027-02-28', '2028-02-29')).toMatchObject({ months: 12, days: 0 })
    expect(periodLeft('2027-03-31', '2028-02-29')).toMatchObject({ months: 11, days: 0 })
  })

  it('charges the advantage still to recover: total ÷ minimum period × period left (seed 001 F.1.1)', () => {
    expect(earlyTerminationCents(36_000, 24, 11)).toBe(16_500)
    expect(earlyTerminationCents(10_000, 24, 7)).toBe(2917) // 2916,67 rounds up
    expect(earlyTerminationCents(36_000, 24, 0)).toBe(0)
    expect(earlyTerminationCents(36_000, 24, 24)).toBe(36_000)
  })

  it('counts a month under way by its days, in proportion, not as a whole month (seed 001 F.1.1 "na proporção")', () => {
    // 360 € over 24 months is 15 € a month; 11 months and 12 of February's 28 days: 165 € + 6,43 €.
    expect(earlyTerminationCents(36_000, 24, { months: 11, days: 12, monthDays: 28 })).toBe(17_143)
    expect(earlyTerminationCents(36_000, 24, { months: 11, days: 0, monthDays: 28 })).toBe(16_500)
    // Half of a 30-day month is half a month's share.
    expect(earlyTerminationCents(36_000, 24, { months: 0, days: 15, monthDays: 30 })).toBe(750)
    expect(earlyTerminationCents(36_000, 24, periodLeft('2026-03-16', '2027-02-28'))).toBeLessThan(earlyTerminationCents(36_000, 24, 12))
  })
})

describe('TV termination date (seed 004 TV §8.2)', () => {
  it('finds the cycle a day falls in, for cycles on the 1st and the 31st', () => {
    expect(cycleContaining('2025-01-01', '2026-03-16')).toEqual({ periodStart: '2026-03-01', periodEnd: '2026-03-31' })
    expect(cycleContaining('2026-01-31', '2026-03-01')).toEqual({ periodStart: '2026-02-28', periodEnd: '2026-03-30' })
    expect(cycleContaining('2026-01-31', '2026-02-27')).toEqual({ periodStart: '2026-01-31', periodEnd: '2026-02-27' })
  })

  it('takes effect at the end of this cycle when asked 10 days or more before it ends', () => {
    expect(tvTerminationDate('2026-01-01', '2026-03-21')).toMatchObject({ deadline: '2026-03-21', effectiveDate: '2026-03-31', inThisCycle: true })
  })

  it('takes effect at the end of the next cycle when asked later', () => {
    expect(tvTerminationDate('2026-01-01', '2026-03-22')).toMatchObject({ effectiveDate: '2026-04-30', inThisCycle: false })
    expect(tvTerminationDate('2026-01-01', '2026-03-31')).toMatchObject({ effectiveDate: '2026-04-30', inThisCycle: false })
  })

  it('counts the 10 days on a short February, leap or not', () => {
    // 2026: February has 28 days; the deadline is the 18th.
    expect(tvTerminationDate('2026-01-01', '2026-02-18')).toMatchObject({ deadline: '2026-02-18', effectiveDate: '2026-02-28' })
    expect(tvTerminationDate('2026-01-01', '2026-02-19')).toMatchObject({ effectiveDate: '2026-03-31' })
    // 2028: the 29th ends the cycle, so the 19th is still in time.
    expect(tvTerminationDate('2026-01-01', '2028-02-19')).toMatchObject({ deadline: '2028-02-19', effectiveDate: '2028-02-29' })
    expect(tvTerminationDate('2026-01-01', '2028-02-20')).toMatchObject({ effectiveDate: '2028-03-31' })
  })

  it('works for a cycle anchored on the 31st across a year end', () => {
    // Cycle 31 Dec 2026 – 30 Jan 2027; then 31 Jan – 27 Feb 2027.
    expect(tvTerminationDate('2026-01-31', '2027-01-20')).toMatchObject({ effectiveDate: '2027-01-30', inThisCycle: true })
    expect(tvTerminationDate('2026-01-31', '2027-01-21')).toMatchObject({ effectiveDate: '2027-02-27', inThisCycle: false })
  })
})

describe('right of withdrawal (seed 004 general §6)', () => {
  const facts = (overrides: Partial<WithdrawalFacts> = {}): WithdrawalFacts => ({
    concludedOn: '2026-03-15',
    channel: 'distance',
    consumer: true,
    activatedOn: '2026-03-16',
    monthlyCents: 3100,
    cycleStart: '2026-03-01',
    ...overrides,
  })

  it('"within 14 (fourteen) days" of a distance contract: open to the 14th day after it, across the spring change', () => {
    expect(withdrawal(facts(), '2026-03-21')).toEqual({ until: DST_2026.spring, daysLeft: 8, serviceUsedCents: 600, settleBy: '2026-04-04' })
    expectAtBoundary((today) => withdrawal(facts(), today)?.until ?? null, DST_2026.spring, { before: DST_2026.spring, on: DST_2026.spring, after: null })
  })

  it('"within 30 (thirty) days" when made at home or on a visit, across a month end', () => {
    const home = facts({ channel: 'off-premises', concludedOn: '2026-03-01', activatedOn: '2026-03-03' })
    expectAtBoundary((today) => withdrawal(home, today)?.daysLeft ?? null, '2026-03-31', { before: 1, on: 0, after: null })
  })

  it('pays only the service used, pro rata by each cycle month (§6.3): nothing before activation', () => {
    // 16–31 March: 16 of 31 days of 31,00 €; then 1–4 April: 4 of 30 days.
    expect(withdrawal(facts({ channel: 'off-premises' }), '2026-04-04')?.serviceUsedCents).toBe(1600 + 413)
    expect(withdrawal(facts({ activatedOn: '2026-03-20' }), '2026-03-16')?.serviceUsedCents).toBe(0)
  })

  it('is not there for a shop contract nor for a non-consumer', () => {
    expect(withdrawal(facts({ channel: 'shop' }), '2026-03-16')).toBeNull()
    expect(withdrawal(facts({ consumer: false }), '2026-03-16')).toBeNull()
  })
})

describe('equipment return after termination (seed 004 general §9.10–9.11)', () => {
  it('"within 30 (thirty) days following the termination": across a month end and the autumn change', () => {
    expect(equipmentReturnBy('2026-01-31')).toBe('2026-03-02')
    expect(equipmentReturnBy('2026-09-25')).toBe(DST_2026.autumn)
  })
})

describe('points (seed 003)', () => {
  it('expire 3 years after their award, a leap-day award on 28 February', () => {
    expect(pointsExpireOn('2023-05-10')).toBe('2026-05-10')
    expect(pointsExpireOn('2024-02-29')).toBe('2027-02-28')
  })

  it('counts the balance and what expires in the next 90 days, soonest first', () => {
    const awards = [
      { awardedOn: '2023-03-10', points: 40 }, // expired on 2026-03-10
      { awardedOn: '2023-04-10', points: 50 }, // expires 2026-04-10
      { awardedOn: '2023-06-10', points: 60 }, // expires 2026-06-10
      { awardedOn: '2023-07-10', points: 70 }, // expires 2026-07-10: beyond 90 days
      { awardedOn: '2026-03-10', points: 80 },
    ]
    expect(pointsBalance(awards, [], '2026-03-16')).toEqual({
      balance: 260,
      expiring: [
        { expiresOn: '2026-04-10', points: 50 },
        { expiresOn: '2026-06-10', points: 60 },
      ],
    })
    // The day they expire, they are gone.
    expect(pointsBalance(awards, [], '2026-04-10').balance).toBe(210)
  })

  it('spends the oldest valid points first', () => {
    const awards = [
      { awardedOn: '2023-04-10', points: 50 },
      { awardedOn: '2024-01-10', points: 100 },
    ]
    const balance = pointsBalance(awards, [{ redeemedOn: '2025-01-01', points: 70, kind: 'accessory' }], '2026-03-16')
    expect(balance).toEqual({ balance: 80, expiring: [] })
  })

  it('prices missing points at €0.271 each, to the cent', () => {
    expect(missingPointsCostCents(1)).toBe(27)
    expect(missingPointsCostCents(1000)).toBe(27_100)
    expect(missingPointsCostCents(345)).toBe(9350) // 93,495 € rounds to 93,50 €
    expect(missingPointsCostCents(0)).toBe(0)
  })

  it('allows an equipment exchange 18 months after the last, with no overdue invoices and no commitment', () => {
    const facts = { lastExchange: '2024-09-16', hasUnpaidOverdue: false, inCommitment: false }
    expect(equipmentExchange(facts, '2026-03-16')).toEqual({ allowed: true, blockedBy: [], possibleFrom: null })
    expect(equipmentExchange(facts, '2026-03-15')).toEqual({ allowed: false, blockedBy: ['too-soon'], possibleFrom: '2026-03-16' })
    expect(equipmentExchange({ ...facts, hasUnpaidOverdue: true, inCommitment: true }, '2026-03-16').blockedBy).toEqual(['unpaid-invoices', 'commitment'])
    expect(equipmentExchange({ ...facts, lastExchange: null }, '2026-03-16').allowed).toBe(true)
  })

  it('allows an accessory every 6 months, commitment or not', () => {
    const facts = { lastExchange: '2025-08-31', hasUnpaidOverdue: false, inCommitment: true }
    expect(accessoryExchange(facts, '2026-02-27')).toMatchObject({ allowed: false, possibleFrom: '2026-02-28' })
    expect(accessoryExchange(facts, '2026-02-28').allowed).toBe(true)
    expect(accessoryExchange({ ...facts, hasUnpaidOverdue: true }, '2026-03-16').blockedBy).toEqual(['unpaid-invoices'])
  })
})
