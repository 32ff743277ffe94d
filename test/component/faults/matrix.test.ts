// Every page under every API fault (issue 9). Data-driven: the pages are the app's
// routes (src/app/shell/routes.ts) that have a data provider, so a section's page is
// covered as soon as it is added there. Each page's provider runs for real, with
// the real ApiClient, against the real reference API (Fastify inject over a seeded
// in-memory database); the faults are applied between the two:
// the API down, 10 s slow, 5xx, malformed or truncated JSON, a field of the wrong
// type, 401 and 403, each without and with an earlier good answer.
// A viewer must see: a pt-PT reason with a retry action that has focus (a refusal of the
// profile, 403: only Voltar, focused), or, with
// data from before, that data, the time it was fetched and why it is not newer),
// and no key pressed afterwards may throw.
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import type { Lightning } from '@lightningjs/sdk'
import { routes } from '../../../src/app/shell/routes'
import { provideServices } from '../../../src/app/shell/services'
import { ApiClient } from '../../../src/data/client'
import { DEVICES } from '../../../src/platform/devices'
import { parseLaunch, type LaunchConfig } from '../../../src/platform/launch'
import settings from '../../../settings.json'
import { testServer, type TestServer } from '../../unit/server/helpers'
import { isShown, mount, shownTexts, spyRouter } from '../helpers'
import { ALL_KEYS, pressCode } from './keys'

/** The demo account with the most data behind every section. */
const TOKEN = 'demo-overdue-0002'
/** A refusal page needs a section refused: the restricted account's viewer may not see invoices. */
const REFUSED = { token: 'demo-restricted-0004', params: { section: 'invoices' } }
const tokenFor = (route: RouteDef) => (route.path === 'access/:section' ? REFUSED.token : TOKEN)

type Fault = 'down' | 'slow' | '500' | '503-html' | 'not-json' | 'truncated' | 'wrong-type' | '401' | '403'
export const FAULTS: Fault[] = ['down', 'slow', '500', '503-html', 'not-json', 'truncated', 'wrong-type', '401', '403']

/** What the error panel must say, in pt-PT, per fault (src/app/translations/core.json). */
const SAYS: Record<Fault, RegExp> = {
  down: /não responde/,
  slow: /demorou mais de 8 s/,
  '500': /com problemas \(erro 500\)/,
  '503-html': /com problemas \(erro 503\)/,
  'not-json': /resposta que a box não entende/,
  truncated: /resposta que a box não entende/,
  'wrong-type': /resposta que a box não entende/,
  '401': /não está autorizada.*Token expirado/,
  '403': /Só o Administrador pode ver isto/,
}

/** The first scalar of an answer given the wrong type: "the field of the wrong type". */
function wrongType(value: unknown): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0) return 'not-a-list'
    return [wrongType(value[0]), ...value.slice(1)]
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
    if (entries.length === 0) return 42
    const [key, first] = entries[0]!
    return { ...Object.fromEntries(entries), [key]: wrongType(first) }
  }
  // A withheld field (null, such as a Utilizador's account id) given an object: no scalar field takes one.
  if (value === null) return { wrongType: true }
  return typeof value === 'string' ? 12345 : 'not-a-number-or-flag'
}

let server: TestServer
let fault: Fault | null = null
let requests = 0

/** fetch for the ApiClient: the real API through inject, or the fault of the moment. */
const faultyFetch = (async (input: string | URL | Request, init: RequestInit = {}) => {
  requests++
  const url = new URL(String(input))
  const real = async () => {
    const response = await server.app.inject({
      method: (init.method ?? 'GET') as 'GET' | 'POST',
      url: url.pathname + url.search,
      headers: Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>)),
    })
    return { status: response.statusCode, body: response.body }
  }
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
  switch (fault) {
    case null: {
      const { status, body } = await real()
      return new Response(body, { status })
    }
    case 'down':
      throw new TypeError('Failed to fetch')
    case 'slow':
      return new Promise<Response>((resolve, reject) => {
        const timer = setTimeout(() => void real().then(({ status, body }) => resolve(new Response(body, { status }))), 10_000)
        init.signal?.addEventListener('abort', () => {
          clearTimeout(timer)
          reject(new DOMException('The operation was aborted.', 'AbortError'))
        })
      })
    case '500':
      return json(500, { error: 'internal', reason: 'Ocorreu um erro no servidor.' })
    case '503-html':
      return new Response('<html><body>503 Service Unavailable</body></html>', { status: 503, headers: { 'content-type': 'text/html' } })
    case 'not-json':
      return new Response('<html>ok</html>', { status: 200 })
    case 'truncated': {
      const { body } = await real()
      return new Response(body.slice(0, Math.floor(body.length / 2)), { status: 200 })
    }
    case 'wrong-type': {
      const { body } = await real()
      return json(200, wrongType(JSON.parse(body)))
    }
    case '401':
      return json(401, { error: 'unauthorized', reason: 'Token expirado.' })
    case '403':
      return json(403, { error: 'forbidden', reason: 'Só o Administrador pode ver isto.', allowedProfiles: ['administrador'] })
  }
}) as typeof fetch

let clock = Date.parse('2026-03-16T10:00:00Z')

interface Page extends Lightning.Component {
  result: unknown
}

interface RouteDef {
  path: string
  component: new (...args: never[]) => Page
  on?: (page: Page, params: Record<string, string>) => Promise<void>
}

const routeDefs = (routes(DEVICES.uma, () => undefined) as unknown as { routes: RouteDef[] }).routes
/**
 * Every page that gets data: the routes with a provider. Not `installer`: a diagnostics
 * screen shows a fault as a finding next to the box's own facts, never the error panel
 * (test/component/InstallerPage.test.ts, test/e2e/installer.test.ts).
 */
const PAGES = routeDefs.filter((route) => typeof route.on === 'function' && route.path !== 'installer')

function freshServices(token = TOKEN): ApiClient {
  const { config } = parseLaunch(`?token=${token}`, settings.launch as LaunchConfig)
  const api = new ApiClient({ baseUrl: 'http://api.test', fetch: faultyFetch, now: () => clock, sessions: true })
  provideServices({ launch: config, launchProblems: [], api, version: 'test' })
  return api
}

/** Params of a route like `invoices/:id`: the first item of its parent route's answer. */
const PARAMS = new Map<string, Record<string, string>>()

async function resolveParams(route: RouteDef): Promise<Record<string, string>> {
  const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!)
  if (names.length === 0) return {}
  if (route.path === 'access/:section') return REFUSED.params
  const parent = routeDefs.find((r) => r.on && r.path === route.path.split('/:')[0])
  if (!parent) throw new Error(`no parent route to find an id for ${route.path}`)
  freshServices()
  fault = null
  const probe = { result: null as unknown } as Page
  await parent.on!(probe, PARAMS.get(parent.path) ?? {})
  const result = probe.result as { ok: boolean; data?: { items?: { id?: string }[]; products?: { id?: string }[] } }
  // Lists answer `items`; the premium catalogue answers `products`.
  const id = result.ok ? (result.data?.items ?? result.data?.products)?.[0]?.id : undefined
  if (!id) throw new Error(`${parent.path} gave no item id for ${route.path} with ${TOKEN}`)
  return Object.fromEntries(names.map((name) => [name, id]))
}

beforeAll(async () => {
  server = await testServer()
  for (const route of PAGES) PARAMS.set(route.path, await resolveParams(route))
})
afterAll(() => server.close())

/** Runs the page's provider under `the` fault; the slow one on a fake clock. */
const lastResult = new WeakMap<object, unknown>()

/** The page as the provider sees it, remembering the result it was given (pages only have a setter). */
function recording(page: Page): Page {
  return new Proxy(page, {
    set(target, key, value) {
      if (key === 'result') lastResult.set(page, value)
      return Reflect.set(target, key, value)
    },
  })
}

function resultOf(page: Page): { ok: boolean; lastKnown: { fetchedAt: number } | null } {
  return lastResult.get(page) as { ok: boolean; lastKnown: { fetchedAt: number } | null }
}

async function provide(route: RouteDef, page: Page, the: Fault | null): Promise<void> {
  fault = the
  if (the !== 'slow') return route.on!(recording(page), PARAMS.get(route.path)!)
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  try {
    const done = route.on!(recording(page), PARAMS.get(route.path)!)
    // 8 s timeout, 300 ms before the retry, 8 s again.
    await vi.advanceTimersByTimeAsync(20_000)
    await done
  } finally {
    vi.useRealTimers()
  }
}

describe.each(PAGES.map((route) => [route.path, route] as const))('page %s', (_path, route) => {
  test('has data with the demo account (the matrix starts from a working page)', async () => {
    freshServices(tokenFor(route))
    const harness = mount(route.component)
    await provide(route, harness.component, null)
    harness.settle()
    expect(resultOf(harness.component).ok).toBe(true)
  })

  describe.each(FAULTS)('with %s', (the) => {
    test('without earlier data: the reason in pt-PT, retry focused and working, keys never throw', async () => {
      freshServices(tokenFor(route))
      const router = spyRouter()
      const harness = mount(route.component)
      await provide(route, harness.component, the)
      harness.settle()
      const page = harness.component
      const texts = shownTexts(page).join('\n')
      expect(texts).toMatch(SAYS[the])
      const focused = harness.focused()
      expect(isShown(focused)).toBe(true)
      if (the === '403') {
        // A refusal of the profile: no retry, no helpline, Voltar focused.
        expect(texts).toContain('Sem acesso')
        expect(texts).not.toContain('16990')
        expect(shownTexts(focused)).toEqual(['Voltar'])
        harness.press('Left', 'Enter')
        expect(router.reload).not.toHaveBeenCalled()
        expect(router.back).toHaveBeenCalledTimes(1)
      } else {
        expect(texts).toContain('Não foi possível carregar')
        expect(texts).toContain('16990')
        expect(shownTexts(focused)).toEqual(['Tentar novamente'])
        harness.press('Enter')
        expect(router.reload).toHaveBeenCalledTimes(1)
        // Back, the other action.
        harness.press('Right', 'Enter')
        expect(router.back).toHaveBeenCalledTimes(1)
      }
      expect(() => {
        for (const code of ALL_KEYS) pressCode(harness.app, code)
      }).not.toThrow()
      harness.settle()
      expect(isShown(harness.focused())).toBe(true)
    })

    test('with earlier data: that data, the time it was fetched and why it is not newer; keys never throw', async () => {
      freshServices(tokenFor(route))
      spyRouter()
      const harness = mount(route.component)
      const page = harness.component
      await provide(route, page, null)
      const good = shownTexts(page)
      // Later than the cache keeps an answer fresh: the provider asks again and fails.
      clock += 10 * 60_000
      await provide(route, page, the)
      harness.settle()
      const result = resultOf(page)
      expect(result.ok).toBe(false)
      expect(result.lastKnown?.fetchedAt).toBe(clock - 10 * 60_000)
      const texts = shownTexts(page)
      const time = new Intl.DateTimeFormat('pt-PT', { hour: '2-digit', minute: '2-digit' }).format(clock - 10 * 60_000)
      const stale = texts.find((text) => text.startsWith('A mostrar os dados de'))
      expect(stale).toBeDefined()
      expect(stale).toContain(time)
      expect(stale).toMatch(SAYS[the])
      // The earlier data is still on screen (title and content).
      expect(texts).toEqual(expect.arrayContaining(good.filter((text) => text.length > 0).slice(0, 3)))
      expect(isShown(harness.focused())).toBe(true)
      expect(() => {
        for (const code of ALL_KEYS) pressCode(harness.app, code)
      }).not.toThrow()
      harness.settle()
      expect(isShown(harness.focused())).toBe(true)
    })
  })
})

test('the matrix covers every page with a provider and every fault', () => {
  expect(PAGES.length).toBeGreaterThanOrEqual(3)
  // Reported: faults × pages × (without, with earlier data).
  console.info(`fault matrix: ${FAULTS.length} faults × ${PAGES.length} pages × 2 = ${FAULTS.length * PAGES.length * 2} cases (${requests} requests)`)
})

