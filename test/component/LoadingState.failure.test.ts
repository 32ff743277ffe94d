// A page whose data fails leaves the loading state like one whose data came: the pages are
// shown again, with the page's error and its retry focused, not "A carregar…" on an empty screen.
// (One shell per file: the SDK Router is a module singleton.)
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Lightning } from '@lightningjs/sdk'
import { testServer, type TestServer } from '../unit/server/helpers'
import { isShown, shownTexts } from './helpers'
import { startShell } from './shell'

let server: TestServer
beforeAll(async () => {
  server = await testServer()
})
afterAll(() => server.close())

test('a page whose data fails shows its error with the pages visible again, the retry focused', { timeout: 30_000 }, async () => {
  let down = false
  const app = startShell(server, 'demo-healthy-0001', async () => {
    if (down) throw new Error('API down')
  })
  await app.until('home', () => app.onHome())
  down = true
  app.press('Enter')
  await app.until('the invoices error', () => app.route() === 'invoices' && shownTexts(app.app).includes('Tentar novamente'))
  expect(shownTexts(app.app)).not.toContain('A carregar…')
  expect(isShown(app.component.tag('Pages') as Lightning.Element)).toBe(true)
  expect(shownTexts(app.focused())).toContain('Tentar novamente')
})
