// Writes behind an idempotency key: a double-pressed OK or a retried request acts once.
import { ApiError } from '../http/errors'
import type { Db } from './db'

/** What a write answers; a replay answers the same body with `replayed: true`. */
export interface KeyedAnswer<Body extends { replayed: boolean }> {
  status: number
  body: Body
}

/**
 * Runs `write` once per idempotency key of the account: the same key with the same request (`fingerprint`)
 * replays the first answer; the same key for another request is refused (409).
 */
export async function oncePerKey<Body extends { replayed: boolean }>(
  db: Db,
  accountId: string,
  key: string,
  fingerprint: string,
  now: Date,
  write: (trx: Db) => Promise<KeyedAnswer<Body>>,
): Promise<KeyedAnswer<Body>> {
  return db.transaction().execute(async (trx) => {
    // One keyed write per account at a time: the account's row is locked first (PostgreSQL runs
    // transactions side by side; SQLite one at a time), so a double-pressed OK finds the first one's
    // receipt and a second box finds what the first one wrote, instead of both writing.
    await trx.updateTable('account').set((eb) => ({ activated_on: eb.ref('activated_on') })).where('id', '=', accountId).execute()
    const earlier = await trx
      .selectFrom('write_receipt')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst()
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) {
        throw new ApiError(409, { error: 'idempotency-key-reused', reason: 'Esta chave de idempotência já foi usada para outro pedido: gere uma nova para cada operação.' })
      }
      return { status: earlier.status_code, body: { ...(JSON.parse(earlier.body) as Body), replayed: true } }
    }
    const answer = await write(trx as unknown as Db)
    await trx
      .insertInto('write_receipt')
      .values({ account_id: accountId, idempotency_key: key, fingerprint, status_code: answer.status, body: JSON.stringify(answer.body), created_at: now.toISOString() })
      .execute()
    return answer
  })
}
