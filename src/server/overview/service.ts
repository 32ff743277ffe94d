// The home screen's overview for a session: asked by GET /v1/overview, and by the box's
// session opening (POST /v1/session?with=overview) so a boot makes one round trip, not two.
import type { Overview } from '../../contract'
import { can, denial } from '../../domain/permissions'
import { accountBinding, accountGlance as accountGlanceOf } from '../account/service'
import type { Session } from '../http/context'
import { invoicesOverview } from '../invoices/service'
import { noticesOverview } from '../notices/service'
import { recordingsOverview } from '../recordings/service'
import { premiumOverview } from '../premium/catalogue'
import type { Db } from '../store/db'
import type { OverviewCache } from './cache'

export async function overviewOf(db: Db, session: Session, day: string, cache: OverviewCache): Promise<Overview> {
  const parts = await cache.parts(session, day, async () => {
    const invoices = can(session.viewer.profile, 'invoices.read') ? await invoicesOverview(db, session, day) : { denied: true as const, ...denial('invoices.read') }
    // Every profile may read notices ('notices.read'); restricted ones are not counted as unread.
    const notices = await noticesOverview(db, session, day)
    const recordings = can(session.viewer.profile, 'recordings.read')
      ? await recordingsOverview(db, session, day)
      : { denied: true as const, ...denial('recordings.read') }
    const premium = can(session.viewer.profile, 'premium.read') ? await premiumOverview(db, session, day) : { denied: true as const, ...denial('premium.read') }
    const accountGlance = await accountGlanceOf(db, session, day)
    return { invoices, notices, recordings, premium, accountGlance }
  })
  return { account: accountBinding(session), viewer: session.viewer, ...parts }
}
