// The start-up banner never traps focus: an arrow steps it aside and focus goes to
// home's cards; the card then opens the list as usual.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { HomeCard } from '../../src/app/home/HomeCard'
import { NoticeRow } from '../../src/app/notices/NoticeRow'
import { testServer, type TestServer } from '../unit/server/helpers'
import { isShown, shownTexts } from './helpers'
import { startShell } from './shell'

let server: TestServer
beforeAll(async () => {
  server = await testServer()
})
afterAll(() => server.close())

test('Down closes the banner and focuses the first card; the notices card opens the list, unread first', { timeout: 30_000 }, async () => {
  const app = startShell(server, 'demo-notices-0005')
  await app.until('the banner', () => app.onHome() && isShown(app.banner))
  app.press('Down')
  app.settle()
  expect(isShown(app.banner)).toBe(false)
  expect(app.focused()).toBeInstanceOf(HomeCard)
  app.press('Right', 'Enter')
  await app.until('the list', () => app.route() === 'notices' && app.focused() instanceof NoticeRow)
  const first = shownTexts(app.focused())
  expect(first[0]).toBe('Eurosport 2 deixa de ser emitido')
  expect(first).toContain('Por ler')
  expect(await app.unreadOnServer()).toBe(4)
})
