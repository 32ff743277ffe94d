// The reference account API: Fastify with TypeBox schemas from src/contract,
// which also give the OpenAPI document. Build it, then `listen` or `inject`.
import cors from '@fastify/cors'
import swagger from '@fastify/swagger'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyServerOptions } from 'fastify'
import { version } from '../../../package.json'
import { lisbonToday } from '../../domain/dates'
import { auditWrites } from './audit'
import { recordRouteActions, requireDeviceToken } from './auth'
import type { App, RouteContext } from './context'
import type { Db } from '../store/db'
import { handleError, handleNotFound } from './errors'
import { closedBody, frameworkErrors, refuseNonFiniteNumbers, refuseWrongJsonTypes } from './guards'
import { installerRoutes } from '../installer/routes'
import { accountRoutes } from '../account/routes'
import { invoiceRoutes } from '../invoices/routes'
import { noticeRoutes } from '../notices/routes'
import { OverviewCache } from '../overview/cache'
import { overviewRoutes } from '../overview/routes'
import { premiumRoutes } from '../premium/routes'
import { publicRoutes } from './public'
import { recordingRoutes } from '../recordings/routes'
import { type RateLimit, RateLimiter } from './limits'
import { sessionRoutes } from '../sessions/routes'
import { originAllowed } from '../settings'

export interface ServerOptions {
  /** Migrated (and, for demos, seeded) database. */
  db: Db
  /** TOKEN_SECRET: the key of the stored token digests (store/tokens.ts); the one the database was migrated and seeded with. */
  tokenSecret: string
  /** The clock every rule reads; fixed in tests. */
  now?: () => Date
  /** Serve the demo scenarios and their tokens. */
  demo: boolean
  logger?: FastifyServerOptions['logger']
  /** Per-device-token request limit; none when absent (main.ts sets one from RATE_LIMIT). */
  rateLimit?: RateLimit | null
  /** Only session tokens on data routes (SESSIONS=required); the device token only opens a session. */
  requireSession?: boolean
  /** Web origins whose pages may call the API (CORS_ORIGINS, settings.ts); none when absent. */
  corsOrigins?: readonly string[]
  /** Failed authentications allowed per client address (AUTH_FAILURES); none when absent. */
  authFailures?: RateLimit | null
  /** The proxies whose X-Forwarded-For names the client (TRUST_PROXY): a hop count or addresses. */
  trustProxy?: number | string[] | false
  /** Days the audit trail keeps a row (AUDIT_RETENTION_DAYS); sessions/service.ts's default when absent. */
  auditRetentionDays?: number
  /** How long a slow client may hold a socket (main.ts keeps the defaults; tests shorten them). */
  timeouts?: Partial<Timeouts>
}

export interface Timeouts {
  /** The whole request, headers and body: a body trickling in is cut after this. */
  requestMs: number
  /** The headers alone. */
  headersMs: number
  /** An idle kept-alive socket. */
  keepAliveMs: number
  /** Open connections at most; more are refused by the kernel's backlog until one closes. */
  maxConnections: number
}

export const TIMEOUTS: Timeouts = { requestMs: 30_000, headersMs: 10_000, keepAliveMs: 5_000, maxConnections: 1_000 }

export async function buildServer({
  db,
  tokenSecret,
  now = () => new Date(),
  demo,
  logger = false,
  rateLimit = null,
  requireSession = false,
  corsOrigins = [],
  authFailures = null,
  trustProxy = false,
  timeouts = {},
  auditRetentionDays,
}: ServerOptions): Promise<App> {
  const limits = { ...TIMEOUTS, ...timeouts }
  const app: App = Fastify({
    logger,
    // n proxies in front: the n nearest hops of X-Forwarded-For are trusted.
    trustProxy: typeof trustProxy === 'number' ? (_address: string, hop: number) => hop < trustProxy : trustProxy,
    // Slow clients (a body one byte every 10 s) may not hold sockets forever.
    requestTimeout: limits.requestMs,
    connectionTimeout: limits.requestMs,
    keepAliveTimeout: limits.keepAliveMs,
    // Node checks the request timeout on this interval (30 s by default): a slow body is cut within a second of it.
    http: { connectionsCheckingInterval: 1_000 },
    // Unknown query parameters are refused, not silently dropped.
    ajv: { customOptions: { removeAdditional: false } },
    frameworkErrors,
  }).withTypeProvider<TypeBoxTypeProvider>()

  // Before any route: each route declares its action (config.action), recorded for the permission walk.
  recordRouteActions(app)
  // Unknown fields are refused everywhere (issue 9): every object of a body schema, nested
  // ones included, that does not say otherwise gets additionalProperties: false (TypeBox
  // objects allow extras by default), and a route without a query schema takes no query parameters.
  app.addHook('onRoute', (route) => {
    if (route.method === 'OPTIONS' || (route.schema as { hide?: boolean } | undefined)?.hide) return
    route.schema ??= {}
    if (route.schema.body) route.schema.body = closedBody(route.schema.body as Parameters<typeof closedBody>[0])
    route.schema.querystring ??= { type: 'object', properties: {}, additionalProperties: false }
  })
  app.addHook('preValidation', refuseWrongJsonTypes)
  app.addHook('preHandler', refuseNonFiniteNumbers)

  // Every answer, errors included: a browser never guesses another type than the one declared.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff')
    return payload
  })
  app.setErrorHandler(handleError)
  app.setNotFoundHandler(handleNotFound)

  // The app is served from another origin (port) than the API; boxes send the token in Authorization.
  // Only origins on the allow-list get Access-Control-Allow-Origin: a page elsewhere cannot read answers.
  await app.register(cors, {
    origin: (origin, allow) => allow(null, origin !== undefined && originAllowed(corsOrigins, origin)),
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    maxAge: 600,
  })
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Gestão de Conta: account API',
        version,
        description: 'Account data for the set-top-box app. Errors are ApiErrorBody with a pt-PT reason.',
        // The package is private and the repository grants no licence (SPDX LicenseRef- for a licence of its own).
        license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
      },
      // Relative: the document is served by the API it describes, wherever that listens.
      servers: [{ url: '/', description: 'This API (the server that serves this document)' }],
      components: { securitySchemes: { deviceToken: { type: 'http', scheme: 'bearer', description: 'Device token bound to an account' } } },
    },
  })

  const context: RouteContext = { db, today: lisbonToday(now), now }
  await app.register(publicRoutes, { ...context, demo })
  await app.register(async (scope) => {
    requireDeviceToken(scope, db, tokenSecret, {
      limiter: rateLimit ? new RateLimiter(rateLimit) : null,
      failures: authFailures ? new RateLimiter(authFailures) : null,
      requireSession,
      now,
    })
    auditWrites(scope, db, now)
    // One cache of home's overviews for the two routes that answer one.
    const overviews = new OverviewCache()
    await scope.register(sessionRoutes, { ...context, tokenSecret, auditRetentionDays, overviews })
    await scope.register(overviewRoutes, { ...context, overviews })
    await scope.register(invoiceRoutes, context)
    await scope.register(accountRoutes, context)
    await scope.register(noticeRoutes, context)
    await scope.register(recordingRoutes, { ...context, demo })
    await scope.register(premiumRoutes, context)
    await scope.register(installerRoutes, context)
  })
  // Node enforces the request timeout only while the headers timeout is no longer than it.
  app.server.headersTimeout = Math.min(limits.headersMs, limits.requestMs)
  app.server.maxConnections = limits.maxConnections
  return app
}
