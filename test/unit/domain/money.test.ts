import { describe, expect, it } from 'vitest'
import { divideRounded, invoiceAmounts, VAT_RATE_PERCENT, vatCents } from '../../../src/domain/money'

describe('IVA by region', () => {
  it('uses the normal rate of each region', () => {
    expect(VAT_RATE_PERCENT).toEqual({ continente: 23, madeira: 22, acores: 16 })
  })

  it('computes net → IVA → total in cents', () => {
    expect(invoiceAmounts([3999, 500], 'continente')).toEqual({
      netCents: 4499,
      vatRatePercent: 23,
      vatCents: 1035, // 1034.77
      totalCents: 5534,
    })
    expect(invoiceAmounts([10000], 'madeira')).toEqual({ netCents: 10000, vatRatePercent: 22, vatCents: 2200, totalCents: 12200 })
    expect(invoiceAmounts([4450], 'acores')).toEqual({ netCents: 4450, vatRatePercent: 16, vatCents: 712, totalCents: 5162 })
  })

  it('applies credits before IVA', () => {
    expect(invoiceAmounts([5000, -1000], 'continente').totalCents).toBe(4920)
  })
})

describe('rounding', () => {
  it('rounds halves away from zero', () => {
    expect(vatCents(50, 23)).toBe(12) // 11.5
    expect(vatCents(-50, 23)).toBe(-12)
    expect(vatCents(1, 16)).toBe(0) // 0.16
    expect(divideRounded(7, 2)).toBe(4)
    expect(divideRounded(-7, 2)).toBe(-4)
    expect(divideRounded(5, 3)).toBe(2)
  })
})
