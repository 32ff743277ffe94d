// Routes that need no device token: health, the OpenAPI document, demo scenarios.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiErrorBody, DemoScenarioList, Health, ROUTES } from '../../contract'
import { version } from '../../../package.json'
import { databaseProblem } from '../store/db'
import type { RouteContext } from './context'
import { open } from './operation'

export const publicRoutes: FastifyPluginAsyncTypebox<RouteContext & { demo: boolean }> = async (app, { db, demo }) => {
  app.get(
    ROUTES.health,
    open({
      operationId: 'getHealth',
      summary: 'Health, for installers, monitors and load balancers: ok only when the database answers (503 otherwise)',
      tags: ['system'],
      response: { 200: Health, 503: ApiErrorBody },
    }),
    async (_request, reply) => {
      const problem = await databaseProblem(db)
      if (problem) return reply.code(503).send({ error: 'database-unavailable', reason: `Serviço indisponível: ${problem}.` })
      return { status: 'ok' as const, version }
    },
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
