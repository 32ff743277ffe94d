// Two API servers on one database (issue 15, DESIGN §9: "state these rules need lives in the
// database, so API replicas over one PostgreSQL agree"). Each server has its own connection
// pool and its own in-memory limiters, as two processes would; nothing is shared but the
// database: PostgreSQL under `npm run test:pg`, one SQLite file otherwise.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { bearer, ROUTES } from '../../../src/contract'
import { lisbonDate } from '../../../src/domain/dates'
import { seedDemoAccounts } from '../../../src/server/demo/build'
import { buildServer } from '../../../src/server/http/app'
import type { App } from '../../../src/server/http/context'
import { type Db, openDatabase } from '../../../src/server/store/db'
import { migrateToLatest } from '../../../src/server/store/migrations'
import { NOW, SECRET, TEST_DATABASE_URL, testDatabase, TOKENS } from './helpers'

const PIN = '2580'
// Two servers' first queries and scrypt PIN checks: slow on a loaded machine, hence the longer limit.
vi.setConfig({ testTimeout: 30_000 })
let a: App
let b: App
const dbs: Db[] = []
let cleanup: () => Promise<void>

/** A second pool on the same database: the same PostgreSQL schema, or the same SQLite file. */
async function sameDatabase(): Promise<{ first: Db; second: Db; drop: () => Promise<void> }> {
  if (TEST_DATABASE_URL) {
    const { db, drop } = await testDatabase()
    const schema = (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]!.schema
    return { first: db, second: openDatabase({ url: TEST_DATABASE_URL, schema }), drop }
  }
  const directory = mkdtempSync(join(tmpdir(), 'replicas-'))
  const file = join(directory, 'account.sqlite')
  const first = openDatabase({ file })
  return { first, second: openDatabase({ file }), drop: async () => rmSync(directory, { recursive: true, force: true }) }
}

beforeAll(async () => {
  const { first, second, drop } = await sameDatabase()
  await migrateToLatest(first, SECRET)
  await seedDemoAccounts(first, lisbonDate(NOW), SECRET)
  dbs.push(first, second)
  // As deployed: sessions required, a per-token limit and a failed-authentication limit of 3 at once.
  const options = { demo: false, now: () => NOW, requireSession: true, rateLimit: { perSecond: 20, burst: 60 }, authFailures: { perSecond: 0.01, burst: 3 } }
  a = await buildServer({ tokenSecret: SECRET, db: first, ...options })
  b = await buildServer({ tokenSecret: SECRET, db: second, ...options })
  cleanup = async () => {
    await a.close()
    await b.close()
    await second.destroy()
    await drop()
  }
})
afterAll(() => cleanup())

const call = (app: App, method: 'GET' | 'POST' | 'PUT', url: string, token: string, payload?: object, ip = '127.0.0.1') =>
  app.inject({ method, url, remoteAddress: ip, headers: { authorization: bearer(token) }, ...(payload ? { payload } : {}) })
const login = async (app: App, token: string) => (await call(app, 'POST', ROUTES.session, token)).json().sessionToken as string

describe('two API servers on one database', () => {
  it('a write through one is read through the other, and a session opened on one works on the other', async () => {
    const session = await login(a, TOKENS.admin)
    const before = (await call(b, 'GET', ROUTES.account, session)).json().einvoice.enabled as boolean
    expect((await call(a, 'PUT', ROUTES.accountEInvoice, session, { enabled: !before })).statusCode).toBe(200)
    expect((await call(b, 'GET', ROUTES.account, session)).json().einvoice.enabled).toBe(!before)
    // Both audit rows are in the one trail.
    const trail = await dbs[1]!.selectFrom('audit').select(['route', 'status']).execute()
    expect(trail).toEqual(expect.arrayContaining([{ route: ROUTES.session, status: 201 }, { route: ROUTES.accountEInvoice, status: 200 }]))
  })

  it('one session per credentials across both: a login on the second ends the session of the first', async () => {
    const first = await login(a, TOKENS.healthy)
    expect((await call(b, 'GET', ROUTES.overview, first)).statusCode).toBe(200)
    await login(b, TOKENS.healthy)
    const ended = await call(a, 'GET', ROUTES.overview, first)
    expect(ended.statusCode).toBe(401)
    expect(ended.json().reason).toMatch(/aberta noutro equipamento/)
  })

  it('the PIN lock holds across both: two wrong PINs on one and a third on the other lock purchases on both', async () => {
    const session = await login(a, TOKENS.premium)
    const subscribe = (app: App, pin: string, key: string) => call(app, 'POST', ROUTES.premiumSubscribe.replace(':id', 'tvcine'), session, { pin, idempotencyKey: key })
    expect((await subscribe(a, '1111', 'replica-pin-0001')).json().triesLeft).toBe(2)
    expect((await subscribe(b, '1111', 'replica-pin-0002')).json().triesLeft).toBe(1)
    const locked = await subscribe(a, '1111', 'replica-pin-0003')
    expect(locked.statusCode).toBe(429)
    // The right PIN waits on the other server too, with the same end and the series count.
    const other = await subscribe(b, PIN, 'replica-pin-0004')
    expect(other.statusCode).toBe(429)
    expect(other.json()).toMatchObject({ lockedUntil: locked.json().lockedUntil, locks: 1 })
    expect((await call(b, 'GET', ROUTES.premium, session)).json().pin).toMatchObject({ triesLeft: 0, locks: 1 })
  })

  it('the failed-authentication limit is per server (docs/production.md says why): the other still answers 401, not 429', async () => {
    const guess = (app: App) => call(app, 'GET', ROUTES.overview, 'unknown-token-0000', undefined, '10.9.9.9')
    for (let n = 0; n < 3; n++) expect((await guess(a)).statusCode).toBe(401)
    expect((await guess(a)).statusCode).toBe(429)
    expect((await guess(b)).statusCode).toBe(401)
  })
})
