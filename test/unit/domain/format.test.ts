import { describe, expect, it } from 'vitest'
import {
  formatDate,
  formatDayMonth,
  formatLongDate,
  formatMoney,
  formatMonthYear,
  formatPercent,
  formatUnitPrice,
  parseIsoDate,
} from '../../../src/domain/format'

// CLDR separates with no-break spaces; which one depends on the ICU version.
const NBSP = '[\\u00a0\\u202f]'

describe('formatMoney (pt-PT)', () => {
  it('groups only from five integer digits', () => {
    expect(formatMoney(123456)).toMatch(new RegExp(`^1234,56${NBSP}€$`))
    expect(formatMoney(1234567)).toMatch(new RegExp(`^12${NBSP}345,67${NBSP}€$`))
  })

  it('keeps two decimals and the sign', () => {
    expect(formatMoney(50)).toMatch(new RegExp(`^0,50${NBSP}€$`))
    expect(formatMoney(-320)).toMatch(new RegExp(`^-3,20${NBSP}€$`))
  })

  it('never uses an ordinary space, so the amount cannot wrap', () => {
    expect(formatMoney(1234567)).not.toContain(' ')
  })
})

describe('formatUnitPrice (pt-PT)', () => {
  it('a point bought at 0,271 € keeps its three decimals and a no-break space', () => {
    expect(formatUnitPrice(271)).toMatch(new RegExp(`^0,271${NBSP}€$`))
    expect(formatUnitPrice(1500)).toMatch(new RegExp(`^1,500${NBSP}€$`))
  })
})

describe('dates (pt-PT)', () => {
  it('formats short, day-month, long and month-year dates', () => {
    expect(formatDate('2026-03-05')).toBe('05/03/2026')
    expect(formatDayMonth('2026-03-05')).toBe('05/03')
    expect(formatLongDate('2026-03-05')).toBe('5 de março de 2026')
    expect(formatMonthYear('2026-03-05')).toBe('março de 2026')
  })

  it('does not shift the day in any time zone (UTC calendar)', () => {
    expect(formatDate('2026-01-01')).toBe('01/01/2026')
    expect(formatDate('2025-12-31')).toBe('31/12/2025')
  })

  it('refuses malformed and impossible dates', () => {
    expect(() => parseIsoDate('2026-3-5')).toThrow(RangeError)
    expect(() => parseIsoDate('2025-02-29')).toThrow(RangeError)
    expect(parseIsoDate('2024-02-29').toISOString()).toBe('2024-02-29T00:00:00.000Z')
  })
})

describe('formatPercent', () => {
  it('formats an IVA rate', () => {
    expect(formatPercent(23)).toBe('23%')
  })
})
