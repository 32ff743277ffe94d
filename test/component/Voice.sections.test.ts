// Voice guidance (voice=1) beyond invoices: the notices list says its title on arrival and
// its focused row what it shows and where it is; the recordings card its quota in words.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { testServer, type TestServer } from '../unit/server/helpers'
import { startListening } from './shell'

let server: TestServer
beforeAll(async () => {
  server = await testServer()
})
afterAll(() => server.close())

test('the notices list is heard on arrival and by row, the recordings card in words', { timeout: 60_000 }, async () => {
  const { app, heardAfter } = startListening(server, 'demo-overdue-0002')
  await heardAfter('home', () => app.onHome())
  app.press('Right')
  expect(await heardAfter('the notices card', () => true)).toEqual(['Avisos', 'Não há avisos por ler.', '2 avisos recebidos'])
  app.press('Enter')
  const notices = await heardAfter('notices', () => app.route() === 'notices')
  expect(notices[0]).toBe('Avisos')
  expect(notices.at(-1)).toBe('um de dois')
  // The row's own texts, its title first: nothing of it is left unsaid.
  expect(notices.length).toBeGreaterThan(2)
  app.press('Back')
  // Home again, focus back on the notices card.
  expect(await heardAfter('home again', () => app.onHome())).toContain('Avisos')
  app.press('Right')
  const card = await heardAfter('the recordings card', () => true)
  expect(card.slice(0, 3)).toEqual(['Gravações', 'trinta e seis por cento', expect.stringMatching(/^trinta e seis horas e seis minutos de cem horas usadas \(trinta e seis por cento\)$/)])
})
