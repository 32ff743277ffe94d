// Back pressed while the page OK opened is still loading (found by the key fuzzer,
// npm run fuzz:keys). The page on screen is still the old one but the address is the
// next page's: on home, home's Back closed the app; on invoices, the Router stepped
// history back (home) and the next OK started another navigation, so home fell out of
// history and a later Back closed the app from invoices. Back must cancel the loading
// page and leave the one on screen, with history as it was.
import { Router } from '@lightningjs/sdk'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { HomeCard } from '../../src/app/pages/home/HomeCard'
import { testServer, type TestServer } from '../unit/server/helpers'
import { shownTexts } from './helpers'
import { startShell } from './shell'

let server: TestServer
beforeAll(async () => {
  server = await testServer()
})
afterAll(() => server.close())

test('OK on a home card then Back before the page has loaded: the app stays open on home', { timeout: 30_000 }, async () => {
  let hold: Promise<void> | null = null
  let release = () => {}
  const app = startShell(server, 'demo-healthy-0001', () => hold ?? Promise.resolve())
  await app.until('home', () => app.onHome())
  expect(shownTexts(app.focused())[0]).toBe('Faturas')

  hold = new Promise((resolve) => (release = resolve))
  app.press('Enter')
  app.settle(0.2)
  expect(app.route()).toBe('invoices')
  app.press('Back')
  app.settle(0.2)
  expect(app.closeApp).not.toHaveBeenCalled()

  hold = null
  release()
  await app.until('back on home, the invoices never shown', () => app.onHome() && app.focused() instanceof HomeCard)
  // Frames pass; the cancelled page does not appear late.
  for (let i = 0; i < 10; i++) {
    app.settle(0.1)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  expect(app.route()).toBe('home')
  expect(shownTexts(app.focused())[0]).toBe('Faturas')
  expect(app.closeApp).not.toHaveBeenCalled()
  // OK opens the invoices.
  app.press('Enter')
  await app.until('the invoices', () => app.route() === 'invoices' && !(app.focused() instanceof HomeCard) && Router.getActiveHash() === 'invoices')
  const invoice = shownTexts(app.focused()).join(' ')

  // OK on an invoice while the API is held, Back, then OK again (as the fuzzer did).
  hold = new Promise((resolve) => (release = resolve))
  app.press('Enter')
  app.settle(0.2)
  expect(app.route()).toMatch(/^invoices\//)
  app.press('Back')
  app.settle(0.2)
  hold = null
  release()
  await app.until('still the invoices', () => app.route() === 'invoices' && !Router.isNavigating() && Router.getActiveHash() === 'invoices')
  expect(app.closeApp).not.toHaveBeenCalled()
  expect(Router.getHistory().map((entry) => entry.hash)).toEqual(['home'])
  expect(shownTexts(app.focused()).join(' ')).toBe(invoice)

  // History is whole: OK opens the invoice, Back the invoices, Back home, Back closes the app.
  app.press('Enter')
  await app.until('the invoice', () => /^invoices\//.test(Router.getActiveHash() ?? '') && !Router.isNavigating())
  app.press('Back')
  await app.until('the invoices again', () => Router.getActiveHash() === 'invoices' && !Router.isNavigating())
  app.press('Back')
  await app.until('home again', () => app.onHome() && app.focused() instanceof HomeCard && !Router.isNavigating())
  expect(app.closeApp).not.toHaveBeenCalled()
  app.press('Back')
  expect(app.closeApp).toHaveBeenCalledTimes(1)
})
