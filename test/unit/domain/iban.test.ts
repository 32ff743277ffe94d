import { describe, expect, it } from 'vitest'
import { ibanValid, maskIban } from '../../../src/domain/iban'

describe('maskIban', () => {
  it('keeps only the country code and the last four digits', () => {
    expect(maskIban('PT50000201231234567890154')).toBe('PT** **** 0154')
    expect(maskIban('pt50 0002 0123 1234 5678 9015 4')).toBe('PT** **** 0154')
  })
})

describe('ibanValid', () => {
  it('accepts an IBAN whose ISO 13616 and NIB check digits hold', () => {
    expect(ibanValid('PT50000201231234567890154')).toBe(true)
    expect(ibanValid('pt50 0002 0123 1234 5678 9015 4')).toBe(true)
    expect(ibanValid('DE89370400440532013000')).toBe(true)
    expect(ibanValid('GB82WEST12345698765432')).toBe(true)
  })

  it('refuses a wrong ISO pair, a wrong NIB pair, and a malformed one', () => {
    expect(ibanValid('PT51000201231234567890154')).toBe(false)
    // ISO pair right, NIB pair wrong: the check that only the ISO rule would pass.
    expect(ibanValid('PT40003506970000412345678')).toBe(false)
    expect(ibanValid('PT50003506970000412345692')).toBe(true)
    expect(ibanValid('PT5000020123123456789015')).toBe(false)
    expect(ibanValid('')).toBe(false)
  })
})
