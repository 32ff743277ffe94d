// Every route the server registers × every access profile of seed 002, against the
// permission table (src/domain/permissions.ts). Routes are read from the built server
// (each declares `config: { action }`), so a route added by any section is walked
// without touching this file; a route that declares no action fails here.
import { mkdirSync, writeFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import type { Profile } from '../../../src/contract'
import { ROUTES } from '../../../src/contract'
import { can, denial, PROFILE_NAMES, PROFILES } from '../../../src/domain/permissions'
import { type DeclaredRoute, routeActions } from '../../../src/server/http/auth'
import { PROFILE_TOKENS, testServer } from './helpers'

const server = await testServer()
afterAll(() => server.close())

const routes = routeActions(server.app)
const observed = new Map<string, Partial<Record<Profile | 'anonymous', number>>>()

const label = (route: DeclaredRoute) => `${route.method} ${route.url}`

/** A concrete request for a route pattern: parameters filled with a value no account has. */
async function call(route: DeclaredRoute, token?: string) {
  const url = route.url === '*' ? '/any/path' : route.url.replace(/:[A-Za-z0-9_]+/g, 'walk-0000')
  const withBody = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method)
  // A CORS preflight, as the browser sends it before the app's requests.
  const preflight = route.method === 'OPTIONS' ? { origin: 'http://127.0.0.1:8080', 'access-control-request-method': 'GET' } : {}
  const response = await server.app.inject({
    method: route.method as 'GET',
    url,
    headers: { ...preflight, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(withBody ? { payload: {} } : {}),
  })
  const json = String(response.headers['content-type'] ?? '').startsWith('application/json') && response.body !== ''
  const body = json ? (response.json() as { error?: string; reason?: string; allowedProfiles?: Profile[] }) : undefined
  return { status: response.statusCode, body }
}

function record(route: DeclaredRoute, who: Profile | 'anonymous', status: number) {
  const row = observed.get(label(route)) ?? {}
  row[who] = status
  observed.set(label(route), row)
}

describe('the routes the walk sees', () => {
  it('include every path of the contract', () => {
    const paths = new Set(routes.map((route) => route.url))
    for (const path of Object.values(ROUTES)) expect(paths, path).toContain(path)
  })

  it('each declare an action of the permission table, or public (config: { action })', () => {
    const undeclared = routes.filter((route) => route.action === undefined).map(label)
    expect(undeclared, 'routes with no config.action').toEqual([])
  })
})

describe.each(routes.map((route) => [label(route), route] as const))('%s', (_name, route) => {
  const action = route.action

  it(`without a token: ${action === 'public' ? 'answers' : '401'}`, async () => {
    const { status } = await call(route)
    record(route, 'anonymous', status)
    if (action === 'public') expect(status).not.toBe(401)
    else expect(status).toBe(401)
  })

  it.each(PROFILES.map((profile) => [PROFILE_NAMES[profile], profile] as const))('as %s', async (_name, profile) => {
    expect(action, `${label(route)} declares no action`).toBeDefined()
    const { status, body } = await call(route, PROFILE_TOKENS[profile])
    record(route, profile, status)
    if (action === 'public' || can(profile, action!)) {
      expect(status, JSON.stringify(body)).not.toBe(401)
      expect(status === 403 && body?.error === 'forbidden', `refused: ${body?.reason}`).toBe(false)
      expect(status, `a server error for ${profile}: ${body?.reason}`).toBeLessThan(500)
    } else {
      expect(status).toBe(403)
      if (route.method !== 'HEAD') expect(body).toEqual({ error: 'forbidden', ...denial(action!) })
    }
  })
})

afterAll(() => {
  // The observed matrix, for the section's note: one row per route, one status per profile.
  const columns: (Profile | 'anonymous')[] = ['anonymous', ...PROFILES]
  const lines = [
    `| route | action | ${columns.map((column) => (column === 'anonymous' ? 'no token' : PROFILE_NAMES[column])).join(' | ')} |`,
    `|---|---|${columns.map(() => '---').join('|')}|`,
    ...routes.map((route) => {
      const row = observed.get(label(route)) ?? {}
      return `| ${label(route)} | ${route.action ?? '—'} | ${columns.map((column) => row[column] ?? '—').join(' | ')} |`
    }),
  ]
  mkdirSync('test-results', { recursive: true })
  writeFileSync('test-results/permissions-matrix.md', `${lines.join('\n')}\n`)
})
