import { describe, expect, test } from 'vitest'
import { installerAfterHome, knownStart, leadingArrows, undoArrows, type Visit } from '../../../qa/walk'

describe('a lane walking from home', () => {
  const focus = new Map([
    ['', '["Faturas"]'],
    ['Right', '["Avisos"]'],
    ['Right Right', '["Gravações"]'],
    ['Right Right Down', '["Premium"]'],
  ])

  test('starts from the card home shows when the visit passes through it', () => {
    // Back from premium shows its card: account (Right Right Down Left) needs only Left.
    expect(knownStart(focus, '["Premium"]', ['Right', 'Right', 'Down', 'Left'])).toEqual(['Right', 'Right', 'Down'])
    expect(knownStart(focus, '["Avisos"]', ['Right', 'Right'])).toEqual(['Right'])
  })

  test('finds no start when the card shown is not on the visit’s way, or unknown', () => {
    expect(knownStart(focus, '["Premium"]', ['Right'])).toBeNull()
    expect(knownStart(focus, '["Gravações"]', ['Right', 'Down'])).toBeNull()
    expect(knownStart(focus, '["Conta"]', ['Right', 'Right', 'Down', 'Left'])).toBeNull()
  })

  test('the launch’s focus starts every visit', () => {
    expect(knownStart(focus, '["Faturas"]', ['Right', 'Down'])).toEqual([])
    expect(knownStart(focus, '["Faturas"]', [])).toEqual([])
  })

  test('reads and undoes only the arrows before the first other key', () => {
    expect(leadingArrows(['Right', 'Down', 'Enter', 'Down'])).toEqual(['Right', 'Down'])
    expect(undoArrows(['Right', 'Down', 'Enter', 'Down'])).toEqual(['Up', 'Left'])
    expect(undoArrows(['Enter', 'Right'])).toEqual([])
  })
})

test('the installer is walked right after the launch’s home, every other visit in its order', () => {
  const visits: Visit[] = [
    { route: 'home', keys: [] },
    { route: 'invoices', keys: ['Enter'] },
    { route: 'notices', keys: ['Right', 'Enter'] },
    { route: 'installer', keys: ['Blue', '0', '0', '0'] },
    { route: '*', keys: [], hash: 'qa/no-such-screen' },
  ]
  expect(installerAfterHome(visits).map((visit) => visit.route)).toEqual(['home', 'installer', 'invoices', 'notices', '*'])
  expect(installerAfterHome(visits.filter((visit) => visit.route !== 'installer'))).toEqual(visits.filter((visit) => visit.route !== 'installer'))
})
