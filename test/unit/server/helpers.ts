// A server over a fresh in-memory database, seeded for a fixed day.
import { bearer } from '../../../src/contract'
import { lisbonDate } from '../../../src/domain/dates'
import { type App, buildServer } from '../../../src/server/app'
import { type Db, openDatabase } from '../../../src/server/db'
import { migrateToLatest } from '../../../src/server/migrations'
import { seedDemoAccounts } from '../../../src/server/seed'

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

export async function testServer({ now = NOW, askedAt = now, demo = true }: TestServerOptions = {}): Promise<TestServer> {
  const db = openDatabase({ file: ':memory:' })
  await migrateToLatest(db)
  await seedDemoAccounts(db, lisbonDate(now))
  const app = await buildServer({ db, now: () => askedAt, demo })
  return {
    app,
    db,
    close: async () => {
      await app.close()
      await db.destroy()
    },
  }
}

export async function get(app: App, url: string, token?: string) {
  const response = await app.inject({ method: 'GET', url, headers: token ? { authorization: bearer(token) } : {} })
  return { status: response.statusCode, headers: response.headers, body: response.json(), text: response.body }
}
