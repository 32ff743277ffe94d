// The home screen in one request: account header, viewer, invoices (or why not).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Overview, ROUTES } from '../../contract'
import { can, denial } from '../../domain/permissions'
import { accountBinding, accountGlance as accountGlanceOf } from '../account/service'
import type { RouteContext } from '../http/context'
import { sessionOf } from '../http/auth'
import { guarded } from '../http/operation'
import { invoicesOverview } from '../invoices/service'
import { noticesOverview } from '../notices/service'
import { recordingsOverview } from '../recordings/service'
import { premiumOverview } from '../premium/catalogue'
import { OverviewCache } from './cache'

export const overviewRoutes: FastifyPluginAsyncTypebox<RouteContext> = async (app, { db, today }) => {
  const cache = new OverviewCache()
  app.get(
    ROUTES.overview,
    guarded('overview.read', {
      operationId: 'getOverview',
      summary: 'Account at a glance; sections the viewer may not see say why and who can',
      tags: ['account'],
      response: { 200: Overview },
    }),
    async (request) => {
      const session = sessionOf(request)
      const day = today()
      const parts = await cache.parts(session, day, async () => {
        const invoices = can(session.viewer.profile, 'invoices.read')
          ? await invoicesOverview(db, session, day)
          : { denied: true as const, ...denial('invoices.read') }
        // Every profile may read notices ('notices.read'); restricted ones are not counted as unread.
        const notices = await noticesOverview(db, session, day)
        const recordings = can(session.viewer.profile, 'recordings.read')
          ? await recordingsOverview(db, session, day)
          : { denied: true as const, ...denial('recordings.read') }
        const premium = can(session.viewer.profile, 'premium.read')
          ? await premiumOverview(db, session, day)
          : { denied: true as const, ...denial('premium.read') }
        const accountGlance = await accountGlanceOf(db, session, day)
        return { invoices, notices, recordings, premium, accountGlance }
      })
      return { account: accountBinding(session), viewer: session.viewer, ...parts }
    },
  )
}
