// Notices in a real browser: start → banner → OK opens the notice → Back → home,
// where the viewer was → the notices card → the list shows it read. Each resolution gets its own API (a fresh in-memory database), since
// opening a notice changes the account.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openBox, startApi, startSession, type Resolution, type Session } from './harness'

let session: Session
beforeAll(async () => {
  session = await startSession()
})
afterAll(async () => {
  await session?.close()
})

describe.each<Resolution>(['720p', '1080p'])('at %s', (resolution) => {
  test('start → banner → open → back home → the list shows it read', async () => {
    const api = await startApi()
    try {
      const box = await openBox(session, resolution, { scenario: 'notices', api: api.url })
      await box.waitForText('Tem 4 avisos por ler')
      expect(await box.route()).toBe('home')
      // The banner has focus and names the most urgent notice.
      const banner = await box.focusedTexts()
      expect(banner).toContain('Canal retirado: Eurosport 2 deixa de ser emitido')
      expect(banner).toContain('ver o aviso')
      await box.screenshot('notices-banner')

      await box.press('Enter')
      await box.waitForText('O que pode fazer')
      expect(await box.route()).toBe('notices/av-notices-eurosport')
      const detail = await box.texts()
      expect(detail).toContain('Eurosport 2 (posição 41) deixa de estar disponível.')
      expect(detail.some((text) => /^Entra em vigor a \d+ de \S+ de \d{4} \(faltam 3 dias\)\.$/.test(text))).toBe(true)
      await box.screenshot('notice-detail-unforeseeable')

      // Back where the viewer was: home (issue 21, 7), the banner not offered again.
      await box.press('Backspace')
      await box.waitForText('3 avisos por ler')
      expect(await box.route()).toBe('home')
      expect(await box.texts()).not.toContain('ver o aviso')
      await box.press('ArrowRight', 'Enter')
      await box.waitForText('Canal Panda deixa a grelha')
      expect(await box.route()).toBe('notices')
      // Read now: it left the unread group at the top and lost its "Por ler" pill.
      await box.waitForFocus('Canal Panda deixa a grelha')
      const first = await box.focusedTexts()
      expect(first).toContain('Aviso tardio')
      const texts = await box.texts()
      const eurosport = texts.indexOf('Eurosport 2 deixa de ser emitido')
      expect(eurosport).toBeGreaterThan(texts.indexOf('Fox Life passa a Star Life'))
      await box.screenshot('notices-list-after-reading')

      // The contract change: the free exit and its deadline, in plain pt-PT.
      await box.press('ArrowDown', 'Enter')
      await box.waitForText('O que pode fazer')
      expect(await box.route()).toBe('notices/av-notices-price')
      const contract = await box.texts()
      expect(contract.some((text) => /^Se não aceitar esta alteração, pode cancelar o contrato sem custos até \d+ de \S+ de \d{4} \(faltam 20 dias\)\.$/.test(text))).toBe(true)
      await box.screenshot('notice-detail-free-exit')

      // Back to the list, Back to home on the card that opened it: no banner again in this run, the card counts 2.
      await box.press('Backspace')
      await box.waitForText('2 avisos por ler')
      await box.press('Escape')
      await box.waitForText('Olá, Rui Carvalho')
      expect(await box.route()).toBe('home')
      expect(await box.texts()).not.toContain('ver o aviso')
      expect((await box.focusedTexts())[0]).toBe('Avisos')
      expect(box.errors).toEqual([])
      await box.page.close()
    } finally {
      await api.stop()
    }
  })
})

test('Back on the banner closes it and home keeps working', async () => {
  const api = await startApi()
  try {
    const box = await openBox(session, '720p', { scenario: 'notices', api: api.url })
    await box.waitForText('Tem 4 avisos por ler')
    await box.press('Backspace')
    expect(await box.route()).toBe('home')
    expect(await box.texts()).not.toContain('ver o aviso')
    expect((await box.focusedTexts())[0]).toBe('Faturas')
    await box.press('ArrowRight')
    expect(await box.focusedTexts()).toEqual(expect.arrayContaining(['Avisos', '4 avisos por ler']))
    expect(box.errors).toEqual([])
    await box.page.close()
  } finally {
    await api.stop()
  }
})

test('the Utilizador sees no banner and is told who can read a contract change', async () => {
  const box = await openBox(session, '720p', { scenario: 'restricted' })
  await box.waitForText('Sem acesso às faturas')
  expect(await box.texts()).not.toContain('ver o aviso')
  await box.press('ArrowRight', 'Enter')
  await box.waitForText('Alteração às condições do contrato')
  expect((await box.focusedTexts())[0]).toBe('Alteração às condições do contrato')
  await box.press('Enter')
  await box.waitForText(/Os detalhes das alterações ao contrato só podem ser vistos pelo Administrador/)
  await box.screenshot('notice-restricted')
  expect(box.errors.filter((error) => !error.includes('403'))).toEqual([])
  await box.page.close()
})
