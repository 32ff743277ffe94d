// Issue 21 (5): a dialog dims everything behind it, the shell's breadcrumb included
// (it lies above the pages, where a page's dim cannot reach), and its frame keeps off
// the breadcrumb's line. Back closes the dialog and the breadcrumb is bright again.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { Router, type Lightning } from '@lightningjs/sdk'
import { BEHIND_MODAL_ALPHA } from '../../src/app/kit/Modal'
import { testServer, type TestServer } from '../unit/server/helpers'
import { isShown, shownTexts } from './helpers'
import { startShell } from './shell'

let server: TestServer
beforeAll(async () => {
  server = await testServer()
})
afterAll(() => server.close())

test('premium: the subscribe summary dims the breadcrumb and starts below it; Back brings it back', { timeout: 30_000 }, async () => {
  const app = startShell(server, 'demo-premium-0012')
  await app.until('home', () => app.onHome())
  const header = app.component.tag('Header') as Lightning.Element
  const breadcrumb = app.component.tag('Breadcrumb') as Lightning.Element
  expect(shownTexts(header)[0]).toMatch(/Gestão de Conta/)
  Router.navigate('premium/tvcine')
  await app.until('the product', () => app.route() === 'premium/tvcine' && shownTexts(app.app).includes('Se subscrever hoje'))
  expect(header.alpha).toBe(1)
  app.press('Enter')
  app.settle()
  const flow = (Router.getActivePage() as Lightning.Component).tag('Flow') as Lightning.Element
  expect(shownTexts(flow)).toContain('Subscrever TVCine?')
  expect(header.alpha).toBe(BEHIND_MODAL_ALPHA)
  // The frame's top edge runs below the breadcrumb's line, not through it.
  const top = (element: Lightning.Element) => element.core.getCornerPoints()[1] as number
  expect(top(flow.tag('Panel') as Lightning.Element)).toBeGreaterThan(top(breadcrumb) + (breadcrumb.text?.lineHeight ?? Infinity))
  app.press('Back')
  app.settle()
  expect(isShown(flow)).toBe(false)
  expect(header.alpha).toBe(1)
})
