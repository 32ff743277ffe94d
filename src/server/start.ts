// Starts the reference account API from its environment (main.ts; docs/production.md has
// the table). Separate from main.ts so that tests start it exactly as deployed.
import { chmodSync, existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { lisbonDate } from '../domain/dates'
import { isEmpty, seedDemoAccounts } from './demo/build'
import { buildServer } from './http/app'
import type { App } from './http/context'
import { parseRateLimit } from './http/limits'
import { loggerOptions } from './http/logging'
import { parseAuditRetention, sessionsRequired } from './sessions/service'
import { demoEnabled, parseOrigins, parseTrustProxy } from './settings'
import { type DatabaseConfig, type Db, openDatabase } from './store/db'
import { migrateToLatest } from './store/migrations'
import { parseTokenSecret } from './store/tokens'

const HOST = '127.0.0.1'

/** A setting or a database the server cannot start with: one message saying what and what to do, no stack. */
export class StartError extends Error {}

function clock(fixed: string | undefined): () => Date {
  if (fixed === undefined) return () => new Date()
  const instant = new Date(fixed)
  if (Number.isNaN(instant.getTime())) throw new Error(`NOW is not an ISO 8601 instant: ${fixed}`)
  return () => new Date(instant)
}

function databaseConfig(env: NodeJS.ProcessEnv, demo: boolean): DatabaseConfig {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL }
  const file = env.DB_FILE ?? '.data/account.sqlite'
  if (file === ':memory:') return { file }
  // A missing file is a new, empty database only when asked for: otherwise a moved or deleted
  // file would quietly start over empty (and, with DEMO=1, be seeded again).
  if (!existsSync(file) && !demo && env.DB_CREATE !== '1') {
    throw new StartError(`The database file ${file} does not exist. Restore it from a backup, set DB_FILE to where it is, or set DB_CREATE=1 to create a new empty database there.`)
  }
  mkdirSync(dirname(file), { recursive: true })
  return { file }
}

/** Opens and migrates the database, or a StartError naming the file and what to do. */
async function openMigrated(config: DatabaseConfig, tokenSecret: string): Promise<{ db: Db; created: boolean }> {
  let db: Db | undefined
  try {
    db = openDatabase(config)
    const { created } = await migrateToLatest(db, tokenSecret)
    // The account data and its tokens: readable by the server's user only (also its WAL and shared-memory files).
    if ('file' in config && config.file !== ':memory:') {
      for (const file of [config.file, `${config.file}-wal`, `${config.file}-shm`]) if (existsSync(file)) chmodSync(file, 0o600)
    }
    return { db, created }
  } catch (error) {
    await db?.destroy().catch(() => undefined)
    const reason = error instanceof Error ? error.message : String(error)
    const where = 'file' in config ? `The database file ${config.file}` : 'The PostgreSQL database of DATABASE_URL'
    throw new StartError(`${where} cannot be used: ${reason}. If it is damaged or not a database, restore it from a backup or point ${'file' in config ? 'DB_FILE' : 'DATABASE_URL'} elsewhere.`)
  }
}

/** Every setting of the environment, or a StartError naming the one that is wrong. */
function settings(env: NodeJS.ProcessEnv) {
  try {
    const port = Number(env.PORT ?? 3000)
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT is not a port number: ${env.PORT}`)
    const demo = demoEnabled(env.DEMO)
    return {
      port,
      now: clock(env.NOW),
      demo,
      tokenSecret: parseTokenSecret(env.TOKEN_SECRET, demo),
      corsOrigins: parseOrigins(env.CORS_ORIGINS),
      requireSession: sessionsRequired(env.SESSIONS),
      rateLimit: parseRateLimit(env.RATE_LIMIT, { perSecond: 20, burst: 60 }),
      // 30 failed authentications at once per client address, then one every 2 s (30 a minute).
      authFailures: parseRateLimit(env.AUTH_FAILURES, { perSecond: 0.5, burst: 30 }, 'AUTH_FAILURES'),
      trustProxy: parseTrustProxy(env.TRUST_PROXY),
      auditRetentionDays: parseAuditRetention(env.AUDIT_RETENTION_DAYS),
    }
  } catch (error) {
    throw new StartError(error instanceof Error ? error.message : String(error))
  }
}

export interface Started {
  app: App
  db: Db
  url: string
  close: () => Promise<void>
}

/** Reads the settings, opens the database, seeds a new one under DEMO=1, and listens. */
export async function start(env: NodeJS.ProcessEnv, print: (line: string) => void = console.log): Promise<Started> {
  const { port, now, demo, tokenSecret, corsOrigins, requireSession, rateLimit, authFailures, trustProxy, auditRetentionDays } = settings(env)

  const { db, created } = await openMigrated(databaseConfig(env, demo), tokenSecret)
  // Only a database created by this start is seeded: never one that held data before.
  if (demo && created && (await isEmpty(db))) await seedDemoAccounts(db, lisbonDate(now()), tokenSecret)

  const app = await buildServer({
    db,
    tokenSecret,
    now,
    demo,
    logger: loggerOptions(env.LOG_LEVEL ?? 'info'),
    rateLimit,
    authFailures,
    trustProxy,
    requireSession,
    corsOrigins,
    auditRetentionDays,
  })
  const url = await app.listen({ host: HOST, port })
  if (demo) {
    if (requireSession) print('sessions required: POST /v1/session with a device token answers the session token to send on every other route (SESSIONS=optional accepts the device token itself)')
    const scenarios = await db.selectFrom('demo_scenario').select(['id', 'token', 'purchase_pin']).orderBy('position').execute()
    for (const { id, token, purchase_pin } of scenarios) {
      const pin = purchase_pin ? `  purchase PIN ${purchase_pin}` : ''
      print(`demo scenario ${id.padEnd(14)} Authorization: Bearer ${token}${pin}`)
    }
  }
  return {
    app,
    db,
    url,
    close: async () => {
      await app.close()
      await db.destroy()
    },
  }
}
