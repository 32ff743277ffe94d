// Token digests keyed with the server's secret (issue 15, «At rest»; store/tokens.ts): a dump
// of the database opens nothing and checks no guess, a server with another secret knows none
// of the tokens, and a database left by 0015 (plain SHA-256 digests) keeps its boxes and open
// sessions through migration 0016. On SQLite, and on PostgreSQL under `npm run test:pg`.
import { afterEach, describe, expect, it } from 'vitest'
import { bearer, ROUTES } from '../../../src/contract'
import { lisbonDate } from '../../../src/domain/dates'
import { seedDemoAccounts } from '../../../src/server/demo/build'
import { buildServer } from '../../../src/server/http/app'
import type { App } from '../../../src/server/http/context'
import { start, StartError } from '../../../src/server/start'
import type { Db } from '../../../src/server/store/db'
import { migrateTo, migrateToLatest } from '../../../src/server/store/migrations'
import { parseTokenSecret, sha256Digest, tokenDigest } from '../../../src/server/store/tokens'
import { NOW, SECRET, testDatabase, TOKENS } from './helpers'

const OTHER_SECRET = 'another-replica-set-secret-0123456789abcdef'
const closing: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close()
})

async function database(): Promise<Db> {
  const { db, drop } = await testDatabase()
  closing.push(drop)
  return db
}

async function server(db: Db, tokenSecret: string): Promise<App> {
  const app = await buildServer({ tokenSecret, db, now: () => NOW, demo: false })
  closing.push(() => app.close())
  return app
}

const call = (app: App, method: 'GET' | 'POST', url: string, token: string) => app.inject({ method, url, headers: { authorization: bearer(token) } })
const login = async (app: App, token: string) => {
  const answer = await call(app, 'POST', ROUTES.session, token)
  expect(answer.statusCode).toBe(201)
  return answer.json().sessionToken as string
}

/** Every value of the tables that hold tokens' digests, as a dump would give them. */
async function dump(db: Db): Promise<string[]> {
  return [
    ...(await db.selectFrom('device_token').select('token').execute()).map((row) => row.token),
    ...(await db.selectFrom('session').select(['token', 'device_token']).execute()).flatMap((row) => [row.token, row.device_token]),
    ...(await db.selectFrom('audit').select('device').execute()).map((row) => row.device),
  ]
}

describe('token digests keyed with TOKEN_SECRET', () => {
  it('a dump holds neither a token nor its SHA-256, and no value in it authenticates', { timeout: 30_000 }, async () => {
    const db = await database()
    await migrateToLatest(db, SECRET)
    await seedDemoAccounts(db, lisbonDate(NOW), SECRET)
    const app = await server(db, SECRET)
    const session = await login(app, TOKENS.healthy)
    const values = await dump(db)
    expect(values.length).toBeGreaterThan(14)
    for (const token of [session, ...Object.values(TOKENS)]) {
      // A plain SHA-256 would let anyone holding the dump check a guessed token offline.
      expect(values.some((value) => value.includes(token) || value === sha256Digest(token) || sha256Digest(token).startsWith(value))).toBe(false)
    }
    for (const value of new Set(values)) expect((await call(app, 'GET', ROUTES.overview, value)).statusCode, value).toBe(401)
  })

  it('a server with another secret knows none of the tokens, device or session', { timeout: 30_000 }, async () => {
    const db = await database()
    await migrateToLatest(db, SECRET)
    await seedDemoAccounts(db, lisbonDate(NOW), SECRET)
    const right = await server(db, SECRET)
    const wrong = await server(db, OTHER_SECRET)
    const session = await login(right, TOKENS.healthy)
    expect((await call(right, 'GET', ROUTES.overview, session)).statusCode).toBe(200)
    expect((await call(wrong, 'GET', ROUTES.overview, session)).statusCode).toBe(401)
    expect((await call(wrong, 'POST', ROUTES.session, TOKENS.healthy)).statusCode).toBe(401)
    // Nothing the other server refused ended the session.
    expect((await call(right, 'GET', ROUTES.overview, session)).statusCode).toBe(200)
  })

  it('migration 0016 re-keys a 0015 database: its boxes, open sessions and audit trail carry on', { timeout: 30_000 }, async () => {
    const db = await database()
    await migrateTo(db, SECRET, '0015_pin_lock_series')
    // As 0015 left a database: device tokens, a session and an audit row under plain SHA-256 digests.
    await seedDemoAccounts(db, lisbonDate(NOW), SECRET)
    for (const token of Object.values(TOKENS)) {
      await db.updateTable('device_token').set({ token: sha256Digest(token) }).where('token', '=', tokenDigest(SECRET, token)).execute()
    }
    const open = 's.opened-before-the-upgrade-0123456789'
    const opened = new Date(NOW.getTime() - 3_600_000).toISOString()
    await db.insertInto('session').values({ token: sha256Digest(open), device_token: sha256Digest(TOKENS.premium), opened_at: opened, ended_at: null, last_seen_at: opened, end_reason: null }).execute()
    const audited = { at: opened, account_id: 'acc-x', viewer_name: 'Rita', viewer_profile: 'administrador' as const, client_ip: '127.0.0.1', action: 'session.open', method: 'POST', route: ROUTES.session, target: null, status: 201, outcome: 'ok' }
    await db.insertInto('audit').values({ ...audited, device: sha256Digest(TOKENS.premium).slice(0, 12) }).execute()
    // Before 0016 the keyed digest the server looks a session up by is not there (today's server
    // cannot run on a 0015 schema at all: it reads account_change, migration 0019).
    expect(await db.selectFrom('session').select('token').where('token', '=', tokenDigest(SECRET, open)).executeTakeFirst()).toBeUndefined()

    await migrateToLatest(db, SECRET)
    const app = await server(db, SECRET)
    expect((await call(app, 'GET', ROUTES.overview, open)).statusCode).toBe(200)
    expect((await call(app, 'GET', ROUTES.overview, await login(app, TOKENS.healthy))).statusCode).toBe(200)
    const devices = (await db.selectFrom('audit').select('device').execute()).map((row) => row.device)
    expect(devices[0]).toBe(tokenDigest(SECRET, TOKENS.premium).slice(0, 12))
    expect(await dump(db)).not.toContain(sha256Digest(TOKENS.premium))
  })
})

describe('TOKEN_SECRET at start', () => {
  it('missing or short stops the start naming the variable and how to make one; DEMO=1 has a public one', async () => {
    const failure = (env: NodeJS.ProcessEnv) => start({ PORT: '0', DB_FILE: ':memory:', ...env }).then(
      () => new Error('started'),
      (error: unknown) => error as Error,
    )
    const missing = await failure({})
    expect(missing).toBeInstanceOf(StartError)
    expect(missing.message).toMatch(/^TOKEN_SECRET is not set.*openssl rand -hex 32/)
    expect((await failure({ TOKEN_SECRET: 'short' })).message).toMatch(/^TOKEN_SECRET is 5 bytes; it needs at least 32.*openssl rand -hex 32/)
    expect(parseTokenSecret(undefined, true)).toBe(SECRET)
    expect(() => parseTokenSecret(SECRET, false)).toThrow(/public demo secret/)
    expect(parseTokenSecret('0123456789abcdef0123456789abcdef', false)).toBe('0123456789abcdef0123456789abcdef')
  })
})
