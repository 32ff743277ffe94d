import { describe, expect, it } from 'vitest'
import { isValidNif, maskNif } from '../../../src/domain/nif'

describe('isValidNif', () => {
  it('accepts numbers whose mod-11 check digit is right', () => {
    expect(isValidNif('123456789')).toBe(true)
    expect(isValidNif('502604751')).toBe(true) // NOS Comunicações, seed 004 general §1.1
    expect(isValidNif('234567899')).toBe(true)
    expect(isValidNif('100000010')).toBe(true) // remainder 1 → check digit 0
  })

  it('refuses a wrong check digit', () => {
    expect(isValidNif('123456780')).toBe(false)
    expect(isValidNif('502604752')).toBe(false)
  })

  it('refuses the wrong length, non-digits and unassigned leading digits', () => {
    expect(isValidNif('12345678')).toBe(false)
    expect(isValidNif('1234567890')).toBe(false)
    expect(isValidNif('12345678a')).toBe(false)
    expect(isValidNif('400000000')).toBe(false)
    expect(isValidNif('')).toBe(false)
  })
})

describe('maskNif', () => {
  it('shows only the last four digits', () => {
    expect(maskNif('123456789')).toBe('*****6789')
  })
})
