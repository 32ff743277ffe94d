import { describe, expect, it } from 'vitest'
import { activationDueOn, activationLate } from '../../../src/domain/activation'

describe('initial activation within 48 h (seed 004 TV §6 a)', () => {
  it('is due two days after the order', () => {
    expect(activationDueOn('2026-03-14')).toBe('2026-03-16')
    expect(activationDueOn('2026-02-27')).toBe('2026-03-01')
  })

  it('is late only after the due day', () => {
    expect(activationLate('2026-03-14', '2026-03-16')).toBe(false)
    expect(activationLate('2026-03-14', '2026-03-17')).toBe(true)
  })
})
