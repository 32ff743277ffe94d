// Sessions (seed 004 TV §4.2: "simultaneous access with the same User Name and
// Access Code will not be allowed"). The device token is the box's credential;
// POST /v1/session exchanges it for a session token and ends the credential's
// previous session, so a second box (or a copied token) logging in ends the first
// one's access: its next request gets a 401 saying so. Sessions live in the
// database, so every replica behind a load balancer sees the same one.
import { randomBytes } from 'node:crypto'
import type { SessionAnswer } from '../../contract'
import type { Db } from '../store/db'
import { unauthorized } from '../http/errors'

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

/** The device token behind a session token, or a 401 saying why the session no longer works. */
export async function sessionCredential(db: Db, sessionToken: string): Promise<string> {
  const row = await db.selectFrom('session').select(['device_token', 'ended_at']).where('token', '=', sessionToken).executeTakeFirst()
  if (!row) throw unauthorized('Esta sessão não é conhecida ou já expirou. Escolha «Tentar novamente» para abrir uma nova.')
  if (row.ended_at !== null) throw unauthorized(ENDED_ELSEWHERE)
  return row.device_token
}

/** Opens a session for `deviceToken`, ending the open one; one transaction, so never two open. */
export async function openSession(db: Db, deviceToken: string, now: Date): Promise<SessionAnswer> {
  const token = SESSION_PREFIX + randomBytes(24).toString('base64url')
  const openedAt = now.toISOString()
  const ended = await db.transaction().execute(async (trx) => {
    // Locks the credential's row (PostgreSQL) so two logins at once queue up; SQLite writes are serial anyway.
    await trx.updateTable('device_token').set((eb) => ({ token: eb.ref('token') })).where('token', '=', deviceToken).execute()
    // Ended sessions are kept 30 days (to tell their box why they ended), then cleaned.
    const expired = new Date(now.getTime() - 30 * 86_400_000).toISOString()
    await trx.deleteFrom('session').where('device_token', '=', deviceToken).where('ended_at', '<', expired).execute()
    const result = await trx.updateTable('session').set({ ended_at: openedAt }).where('device_token', '=', deviceToken).where('ended_at', 'is', null).executeTakeFirst()
    await trx.insertInto('session').values({ token, device_token: deviceToken, opened_at: openedAt, ended_at: null }).execute()
    return Number(result.numUpdatedRows)
  })
  return { sessionToken: token, openedAt, ended }
}
