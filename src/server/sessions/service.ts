// Sessions (seed 004 TV §4.2: "simultaneous access with the same User Name and
// Access Code will not be allowed"). The device token is the box's credential;
// POST /v1/session exchanges it for a session token and ends the credential's
// previous session, so a second box (or a copied token) logging in ends the first
// one's access: its next request gets a 401 saying so. Sessions live in the
// database, so every replica behind a load balancer sees the same one.
import { randomBytes } from 'node:crypto'
import type { Profile, SessionAnswer } from '../../contract'
import { addDays, lisbonDate, lisbonDayStart } from '../../domain/dates'
import { compiledOnce, type Db } from '../store/db'
import { unauthorized } from '../http/errors'
import { tokenDigest } from '../store/tokens'

/** Session tokens start with this; device tokens never do (demo/build.ts, operator provisioning). */
export const SESSION_PREFIX = 's.'

export const ENDED_ELSEWHERE =
  'A sessão terminou porque esta conta foi aberta noutro equipamento com as mesmas credenciais (não é permitido o acesso simultâneo). Escolha «Tentar novamente» para voltar a entrar aqui.'

/**
 * SESSIONS of main.ts. Seed 004 TV §4.2 binds every caller only when the bare device token
 * cannot be used on data routes, so "required" is the default; "optional" is for tools.
 */
export function sessionsRequired(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'required') return true
  if (value === 'optional') return false
  throw new Error(`SESSIONS is "required" (the default) or "optional", not: ${value}`)
}

export const LOGGED_OUT = 'Esta sessão foi terminada neste equipamento. Escolha «Tentar novamente» para abrir uma nova.'
export const EXPIRED = 'Esta sessão expirou por ter ficado muito tempo sem uso ou aberta há demasiado tempo. Escolha «Tentar novamente» para abrir uma nova.'

const HOUR_MS = 3_600_000

/** How long a session lives: unused for `idleMs`, or open for `maxMs` at most, whichever ends it first. */
export interface SessionLifetime {
  idleMs: number
  maxMs: number
}

/** A box in daily use never meets the idle limit; a copied or forgotten session does not live on. */
export const SESSION_LIFETIME: SessionLifetime = { idleMs: 7 * 24 * HOUR_MS, maxMs: 30 * 24 * HOUR_MS }

/** Ended and expired sessions are kept this long (to tell their box why they ended), then deleted. */
const KEEP_ENDED_MS = 30 * 24 * HOUR_MS

/** Who a device token stands for: the account and the viewer a request's session names (http/auth.ts). */
export interface TokenHolder {
  /** The device token's digest. */
  token: string
  id: string
  holder_name: string
  contract_number: string
  consumer: number
  viewer_name: string
  viewer_profile: Profile
  /** The account's change version (store: account_change), null before its first write: read here so the overview's stamp costs no query of its own. */
  change_version: number | null
}

/** The device token with this digest joined to its account: what any token's holder is read as. */
function holders(db: Db) {
  return db
    .selectFrom('device_token')
    .innerJoin('account', 'account.id', 'device_token.account_id')
    .leftJoin('account_change', 'account_change.account_id', 'account.id')
    .select([
      'device_token.token',
      'account.id',
      'account.holder_name',
      'account.contract_number',
      'account.consumer',
      'device_token.viewer_name',
      'device_token.viewer_profile',
      'account_change.version as change_version',
    ])
}

/** The holder of the device token with digest `digest`, if it is known. */
export const deviceTokenHolder = compiledOnce((db: Db, digest: string) => holders(db).where('device_token.token', '=', digest))

const sessionAndHolder = compiledOnce((db: Db, digest: string) =>
  holders(db)
    .innerJoin('session', 'session.device_token', 'device_token.token')
    .select(['session.ended_at', 'session.end_reason', 'session.last_seen_at', 'session.opened_at'])
    .where('session.token', '=', digest),
)

/** Session digests kept at most for each secret (a few MB); the oldest kept goes first. */
const KEPT_DIGESTS = 20_000

/**
 * The digests of session tokens found in the database, by secret. A box sends its session token
 * on every request, and its two hashes were 7 % of an overview's CPU (`node bench/overview.mjs
 * --cpu-prof`). Only tokens that named a session are kept, so made-up ones cannot crowd them out.
 */
const foundDigests = new Map<string, Map<string, string>>()

function keepDigest(secret: string, sessionToken: string, digest: string): void {
  let kept = foundDigests.get(secret)
  if (!kept) foundDigests.set(secret, (kept = new Map()))
  if (kept.has(sessionToken)) return
  kept.set(sessionToken, digest)
  if (kept.size > KEPT_DIGESTS) kept.delete(kept.keys().next().value!)
}

/**
 * The holder of the device token behind a session token, or a 401 saying why the session no longer works.
 * One query for the session and its holder, compiled once: every request behind a session asks it.
 * The last use is written at most once an hour: the idle limit counts in days, and a write on
 * every request would double the database's work.
 */
export async function sessionHolder(db: Db, secret: string, sessionToken: string, now: Date, lifetime: SessionLifetime = SESSION_LIFETIME): Promise<TokenHolder> {
  const digest = foundDigests.get(secret)?.get(sessionToken) ?? tokenDigest(secret, sessionToken)
  const row = await sessionAndHolder(db, digest)
  if (!row) throw unauthorized('Esta sessão não é conhecida ou já expirou. Escolha «Tentar novamente» para abrir uma nova.')
  keepDigest(secret, sessionToken, digest)
  if (row.ended_at !== null) throw unauthorized(row.end_reason === 'logout' ? LOGGED_OUT : ENDED_ELSEWHERE)
  const lastSeen = Date.parse(row.last_seen_at ?? row.opened_at)
  if (now.getTime() - lastSeen > lifetime.idleMs || now.getTime() - Date.parse(row.opened_at) > lifetime.maxMs) throw unauthorized(EXPIRED)
  if (now.getTime() - lastSeen >= HOUR_MS) await db.updateTable('session').set({ last_seen_at: now.toISOString() }).where('token', '=', digest).execute()
  return row
}

/** Ends a session at its box's request (DELETE /v1/session); its token then gets 401. */
export async function closeSession(db: Db, secret: string, sessionToken: string, now: Date): Promise<void> {
  await db.updateTable('session').set({ ended_at: now.toISOString(), end_reason: 'logout' }).where('token', '=', tokenDigest(secret, sessionToken)).where('ended_at', 'is', null).execute()
}

/**
 * How long the audit trail keeps a row (AUDIT_RETENTION_DAYS; docs/production.md says why a year):
 * a row is deleted once its Lisbon day is "há mais de" this many days before today's.
 */
export const AUDIT_RETENTION_DAYS = 365

/** AUDIT_RETENTION_DAYS of main.ts: a whole number of days, at least 1; unset: the default. */
export function parseAuditRetention(value: string | undefined): number {
  if (value === undefined || value === '') return AUDIT_RETENTION_DAYS
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`AUDIT_RETENTION_DAYS is a whole number of days (at least 1), not: ${value}`)
  return Number(value)
}

/**
 * Opens a session for the device token whose digest is `deviceToken`, ending the open one; one transaction, so never two open.
 * Then cleans up (old sessions, audit rows past `auditRetentionDays`).
 */
export async function openSession(db: Db, secret: string, deviceToken: string, now: Date, auditRetentionDays: number = AUDIT_RETENTION_DAYS): Promise<SessionAnswer> {
  const token = SESSION_PREFIX + randomBytes(24).toString('base64url')
  const openedAt = now.toISOString()
  const ended = await db.transaction().execute(async (trx) => {
    // Locks the credential's row (PostgreSQL) so two logins at once queue up; SQLite writes are serial anyway.
    await trx.updateTable('device_token').set((eb) => ({ token: eb.ref('token') })).where('token', '=', deviceToken).execute()
    const result = await trx
      .updateTable('session')
      .set({ ended_at: openedAt, end_reason: 'elsewhere' })
      .where('device_token', '=', deviceToken)
      .where('ended_at', 'is', null)
      .executeTakeFirst()
    await trx.insertInto('session').values({ token: tokenDigest(secret, token), device_token: deviceToken, opened_at: openedAt, ended_at: null, last_seen_at: null, end_reason: null }).execute()
    return Number(result.numUpdatedRows)
  })
  await deleteOldSessions(db, now)
  await deleteOldAuditRows(db, now, auditRetentionDays)
  return { sessionToken: token, openedAt, ended }
}

/** Audit rows from a Lisbon day "há mais de" `days` days before today's are deleted: today minus `days` is the oldest day kept. */
async function deleteOldAuditRows(db: Db, now: Date, days: number): Promise<void> {
  const oldestKept = lisbonDayStart(addDays(lisbonDate(now), -days)).toISOString()
  await db.deleteFrom('audit').where('at', '<', oldestKept).execute()
}

/** Every login cleans up: sessions ended, or past their absolute lifetime, more than 30 days ago are deleted. */
async function deleteOldSessions(db: Db, now: Date, lifetime: SessionLifetime = SESSION_LIFETIME): Promise<void> {
  const endedBefore = new Date(now.getTime() - KEEP_ENDED_MS).toISOString()
  const openedBefore = new Date(now.getTime() - KEEP_ENDED_MS - lifetime.maxMs).toISOString()
  await db.deleteFrom('session').where((eb) => eb.or([eb('ended_at', '<', endedBefore), eb('opened_at', '<', openedBefore)])).execute()
}
