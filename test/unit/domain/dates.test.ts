import { describe, expect, it } from 'vitest'
import { addDays, addMonths, compareDates, daysBetween, lisbonDate, lisbonToday } from '../../../src/domain/dates'

describe('addDays', () => {
  it('crosses month and year ends', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01')
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })

  it('knows leap years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01')
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01')
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29')
  })

  it('is unaffected by daylight-saving changes', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30')
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26')
  })
})

describe('daysBetween', () => {
  it('counts whole days, signed', () => {
    expect(daysBetween('2026-02-01', '2026-03-01')).toBe(28)
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29)
    expect(daysBetween('2026-03-01', '2026-02-01')).toBe(-28)
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365)
  })
})

describe('addMonths', () => {
  it('clamps to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30')
  })

  it('crosses years both ways', () => {
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15')
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15')
    expect(addMonths('2026-02-28', -24)).toBe('2024-02-28')
  })
})

describe('compareDates', () => {
  it('orders dates', () => {
    expect(compareDates('2026-02-01', '2026-01-31')).toBeGreaterThan(0)
    expect(compareDates('2026-02-01', '2026-02-01')).toBe(0)
    expect(compareDates('2025-12-31', '2026-01-01')).toBeLessThan(0)
  })
})

describe('lisbonDate', () => {
  it('gives the Portuguese calendar day of an instant', () => {
    // 23:30 UTC in summer is already the next day in Lisbon (UTC+1).
    expect(lisbonDate(new Date('2026-07-31T23:30:00Z'))).toBe('2026-08-01')
    // In winter Lisbon is on UTC.
    expect(lisbonDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31')
  })
})

describe('lisbonToday', () => {
  it('follows a clock across midnights and both clock changes, forwards and rewound, as lisbonDate does', () => {
    // Every 10 minutes over the spring and autumn changes (23- and 25-hour days), then the same instants backwards.
    const instants: number[] = []
    for (const start of ['2026-03-27T20:00:00Z', '2026-10-23T20:00:00Z']) {
      for (let at = Date.parse(start); at < Date.parse(start) + 4 * 86_400_000; at += 600_000) instants.push(at)
    }
    let clock = 0
    const today = lisbonToday(() => new Date(clock))
    for (const at of [...instants, ...instants.reverse()]) {
      clock = at
      expect(today(), new Date(at).toISOString()).toBe(lisbonDate(new Date(at)))
    }
  })
})
