// POST /v1/session: the device token opens a session (service.ts says why and how).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import Type from 'typebox'
import { ApiErrorBody, type Overview, ROUTES, SessionAnswer, SessionQuery } from '../../contract'
import { can } from '../../domain/permissions'
import { sessionOf } from '../http/auth'
import type { RouteContext } from '../http/context'
import { guarded } from '../http/operation'
import { ApiError, forbidden, unauthorized } from '../http/errors'
import type { OverviewCache } from '../overview/cache'
import { overviewOf } from '../overview/service'
import { closeSession, openSession } from './service'

interface SessionContext extends RouteContext {
  tokenSecret: string
  auditRetentionDays?: number
  overviews: OverviewCache
}

export const sessionRoutes: FastifyPluginAsyncTypebox<SessionContext> = async (app, { db, now, today, tokenSecret, auditRetentionDays, overviews }) => {
  /** Home's overview asked with the session (`with=overview`), read before the login's transaction. */
  const askedOverviews = new WeakMap<FastifyRequest, Overview>()
  app.post(
    ROUTES.session,
    {
      ...guarded('session.open', {
        operationId: 'openSession',
        summary: "Exchange the device token for a session token; ends the previous session of the same device token. with=overview: home's overview too",
        tags: ['auth'],
        querystring: SessionQuery,
        response: { 201: SessionAnswer, 403: ApiErrorBody },
      }),
      // Before the handler, so outside the write's transaction (http/audit.ts): the overview's
      // reads do not hold the login's lock. A login changes nothing an overview shows, so what
      // is computed here is kept for the session's first GET /v1/overview (overview/cache.ts).
      preHandler: async (request) => {
        const session = sessionOf(request)
        if (request.query.with !== 'overview' || session.sessionToken) return
        // Every profile may read the overview today; checked so the permission table stays the one rule.
        if (!can(session.viewer.profile, 'overview.read')) throw forbidden('overview.read')
        askedOverviews.set(request, await overviewOf(db, session, today(), overviews))
      },
    },
    async (request, reply) => {
      // Nothing to send: a body is a client bug, refused rather than ignored (issue 9: unknown fields).
      const body = request.body as unknown
      if (body !== undefined && body !== null && !(typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0)) {
        throw new ApiError(400, { error: 'bad-request', reason: 'Este pedido não leva corpo: envie só o cabeçalho Authorization.' })
      }
      const session = sessionOf(request)
      if (session.sessionToken) throw unauthorized('Uma sessão abre-se com o token do equipamento, não com o token de outra sessão.')
      const opened = await openSession(db, tokenSecret, session.credential, now(), auditRetentionDays)
      reply.code(201)
      const overview = askedOverviews.get(request)
      return overview ? { ...opened, overview } : opened
    },
  )

  app.delete(
    ROUTES.session,
    guarded('session.open', {
      operationId: 'closeSession',
      summary: 'End this session (log out): its token then gets 401',
      tags: ['auth'],
      response: { 204: Type.Null() },
    }),
    async (request, reply) => {
      const session = sessionOf(request)
      if (!session.sessionToken) throw new ApiError(400, { error: 'bad-request', reason: 'Só uma sessão se termina: envie o token da sessão, não o do equipamento.' })
      await closeSession(db, tokenSecret, session.sessionToken, now())
      // Returned, not sent here: the answer leaves once the audit row is committed with the write (http/audit.ts).
      reply.code(204)
      return null
    },
  )
}
