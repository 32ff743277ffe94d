// No unread notice, no banner: home opens with focus on its first card.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { HomeCard } from '../../src/app/home/HomeCard'
import { testServer, type TestServer } from '../unit/server/helpers'
import { isShown, shownTexts } from './helpers'
import { startShell } from './shell'

let server: TestServer
beforeAll(async () => {
  server = await testServer()
})
afterAll(() => server.close())

test('an account whose notices were all read opens on home without the banner', { timeout: 30_000 }, async () => {
  const app = startShell(server, 'demo-healthy-0001')
  await app.until('home', () => app.onHome())
  app.settle()
  expect(isShown(app.banner)).toBe(false)
  expect(app.focused()).toBeInstanceOf(HomeCard)
  expect(shownTexts(app.app)).toContain('Não há avisos por ler.')
})
