// Two API processes on one database (issue 15, DESIGN §9: "state these rules need lives in the
// database, so API replicas over one PostgreSQL agree"). Each is src/server/main.ts in a Node
// process of its own, started from its environment as deployed (sessions required, a per-token
// limit, a failed-authentication limit of 3 at once); nothing is shared but the database:
// PostgreSQL under `npm run test:pg` (one schema, through the URL's search_path), one SQLite
// file otherwise. The entry is bundled with esbuild first, so no `npm run build` is needed.
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { bearer, ROUTES } from '../../../src/contract'
import { lisbonDate } from '../../../src/domain/dates'
import { seedDemoAccounts } from '../../../src/server/demo/build'
import { type Db, openDatabase } from '../../../src/server/store/db'
import { migrateToLatest } from '../../../src/server/store/migrations'
import { freePort } from '../../e2e/harness'
import { NOW, TEST_DATABASE_URL, testDatabase, TOKENS } from './helpers'

const PIN = '2580'
/** As deployed: the operator's secret, the same for both processes (not the demo one, which needs DEMO=1). */
const SECRET = randomBytes(32).toString('hex')
// Two processes' start, first queries and scrypt PIN checks: slow on a loaded machine, hence the longer limits.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 120_000 })

interface Replica {
  url: string
  stop: () => Promise<void>
}

let a: Replica
let b: Replica
let db: Db
let cleanup: () => Promise<void>

/** The database both processes use, seeded here, and the environment that points a process at it. */
async function sharedDatabase(): Promise<{ db: Db; env: NodeJS.ProcessEnv; drop: () => Promise<void> }> {
  if (TEST_DATABASE_URL) {
    const { db, drop } = await testDatabase()
    const schema = (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]!.schema
    const url = new URL(TEST_DATABASE_URL)
    url.searchParams.set('options', `-c search_path=${schema}`)
    return { db, env: { DATABASE_URL: url.toString() }, drop }
  }
  const directory = mkdtempSync(join(tmpdir(), 'replicas-'))
  const file = join(directory, 'account.sqlite')
  const db = openDatabase({ file })
  return {
    db,
    env: { DB_FILE: file, DATABASE_URL: '' },
    drop: async () => {
      await db.destroy()
      rmSync(directory, { recursive: true, force: true })
    },
  }
}

/** src/server/main.ts as one file; its packages stay imports, found in node_modules (hence the bundle's place under it). */
async function bundleServer(): Promise<{ entry: string; remove: () => void }> {
  const cache = resolve('node_modules/.cache')
  mkdirSync(cache, { recursive: true })
  const directory = mkdtempSync(join(cache, 'replicas-test-'))
  const entry = join(directory, 'main.mjs')
  await build({ entryPoints: ['src/server/main.ts'], outfile: entry, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' })
  return { entry, remove: () => rmSync(directory, { recursive: true, force: true }) }
}

/** One API process on `env`'s database; resolves once it answers /health. */
async function replica(entry: string, env: NodeJS.ProcessEnv): Promise<Replica> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child: ChildProcess = spawn(process.execPath, [entry], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      TOKEN_SECRET: SECRET,
      NOW: NOW.toISOString(),
      DEMO: '0',
      SESSIONS: 'required',
      RATE_LIMIT: '20/60',
      AUTH_FAILURES: '0.01/3',
      // The tests name a client address in X-Forwarded-For, as a proxy in front would.
      TRUST_PROXY: '1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let errors = ''
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()))
  const exited = new Promise((done) => child.once('exit', done))
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`the API process exited (${child.exitCode}) before answering /health: ${errors}`)
    try {
      if ((await fetch(`${url}/health`)).ok) break
    } catch {
      if (attempt > 600) throw new Error(`the API process did not answer /health within 60 s: ${errors}`)
      await new Promise((done) => setTimeout(done, 100))
    }
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await exited
    },
  }
}

beforeAll(async () => {
  const shared = await sharedDatabase()
  db = shared.db
  await migrateToLatest(db, SECRET)
  await seedDemoAccounts(db, lisbonDate(NOW), SECRET)
  const server = await bundleServer()
  try {
    ;[a, b] = await Promise.all([replica(server.entry, shared.env), replica(server.entry, shared.env)])
  } finally {
    server.remove()
  }
  cleanup = async () => {
    await Promise.all([a?.stop(), b?.stop()])
    await shared.drop()
  }
})
afterAll(() => cleanup?.())

async function call(server: Replica, method: 'GET' | 'POST' | 'PUT', path: string, token: string, payload?: object, ip?: string) {
  const headers: Record<string, string> = { authorization: bearer(token), ...(ip ? { 'x-forwarded-for': ip } : {}), ...(payload ? { 'content-type': 'application/json' } : {}) }
  const response = await fetch(`${server.url}${path}`, { method, headers, body: payload ? JSON.stringify(payload) : undefined })
  const text = await response.text()
  return { statusCode: response.status, json: () => JSON.parse(text) }
}
const login = async (server: Replica, token: string) => (await call(server, 'POST', ROUTES.session, token)).json().sessionToken as string

describe('two API processes on one database', () => {
  it('a write through one is read through the other, and a session opened on one works on the other', async () => {
    const session = await login(a, TOKENS.admin)
    const before = (await call(b, 'GET', ROUTES.account, session)).json().einvoice.enabled as boolean
    expect((await call(a, 'PUT', ROUTES.accountEInvoice, session, { enabled: !before })).statusCode).toBe(200)
    expect((await call(b, 'GET', ROUTES.account, session)).json().einvoice.enabled).toBe(!before)
    // Both audit rows are in the one trail.
    const trail = await db.selectFrom('audit').select(['route', 'status']).execute()
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
    const subscribe = (server: Replica, pin: string, key: string) => call(server, 'POST', ROUTES.premiumSubscribe.replace(':id', 'tvcine'), session, { pin, idempotencyKey: key })
    expect((await subscribe(a, '1111', 'replica-pin-0001')).json().triesLeft).toBe(2)
    expect((await subscribe(b, '1111', 'replica-pin-0002')).json().triesLeft).toBe(1)
    const locked = await subscribe(a, '1111', 'replica-pin-0003')
    expect(locked.statusCode).toBe(429)
    // The right PIN waits on the other process too, with the same end and the series count.
    const other = await subscribe(b, PIN, 'replica-pin-0004')
    expect(other.statusCode).toBe(429)
    expect(other.json()).toMatchObject({ lockedUntil: locked.json().lockedUntil, locks: 1 })
    expect((await call(b, 'GET', ROUTES.premium, session)).json().pin).toMatchObject({ triesLeft: 0, locks: 1 })
  })

  it('the failed-authentication limit is per process (docs/production.md says why): the other still answers 401, not 429', async () => {
    const guess = (server: Replica) => call(server, 'GET', ROUTES.overview, 'unknown-token-0000', undefined, '10.9.9.9')
    for (let n = 0; n < 3; n++) expect((await guess(a)).statusCode).toBe(401)
    expect((await guess(a)).statusCode).toBe(429)
    expect((await guess(b)).statusCode).toBe(401)
  })
})
