// The account section in a real browser: an unregistered account is led to register
// on a phone (QR code and the steps of seed 000) and can check again; the account page
// shows the commitment estimate with its inputs and the e-invoice switch asks first.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { type Box, openBox, startSession, type Session } from './harness'

let session: Session
beforeAll(async () => {
  session = await startSession()
})
afterAll(async () => {
  await session?.close()
})

/** Moves focus over the home grid to the account card (its position depends on the sections present). */
async function focusAccountCard(box: Box): Promise<string> {
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowLeft', 'ArrowDown', 'ArrowRight', 'ArrowRight']) {
    const focused = (await box.focusedTexts()).join(' ')
    if (focused.startsWith('Conta')) return focused
    await box.press(key)
  }
  return (await box.focusedTexts()).join(' ')
}

test('an unregistered account shows a QR code and the steps, and checks again on demand', async () => {
  const box = await openBox(session, '1080p', { scenario: 'unregistered' })
  await box.waitForText('Olá, Conceição Lopes')
  expect(await focusAccountCard(box)).toMatch(/Conta não registada na Área de Cliente/)
  await box.press('Enter')
  await box.waitForText('Registe a conta na Área de Cliente')
  expect(await box.route()).toBe('registration')
  const texts = await box.texts()
  expect(texts).toContain('1. escolha «Quero registar-me»;')
  expect(texts).toContain('6. abra o e-mail que recebeu e carregue no link para terminar.')
  expect(texts).toContain('Aponte a câmara do telemóvel para o código.')
  expect(texts.some((text) => /^Box adicional \(quarto\): instalado há menos de 48 horas; ficará ativo e visível até \d\d\/\d\d\/\d{4}\.$/.test(text))).toBe(true)
  expect(await box.focusedTexts()).toEqual(['Verificar de novo'])
  await box.screenshot('registration-unregistered')
  await box.press('Enter')
  await box.waitForText(/Ainda não está registada \(verificado às \d\d:\d\d\)\./)
  expect(await box.focusedTexts()).toEqual(['Verificar de novo'])
  await box.press('Backspace')
  await box.waitForText('Olá, Conceição Lopes')
  expect(box.errors).toEqual([])
  await box.page.close()
})
