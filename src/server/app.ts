// The reference account API: Fastify with TypeBox schemas from src/contract,
// which also give the OpenAPI document. Build it, then `listen` or `inject`.
import type { IncomingMessage, ServerResponse } from 'node:http'
import cors from '@fastify/cors'
import swagger from '@fastify/swagger'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions, type RawServerDefault } from 'fastify'
import { version } from '../../package.json'
import { lisbonDate } from '../domain/dates'
import { recordRouteActions, requireDeviceToken } from './auth'
import type { Db } from './db'
import { handleError, handleNotFound } from './errors'
import { invoiceRoutes } from './routes/invoices'
import { noticeRoutes } from './routes/notices'
import { overviewRoutes } from './routes/overview'
import { publicRoutes } from './routes/public'
import { recordingRoutes } from './routes/recordings'

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>

export interface ServerOptions {
  /** Migrated (and, for demos, seeded) database. */
  db: Db
  /** The clock every rule reads; fixed in tests. */
  now?: () => Date
  /** Serve the demo scenarios and their tokens. */
  demo: boolean
  logger?: FastifyServerOptions['logger']
}

export interface RouteContext {
  db: Db
  /** Today's date in Portugal, by the server's clock: deadlines are calendar days. */
  today: () => string
  /** The server's clock, for instants it records (a notice's first opening). */
  now: () => Date
}

export async function buildServer({ db, now = () => new Date(), demo, logger = false }: ServerOptions): Promise<App> {
  const app: App = Fastify({
    logger,
    // Unknown query parameters are refused, not silently dropped.
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>()

  // Before any route: each route declares its action (config.action), recorded for the permission walk.
  recordRouteActions(app)
  app.setErrorHandler(handleError)
  app.setNotFoundHandler(handleNotFound)

  // The app is served from another origin (port) than the API; boxes send the token in Authorization.
  await app.register(cors, { origin: true, allowedHeaders: ['Authorization', 'Content-Type'], maxAge: 600 })
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Gestão de Conta: account API',
        version,
        description: 'Account data for the set-top-box app. Errors are ApiErrorBody with a pt-PT reason.',
      },
      components: { securitySchemes: { deviceToken: { type: 'http', scheme: 'bearer', description: 'Device token bound to an account' } } },
    },
  })

  const context: RouteContext = { db, today: () => lisbonDate(now()), now }
  await app.register(publicRoutes, { ...context, demo })
  await app.register(async (scope) => {
    requireDeviceToken(scope, db)
    await scope.register(overviewRoutes, context)
    await scope.register(invoiceRoutes, context)
    await scope.register(noticeRoutes, context)
    await scope.register(recordingRoutes, { ...context, demo })
  })
  return app
}
