// The start-up banner, opened: it names the most urgent unread notice and has focus;
// OK opens that notice, which is then read on the server; Back goes home, where the
// viewer was (not to a list they never opened, nor back to the banner), and home no
// longer offers it in this run.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { HomeCard } from '../../src/app/home/HomeCard'
import { testServer, type TestServer } from '../unit/server/helpers'
import { contains, isShown, shownTexts } from './helpers'
import { startShell } from './shell'

let server: TestServer
beforeAll(async () => {
  server = await testServer()
})
afterAll(() => server.close())

test('banner → OK → the notice, read on the server → Back → home without the banner', { timeout: 30_000 }, async () => {
  const app = startShell(server, 'demo-notices-0005')
  await app.until('home with the banner', () => app.onHome() && isShown(app.banner))
  const texts = shownTexts(app.banner)
  expect(texts).toContain('Tem 4 avisos por ler')
  expect(texts).toContain('Canal retirado: Eurosport 2 deixa de ser emitido')
  expect(texts.some((text) => /^A partir de \d\d\/\d\d\/\d{4} · faltam 3 dias$/.test(text))).toBe(true)
  expect(texts).toContain('ver o aviso')
  // One row of key hints: home's gives way while the banner holds the keys.
  expect(shownTexts(app.app)).not.toContain('mudar de secção')
  // The banner has focus; no home card looks focused under it.
  expect(contains(app.banner, app.focused())).toBe(true)
  expect(app.focusPath().some((element) => element instanceof HomeCard)).toBe(false)
  expect(shownTexts(app.app)).toContain('4 avisos por ler')

  app.press('Enter')
  await app.until('the notice', () => app.route() === 'notices/av-notices-eurosport' && shownTexts(app.app).includes('O que pode fazer'))
  expect(isShown(app.banner)).toBe(false)
  expect(await app.unreadOnServer()).toBe(3)
  const detail = shownTexts(app.app)
  expect(detail).toContain('Eurosport 2 (posição 41) deixa de estar disponível.')
  expect(detail).toContain('Esta alteração não podia ser prevista com 30 dias de antecedência: é anunciada logo que se soube.')

  app.press('Back')
  await app.until('home with the new count', () => app.onHome() && shownTexts(app.app).includes('3 avisos por ler'))
  // Offered once per run: home again does not bring it back.
  app.settle()
  expect(isShown(app.banner)).toBe(false)
  expect(app.focused()).toBeInstanceOf(HomeCard)
  expect(shownTexts(app.app)).toContain('mudar de secção')
})
