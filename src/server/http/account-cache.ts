// What is worked out from an account's data, kept until the account changes (issue 20): the
// overview's sections (overview/cache.ts), and the recordings' totals beside each page
// (recordings/routes.ts). A box asks for them again and again; they change only with a write.
//
// The stamp is the account's change version (store: account_change): every write behind a
// token bumps it with its audit row (http/audit.ts), in the write's own transaction, before its
// answer leaves; a login or logout does not. The request's authentication reads it with the
// session (sessions/service.ts), so it costs no query of its own and stays the same however long
// the account's history, and API replicas over one PostgreSQL never answer from what was kept
// before a write another replica answered. What changes with the day alone (overdue invoices,
// expiring recordings and points, §5.9) is keyed by the day. A write made outside the API (an
// operator's own tools) is not seen until the next API write or the next day.
import type { Session } from './context'

export class AccountCache<T> {
  private readonly kept = new Map<string, { stamp: number; value: T }>()

  /** `limit`: entries kept at most (the oldest kept goes first). */
  constructor(private readonly limit: number) {}

  /**
   * What `compute()` gives for this account on `today` (and `key`, what else it depends on):
   * the kept value if nothing was written to the account since, else computed and kept.
   * Never for the answer of a write that moves the stamp: its session's stamp is the one before it
   * (a login moves none, so its overview may come from here).
   */
  async get(session: Session, key: readonly string[], today: string, compute: () => Promise<T>): Promise<T> {
    const id = JSON.stringify([session.account.id, today, ...key])
    // Read as the request was authenticated, before computing: a write landing meanwhile moves the
    // stamp, so what is kept is never older than its stamp says.
    const stamp = session.changeVersion
    const kept = this.kept.get(id)
    if (kept && kept.stamp === stamp) return kept.value
    const value = await compute()
    this.kept.delete(id)
    this.kept.set(id, { stamp, value })
    if (this.kept.size > this.limit) this.kept.delete(this.kept.keys().next().value!)
    return value
  }
}
