// Command-line entry of the reference account API (bundled to dist/server/main.mjs).
//   PORT          listen port on 127.0.0.1 (default 3000)
//   DATABASE_URL  postgres://… to use PostgreSQL instead of SQLite
//   DB_FILE       SQLite file (default .data/account.sqlite)
//   DEMO=0        no demo scenarios (they are seeded into an empty database otherwise)
//   NOW           a fixed instant (ISO 8601) for every rule, e.g. for reproducible screenshots
//   LOG_LEVEL     pino level (default info)
//   RATE_LIMIT    requests per device token: <per second>/<burst> (default 20/60), 0 for none
//   SESSIONS      "required" (default): data routes take only session tokens (POST /v1/session),
//                 so a second login with the same device token ends the first (seed 004 TV §4.2);
//                 "optional": the bare device token is accepted too (tools, bench; `npm start`'s default)
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { lisbonDate } from '../domain/dates'
import { buildServer } from './http/app'
import { type DatabaseConfig, openDatabase } from './store/db'
import { migrateToLatest } from './store/migrations'
import { isEmpty, seedDemoAccounts } from './demo/build'
import { loggerOptions } from './http/logging'
import { parseRateLimit } from './http/limits'
import { sessionsRequired } from './sessions/service'

const HOST = '127.0.0.1'

function clock(fixed: string | undefined): () => Date {
  if (fixed === undefined) return () => new Date()
  const instant = new Date(fixed)
  if (Number.isNaN(instant.getTime())) throw new Error(`NOW is not an ISO 8601 instant: ${fixed}`)
  return () => new Date(instant)
}

function databaseConfig(env: NodeJS.ProcessEnv): DatabaseConfig {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL }
  const file = env.DB_FILE ?? '.data/account.sqlite'
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  return { file }
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT is not a port number: ${process.env.PORT}`)
  const now = clock(process.env.NOW)
  const demo = process.env.DEMO !== '0'
  const requireSession = sessionsRequired(process.env.SESSIONS)

  const db = openDatabase(databaseConfig(process.env))
  await migrateToLatest(db)
  if (demo && (await isEmpty(db))) await seedDemoAccounts(db, lisbonDate(now()))

  const app = await buildServer({
    db,
    now,
    demo,
    logger: loggerOptions(process.env.LOG_LEVEL ?? 'info'),
    rateLimit: parseRateLimit(process.env.RATE_LIMIT, { perSecond: 20, burst: 60 }),
    requireSession,
  })
  const close = async (signal: string) => {
    app.log.info(`${signal}: closing`)
    await app.close()
    await db.destroy()
  }
  process.once('SIGINT', close)
  process.once('SIGTERM', close)

  await app.listen({ host: HOST, port })
  if (demo) {
    if (requireSession) console.log('sessions required: POST /v1/session with a device token answers the session token to send on every other route (SESSIONS=optional accepts the device token itself)')
    const scenarios = await db.selectFrom('demo_scenario').select(['id', 'token', 'purchase_pin']).orderBy('position').execute()
    for (const { id, token, purchase_pin } of scenarios) {
      const pin = purchase_pin ? `  purchase PIN ${purchase_pin}` : ''
      console.log(`demo scenario ${id.padEnd(14)} Authorization: Bearer ${token}${pin}`)
    }
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
