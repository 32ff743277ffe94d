// The installer screen in one request: binding, registration, services and entitlements.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { version } from '../../../package.json'
import { Diagnostics, ROUTES } from '../../contract'
import type { RouteContext } from '../http/context'
import { sessionOf } from '../http/auth'
import { guarded } from '../http/operation'
import { diagnostics } from './service'

export const installerRoutes: FastifyPluginAsyncTypebox<RouteContext> = async (app, { db, today }) => {
  app.get(
    ROUTES.diagnostics,
    guarded('diagnostics.read', {
      operationId: 'getDiagnostics',
      summary: 'Installer diagnostics: account binding, services active or pending activation, entitlements',
      description: 'Any bound box may ask; the service list needs a profile allowed `services.read` (seed 002), otherwise that section says why and who can.',
      tags: ['installer'],
      response: { 200: Diagnostics },
    }),
    async (request) => diagnostics(db, sessionOf(request), today(), version),
  )
}
