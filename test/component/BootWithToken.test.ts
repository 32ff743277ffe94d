// Issue 20: a box launched with its token (the boxes' launch, and the bench's) goes
// straight to home: no boot page, home's data asked once, and history as before (Back on
// home closes the app). With scenario= the boot page still finds the token first
// (routes.ts; test/e2e, which launches by scenario).
import { afterAll, beforeAll, expect, test, vi } from 'vitest'
// The SDK's settings store (src/index.ts fills it from the device profile on the box).
// @ts-expect-error: a plain ES module of the SDK, without types
import { initSettings } from '@lightningjs/sdk/src/Settings/index.js'
import { HomePage } from '../../src/app/home/HomePage'
import { BootPage } from '../../src/app/shell/MessagePage'
import { routes } from '../../src/app/shell/routes'
import { DEVICES } from '../../src/platform/devices'
import { testServer, type TestServer } from '../unit/server/helpers'
import { startShell } from './shell'

let server: TestServer
beforeAll(async () => {
  server = await testServer()
  initSettings({}, { router: DEVICES.uma.router })
})
afterAll(() => server.close())

test('with the token in the launch, home is the first page, its overview asked once; Back on home closes the app', { timeout: 60_000 }, async () => {
  const bootPages = vi.spyOn(BootPage.prototype, '_init')
  const homePages = vi.spyOn(HomePage.prototype, '_init')
  let requests = 0
  const app = startShell(server, 'demo-healthy-0001', async () => void requests++)
  await app.until('home', () => app.onHome())
  app.settle(1)
  expect(bootPages).not.toHaveBeenCalled()
  expect(homePages).toHaveBeenCalledTimes(1)
  expect(app.route()).toBe('home')
  expect(requests).toBe(1)

  app.press('Back')
  expect(app.closeApp).toHaveBeenCalledTimes(1)
})

test('the boot page is a route only while the token is still to be found', () => {
  const paths = (onBooted: (() => void) | null) => routes(DEVICES.uma, onBooted).routes.map((route) => route.path)
  expect(paths(() => undefined)).toContain('$')
  expect(paths(null)).not.toContain('$')
  expect(paths(null)).toContain('home')
})
