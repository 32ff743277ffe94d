// Home's figures computed once per change of the account, not on every request (issue 20):
// an overview asks ~16 queries (invoices, notices, recordings, premium, the account card);
// a box asks for it on every return to home. What was computed is kept with the account's
// change stamp and the day, and given again while both are the same.
//
// The stamp is the account's change version (store: account_change): every write behind a
// token bumps it with its audit row (http/audit.ts), in the write's own transaction, before its
// answer leaves; a login or logout, which no overview shows, does not. The request's authentication reads it with the session (sessions/service.ts),
// so it costs no query of its own and stays the same however long the account's history, and
// API replicas over one PostgreSQL never give an overview older than a write another replica
// answered. What changes with the day alone (overdue invoices, expiring recordings and points,
// §5.9) is keyed by the day. A write made outside the API (an operator's own tools) is not seen
// until the next API write or the next day.
import type { Overview } from '../../contract'
import type { Session } from '../http/context'

/** What an overview says of the account: everything but the account header and the viewer. */
export type OverviewParts = Omit<Overview, 'account' | 'viewer'>

/** Accounts kept at most (the oldest kept goes first): a few KB each. */
const KEPT = 5000

export class OverviewCache {
  private readonly kept = new Map<string, { stamp: number; parts: OverviewParts }>()

  /** The parts for this viewer on `today`: kept ones if nothing was written since, else `compute()`'s. */
  async parts(session: Session, today: string, compute: () => Promise<OverviewParts>): Promise<OverviewParts> {
    // Each section depends on the viewer's profile (permissions, seed 002), so the viewer is in the key.
    const key = JSON.stringify([session.account.id, session.viewer.profile, session.viewer.name, today])
    // Read as the request was authenticated, before computing: a write landing meanwhile moves the
    // stamp, so what is kept is never newer than its stamp says.
    const stamp = session.changeVersion
    const kept = this.kept.get(key)
    if (kept && kept.stamp === stamp) return kept.parts
    const parts = await compute()
    this.kept.delete(key)
    this.kept.set(key, { stamp, parts })
    if (this.kept.size > KEPT) this.kept.delete(this.kept.keys().next().value!)
    return parts
  }
}
