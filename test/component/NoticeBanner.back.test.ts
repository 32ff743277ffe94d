// The start-up banner, dismissed with Back: closed for this run, focus on home's
// first card, the app stays open, nothing is marked read; home then works as usual.
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

test('Back closes the banner, focus lands on the first card, a second Back closes the app', { timeout: 30_000 }, async () => {
  const app = startShell(server, 'demo-notices-0005')
  await app.until('the banner', () => app.onHome() && isShown(app.banner))
  app.press('Back')
  app.settle()
  expect(isShown(app.banner)).toBe(false)
  expect(app.closeApp).not.toHaveBeenCalled()
  expect(app.focused()).toBeInstanceOf(HomeCard)
  expect(shownTexts(app.focused())[0]).toBe('Faturas')
  expect(await app.unreadOnServer()).toBe(4)
  app.press('Right')
  expect(shownTexts(app.focused())).toEqual(expect.arrayContaining(['Avisos', '4 avisos por ler']))
  app.press('Back')
  expect(app.closeApp).toHaveBeenCalledTimes(1)
})
