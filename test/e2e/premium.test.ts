// Premium in a real browser at 720p, with the remote only: the card opens the
// catalogue; a product states price, minimum period and first charge before
// anything is confirmed; Back from the summary changes nothing; a wrong PIN says
// how many tries are left; the right PIN subscribes, and the same path cancels,
// saying the day it takes effect. The API is asked afterwards what really changed.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { bearer, ROUTES } from '../../src/contract'
import { type Box, focusCard, openBox, startSession, type Session } from './harness'

const TOKEN = 'demo-premium-0012'
const PIN = '2580'

let session: Session
beforeAll(async () => {
  session = await startSession()
})
afterAll(async () => {
  await session?.close()
})

async function catalogue(): Promise<{ subscriptions: { productId: string; cancellation: { endsOn: string } | null }[]; pin: { triesLeft: number } }> {
  const response = await fetch(session.api.url + ROUTES.premium, { headers: { authorization: bearer(TOKEN) } })
  return response.json()
}

async function typePin(box: Box, pin: string): Promise<void> {
  await box.press(...pin.split('').map((digit) => `Digit${digit}`))
}

test('subscribes and cancels a premium channel with the remote, stating cost and dates before the PIN', async () => {
  const box = await openBox(session, '720p', { scenario: 'premium' })
  await box.waitForText('Olá,')
  expect(await focusCard(box, 'Serviços Premium')).toMatch(/2 subscrições ativas.*Sport TV · 29,99\s€\/mês/)
  await box.press('Enter')
  await box.waitForText('As suas subscrições')
  expect(await box.route()).toBe('premium')
  // Sport TV first (subscribed), then TVCine: not subscribed, its channels listed.
  expect((await box.focusedTexts()).join(' ')).toMatch(/^Sport TV .*Subscrito/)
  await box.press('ArrowDown')
  expect((await box.focusedTexts()).join(' ')).toMatch(/^TVCine 14,99\s€\/mês TVCine Top/)
  await box.screenshot('premium-list')

  await box.press('Enter')
  await box.waitForText('Se subscrever hoje')
  expect(await box.route()).toBe('premium/tvcine')
  const texts = await box.texts()
  expect(texts).toContain('Fim do período mínimo')
  expect(texts.some((text) => /^Primeira cobrança, na fatura de \d\d\/\d\d\/\d{4}$/.test(text))).toBe(true)
  expect(await box.focusedTexts()).toEqual(['Subscrever'])
  await box.screenshot('premium-detail')

  // The summary, then Back: nothing is sent.
  await box.press('Enter')
  await box.waitForText('Subscrever TVCine?')
  const summary = await box.texts()
  expect(summary).toContain('Preço: 14,99\u00a0€/mês, IVA incluído.')
  expect(summary).toContain('Duração: mensal, renova-se todos os meses até cancelar.')
  expect(summary.some((text) => /^Período mínimo: 30 dias, até \d\d\/\d\d\/\d{4}\. Se cancelar antes, paga até essa data\.$/.test(text))).toBe(true)
  await box.screenshot('premium-summary')
  await box.press('Backspace')
  expect(await box.focusedTexts()).toEqual(['Subscrever'])
  expect((await catalogue()).subscriptions.map((s) => s.productId)).toEqual(['sport-tv', 'pack-infantil'])

  // Summary → PIN: a wrong one first.
  await box.press('Enter', 'Enter')
  await box.waitForText('PIN de compras')
  await box.waitForText('Restam 3 tentativas.')
  await typePin(box, '1111')
  await box.waitForText('PIN errado. Restam 2 tentativas.')
  // OK here dismisses the error; it never types a digit and starts the next try.
  expect(await box.focusedTexts()).toEqual(['Tentar de novo'])
  await box.screenshot('premium-pin-wrong')
  await typePin(box, PIN)
  await box.waitForText('TVCine subscrito')
  await box.screenshot('premium-subscribed')
  expect((await catalogue()).subscriptions.map((s) => s.productId)).toEqual(['sport-tv', 'pack-infantil', 'tvcine'])
  expect((await catalogue()).pin.triesLeft).toBe(3)

  // Back to the product: now subscribed, and cancelling follows the same path.
  await box.press('Enter')
  expect(await box.focusedTexts()).toEqual(['Cancelar subscrição'])
  expect(await box.texts()).toContain('Se cancelar hoje')
  await box.screenshot('premium-detail-subscribed')
  await box.press('Enter')
  await box.waitForText('Cancelar TVCine?')
  expect((await box.texts()).some((text) => /^Fica ativo, e é cobrado, até \d\d\/\d\d\/\d{4}: o fim do período mínimo\.$/.test(text))).toBe(true)
  // The next charge stated before the PIN is the one the answer after it gives. The dialog is drawn
  // last: its line is the last one (the page behind states the charge as it stands today).
  const nextCharge = (texts: string[]) => texts.filter((text) => /^(Próxima cobrança: |Não há mais cobranças)/.test(text)).at(-1)
  const chargeBefore = nextCharge(await box.texts())
  expect(chargeBefore).toBeDefined()
  await box.press('Enter')
  await box.waitForText('Restam 3 tentativas.')
  await typePin(box, PIN)
  await box.waitForText('Cancelamento de TVCine registado')
  expect(nextCharge(await box.texts())).toBe(chargeBefore)
  const cancelled = (await catalogue()).subscriptions.find((s) => s.productId === 'tvcine')
  expect(cancelled?.cancellation?.endsOn).toMatch(/^\d{4}-\d\d-\d\d$/)
  const [year, month, day] = (cancelled?.cancellation?.endsOn ?? '').split('-')
  await box.press('Enter')
  await box.waitForText(`Cancelado: ativo até ${day}/${month}/${year}`)
  expect(await box.texts()).toContain('O cancelamento já foi pedido: não há nada a confirmar.')

  // Back to the list, which was fetched again: TVCine shows its last day.
  await box.press('Backspace')
  await box.waitForText('As suas subscrições')
  expect((await box.focusedTexts()).join(' ')).toContain(`Subscrito · Cancelado: ativo até ${day}/${month}/${year}`)
  // The browser logs the wrong PIN's 403; nothing else went wrong.
  expect(box.errors).toEqual(['Failed to load resource: the server responded with a status of 403 (Forbidden)'])
  await box.page.close()
})
