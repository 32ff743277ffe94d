// Premium rules: 30-day minimum (seed 004 TV §2.1.1), when a cancellation takes effect
// (§8.2), what the next invoice charges (seed 001 §12), and the purchase PIN.
import { describe, expect, it } from 'vitest'
import { DST_2026, expectAtBoundary } from './lisbon-boundary'
import { addDays } from '../../../src/domain/dates'
import {
  afterWrongPin,
  cancellationDate,
  chargesOnInvoice,
  monthlyNetOn,
  promotionUntil,
  cycleCancellationEnd,
  cycleContaining,
  inMinimumPeriod,
  minimumPeriodEnd,
  PIN_RESET,
  pinProblem,
  pinStatus,
} from '../../../src/domain/premium'

describe('minimum period (004 TV §2.1.1)', () => {
  it('binds for 30 days counting the first: started 1 March, bound to 30 March inclusive', () => {
    expect(minimumPeriodEnd('2026-03-01')).toBe('2026-03-30')
    expect(inMinimumPeriod('2026-03-01', 30, '2026-03-30')).toBe(true)
    expect(inMinimumPeriod('2026-03-01', 30, '2026-03-31')).toBe(false)
  })

  it('crosses month and year ends and leap days', () => {
    expect(minimumPeriodEnd('2026-12-15')).toBe('2027-01-13')
    expect(minimumPeriodEnd('2028-02-01')).toBe('2028-03-01')
    expect(minimumPeriodEnd('2027-02-01')).toBe('2027-03-02')
  })
})

describe('billing cycle', () => {
  it('finds the period containing a day, on a cycle anchored on the 31st', () => {
    expect(cycleContaining('2026-01-31', '2026-03-05')).toEqual({ periodStart: '2026-02-28', periodEnd: '2026-03-30' })
    expect(cycleContaining('2026-01-31', '2026-03-31')).toEqual({ periodStart: '2026-03-31', periodEnd: '2026-04-29' })
    // An anchor after the day works as well as one before it.
    expect(cycleContaining('2026-08-08', '2026-03-16')).toEqual({ periodStart: '2026-03-08', periodEnd: '2026-04-07' })
  })

  it('ends a cancellation with the cycle when at least 10 days of it remain, else with the next (004 TV §8.2)', () => {
    // Cycle 8 March – 7 April.
    expect(cycleCancellationEnd('2026-03-08', '2026-03-28')).toBe('2026-04-07') // 10 days before the end
    expect(cycleCancellationEnd('2026-03-08', '2026-03-29')).toBe('2026-05-07') // 9 days: next cycle
    expect(cycleCancellationEnd('2026-03-08', '2026-04-07')).toBe('2026-05-07')
    expect(cycleCancellationEnd('2026-03-08', '2026-04-08')).toBe('2026-05-07')
  })
})

describe('cancellation date', () => {
  const anchor = '2026-03-08'

  it('inside the minimum period, the end of the minimum period when it is later than the cycle', () => {
    expect(cancellationDate({ startedOn: '2026-03-11', minimumDays: 30 }, anchor, '2026-03-16')).toEqual({
      endsOn: '2026-04-09',
      rule: 'minimum-period',
    })
  })

  it('past the minimum period, the end of the billing cycle the notice reaches', () => {
    expect(cancellationDate({ startedOn: '2025-09-08', minimumDays: 30 }, anchor, '2026-03-16')).toEqual({
      endsOn: '2026-04-07',
      rule: 'billing-cycle',
    })
    expect(cancellationDate({ startedOn: '2025-09-08', minimumDays: 30 }, anchor, '2026-03-30')).toEqual({
      endsOn: '2026-05-07',
      rule: 'billing-cycle',
    })
  })

  it('inside the minimum period but with a cycle end later than it, the cycle wins', () => {
    // Started 1 March: bound to 30 March; asked on 29 March, 9 days before 7 April → 7 May.
    expect(cancellationDate({ startedOn: '2026-03-01', minimumDays: 30 }, anchor, '2026-03-29')).toEqual({
      endsOn: '2026-05-07',
      rule: 'billing-cycle',
    })
  })

  it('never takes effect earlier for a later request', () => {
    const subscription = { startedOn: '2026-03-11', minimumDays: 30 }
    let previous = '0000-01-01'
    for (let day = 0; day < 120; day++) {
      const { endsOn } = cancellationDate(subscription, anchor, addDays('2026-03-11', day))
      expect(endsOn >= previous).toBe(true)
      expect(endsOn >= addDays('2026-03-11', day)).toBe(true)
      previous = endsOn
    }
  })
})

describe('charges on the next invoice (seed 001 §12)', () => {
  const next = { periodStart: '2026-04-08', periodEnd: '2026-05-07' }
  const base = { endsOn: null, monthlyNetCents: 406, promoNetCents: null, promoUntil: null }

  it('a subscription started in the period in progress: its days there pro rata, and the next period in full', () => {
    // 11 March – 7 April is 28 of the 31 days of the 8 March cycle: 406 × 28 / 31 = 366,7.
    expect(chargesOnInvoice({ ...base, startedOn: '2026-03-11' }, next)).toEqual([
      { from: '2026-03-11', to: '2026-04-07', netCents: 367 },
      { from: '2026-04-08', to: '2026-05-07', netCents: 406 },
    ])
  })

  it('a subscription billed in advance already: only the next period', () => {
    expect(chargesOnInvoice({ ...base, startedOn: '2025-09-08' }, next)).toEqual([{ from: '2026-04-08', to: '2026-05-07', netCents: 406 }])
    // Started on the first day of the period in progress: it was on that invoice.
    expect(chargesOnInvoice({ ...base, startedOn: '2026-03-08' }, next)).toHaveLength(1)
  })

  it('a cancellation ending with the period in progress: nothing more; ending inside the next: pro rata', () => {
    expect(chargesOnInvoice({ ...base, startedOn: '2025-09-08', endsOn: '2026-04-07' }, next)).toEqual([])
    expect(chargesOnInvoice({ ...base, startedOn: '2026-03-11', endsOn: '2026-04-09' }, next)).toEqual([
      { from: '2026-03-11', to: '2026-04-07', netCents: 367 },
      { from: '2026-04-08', to: '2026-04-09', netCents: 27 },
    ])
  })

  it('charges the promotional price up to its last day and the list price from the next, pro rata', () => {
    const promo = { ...base, startedOn: '2025-09-08', promoNetCents: 203, promoUntil: '2026-04-08' }
    // 8 April at 203 × 1/30, 9 April – 7 May at 406 × 29/30.
    expect(chargesOnInvoice(promo, next)).toEqual([
      { from: '2026-04-08', to: '2026-04-08', netCents: 7 },
      { from: '2026-04-09', to: '2026-05-07', netCents: 392 },
    ])
    expect(chargesOnInvoice({ ...promo, promoUntil: '2026-04-07' }, next)).toEqual([{ from: '2026-04-08', to: '2026-05-07', netCents: 406 }])
    expect(chargesOnInvoice({ ...promo, promoUntil: '2026-05-07' }, next)).toEqual([{ from: '2026-04-08', to: '2026-05-07', netCents: 203 }])
  })

  it('a promotion "até" a day is billed at its price that day and not the next, across a month end and the spring change', () => {
    const promo = { ...base, startedOn: '2025-09-08', promoNetCents: 203 }
    expectAtBoundary((day) => monthlyNetOn({ ...promo, promoUntil: '2026-03-31' }, day), '2026-03-31', { before: 203, on: 203, after: 406 })
    expectAtBoundary((day) => monthlyNetOn({ ...promo, promoUntil: DST_2026.spring }, day), DST_2026.spring, { before: 203, on: 203, after: 406 })
  })

  it("ends a code's promotion on the code's own last day when its months would run past it", () => {
    expect(promotionUntil('2026-03-01', 1, '2026-06-30')).toBe('2026-03-31')
    expect(promotionUntil('2026-10-20', 1, DST_2026.autumn)).toBe(DST_2026.autumn)
    expectAtBoundary((startedOn) => promotionUntil(startedOn, 1, '2026-04-30'), '2026-04-01', { before: '2026-04-29', on: '2026-04-30', after: '2026-04-30' })
  })
})

describe('purchase PIN', () => {
  it('refuses 0000, 1234 and anything but 4 digits', () => {
    expect(pinProblem('0000')).toBe('O PIN 0000 é demasiado fácil de adivinhar (algarismos repetidos ou seguidos): escolha outro.')
    for (const trivial of ['1234', '7777', '3456', '9876', '3210', '0123']) expect(pinProblem(trivial)).toMatch(/demasiado fácil/)
    for (const fine of ['2580', '1357', '9012', '1123', '4826']) expect(pinProblem(fine)).toBeNull()
    expect(pinProblem('123')).toBe('O PIN de compras tem 4 algarismos.')
    expect(pinProblem('12a4')).toMatch(/4 algarismos/)
    expect(pinProblem('12345')).toMatch(/4 algarismos/)
    expect(pinProblem('2580')).toBeNull()
  })

  it('locks purchases for 15 minutes at the third wrong PIN, then gives all tries back', () => {
    const at = (iso: string) => new Date(iso)
    let attempts = PIN_RESET
    expect(pinStatus(attempts, at('2026-03-16T10:00:00Z'))).toEqual({ locked: false, lockedUntil: null, triesLeft: 3, locks: 0, lockMinutes: null, nextLockMinutes: 15 })
    attempts = afterWrongPin(attempts, at('2026-03-16T10:00:00Z'))
    expect(pinStatus(attempts, at('2026-03-16T10:00:10Z')).triesLeft).toBe(2)
    attempts = afterWrongPin(attempts, at('2026-03-16T10:00:20Z'))
    expect(pinStatus(attempts, at('2026-03-16T10:00:30Z')).triesLeft).toBe(1)
    attempts = afterWrongPin(attempts, at('2026-03-16T10:01:00Z'))
    expect(pinStatus(attempts, at('2026-03-16T10:01:00Z'))).toEqual({ locked: true, lockedUntil: '2026-03-16T10:16:00.000Z', triesLeft: 0, locks: 1, lockMinutes: 15, nextLockMinutes: 60 })
    expect(pinStatus(attempts, at('2026-03-16T10:15:59Z')).locked).toBe(true)
    expect(pinStatus(attempts, at('2026-03-16T10:16:00Z'))).toEqual({ locked: false, lockedUntil: null, triesLeft: 3, locks: 1, lockMinutes: null, nextLockMinutes: 60 })
    // After the lock, one wrong PIN costs one try, not a new lock.
    attempts = afterWrongPin(attempts, at('2026-03-16T10:20:00Z'))
    expect(pinStatus(attempts, at('2026-03-16T10:20:00Z'))).toEqual({ locked: false, lockedUntil: null, triesLeft: 2, locks: 1, lockMinutes: null, nextLockMinutes: 60 })
  })

  it('each lock in a row lasts longer: 15 minutes, 1 hour, then 24 hours, until a right PIN', () => {
    let now = new Date('2026-03-16T10:00:00Z')
    let attempts = PIN_RESET
    const lengths: number[] = []
    for (let lock = 0; lock < 4; lock++) {
      for (let wrong = 0; wrong < 3; wrong++) attempts = afterWrongPin(attempts, now)
      const status = pinStatus(attempts, now)
      lengths.push((Date.parse(status.lockedUntil as string) - now.getTime()) / 60_000)
      expect(status.lockMinutes).toBe(lengths.at(-1))
      now = new Date(Date.parse(status.lockedUntil as string))
    }
    expect(lengths).toEqual([15, 60, 1440, 1440])
    expect(pinStatus(attempts, now)).toMatchObject({ locked: false, locks: 4, nextLockMinutes: 1440 })
    expect(pinStatus(PIN_RESET, now)).toMatchObject({ locks: 0, nextLockMinutes: 15 })
  })
})
