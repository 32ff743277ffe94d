// The home screen in one request: account header, viewer, invoices (or why not).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Overview, ROUTES } from '../../contract'
import type { RouteContext } from '../http/context'
import { sessionOf } from '../http/auth'
import { guarded } from '../http/operation'
import type { OverviewCache } from './cache'
import { overviewOf } from './service'

export const overviewRoutes: FastifyPluginAsyncTypebox<RouteContext & { overviews: OverviewCache }> = async (app, { db, today, overviews }) => {
  app.get(
    ROUTES.overview,
    guarded('overview.read', {
      operationId: 'getOverview',
      summary: 'Account at a glance; sections the viewer may not see say why and who can',
      tags: ['account'],
      response: { 200: Overview },
    }),
    async (request) => overviewOf(db, sessionOf(request), today(), overviews),
  )
}
