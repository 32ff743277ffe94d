// Auth on every route of the OpenAPI document, one session per credentials (seed 004
// TV §4.2), a rate limit per device token, and personal data (NIF, IBAN) masked in
// answers and logs (issue 9). Data-driven over the routes the server registers.
import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, ROUTES } from '../../../src/contract'
import { buildServer } from '../../../src/server/http/app'
import { loggerOptions, maskPersonalData, maskTokens } from '../../../src/server/http/logging'
import { RateLimiter, parseRateLimit } from '../../../src/server/http/limits'
import { ENDED_ELSEWHERE, sessionsRequired } from '../../../src/server/sessions/service'
import { get, SECRET, type TestServer, testServer, TOKENS } from './helpers'
import { fill, type Operation, operations } from './openapi-walk'
import { tokenDigest } from '../../../src/server/store/tokens'

let server: TestServer
let ops: Operation[]
beforeAll(async () => {
  server = await testServer()
  ops = await operations(server.app)
})
afterAll(() => server.close())

const call = (op: Operation, headers: Record<string, string> = {}, params: Record<string, string> = {}) =>
  server.app.inject({ method: op.method as 'GET', url: fill(op.path, params), headers })

describe('nosniff', () => {
  it('every answer of the API says nosniff, refusals and unknown routes included', async () => {
    for (const [url, token] of [[ROUTES.health, undefined], [ROUTES.overview, TOKENS.healthy], [ROUTES.overview, 'unknown-token-0000'], ['/nowhere', undefined]] as const) {
      const response = await server.app.inject({ url, headers: token ? { authorization: bearer(token) } : {} })
      expect(response.headers['x-content-type-options'], url).toBe('nosniff')
    }
  })
})

describe('tokens at rest', () => {
  it('the database keeps device and session tokens only as digests, and both tokens still work', async () => {
    const opened = await server.app.inject({ method: 'POST', url: ROUTES.session, headers: { authorization: bearer(TOKENS.notices) } })
    const { sessionToken } = opened.json() as { sessionToken: string }
    expect((await get(server.app, ROUTES.overview, sessionToken)).status).toBe(200)
    expect((await get(server.app, ROUTES.overview, TOKENS.healthy)).status).toBe(200)
    const stored = [
      ...(await server.db.selectFrom('device_token').select('token').execute()).map((row) => row.token),
      ...(await server.db.selectFrom('session').select(['token', 'device_token']).execute()).flatMap((row) => [row.token, row.device_token]),
    ]
    expect(stored.length).toBeGreaterThan(13)
    for (const token of [sessionToken, ...Object.values(TOKENS)]) expect(stored.some((value) => value.includes(token))).toBe(false)
  })
})

describe('a token everywhere but health, OpenAPI and the demo list', () => {
  it('the only routes without a token are health and the demo list (OpenAPI is hidden from itself)', () => {
    expect(ops.filter((op) => !op.secured).map((op) => `${op.method} ${op.path}`).sort()).toEqual([`GET ${ROUTES.demoScenarios}`, `GET ${ROUTES.health}`].sort())
  })

  it('every other route refuses a missing, malformed or unknown token with 401 and a reason', { timeout: 60_000 }, async () => {
    const secured = ops.filter((op) => op.secured)
    expect(secured.length).toBeGreaterThanOrEqual(4)
    for (const op of secured) {
      for (const headers of [{} as Record<string, string>, { authorization: 'Basic eDp5' }, { authorization: bearer('unknown-token-0000') }, { authorization: bearer('s.unknown-session-0000') }]) {
        const response = await call(op, headers)
        expect(response.statusCode, `${op.method} ${op.path} ${JSON.stringify(headers)}`).toBe(401)
        expect(response.json().reason).toMatch(/\w{3,}/)
      }
    }
  })

  it('health, OpenAPI and the demo list answer without one', async () => {
    for (const url of [ROUTES.health, ROUTES.openapi, ROUTES.demoScenarios]) expect((await get(server.app, url)).status).toBe(200)
  })
})

describe('one session per credentials (seed 004 TV §4.2)', () => {
  const login = async (token: string) => server.app.inject({ method: 'POST', url: ROUTES.session, headers: { authorization: bearer(token) } })

  it('a device token opens a session whose token then works on every data route', async () => {
    const response = await login(TOKENS.healthy)
    expect(response.statusCode).toBe(201)
    const { sessionToken } = response.json()
    expect(sessionToken).toMatch(/^s\./)
    expect((await get(server.app, ROUTES.overview, sessionToken)).status).toBe(200)
    expect((await get(server.app, ROUTES.invoices, sessionToken)).status).toBe(200)
  })

  it('a second login ends the first session: its next request gets 401 saying why', async () => {
    const first = (await login(TOKENS.overdue)).json().sessionToken
    const secondAnswer = (await login(TOKENS.overdue)).json()
    expect(secondAnswer.ended).toBe(1)
    const ended = await get(server.app, ROUTES.overview, first)
    expect(ended.status).toBe(401)
    expect(ended.body.reason).toBe(ENDED_ELSEWHERE)
    expect((await get(server.app, ROUTES.overview, secondAnswer.sessionToken)).status).toBe(200)
  })

  it('another credential is not affected', async () => {
    const mine = (await login(TOKENS.newCustomer)).json().sessionToken
    await login(TOKENS.healthy)
    expect((await get(server.app, ROUTES.overview, mine)).status).toBe(200)
  })

  it('ten logins at once leave exactly one open session', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => login(TOKENS.restricted)))
    expect(answers.map((a) => a.statusCode)).toEqual(Array(10).fill(201))
    const open = await server.db.selectFrom('session').select('token').where('device_token', '=', tokenDigest(SECRET, TOKENS.restricted)).where('ended_at', 'is', null).execute()
    expect(open).toHaveLength(1)
    const working = await Promise.all(answers.map(async (a) => (await get(server.app, ROUTES.overview, a.json().sessionToken)).status))
    expect(working.filter((status) => status === 200)).toHaveLength(1)
  })

  it('a session token cannot open another session', async () => {
    const session = (await login(TOKENS.healthy)).json().sessionToken
    const response = await login(session)
    expect(response.statusCode).toBe(401)
  })

  it('with SESSIONS=required the bare device token only opens a session', async () => {
    const strict = await buildServer({ tokenSecret: SECRET, db: server.db, demo: true, requireSession: true })
    try {
      const bare = await strict.inject({ method: 'GET', url: ROUTES.overview, headers: { authorization: bearer(TOKENS.healthy) } })
      expect(bare.statusCode).toBe(401)
      expect(bare.json().reason).toMatch(/Abra primeiro uma sessão/)
      const opened = await strict.inject({ method: 'POST', url: ROUTES.session, headers: { authorization: bearer(TOKENS.healthy) } })
      expect(opened.statusCode).toBe(201)
      const viaSession = await strict.inject({ method: 'GET', url: ROUTES.overview, headers: { authorization: bearer(opened.json().sessionToken) } })
      expect(viaSession.statusCode).toBe(200)
    } finally {
      await strict.close()
    }
  })

  it('the reference server requires sessions unless SESSIONS=optional; a typo is refused, not read as "optional"', () => {
    expect(sessionsRequired(undefined)).toBe(true)
    expect(sessionsRequired('required')).toBe(true)
    expect(sessionsRequired('optional')).toBe(false)
    expect(() => sessionsRequired('no')).toThrow(/SESSIONS is "required" \(the default\) or "optional", not: no/)
  })
})

describe('rate limit per device token', () => {
  it('a token bucket: burst, then one more per 1/perSecond', () => {
    let now = 0
    const limiter = new RateLimiter({ perSecond: 2, burst: 3 }, () => now)
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0])
    expect(limiter.take('a')).toBe(1)
    expect(limiter.take('b')).toBe(0)
    now += 500
    expect(limiter.take('a')).toBe(0)
    expect(limiter.take('a')).toBe(1)
  })

  it('keeps a bounded number of buckets', () => {
    const limiter = new RateLimiter({ perSecond: 1, burst: 1 }, () => 0, 3)
    for (const key of ['a', 'b', 'c', 'd']) limiter.take(key)
    // 'a' was forgotten: it starts full again.
    expect(limiter.take('a')).toBe(0)
    expect(limiter.take('d')).toBe(1)
  })

  it('past the burst a token gets 429 with Retry-After and a reason; another token is served; a session counts as its device token', async () => {
    const limited = await buildServer({ tokenSecret: SECRET, db: server.db, demo: true, rateLimit: { perSecond: 0.001, burst: 3 } })
    try {
      const ask = (token: string) => limited.inject({ method: 'GET', url: ROUTES.overview, headers: { authorization: bearer(token) } })
      const session = (await limited.inject({ method: 'POST', url: ROUTES.session, headers: { authorization: bearer(TOKENS.healthy) } })).json().sessionToken
      expect((await ask(TOKENS.healthy)).statusCode).toBe(200)
      expect((await ask(session)).statusCode).toBe(200)
      const refused = await ask(session)
      expect(refused.statusCode).toBe(429)
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
      expect(refused.json()).toEqual({ error: 'too-many-requests', reason: expect.stringMatching(/^Demasiados pedidos deste equipamento/) })
      expect((await ask(TOKENS.healthy)).statusCode).toBe(429)
      expect((await ask(TOKENS.overdue)).statusCode).toBe(200)
    } finally {
      await limited.close()
    }
  })

  it('RATE_LIMIT parses <per second>/<burst>, 0 or off for none, and refuses nonsense', () => {
    expect(parseRateLimit(undefined, { perSecond: 20, burst: 60 })).toEqual({ perSecond: 20, burst: 60 })
    expect(parseRateLimit('5/10', null)).toEqual({ perSecond: 5, burst: 10 })
    expect(parseRateLimit('0', { perSecond: 1, burst: 1 })).toBeNull()
    expect(parseRateLimit('off', { perSecond: 1, burst: 1 })).toBeNull()
    expect(() => parseRateLimit('fast', null)).toThrow(/RATE_LIMIT/)
  })
})

describe('NIF and IBAN never leave the server whole', () => {
  it('no answer of any GET route, for any demo account, carries a NIF or an IBAN whole', { timeout: 120_000 }, async () => {
    const accounts = await server.db.selectFrom('account').select(['nif', 'iban']).execute()
    const secrets = accounts.flatMap((a) => [a.nif, a.iban]).filter((v): v is string => !!v)
    expect(secrets.length).toBeGreaterThan(accounts.length)
    const gets = ops.filter((op) => op.method === 'GET')
    let answers = 0
    for (const token of Object.values(TOKENS)) {
      const ids: string[] = []
      for (const op of gets.filter((o) => o.pathParams.length === 0)) {
        const { text } = await get(server.app, op.path, token)
        answers++
        for (const match of text.matchAll(/"id":"([^"]+)"/g)) ids.push(match[1]!)
        for (const secret of secrets) expect(text.replace(/\s/g, ''), `${op.path} for ${token}`).not.toContain(secret)
      }
      for (const op of gets.filter((o) => o.pathParams.length > 0)) {
        for (const id of ids.slice(0, 30)) {
          const { text } = await get(server.app, fill(op.path, Object.fromEntries(op.pathParams.map((p) => [p, id]))), token)
          answers++
          for (const secret of secrets) expect(text.replace(/\s/g, ''), `${op.path} ${id} for ${token}`).not.toContain(secret)
        }
      }
    }
    expect(answers).toBeGreaterThan(10)
  })

  it('the log masks NIFs and IBANs in URLs and redacts tokens and nif/iban fields', async () => {
    const lines: string[] = []
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const logged = await buildServer({ tokenSecret: SECRET, db: server.db, demo: true, logger: loggerOptions('trace', stream) })
    try {
      const nif = '123456789'
      const iban = 'PT50000201231234567890154'
      await logged.inject({ method: 'GET', url: `${ROUTES.invoices}/${nif}?iban=${iban}`, headers: { authorization: bearer(TOKENS.overdue) } })
      await logged.inject({ method: 'POST', url: ROUTES.session, headers: { authorization: bearer(TOKENS.overdue), 'content-type': 'application/json' }, payload: { nif, iban } })
      logged.log.info({ account: { nif, iban }, nif, iban }, 'a rule that logs an account by mistake')
      const log = lines.join('')
      expect(log).toContain('a rule that logs an account by mistake')
      expect(log).toContain('/v1/invoices/')
      for (const secret of [nif, iban, TOKENS.overdue]) expect(log).not.toContain(secret)
    } finally {
      await logged.close()
    }
  })

  it('no token reaches the log, not even one put in a URL or a query string', async () => {
    const lines: string[] = []
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const logged = await buildServer({ tokenSecret: SECRET, db: server.db, demo: true, logger: loggerOptions('trace', stream) })
    try {
      const opened = await logged.inject({ method: 'POST', url: ROUTES.session, headers: { authorization: bearer(TOKENS.healthy) } })
      const { sessionToken } = opened.json() as { sessionToken: string }
      for (const url of [`${ROUTES.overview}?access_token=${sessionToken}`, `${ROUTES.overview}?token=${TOKENS.healthy}`, `/nowhere/${sessionToken}`, `${ROUTES.health}?Api-Key=${TOKENS.healthy}`]) {
        await logged.inject({ method: 'GET', url, headers: { authorization: bearer(sessionToken) } })
      }
      const log = lines.join('')
      expect(log).toContain('/v1/overview?access_token=[oculto]')
      for (const secret of [sessionToken, TOKENS.healthy]) expect(log).not.toContain(secret)
    } finally {
      await logged.close()
    }
  })

  it('maskTokens hides session tokens and credential-like parameters, and keeps the rest', () => {
    expect(maskTokens('/v1/x?limit=3&sessionToken=abc&from=2026-01-01')).toBe('/v1/x?limit=3&sessionToken=[oculto]&from=2026-01-01')
    expect(maskTokens('/v1/x/s.AAAAAAAAAAAAAAAAAAAAAAAAAAAA')).toBe('/v1/x/s.[oculto]')
    expect(maskTokens('/v1/recordings?limit=20&offset=40')).toBe('/v1/recordings?limit=20&offset=40')
  })

  it('maskPersonalData keeps enough to recognise, not enough to use', () => {
    expect(maskPersonalData('/x/123456789?iban=PT50000201231234567890154')).toBe('/x/1•••••789?iban=PT50…154')
    expect(maskPersonalData('/v1/invoices/ft-2026-1275001')).toBe('/v1/invoices/ft-2026-1275001')
  })
})
