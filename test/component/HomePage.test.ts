// home: a grid of section cards, three to a row, moved over with the arrows.
import { expect, test } from 'vitest'
import type { Overview } from '../../src/contract'
import type { Loaded } from '../../src/data/load'
import { HomePage } from '../../src/app/pages/HomePage'
import { overdueOverview } from './fixtures'
import { mount } from './helpers'

const NOW = Date.parse('2026-11-23T10:00:00Z')

function open() {
  const harness = mount(HomePage)
  harness.component.result = { ok: true, data: overdueOverview, fetchedAt: NOW } satisfies Loaded<Overview>
  harness.settle()
  const card = () => harness.focusPath().find((element) => ['Invoices', 'Notices', 'Recordings', 'Account'].includes(element.ref ?? ''))?.ref
  return { ...harness, card }
}

test('the arrows walk the grid row by row and stop at its edges', () => {
  const { pressSlowly, card } = open()
  expect(card()).toBe('Invoices')
  pressSlowly('Left', 'Up')
  expect(card()).toBe('Invoices')
  pressSlowly('Right', 'Right')
  expect(card()).toBe('Recordings')
  // The end of a row does not wrap onto the next one.
  pressSlowly('Right')
  expect(card()).toBe('Recordings')
  // Down from a column the second row does not reach lands on its last card.
  pressSlowly('Down')
  expect(card()).toBe('Account')
  pressSlowly('Down', 'Right')
  expect(card()).toBe('Account')
  pressSlowly('Up')
  expect(card()).toBe('Invoices')
})

test('Down from the first column goes straight down', () => {
  const { pressSlowly, card } = open()
  pressSlowly('Down')
  expect(card()).toBe('Account')
})
