// A server over a fresh in-memory database, seeded for a fixed day; over a fresh
// PostgreSQL schema instead when TEST_DATABASE_URL is set (`npm run test:pg`).
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type KyselyPlugin, type RootOperationNode, sql } from 'kysely'
import pg from 'pg'
import { bearer, RECORDINGS_PAGE_MAX, type RecordingList } from '../../../src/contract'
import { lisbonDate } from '../../../src/domain/dates'
import { buildServer } from '../../../src/server/http/app'
import type { App } from '../../../src/server/http/context'
import { type Db, openDatabase } from '../../../src/server/store/db'
import { migrateToLatest } from '../../../src/server/store/migrations'
import { seedDemoAccounts } from '../../../src/server/demo/build'
import { DEMO_TOKEN_SECRET } from '../../../src/server/store/tokens'

/** Where `npm start` serves the app. */
export const APP_ORIGIN = 'http://127.0.0.1:8080'

/** The token secret the test servers run with: DEMO=1's, as the demo data they hold. */
export const SECRET = DEMO_TOKEN_SECRET

/** Monday 16 March 2026, 10:00 in Lisbon. */
export const NOW = new Date('2026-03-16T10:00:00Z')

export const TOKENS = {
  healthy: 'demo-healthy-0001',
  overdue: 'demo-overdue-0002',
  newCustomer: 'demo-new-customer-0003',
  restricted: 'demo-restricted-0004',
  notices: 'demo-notices-0005',
  quotaFull: 'demo-quota-full-0006',
  heavy: 'demo-heavy-0007',
  premium: 'demo-premium-0012',
  admin: 'demo-admin-0008',
  delegado: 'demo-delegado-0009',
  faturacao: 'demo-faturacao-0010',
  tecnico: 'demo-tecnico-0011',
  unregistered: 'demo-unregistered-0013',
} as const

/** One demo viewer per access profile of seed 002 (the last four share the `admin` household). */
export const PROFILE_TOKENS = {
  administrador: TOKENS.admin,
  'responsavel-delegado': TOKENS.delegado,
  'responsavel-faturacao': TOKENS.faturacao,
  'responsavel-tecnico': TOKENS.tecnico,
  utilizador: TOKENS.restricted,
} as const

export interface TestServer {
  app: App
  db: Db
  close: () => Promise<void>
}

interface TestServerOptions {
  /** The day the demo data is seeded on. */
  now?: Date
  /** The clock the server answers by, if not `now`: to ask about the same data later. */
  askedAt?: Date
  demo?: boolean
}

/** The PostgreSQL server the suite runs against (`npm run test:pg`), or undefined for SQLite in memory. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined

let schemas = 0

/** An empty database of its own: SQLite in memory, or a new PostgreSQL schema that `drop` removes. */
export async function testDatabase(): Promise<{ db: Db; drop: () => Promise<void> }> {
  const url = TEST_DATABASE_URL
  if (!url) {
    const db = openDatabase({ file: ':memory:' })
    return { db, drop: () => db.destroy() }
  }
  const schema = `test_${process.pid}_${++schemas}_${Math.random().toString(36).slice(2, 8)}`
  await admin(url, `create schema ${schema}`)
  const db = openDatabase({ url, schema })
  return {
    db,
    drop: async () => {
      await db.destroy()
      await admin(url, `drop schema ${schema} cascade`)
    },
  }
}

export interface SeededCopies {
  /** A new database holding a copy of the seeded one, for one test. */
  copy: () => Promise<{ db: Db; drop: () => Promise<void> }>
  dispose: () => Promise<void>
}

/**
 * Seeds once (scrypt and two years of invoices take a while) and hands out copies:
 * SQLite file copies, or on PostgreSQL a new schema, migrated, with every table's
 * rows copied over in creation order (parents before children).
 */
export async function seededCopies(now: Date = NOW): Promise<SeededCopies> {
  const url = TEST_DATABASE_URL
  if (!url) {
    const directory = mkdtempSync(join(tmpdir(), 'seeded-test-'))
    const seeded = openDatabase({ file: join(directory, 'seeded.sqlite') })
    await migrateToLatest(seeded, SECRET)
    await seedDemoAccounts(seeded, lisbonDate(now), SECRET)
    await seeded.destroy()
    let copies = 0
    return {
      copy: async () => {
        const file = join(directory, `copy-${++copies}.sqlite`)
        copyFileSync(join(directory, 'seeded.sqlite'), file)
        const db = openDatabase({ file })
        return { db, drop: () => db.destroy() }
      },
      dispose: async () => rmSync(directory, { recursive: true, force: true }),
    }
  }
  const seeded = await testDatabase()
  await migrateToLatest(seeded.db, SECRET)
  await seedDemoAccounts(seeded.db, lisbonDate(now), SECRET)
  const from = (await sql<{ schema: string }>`select current_schema() as schema`.execute(seeded.db)).rows[0]!.schema
  const tables = (
    await sql<{ name: string }>`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = ${from} and c.relkind = 'r' and c.relname not like 'kysely_%' order by c.oid`.execute(seeded.db)
  ).rows.map((row) => row.name)
  return {
    copy: async () => {
      const copy = await testDatabase()
      await migrateToLatest(copy.db, SECRET)
      await copy.db.transaction().execute(async (trx) => {
        for (const table of tables) await sql`insert into ${sql.table(table)} select * from ${sql.table(`${from}.${table}`)}`.execute(trx)
      })
      return copy
    },
    dispose: seeded.drop,
  }
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

export async function testServer({ now = NOW, askedAt = now, demo = true }: TestServerOptions = {}): Promise<TestServer> {
  const { db, drop } = await testDatabase()
  await migrateToLatest(db, SECRET)
  await seedDemoAccounts(db, lisbonDate(now), SECRET)
  // The app server of `npm start` is the one origin allowed to call (CORS_ORIGINS).
  const app = await buildServer({ tokenSecret: SECRET, db, now: () => askedAt, demo, corsOrigins: [APP_ORIGIN] })
  return {
    app,
    db,
    close: async () => {
      await app.close()
      await drop()
    },
  }
}

export async function get(app: App, url: string, token?: string) {
  const response = await app.inject({ method: 'GET', url, headers: token ? { authorization: bearer(token) } : {} })
  return { status: response.statusCode, headers: response.headers, body: response.json(), text: response.body }
}

/** Every page of a paged list (`route?limit=N`), walked forward through its cursors, with each answer's size in bytes. */
export async function walkPages<P extends { next: string | null }>(app: App, route: string, limit: number, token: string): Promise<{ page: P; bytes: number }[]> {
  const pages: { page: P; bytes: number }[] = []
  let cursor: string | null = null
  do {
    const { status, body, text } = await get(app, `${route}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, token)
    if (status !== 200) throw new Error(`GET ${route}: ${status} ${JSON.stringify(body)}`)
    pages.push({ page: body as P, bytes: Buffer.byteLength(text) })
    cursor = (body as P).next
  } while (cursor)
  return pages
}

/** Every page of GET /v1/recordings, walked through its cursors: the first page's answer with every item. */
export async function allRecordings(app: App, token: string): Promise<RecordingList & { pages: number }> {
  const pages = (await walkPages<RecordingList>(app, '/v1/recordings', RECORDINGS_PAGE_MAX, token)).map(({ page }) => page)
  return { ...pages[0], items: pages.flatMap((page) => page.items), pages: pages.length }
}

/**
 * The heavy account's kept recordings straight from the store, as the domain sees them: the
 * recordings tests' oracle, read apart from the service's own mapping.
 */
export async function heavyKeptRecordings(db: Db) {
  const rows = await db.selectFrom('recording').selectAll().where('account_id', '=', 'acc-4103348812').where('deleted_on', 'is', null).execute()
  return rows.map((row) => ({
    id: row.id,
    startsAt: row.starts_at,
    recordedOn: row.recorded_on,
    scheduledDeletion: row.scheduled_deletion,
    deletionOn: row.deletion_on,
    sizeMinutes: row.size_minutes,
    watched: row.watched === 1,
    watchingNow: row.watching_now === 1,
    protected: row.protected === 1,
  }))
}

/** `db`, noting every query it is given (their plans are read with EXPLAIN QUERY PLAN in tests). */
export function withQueryRecorder(db: Db): { db: Db; queries: RootOperationNode[] } {
  const queries: RootOperationNode[] = []
  const recorder: KyselyPlugin = {
    transformQuery: ({ node }) => {
      queries.push(node)
      return node
    },
    transformResult: async ({ result }) => result,
  }
  return { db: db.withPlugin(recorder), queries }
}
