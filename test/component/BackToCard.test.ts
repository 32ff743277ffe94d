// Issue 21 (7): Back from a section lands home on the card that opened it, with pages
// destroyed when left as on the boxes (lazyDestroy: home is built anew on the way
// back); a notice opened from the start-up banner goes back home, not to a notices
// list the viewer never opened.
import { afterAll, beforeAll, expect, test } from 'vitest'
// The SDK's settings store (src/index.ts fills it from the device profile on the box).
// @ts-expect-error: a plain ES module of the SDK, without types
import { initSettings } from '@lightningjs/sdk/src/Settings/index.js'
import { HomeCard } from '../../src/app/home/HomeCard'
import { DEVICES } from '../../src/platform/devices'
import { testServer, type TestServer } from '../unit/server/helpers'
import { isShown } from './helpers'
import { startShell } from './shell'

let server: TestServer
beforeAll(async () => {
  server = await testServer()
  initSettings({}, { router: DEVICES.uma.router })
})
afterAll(() => server.close())

test('Back from recordings, then from notices, focuses the card that opened each; the banner’s notice goes back home', { timeout: 60_000 }, async () => {
  const app = startShell(server, 'demo-notices-0005')
  const focusedCard = () => (app.focused() instanceof HomeCard ? app.focused().ref : null)
  await app.until('home with the banner', () => app.onHome() && isShown(app.banner))

  app.press('Enter')
  await app.until('the notice', () => app.route() === 'notices/av-notices-eurosport' && !app.focusPath().some((e) => e instanceof HomeCard))
  app.settle()
  app.press('Back')
  await app.until('home again', () => app.onHome() && focusedCard() !== null)
  expect(app.route()).toBe('home')
  expect(focusedCard()).toBe('Invoices')

  app.press('Right', 'Right')
  expect(focusedCard()).toBe('Recordings')
  app.press('Enter')
  await app.until('recordings', () => app.route() === 'recordings' && focusedCard() === null)
  app.settle()
  app.press('Back')
  await app.until('home from recordings', () => app.onHome() && focusedCard() !== null)
  expect(focusedCard()).toBe('Recordings')

  app.press('Left')
  app.press('Enter')
  await app.until('notices', () => app.route() === 'notices' && focusedCard() === null)
  app.settle()
  app.press('Back')
  await app.until('home from notices', () => app.onHome() && focusedCard() !== null)
  expect(focusedCard()).toBe('Notices')
})
