// premium: a premium service ordered with the contract and not yet active is on the page,
// with the 48 h counted from acceptance and installation (seed 004 TV §6 a), as the account
// page and the installer say it.
import { beforeEach, expect, test } from 'vitest'
import { Value } from 'typebox/value'
import { PremiumCatalogue } from '../../src/contract'
import { PremiumPage } from '../../src/app/premium/PremiumPage'
import { mount, shownTexts, spyRouter } from './helpers'
import { catalogue, NOW } from './premiumFixtures'

const sportTvOrdered = { name: 'Canal premium Sport TV', orderedOn: '2026-11-22', installedOn: '2026-11-17', expectedBy: '2026-11-24' }

function panelTexts(data: PremiumCatalogue): string[] {
  expect(Value.Check(PremiumCatalogue, data)).toBe(true)
  const harness = mount(PremiumPage)
  harness.component.result = { ok: true, data, fetchedAt: NOW }
  harness.settle()
  return shownTexts(harness.component.tag('Content.Subscriptions')!)
}

beforeEach(() => {
  spyRouter()
})

test('a pending premium service says until when to expect it, and no "no subscriptions" line', () => {
  const texts = panelTexts({ ...catalogue, subscriptions: [], pending: [{ ...sportTvOrdered, activation: 'waiting' }] })
  expect(texts).toEqual(
    expect.arrayContaining(['Canal premium Sport TV', 'Por ativar', 'Pode demorar até 48 horas desde a aceitação do pedido e a instalação: conte com o serviço até 24/11/2026.']),
  )
  expect(texts).not.toContain('Não tem subscrições premium.')
})

test('past the 48 h it says so and whom to call; with the installation only scheduled, that the 48 h have not started', () => {
  expect(panelTexts({ ...catalogue, pending: [{ ...sportTvOrdered, activation: 'late' }] })).toContain(
    'Já passaram as 48 horas previstas para a ativação (24/11/2026). Ligue 16990.',
  )
  expect(panelTexts({ ...catalogue, pending: [{ ...sportTvOrdered, installedOn: null, expectedBy: null, activation: 'scheduled' }] })).toContain(
    'Instalação agendada: as 48 horas para a ativação contam a partir da instalação.',
  )
})

test('nothing pending: nothing said about it', () => {
  expect(panelTexts(catalogue)).not.toContain('Por ativar')
})
