import { describe, expect, it } from 'vitest'
import { isValidMultibancoReference, multibancoCheckDigits, multibancoReference } from '../../../src/domain/multibanco'

describe('Multibanco reference', () => {
  it('matches the SIBS vector: entity 90150, 1231234, 432,11 € → 123123451', () => {
    expect(multibancoCheckDigits('90150', '1231234', 43211)).toBe('51')
    expect(multibancoReference('90150', '1231234', 43211)).toBe('123123451')
    expect(isValidMultibancoReference('90150', '123123451', 43211)).toBe(true)
  })

  it('binds the reference to the entity and the amount', () => {
    expect(isValidMultibancoReference('90150', '123123451', 43210)).toBe(false)
    expect(isValidMultibancoReference('90151', '123123451', 43211)).toBe(false)
    expect(isValidMultibancoReference('90150', '123123415', 43211)).toBe(false)
    expect(isValidMultibancoReference('90150', '12312345', 43211)).toBe(false)
  })

  it('pads check digits to two', () => {
    for (let reference = 1000000; reference < 1000200; reference++) {
      expect(multibancoCheckDigits('12345', String(reference), 1999)).toMatch(/^\d{2}$/)
    }
  })

  it('refuses malformed input', () => {
    expect(() => multibancoReference('9015', '1231234', 100)).toThrow(RangeError)
    expect(() => multibancoReference('90150', '123123', 100)).toThrow(RangeError)
    expect(() => multibancoReference('90150', '1231234', 1.5)).toThrow(RangeError)
    expect(() => multibancoReference('90150', '1231234', 100_000_000)).toThrow(RangeError)
  })
})
