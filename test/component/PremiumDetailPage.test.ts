// premium/:id and the subscribe/cancel flow with the remote: what it costs and binds
// to before anything is sent, Back at every step sends nothing, the PIN's tries and
// lock, one idempotency key for every try of a flow, and what a refusal says.
import { beforeEach, describe, expect, test, vi } from 'vitest'
import { Value } from 'typebox/value'
import { PremiumCatalogue, PremiumProductDetail, PremiumReceipt } from '../../src/contract'
import { ApiError, type ApiFailure, type Fetched } from '../../src/data/client'
import { provideServices } from '../../src/app/shell/services'
import { PremiumDetailPage } from '../../src/app/premium/PremiumDetailPage'
import type { PremiumFlow } from '../../src/app/premium/PremiumFlow'
import { PremiumPage } from '../../src/app/premium/PremiumPage'
import { elementWithText, eur, mount, shownTexts, spyRouter } from './helpers'
import { billingOnly, catalogue, NOW, sportCancelled, sportDetail, tvcineDetail, tvcineSubscribed } from './premiumFixtures'

type Change = (action: 'subscribe' | 'cancel', id: string, request: { pin: string; idempotencyKey: string }) => Promise<Fetched<PremiumReceipt>>
const api = { changePremium: vi.fn<Change>() }

const answer = (data: PremiumReceipt): Promise<Fetched<PremiumReceipt>> => Promise.resolve({ data, fetchedAt: NOW })
const refuse = (failure: ApiFailure) => Promise.reject(new ApiError(failure))
/** Lets the flow's request and its answer run (no timers involved). */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

function open(detail: PremiumProductDetail) {
  const harness = mount(PremiumDetailPage)
  harness.component.result = { ok: true, data: detail, fetchedAt: NOW }
  harness.settle()
  const page = harness.component
  const flow = page.tag('Flow') as unknown as PremiumFlow
  const focusedText = () => shownTexts(harness.focused()).join(' ')
  const typePin = (pin: string) => {
    for (const d of pin) harness.digit(Number(d))
  }
  return { ...harness, page, flow, focusedText, typePin, flowTexts: () => shownTexts(flow.tag('Panel')!) }
}

beforeEach(() => {
  spyRouter()
  api.changePremium.mockReset()
  provideServices({ launch: {} as never, launchProblems: [], api: api as never, version: 'test' })
})

test('fixtures fit the contract', () => {
  expect(Value.Check(PremiumCatalogue, catalogue)).toBe(true)
  for (const detail of [tvcineDetail, sportDetail]) expect(Value.Check(PremiumProductDetail, detail)).toBe(true)
  for (const receipt of [tvcineSubscribed, sportCancelled]) expect(Value.Check(PremiumReceipt, receipt)).toBe(true)
})

describe('a product not subscribed', () => {
  test('states price with IVA, minimum period and, for today, start, end of minimum period and first charge', () => {
    const { page, focusedText } = open(tvcineDetail)
    const texts = shownTexts(page)
    expect(texts).toEqual(expect.arrayContaining(['TVCine', 'Preço por mês (IVA 23 % incluído)', eur('14,99 €'), 'Período mínimo', '30 dias']))
    expect(texts).toEqual(expect.arrayContaining(['Se subscrever hoje', 'Início', '23/11/2026', 'Fim do período mínimo', '22/12/2026']))
    expect(texts).toEqual(expect.arrayContaining(['Primeira cobrança, na fatura de 15/12/2026', eur('25,99 €')]))
    expect(focusedText()).toBe('Subscrever')
  })

  test('the summary says duration, price, minimum period and first charge; Back leaves with nothing sent', () => {
    const { press, flow, flowTexts, focusedText } = open(tvcineDetail)
    press('Enter')
    expect(flow.currentStep).toBe('summary')
    expect(flowTexts()).toEqual([
      'Subscrever TVCine?',
      eur('Preço: 14,99 €/mês, IVA incluído.'),
      'Duração: mensal, renova-se todos os meses até cancelar.',
      'Período mínimo: 30 dias, até 22/12/2026. Se cancelar antes, paga até essa data.',
      eur('Primeira cobrança: 25,99 €, na fatura de 15/12/2026.'),
      'Continuar para o PIN',
      'Voltar sem alterar',
    ])
    expect(focusedText()).toBe('Continuar para o PIN')
    press('Back')
    expect(flow.isOpen).toBe(false)
    expect(focusedText()).toBe('Subscrever')
    // "Voltar sem alterar" does the same.
    press('Enter', 'Right', 'Enter')
    expect(flow.isOpen).toBe(false)
    expect(api.changePremium).not.toHaveBeenCalled()
  })

  test('Back from the PIN, with digits typed, sends nothing', () => {
    const { press, flow, flowTexts, typePin } = open(tvcineDetail)
    press('Enter', 'Enter')
    expect(flow.currentStep).toBe('pin')
    expect(flowTexts()).toContain(eur('Subscrever TVCine: 14,99 €/mês, período mínimo até 22/12/2026.'))
    expect(flowTexts()).toContain('Restam 3 tentativas.')
    typePin('258')
    press('Back')
    expect(flow.isOpen).toBe(false)
    expect(api.changePremium).not.toHaveBeenCalled()
  })

  test('a wrong PIN says the tries left; the right one subscribes with the same key, and the page turns to cancelling', async () => {
    const { press, flow, flowTexts, typePin, page, focusedText } = open(tvcineDetail)
    api.changePremium.mockImplementationOnce(() => refuse({ kind: 'pin', reason: 'PIN de compras errado.', triesLeft: 2, lockedUntil: null, locks: 0, lockMinutes: null, nextLockMinutes: 15 }))
    api.changePremium.mockImplementationOnce(() => answer(tvcineSubscribed))
    press('Enter', 'Enter')
    typePin('1111')
    await flush()
    expect(flowTexts()).toContain('PIN errado. Restam 2 tentativas.')
    expect(flow.currentStep).toBe('pin')
    // OK dismisses the error; it never types a digit (issue 21: a viewer lost a try to it).
    expect(focusedText()).toBe('Tentar de novo')
    press('Enter')
    expect(focusedText()).toBe('1')
    expect(api.changePremium).toHaveBeenCalledTimes(1)
    typePin('2580')
    expect(flow.currentStep).toBe('sending')
    await flush()
    expect(flowTexts()).toEqual(expect.arrayContaining(['TVCine subscrito', 'Período mínimo até 22/12/2026', eur('Próxima cobrança: 25,99 € na fatura de 15/12/2026')]))
    const [first, second] = api.changePremium.mock.calls
    expect(first?.slice(0, 2)).toEqual(['subscribe', 'tvcine'])
    expect(first?.[2].pin).toBe('1111')
    expect(second?.[2]).toEqual({ pin: '2580', idempotencyKey: first?.[2].idempotencyKey })
    expect(first?.[2].idempotencyKey).toMatch(/^[0-9a-f]{32}$/)
    press('Enter')
    expect(flow.isOpen).toBe(false)
    expect(focusedText()).toBe('Cancelar subscrição')
    expect(shownTexts(page)).toEqual(expect.arrayContaining(['A sua subscrição', 'Período mínimo até 22/12/2026', 'Se cancelar hoje', 'Fica ativo, e é cobrado, até 22/12/2026: o fim do período mínimo.']))
  })

  test('a new flow gets a new key: two purchases are never taken for one', async () => {
    const { press, typePin } = open(tvcineDetail)
    api.changePremium.mockImplementation(() => refuse({ kind: 'bad-request', reason: 'TVCine já está subscrito nesta conta.' }))
    press('Enter', 'Enter')
    typePin('2580')
    await flush()
    press('Enter', 'Enter', 'Enter')
    typePin('2580')
    await flush()
    const keys = api.changePremium.mock.calls.map((call) => call[2].idempotencyKey)
    expect(new Set(keys).size).toBe(2)
  })

  test('the third wrong PIN locks: it says until when, takes no digits, and OK on the focused Voltar leaves, and the page keeps saying so', async () => {
    const { press, flow, flowTexts, typePin, page, focusedText } = open({ ...tvcineDetail, pin: { ...tvcineDetail.pin, triesLeft: 1 } })
    api.changePremium.mockImplementation(() => refuse({ kind: 'pin', reason: 'bloqueado', triesLeft: 0, lockedUntil: '2026-11-23T10:15:00.000Z', locks: 1, lockMinutes: 15, nextLockMinutes: 60 }))
    press('Enter', 'Enter')
    expect(flowTexts()).toContain('Resta 1 tentativa.')
    typePin('1111')
    await flush()
    const locked = 'PIN de compras bloqueado até às 10:15, depois de 3 PIN errados. Pode tentar de novo a essa hora.'
    expect(flowTexts()).toContain(locked)
    // Something is focused, and it is a way out: OK on "Voltar" closes; digits send nothing.
    expect(focusedText()).toBe('Voltar')
    typePin('2580')
    press('Enter')
    expect(api.changePremium).toHaveBeenCalledTimes(1)
    expect(flow.isOpen).toBe(false)
    expect(shownTexts(page)).toContain(locked)
    // Locks grow: the page says how long the next one would last.
    expect(shownTexts(page)).toContain('Se o PIN voltar a falhar 3 vezes, o bloqueio seguinte dura 1 h.')
    expect(shownTexts(page)).not.toContain('Subscrever')
  })

  test('after a lock has passed, the page warns that the next one lasts longer', () => {
    const { page } = open({ ...tvcineDetail, pin: { ...tvcineDetail.pin, locks: 2, nextLockMinutes: 1440 } })
    expect(shownTexts(page)).toContain('Atenção: as compras já foram bloqueadas por PIN errado; se o PIN falhar mais 3 vezes, ficam bloqueadas 24 h.')
  })

  test('the lock says until when in Lisbon time: 09:15 UTC in July is 10:15 in Lisbon', async () => {
    const { press, flow, flowTexts, typePin, focusedText } = open({ ...tvcineDetail, pin: { ...tvcineDetail.pin, triesLeft: 1 } })
    api.changePremium.mockImplementation(() => refuse({ kind: 'pin', reason: 'bloqueado', triesLeft: 0, lockedUntil: '2026-07-23T09:15:00.000Z', locks: 1, lockMinutes: 15, nextLockMinutes: 60 }))
    press('Enter', 'Enter')
    typePin('1111')
    await flush()
    expect(flowTexts()).toContain('PIN de compras bloqueado até às 10:15, depois de 3 PIN errados. Pode tentar de novo a essa hora.')
    expect(focusedText()).toBe('Voltar')
    press('Back')
    expect(flow.isOpen).toBe(false)
  })

  test('no answer: the PIN is asked again with the same key, since a second try cannot buy twice', async () => {
    const { press, flow, flowTexts, typePin } = open(tvcineDetail)
    api.changePremium.mockImplementationOnce(() => refuse({ kind: 'timeout', afterMs: 8000 }))
    api.changePremium.mockImplementationOnce(() => answer({ ...tvcineSubscribed, replayed: true }))
    press('Enter', 'Enter')
    typePin('2580')
    await flush()
    expect(flow.currentStep).toBe('pin')
    expect(flowTexts().join(' ')).toMatch(/8 s.*Se o pedido chegou, repetir não o faz duas vezes\. Introduza o PIN para tentar de novo\./)
    typePin('2580')
    await flush()
    expect(flowTexts()).toContain('TVCine subscrito')
    const [first, second] = api.changePremium.mock.calls
    expect(second?.[2].idempotencyKey).toBe(first?.[2].idempotencyKey)
  })

  test('Back while the PIN is on its way does not close: the viewer sees the answer', async () => {
    const { press, flow, typePin } = open(tvcineDetail)
    let deliver: (receipt: Fetched<PremiumReceipt>) => void = () => undefined
    api.changePremium.mockImplementation(() => new Promise((resolve) => (deliver = resolve)))
    press('Enter', 'Enter')
    typePin('2580')
    press('Back')
    expect(flow.isOpen).toBe(true)
    expect(flow.currentStep).toBe('sending')
    deliver({ data: tvcineSubscribed, fetchedAt: NOW })
    await flush()
    expect(flow.currentStep).toBe('result')
  })

  test('a refusal says why and that nothing changed', async () => {
    const { press, flowTexts, typePin, focusedText } = open(tvcineDetail)
    api.changePremium.mockImplementation(() => refuse({ kind: 'bad-request', reason: 'Esta conta ainda não tem PIN de compras.' }))
    press('Enter', 'Enter')
    typePin('2580')
    await flush()
    expect(flowTexts()).toEqual(['Não foi possível', 'O pedido foi recusado. Esta conta ainda não tem PIN de compras.', 'Nada foi alterado.', 'Voltar ao canal'])
    press('Enter')
    expect(focusedText()).toBe('Subscrever')
  })
})

describe('a product subscribed', () => {
  test('next to the button, the exact day a cancellation today takes effect and why', () => {
    const { page, focusedText } = open(sportDetail)
    expect(focusedText()).toBe('Cancelar subscrição')
    expect(shownTexts(page)).toEqual(
      expect.arrayContaining(['Se cancelar hoje', 'Fica ativo, e é cobrado, até 15/12/2026: o fim do ciclo de faturação que o pedido ainda alcança.']),
    )
  })

  test('cancelling: the summary gives the last day, the PIN confirms, and the page shows it pending with no button', async () => {
    const { press, flowTexts, typePin, page, focusedText } = open(sportDetail)
    api.changePremium.mockImplementation(() => answer(sportCancelled))
    press('Enter')
    expect(flowTexts()).toEqual(
      expect.arrayContaining([
        'Cancelar Sport TV?',
        'Fica ativo, e é cobrado, até 15/12/2026: o fim do ciclo de faturação que o pedido ainda alcança.',
        eur('Até lá paga 29,99 €/mês.'),
        'Depois deixa de ver: Sport TV 1, Sport TV 2.',
      ]),
    )
    press('Enter')
    typePin('2580')
    await flush()
    expect(api.changePremium.mock.calls[0]?.slice(0, 2)).toEqual(['cancel', 'sport-tv'])
    expect(flowTexts()).toContain('Cancelamento de Sport TV registado')
    press('Enter')
    expect(shownTexts(page)).toEqual(expect.arrayContaining(['Cancelado: ativo até 15/12/2026', 'Cancelamento pedido a 23/11/2026', 'O cancelamento já foi pedido: não há nada a confirmar.']))
    expect(shownTexts(page)).not.toContain('Cancelar subscrição')
    expect(focusedText()).not.toBe('Cancelar subscrição')
    press('Enter')
    expect(api.changePremium).toHaveBeenCalledTimes(1)
  })
})

describe('cancelling in the minimum period', () => {
  test('the summary before the PIN gives the next charge the cancellation leaves (14,87 €), which the answer after it confirms', async () => {
    const subscription = tvcineSubscribed.subscription
    const { press, flowTexts, typePin } = open({ ...tvcineDetail, product: { ...tvcineDetail.product, subscribed: true }, subscription, quote: null })
    const after = { ...subscription, nextChargeCents: 1487, cancellation: { requestedOn: '2026-11-23', endsOn: '2026-12-22', rule: 'minimum-period' as const }, cancelToday: null }
    api.changePremium.mockImplementation(() => answer({ ...tvcineSubscribed, action: 'cancelled', subscription: after }))
    press('Enter')
    const charge = eur('Próxima cobrança: 14,87 € na fatura de 15/12/2026')
    expect(flowTexts()).toContain(charge)
    expect(flowTexts()).not.toContain(eur('Próxima cobrança: 25,99 € na fatura de 15/12/2026'))
    press('Enter')
    typePin('2580')
    await flush()
    expect(flowTexts()).toContain(charge)
  })
})

describe('a profile that may only look (Responsável de Faturação)', () => {
  test('sees the product and why it cannot subscribe, with who can; OK opens nothing', () => {
    const { page, press, flow } = open({ ...tvcineDetail, manageDenied: billingOnly })
    expect(shownTexts(page)).toEqual(expect.arrayContaining([billingOnly.reason, 'Peça a: Administrador, Responsável Delegado.']))
    expect(shownTexts(page)).not.toContain('Subscrever')
    press('Right', 'Enter')
    expect(flow.isOpen).toBe(false)
  })
})

describe('the premium list', () => {
  test('rows give price a month, subscribed state or channels, a promotion with its end; OK opens the product', () => {
    const harness = mount(PremiumPage)
    const router = spyRouter()
    harness.component.result = { ok: true, data: catalogue, fetchedAt: NOW }
    harness.settle()
    const rows = harness.component.tag('Content.List')!.tag('Rows')!.children
    expect(shownTexts(rows[0]!)).toEqual(['Sport TV', eur('29,99 €/mês'), 'Subscrito · Ativo, sem período mínimo por cumprir'])
    expect(shownTexts(rows[1]!)).toEqual(['TVCine', eur('14,99 €/mês'), 'TVCine 1, TVCine 2'])
    expect(shownTexts(rows[2]!)).toEqual(['Pack Documentários', eur('2,99 €/mês'), eur('Promoção até 13/12/2026, depois 5,99 €/mês')])
    const panel = harness.component.tag('Content.Subscriptions')!
    expect(shownTexts(panel)).toEqual(expect.arrayContaining(['As suas subscrições', eur('Próxima cobrança: 29,99 € na fatura de 15/12/2026'), 'As cobranças premium aparecem na fatura seguinte, de 15/12/2026.']))
    harness.press('Down', 'Enter')
    expect(router.navigate).toHaveBeenCalledWith('premium/tvcine')
    // Right: the list lets focus go (the panel is text, not an action) and Up/Down read the panel.
    harness.press('Right')
    expect(harness.focused()).toBe(harness.component)
    expect(elementWithText(panel, 'As suas subscrições')).toBeTruthy()
    harness.press('Left')
    expect(harness.focused()).toBe(rows[1])
  })
})
