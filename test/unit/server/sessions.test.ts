// Sessions that end: by logout (DELETE /v1/session), after 7 days unused, after 30 days
// open; and the rows of old sessions, and audit rows past their retention, cleaned at the next login.
import { CompiledQuery } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, ROUTES } from '../../../src/contract'
import { buildServer } from '../../../src/server/http/app'
import type { App } from '../../../src/server/http/context'
import { AUDIT_RETENTION_DAYS, EXPIRED, LOGGED_OUT, openSession, parseAuditRetention } from '../../../src/server/sessions/service'
import { NOW, SECRET, TEST_DATABASE_URL, testServer, type TestServer, TOKENS, withQueryRecorder } from './helpers'
import { tokenDigest } from '../../../src/server/store/tokens'

const DAY = 86_400_000
let server: TestServer
let app: App
let clock = NOW
beforeAll(async () => {
  server = await testServer()
  app = await buildServer({ tokenSecret: SECRET, db: server.db, now: () => clock, demo: true, requireSession: true })
})
afterAll(async () => {
  await app.close()
  await server.close()
})

async function login(token: string): Promise<string> {
  const response = await app.inject({ method: 'POST', url: ROUTES.session, headers: { authorization: bearer(token) } })
  expect(response.statusCode).toBe(201)
  return response.json().sessionToken
}

const overview = (token: string) => app.inject({ url: ROUTES.overview, headers: { authorization: bearer(token) } })

describe('POST /v1/session?with=overview', () => {
  it("answers the session and home's overview, the same as GET /v1/overview with that session", async () => {
    clock = NOW
    for (const token of [TOKENS.healthy, TOKENS.heavy]) {
      const response = await app.inject({ method: 'POST', url: `${ROUTES.session}?with=overview`, headers: { authorization: bearer(token) } })
      expect(response.statusCode).toBe(201)
      const { sessionToken, overview: included } = response.json()
      const asked = await overview(sessionToken)
      expect(asked.statusCode).toBe(200)
      expect(included).toEqual(asked.json())
    }
  })

  it('without it the answer has no overview; any other value, or another parameter, is refused with why', async () => {
    clock = NOW
    const plain = await app.inject({ method: 'POST', url: ROUTES.session, headers: { authorization: bearer(TOKENS.healthy) } })
    expect(plain.statusCode).toBe(201)
    expect(plain.json()).not.toHaveProperty('overview')
    const refusals = {
      'with=invoices': 'O parâmetro «with» só aceita «overview».',
      'with=': 'O parâmetro «with» só aceita «overview».',
      'include=overview': 'O parâmetro «include» não é aceite aqui.',
    }
    for (const [query, reason] of Object.entries(refusals)) {
      const refused = await app.inject({ method: 'POST', url: `${ROUTES.session}?${query}`, headers: { authorization: bearer(TOKENS.healthy) } })
      expect(refused.statusCode, query).toBe(400)
      expect(refused.json().reason, query).toBe(reason)
    }
  })

  it("the overview a login answered is the one kept: the session's first GET /v1/overview reads no account data", async () => {
    clock = NOW
    const { db: recorded, queries } = withQueryRecorder(server.db)
    const recordedApp = await buildServer({ tokenSecret: SECRET, db: recorded, now: () => clock, demo: true, requireSession: true })
    try {
      const opened = await recordedApp.inject({ method: 'POST', url: `${ROUTES.session}?with=overview`, headers: { authorization: bearer(TOKENS.premium) } })
      expect(opened.statusCode).toBe(201)
      queries.length = 0
      const asked = await recordedApp.inject({ url: ROUTES.overview, headers: { authorization: bearer(opened.json().sessionToken) } })
      expect(asked.json()).toEqual(opened.json().overview)
      const tables = queries.map((node) => /from "(\w+)"/.exec(server.db.getExecutor().compileQuery(node, { queryId: 'read' }).sql)?.[1])
      expect(tables.filter((table) => ['invoice', 'recording', 'notice', 'premium_subscription'].includes(table ?? ''))).toEqual([])
    } finally {
      await recordedApp.close()
    }
  })
})

describe('DELETE /v1/session', () => {
  it('ends the session: 204, then its token gets 401 saying it was ended here', async () => {
    clock = NOW
    const session = await login(TOKENS.healthy)
    expect((await overview(session)).statusCode).toBe(200)
    expect((await app.inject({ method: 'DELETE', url: ROUTES.session, headers: { authorization: bearer(session) } })).statusCode).toBe(204)
    const after = await overview(session)
    expect(after.statusCode).toBe(401)
    expect(after.json().reason).toBe(LOGGED_OUT)
  })

  it('takes a session token, not the device token', async () => {
    const refused = await app.inject({ method: 'DELETE', url: ROUTES.session, headers: { authorization: bearer(TOKENS.healthy) } })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().reason).toBe('Só uma sessão se termina: envie o token da sessão, não o do equipamento.')
  })
})

describe('lifetime', () => {
  it('unused for more than 7 days, a session has expired; used every day it lives on', async () => {
    clock = NOW
    const idle = await login(TOKENS.overdue)
    const used = await login(TOKENS.notices)
    for (let day = 1; day <= 8; day++) {
      clock = new Date(NOW.getTime() + day * DAY)
      expect((await overview(used)).statusCode).toBe(200)
    }
    const expired = await overview(idle)
    expect(expired.statusCode).toBe(401)
    expect(expired.json().reason).toBe(EXPIRED)
  })

  it('open for more than 30 days, a session has expired however much it is used', async () => {
    clock = NOW
    const session = await login(TOKENS.premium)
    for (let day = 6; day <= 30; day += 6) {
      clock = new Date(NOW.getTime() + day * DAY)
      expect((await overview(session)).statusCode).toBe(200)
    }
    clock = new Date(NOW.getTime() + 31 * DAY)
    expect((await overview(session)).json().reason).toBe(EXPIRED)
  })

  it('a login deletes the rows of sessions ended more than 30 days before', async () => {
    clock = NOW
    await login(TOKENS.unregistered)
    await login(TOKENS.unregistered)
    const rows = () => server.db.selectFrom('session').select('token').where('device_token', '=', tokenDigest(SECRET, TOKENS.unregistered)).execute()
    expect(await rows()).toHaveLength(2)
    clock = new Date(NOW.getTime() + 31 * DAY)
    await login(TOKENS.unregistered)
    expect(await rows()).toHaveLength(2)
    clock = new Date(NOW.getTime() + 62 * DAY)
    await login(TOKENS.unregistered)
    expect(await rows()).toHaveLength(2)
  })
})

describe('audit retention (AUDIT_RETENTION_DAYS, 365 by default)', () => {
  // Written at 00:30 in Lisbon on 1 July 2026 (summer time: 23:30 UTC the day before).
  const WRITTEN_AT = '2026-06-30T23:30:00.000Z'
  const kept = async () => (await server.db.selectFrom('audit').select('at').where('action', '=', 'test.retention').execute()).length

  async function loginOn(instant: string, retention?: number): Promise<void> {
    const local = retention === undefined ? app : await buildServer({ tokenSecret: SECRET, db: server.db, now: () => new Date(instant), demo: true, auditRetentionDays: retention })
    clock = new Date(instant)
    const response = await local.inject({ method: 'POST', url: ROUTES.session, headers: { authorization: bearer(TOKENS.tecnico) } })
    expect(response.statusCode).toBe(201)
    if (local !== app) await local.close()
  }

  it('a row is kept through the day 365 days after its Lisbon day and deleted by the first login of the day after', async () => {
    expect(AUDIT_RETENTION_DAYS).toBe(365)
    await server.db
      .insertInto('audit')
      .values({ at: WRITTEN_AT, account_id: 'acc-x', viewer_name: 'Rita', viewer_profile: 'administrador', device: 'abcdefabcdef', client_ip: '127.0.0.1', action: 'test.retention', method: 'PUT', route: ROUTES.accountEInvoice, target: null, status: 200, outcome: 'ok' })
      .execute()
    // The day before the limit: 30 June 2027, midday.
    await loginOn('2027-06-30T11:00:00.000Z')
    expect(await kept()).toBe(1)
    // The limit's day, 1 July 2027, at 23:59 in Lisbon: 365 days and 23 h after, still kept (the day counts, not the hours).
    await loginOn('2027-07-01T22:59:00.000Z')
    expect(await kept()).toBe(1)
    // The day after: 2 July 2027, 00:00:30 in Lisbon (23:00:30 UTC on 1 July): "há mais de 365 dias", deleted.
    await loginOn('2027-07-01T23:00:30.000Z')
    expect(await kept()).toBe(0)
    // The login's own audit rows stay.
    expect(await server.db.selectFrom('audit').select('at').where('at', '=', '2027-07-01T23:00:30.000Z').execute()).toHaveLength(1)
  })

  it('a configured retention is the one applied; the setting is read strictly', async () => {
    await server.db
      .insertInto('audit')
      .values({ at: WRITTEN_AT, account_id: 'acc-x', viewer_name: 'Rita', viewer_profile: 'administrador', device: 'abcdefabcdef', client_ip: '127.0.0.1', action: 'test.retention', method: 'PUT', route: ROUTES.accountEInvoice, target: null, status: 200, outcome: 'ok' })
      .execute()
    await loginOn('2026-07-31T12:00:00.000Z', 30)
    expect(await kept()).toBe(1)
    await loginOn('2026-08-01T12:00:00.000Z', 30)
    expect(await kept()).toBe(0)
    expect(parseAuditRetention(undefined)).toBe(365)
    expect(parseAuditRetention('90')).toBe(90)
    for (const wrong of ['0', '-1', '1.5', 'a year']) expect(() => parseAuditRetention(wrong)).toThrow(/AUDIT_RETENTION_DAYS/)
  })
})

describe("a login's clean-up", () => {
  // SQLite's plan names the index it reads; PostgreSQL's depends on its statistics.
  it.skipIf(TEST_DATABASE_URL)('finds old audit rows and sessions by index: it does not read either table whole', async () => {
    const { db: recorded, queries } = withQueryRecorder(server.db)
    await openSession(recorded, SECRET, tokenDigest(SECRET, TOKENS.overdue), NOW)
    const deletes = queries.filter((node) => node.kind === 'DeleteQueryNode').map((node) => server.db.getExecutor().compileQuery(node, { queryId: 'plan' }))
    expect(deletes.map((query) => /delete from "(\w+)"/.exec(query.sql)?.[1]).sort()).toEqual(['audit', 'session'])
    for (const query of deletes) {
      const { rows } = await server.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]))
      const plan = rows.map((row) => row.detail).join(' / ')
      expect(plan, query.sql).toMatch(/USING (COVERING )?INDEX/)
      expect(plan, query.sql).not.toMatch(/^SCAN|\/ SCAN/)
    }
  })
})
