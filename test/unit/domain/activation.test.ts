import { describe, expect, it } from 'vitest'
import { activationDueOn, activationState } from '../../../src/domain/activation'
import { DST_2026, expectAtBoundary } from './lisbon-boundary'

describe('initial activation: "48 hours, from the time NOS confirms … the acceptance of the Form and the installation" (seed 004 TV §6 a)', () => {
  it('counts from the later of acceptance and installation', () => {
    expect(activationDueOn({ orderedOn: '2026-03-10', installedOn: '2026-03-14' })).toBe('2026-03-16')
    expect(activationDueOn({ orderedOn: '2026-03-14', installedOn: '2026-03-14' })).toBe('2026-03-16')
    expect(activationDueOn({ orderedOn: '2026-02-27', installedOn: '2026-02-26' })).toBe('2026-03-01')
  })

  it('has not started while the installation is only scheduled: never late, however old the order', () => {
    expect(activationDueOn({ orderedOn: '2026-01-10', installedOn: null })).toBeNull()
    expect(activationState({ orderedOn: '2026-01-10', installedOn: null }, '2026-03-16')).toBe('scheduled')
  })

  it('is waiting to the second day after installation and late from the third: across a month end and the spring change', () => {
    const monthEnd = { orderedOn: '2026-03-20', installedOn: '2026-03-30' }
    expectAtBoundary((today) => activationState(monthEnd, today), '2026-04-01', { before: 'waiting', on: 'waiting', after: 'late' })
    const spring = { orderedOn: '2026-03-27', installedOn: '2026-03-27' }
    expectAtBoundary((today) => activationState(spring, today), DST_2026.spring, { before: 'waiting', on: 'waiting', after: 'late' })
  })
})
