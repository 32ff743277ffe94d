// Back pressed while the page OK opened is still loading (found by the key fuzzer,
// npm run fuzz:keys). The page on screen is still the old one but the address is the
// next page's: on home, home's Back closed the app; on invoices, the Router stepped
// history back (home) and the next OK started another navigation, so home fell out of
// history and a later Back closed the app from invoices. Back while loading is not
// passed on: the page opens, and Backs from there walk a whole history.
import { Router } from '@lightningjs/sdk'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { HomeCard } from '../../src/app/home/HomeCard'
import { testServer, type TestServer } from '../unit/server/helpers'
import { shownTexts } from './helpers'
import { startShell } from './shell'

let server: TestServer
beforeAll(async () => {
  server = await testServer()
})
afterAll(() => server.close())

test('Back while a page loads waits for it: the app never closes from a page, history stays whole', { timeout: 30_000 }, async () => {
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
  await app.until('the invoices', () => Router.getActiveHash() === 'invoices' && !Router.isNavigating() && !(app.focused() instanceof HomeCard))
  expect(Router.getHistory().map((entry) => entry.hash)).toEqual(['home'])

  // OK on an invoice while the API is held, Back twice (as the fuzzer did): the invoice opens.
  hold = new Promise((resolve) => (release = resolve))
  app.press('Enter')
  app.settle(0.2)
  expect(app.route()).toMatch(/^invoices\//)
  app.press('Back', 'Back')
  app.settle(0.2)
  hold = null
  release()
  await app.until('the invoice', () => /^invoices\//.test(Router.getActiveHash() ?? '') && !Router.isNavigating())
  expect(Router.getHistory().map((entry) => entry.hash)).toEqual(['home', 'invoices'])

  // A Back while stepping back (invoice → invoices still loading) is not a second step either.
  hold = new Promise((resolve) => (release = resolve))
  app.press('Back')
  app.settle(0.2)
  app.press('Back')
  app.settle(0.2)
  hold = null
  release()
  await app.until('the invoices again', () => Router.getActiveHash() === 'invoices' && !Router.isNavigating())
  expect(Router.getHistory().map((entry) => entry.hash)).toEqual(['home'])

  // OK while stepping back (invoices → home still loading) does not open an invoice from the
  // page on its way out (that cancelled the step back, and home was gone from history).
  hold = new Promise((resolve) => (release = resolve))
  app.press('Back')
  app.settle(0.2)
  app.press('Enter')
  app.settle(0.2)
  hold = null
  release()
  await app.until('home again', () => app.onHome() && app.focused() instanceof HomeCard && !Router.isNavigating())
  expect(app.route()).toBe('home')
  expect(app.closeApp).not.toHaveBeenCalled()
  app.press('Back')
  expect(app.closeApp).toHaveBeenCalledTimes(1)
})
