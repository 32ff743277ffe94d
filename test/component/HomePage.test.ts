// home: a grid of section cards, three to a row, moved over with the arrows.
import { expect, test } from 'vitest'
import type { Overview } from '../../src/contract'
import type { Loaded } from '../../src/data/load'
import { HomePage } from '../../src/app/home/HomePage'
import type { HomeCard } from '../../src/app/home/HomeCard'
import { overdueOverview, restrictedOverview, unpaidOverview } from './fixtures'
import { elementWithText, eur, mount, shownTexts } from './helpers'

const NOW = Date.parse('2026-11-23T10:00:00Z')

function open() {
  const harness = mount(HomePage)
  harness.component.result = { ok: true, data: overdueOverview, fetchedAt: NOW } satisfies Loaded<Overview>
  harness.settle()
  const card = () => harness.focusPath().find((element) => ['Invoices', 'Notices', 'Recordings', 'Account', 'Premium'].includes(element.ref ?? ''))?.ref
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
  expect(card()).toBe('Premium')
  pressSlowly('Down', 'Right')
  expect(card()).toBe('Premium')
  pressSlowly('Left')
  expect(card()).toBe('Account')
  pressSlowly('Up')
  expect(card()).toBe('Invoices')
})

test('Down from the first column goes straight down', () => {
  const { pressSlowly, card } = open()
  pressSlowly('Down')
  expect(card()).toBe('Account')
})

test('the premium card lists the active subscriptions, a cancelled one with its last day, and opens premium', () => {
  const harness = mount(HomePage)
  const premium = {
    active: [
      { name: 'Sport TV', monthlyCents: 2999, endsOn: null },
      { name: 'TVCine', monthlyCents: 1499, endsOn: '2026-12-22' },
      { name: 'BTV', monthlyCents: 999, endsOn: null },
    ],
  }
  harness.component.result = { ok: true, data: { ...overdueOverview, premium }, fetchedAt: NOW } satisfies Loaded<Overview>
  harness.settle()
  const card = harness.component.tag('Content')!.tag('Premium') as HomeCard
  expect(shownTexts(card)).toEqual(['Serviços Premium', '3 subscrições ativas', eur('Sport TV · 29,99 €/mês'), 'TVCine · termina a 22/12/2026', 'e mais 1'])
  expect(card.route).toBe('premium')
})

test('a profile that may not see premium is told why on the card, whose OK opens the reason in full', () => {
  const harness = mount(HomePage)
  const denied = { denied: true as const, reason: 'Os serviços premium só podem ser consultados pelo Administrador.', allowedProfiles: ['administrador' as const] }
  harness.component.result = { ok: true, data: { ...restrictedOverview, premium: denied }, fetchedAt: NOW } satisfies Loaded<Overview>
  harness.settle()
  const card = harness.component.tag('Content')!.tag('Premium') as HomeCard
  expect(shownTexts(card)).toEqual(['Serviços Premium', 'Sem acesso aos serviços premium', denied.reason, 'OK para saber quem pode dar acesso'])
  expect(card.route).toBe('access/premium')
  // The holder and contract are withheld from a Utilizador: the line under the greeting names the profile only.
  expect(shownTexts(harness.component.tag('Contract')!)).toEqual(['Utilizador'])
})

test('more than one invoice to pay: the card says what they add up to, the total owed (issue 21, 10)', () => {
  const harness = mount(HomePage)
  harness.component.result = { ok: true, data: unpaidOverview, fetchedAt: NOW } satisfies Loaded<Overview>
  harness.settle()
  const card = harness.component.tag('Content')!.tag('Invoices') as HomeCard
  expect(shownTexts(card)).toContain(eur('2 faturas por pagar: 494,34 € ao todo'))
})

test('the cards stand with their titles while the overview comes; it fills them without drawing the titles again', () => {
  const harness = mount(HomePage)
  harness.settle()
  const content = harness.component.tag('Content')!
  const cards = () => content.children as HomeCard[]
  expect(cards().map(shownTexts)).toEqual([['Faturas'], ['Avisos'], ['Gravações'], ['Conta'], ['Serviços Premium']])
  const titles = cards().map((card) => elementWithText(card, card.announce[0]!).texture)
  harness.component.result = { ok: true, data: overdueOverview, fetchedAt: NOW } satisfies Loaded<Overview>
  harness.settle()
  expect(shownTexts(content.tag('Invoices')!)).toEqual(['Faturas', eur('83,64 €'), 'Em atraso há 12 dias'])
  expect(cards().map((card) => elementWithText(card, card.announce[0]!).texture)).toEqual(titles)
})

test('data again (a retry) leaves no line of the data before in a card', () => {
  const harness = mount(HomePage)
  harness.component.result = { ok: true, data: unpaidOverview, fetchedAt: NOW } satisfies Loaded<Overview>
  harness.settle()
  const invoices = () => harness.component.tag('Content')!.tag('Invoices')!
  expect(shownTexts(invoices())).toHaveLength(4)
  harness.component.result = { ok: true, data: overdueOverview, fetchedAt: NOW } satisfies Loaded<Overview>
  harness.settle()
  expect(shownTexts(invoices())).toEqual(['Faturas', eur('83,64 €'), 'Em atraso há 12 dias'])
})
