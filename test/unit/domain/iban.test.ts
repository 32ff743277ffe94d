import { describe, expect, it } from 'vitest'
import { maskIban } from '../../../src/domain/iban'

describe('maskIban', () => {
  it('keeps only the country code and the last four digits', () => {
    expect(maskIban('PT50000201231234567890154')).toBe('PT** **** 0154')
    expect(maskIban('pt50 0002 0123 1234 5678 9015 4')).toBe('PT** **** 0154')
  })
})
