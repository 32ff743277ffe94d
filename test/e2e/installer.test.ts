// Installer mode in a real browser: reached by its launch parameter or by the
// remote sequence Blue 0 0 0, read-only, everything on one screen.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { openBox, startSession, type Session } from './harness'

let session: Session
beforeAll(async () => {
  session = await startSession()
})
afterAll(async () => {
  await session?.close()
})

test('mode=installer opens the diagnostics: binding, pending services with their limit, box profile, API latency', async () => {
  const box = await openBox(session, '1080p', { scenario: 'new-customer', mode: 'installer', device: 'iris' })
  await box.waitForText('Modo instalador')
  await box.waitForText('Ana Rita Medeiros')
  const texts = await box.texts()
  expect(texts).toContain('Associada · perfil Administrador')
  expect(texts.some((text) => /^Ativação pendente/.test(text))).toBe(true)
  expect(texts.some((text) => /^Atrasado \(prazo \d\d\/\d\d\)$/.test(text))).toBe(true)
  expect(texts).toContain('Canal premium Sport TV')
  expect(texts).toContain('Iris')
  expect(texts).toContain('1920×1080 · precisão 1')
  expect(texts).toContain('0.1.0')
  expect(texts).toContain(session.api.url)
  expect(texts.some((text) => /^Acessível · \d+ ms$/.test(text))).toBe(true)
  expect(texts).toContain('Nenhum')
  expect(await box.focusedTexts()).toEqual(['Medir de novo'])
  await box.screenshot('installer-new-customer')
  // Launched on its own, Back closes the app like home does.
  await box.press('Backspace')
  expect(await box.page.evaluate(() => (window as { gestaoDeContaClosed?: boolean }).gestaoDeContaClosed)).toBe(true)
  expect(box.errors).toEqual([])
  await box.page.close()
})

test('Blue 0 0 0 from home opens it; Back returns home', async () => {
  const box = await openBox(session, '720p', { scenario: 'restricted' })
  await box.waitForText('Sem acesso às faturas')
  await box.press('F4', '0', '0', '0')
  await box.waitForText('Modo instalador')
  expect(await box.route()).toBe('installer')
  // The Utilizador profile: the box is bound, the services say who can see them.
  await box.waitForText('Associada · perfil Utilizador')
  await box.waitForText(/Os serviços e equipamentos da conta só podem ser vistos pelo .* Responsável Técnico da conta\./)
  expect(await box.texts()).toContain('1280×720 · precisão 0,667')
  await box.screenshot('installer-restricted')
  await box.press('Escape')
  await box.waitForText('Sem acesso às faturas')
  expect(await box.route()).toBe('home')
  expect(box.errors).toEqual([])
  await box.page.close()
})

test('with the API down it still shows the box, says the API does not answer, and names the last error', async () => {
  const box = await openBox(session, '720p', { scenario: 'overdue', mode: 'installer', api: `http://127.0.0.1:${session.deadApiPort}` })
  await box.waitForText('Modo instalador')
  await box.waitForText('Sem resposta', 20_000)
  const texts = await box.texts()
  expect(texts).toContain('Sem resposta do serviço de conta')
  expect(texts.some((text) => /^\d\d:\d\d:\d\d: O serviço de conta não responde/.test(text))).toBe(true)
  expect(texts).toContain('UMA')
  await box.screenshot('installer-api-down')
  await box.page.close()
})
