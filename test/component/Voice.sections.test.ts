// Voice guidance (voice=1) beyond invoices: the notices list says its title on arrival and
// its focused row what it shows and where it is; the recordings card its quota in words.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { Voice, type SpeechEngine } from '../../src/platform/speech'
import { testServer, type TestServer } from '../unit/server/helpers'
import { startShell } from './shell'

let server: TestServer
beforeAll(async () => {
  server = await testServer()
})
afterAll(() => server.close())

test('the notices list is heard on arrival and by row, the recordings card in words', { timeout: 60_000 }, async () => {
  const said: string[] = []
  const engine: SpeechEngine = { speak: async (text) => void said.push(text), cancel: () => {} }
  const app = startShell(server, 'demo-overdue-0002', undefined, new Voice(engine))
  const heardAfter = async (what: string, ready: () => boolean) => {
    await app.until(what, () => ready() && said.length > 0)
    app.settle(0.6)
    await new Promise((resolve) => setTimeout(resolve, 600))
    const heard = [...said]
    said.length = 0
    return heard
  }
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
