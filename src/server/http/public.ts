// Routes that need no device token: health, the OpenAPI document, demo scenarios.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { DemoScenarioList, Health, ROUTES } from '../../contract'
import { version } from '../../../package.json'
import type { RouteContext } from './context'
import { open } from './operation'

export const publicRoutes: FastifyPluginAsyncTypebox<RouteContext & { demo: boolean }> = async (app, { db, demo }) => {
  app.get(
    ROUTES.health,
    open({ operationId: 'getHealth', summary: 'Liveness, for installers and monitors', tags: ['system'], response: { 200: Health } }),
    async () => ({ status: 'ok' as const, version }),
  )

  app.get(ROUTES.openapi, { schema: { hide: true }, config: { action: 'public' } }, async () => app.swagger())

  if (!demo) return
  app.get(
    ROUTES.demoScenarios,
    open({
      operationId: 'listDemoScenarios',
      summary: 'Demo accounts of the reference server, with their device tokens (QA)',
      tags: ['demo'],
      response: { 200: DemoScenarioList },
    }),
    async () => ({
      items: (await db.selectFrom('demo_scenario').select(['id', 'description', 'token', 'purchase_pin']).orderBy('position').execute()).map(
        ({ purchase_pin, ...scenario }) => (purchase_pin ? { ...scenario, purchasePin: purchase_pin } : scenario),
      ),
    }),
  )
}
