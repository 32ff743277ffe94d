// Issue 21 (smaller list): a focused element grows by its focus scale (FOCUS_SCALE) around
// its centre; the account and premium pages' right column ran its button to the safe
// area's right edge, so the focused button passed it by 14 px at 1080p. Every page's
// first focus, grown, stays inside the 5 % safe area.
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Lightning } from '@lightningjs/sdk'
import { bearer, type AccountPage as AccountData } from '../../src/contract'
import { AccountPage } from '../../src/app/account/AccountPage'
import { HomePage } from '../../src/app/home/HomePage'
import { InvoicesPage } from '../../src/app/invoices/InvoicesPage'
import { PremiumDetailPage } from '../../src/app/premium/PremiumDetailPage'
import { NotFoundPage } from '../../src/app/shell/MessagePage'
import { provideServices } from '../../src/app/shell/services'
import { FOCUS_SCALE, SAFE } from '../../src/app/kit/theme'
import { TOKENS, testServer, type TestServer } from '../unit/server/helpers'
import { overdueOverview } from './fixtures'
import { mount, spyRouter } from './helpers'
import { NOW, sportDetail, tvcineDetail } from './premiumFixtures'

let server: TestServer
let admin: AccountData

beforeAll(async () => {
  server = await testServer({ now: new Date(NOW) })
  const response = await server.app.inject({ method: 'GET', url: '/v1/account', headers: { authorization: bearer(TOKENS.admin) } })
  admin = response.json() as AccountData
}, 60_000)

afterAll(async () => {
  await server?.close()
})

/** The focused element's box on the stage once its focus growth has run (Lightning's world coordinates). */
function grownBox(element: Lightning.Element) {
  const world = (element as unknown as { core: { _worldContext: { px: number; py: number; ta: number; td: number } } }).core._worldContext
  return { x: world.px, y: world.py, right: world.px + element.w * world.ta, bottom: world.py + element.h * world.td, scale: world.ta }
}

const CASES: { name: string; page: new (...args: never[]) => Lightning.Component; result: () => unknown }[] = [
  { name: 'account: the e-invoice switch, right column', page: AccountPage, result: () => ({ ok: true, data: admin, fetchedAt: NOW }) },
  { name: 'premium/:id: subscribe, right column', page: PremiumDetailPage, result: () => ({ ok: true, data: tvcineDetail, fetchedAt: NOW }) },
  { name: 'premium/:id: cancel, right column', page: PremiumDetailPage, result: () => ({ ok: true, data: sportDetail, fetchedAt: NOW }) },
  { name: 'home: the first card', page: HomePage, result: () => ({ ok: true, data: overdueOverview, fetchedAt: NOW }) },
  { name: 'an error: its first button', page: InvoicesPage, result: () => ({ ok: false, failure: { kind: 'network' }, lastKnown: null }) },
]

test.each(CASES)('$name grows inside the safe area', ({ page, result }) => {
  spyRouter()
  provideServices({ launch: {} as never, launchProblems: [], api: {} as never, version: 'test' })
  const harness = mount(page)
  ;(harness.component as unknown as { result: unknown }).result = result()
  harness.settle(1)
  const box = grownBox(harness.focused())
  expect(box.scale).toBeCloseTo(FOCUS_SCALE, 5)
  expect(box.x).toBeGreaterThanOrEqual(SAFE.x - 0.5)
  expect(box.y).toBeGreaterThanOrEqual(SAFE.y - 0.5)
  expect(box.right).toBeLessThanOrEqual(SAFE.x + SAFE.w + 0.5)
  expect(box.bottom).toBeLessThanOrEqual(SAFE.y + SAFE.h + 0.5)
})

test('not found: the button home grows inside the safe area', () => {
  spyRouter()
  const harness = mount(NotFoundPage)
  harness.settle(1)
  const box = grownBox(harness.focused())
  expect(box.scale).toBeCloseTo(FOCUS_SCALE, 5)
  expect(box.x).toBeGreaterThanOrEqual(SAFE.x - 0.5)
})
