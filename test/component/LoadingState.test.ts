// While a page's data is on its way the viewer sees "A carregar…" on the background: the page
// being left and the page loading are hidden, not covered by a full-screen veil, and nothing
// drawn fills the screen (each 1920×1080 quad costs a box's renderer a full-screen fill a frame).
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Lightning } from '@lightningjs/sdk'
import { testServer, type TestServer } from '../unit/server/helpers'
import { childrenOf, isShown, shownTexts } from './helpers'
import { startShell } from './shell'

let server: TestServer
beforeAll(async () => {
  server = await testServer()
})
afterAll(() => server.close())

/** Shown elements that draw something over the whole 1920×1080 stage. */
function fullScreenQuads(root: Lightning.Element): Lightning.Element[] {
  const found: Lightning.Element[] = []
  const walk = (element: Lightning.Element) => {
    if (!isShown(element)) return
    if (element.rect && element.finalW >= 1920 && element.finalH >= 1080) found.push(element)
    for (const child of childrenOf(element)) walk(child)
  }
  walk(root)
  return found
}

test('a page loading shows "A carregar…" alone, the pages hidden, no full-screen quad; then the page', { timeout: 30_000 }, async () => {
  let hold: Promise<void> | null = null
  let release = () => {}
  const app = startShell(server, 'demo-healthy-0001', () => hold ?? Promise.resolve())
  await app.until('home', () => app.onHome())
  expect(fullScreenQuads(app.app)).toEqual([])
  expect(shownTexts(app.app)).not.toContain('A carregar…')

  hold = new Promise((resolve) => (release = resolve))
  app.press('Enter')
  await app.until('the invoices loading', () => shownTexts(app.app).includes('A carregar…'))
  const loading = shownTexts(app.app)
  // Home's cards are gone with the page, the breadcrumb of the box menu stays.
  expect(loading).not.toContain('Faturas')
  expect(loading.some((text) => text.startsWith('Apps'))).toBe(true)
  expect(fullScreenQuads(app.app)).toEqual([])

  hold = null
  release()
  await app.until('the invoices', () => app.route() === 'invoices' && !shownTexts(app.app).includes('A carregar…'))
  expect(shownTexts(app.app).some((text) => /Faturas/.test(text))).toBe(true)
  expect(fullScreenQuads(app.app)).toEqual([])
})
