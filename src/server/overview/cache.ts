// Home's figures computed once per change of the account, not on every request (issue 20):
// an overview asks ~16 queries (invoices, notices, recordings, premium, the account card);
// a box asks for it on every return to home. What was computed is kept with the account's
// change stamp and the day, and given again while both are the same (http/account-cache.ts).
import type { Overview } from '../../contract'
import { AccountCache } from '../http/account-cache'
import type { Session } from '../http/context'

/** What an overview says of the account: everything but the account header and the viewer. */
export type OverviewParts = Omit<Overview, 'account' | 'viewer'>

/** Accounts kept at most (the oldest kept goes first): a few KB each. */
const KEPT = 5000

export class OverviewCache {
  private readonly kept = new AccountCache<OverviewParts>(KEPT)

  /** The parts for this viewer on `today`: kept ones if nothing was written since, else `compute()`'s. */
  parts(session: Session, today: string, compute: () => Promise<OverviewParts>): Promise<OverviewParts> {
    // Each section depends on the viewer's profile (permissions, seed 002), so the viewer is in the key.
    return this.kept.get(session, [session.viewer.profile, session.viewer.name], today, compute)
  }
}
