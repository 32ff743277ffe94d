// The audit trail (issue 15): every write behind a token leaves one row in `audit`, who
// (account, viewer and profile, device), what (the route's declared action, method, route
// and the id it names), when, from where and its outcome (the status and, when refused, the
// error code: `wrong-pin`, `pin-locked`, `forbidden`, ...). Refused writes are recorded too:
// a PIN guessed wrong, a lock, a profile refused. No body is kept (it may carry a PIN).
//
// A write and its row are one transaction (store/db.ts inOneTransaction): the handler runs in
// it and the row is its last statement, so no write commits without its row, and a row that
// cannot be written takes the write back with it (the client gets a 500). A refusal the handler
// throws commits with its row too: what it recorded (a wrong PIN counted, a lock) stands.
import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify'
import { sessionOrNull } from './auth'
import type { App } from './context'
import { ApiError } from './errors'
import { sql } from 'kysely'
import { type Db, inOneTransaction } from '../store/db'

/** Methods that only read: nothing to audit. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Writes that change nothing an overview shows: a login and a logout. They leave the account's
 * change version as it was, so the overview a login answered (`with=overview`) stays kept.
 */
const UNSEEN_BY_OVERVIEW = new Set(['session.open'])

/** Set once a request's row is committed with its write: the answer's hook then writes none. */
const AUDITED = 'audited'

/** The error code of a refusal's body (ApiErrorBody), or 'ok' for a success. */
function outcome(status: number, payload: unknown): string {
  if (status < 400) return 'ok'
  if (typeof payload !== 'string') return 'error'
  try {
    const code = (JSON.parse(payload) as { error?: unknown }).error
    return typeof code === 'string' ? code : 'error'
  } catch {
    return 'error'
  }
}

/**
 * The request's row, if a session is known (a refused token names no account: no row), and the
 * account's change version moved on (http/account-cache.ts keys what it keeps by it) unless the
 * write is one an overview does not show.
 */
async function record(db: Db, now: () => Date, request: FastifyRequest, status: number, result: string): Promise<void> {
  const session = sessionOrNull(request)
  if (!session) return
  const params = request.params as Record<string, unknown> | undefined
  const action = request.routeOptions.config.action ?? 'undeclared'
  await db
    .insertInto('audit')
    .values({
      at: now().toISOString(),
      account_id: session.account.id,
      viewer_name: session.viewer.name,
      viewer_profile: session.viewer.profile,
      device: session.credential.slice(0, 12),
      client_ip: request.ip,
      action,
      method: request.method,
      route: request.routeOptions.url ?? request.url,
      target: typeof params?.id === 'string' ? params.id : null,
      status,
      outcome: result,
    })
    .execute()
  if (UNSEEN_BY_OVERVIEW.has(action)) return
  // Last, so two writes to one account meet on this row only once each has done its own work.
  await db
    .insertInto('account_change')
    .values({ account_id: session.account.id, version: 1 })
    .onConflict((conflict) => conflict.column('account_id').doUpdateSet({ version: sql`account_change.version + 1` }))
    .execute()
}

/**
 * Every write of `app` (a scope behind requireDeviceToken) is audited: a handler's answer or
 * refusal in the handler's own transaction; a request refused before its handler (a profile
 * refused, a body that does not validate, a rate limit) or a handler that failed unexpectedly
 * (rolled back, nothing written) by the answer's hook, before the answer leaves.
 */
export function auditWrites(app: App, db: Db, now: () => Date): void {
  app.decorateRequest(AUDITED, false)
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    if (methods.every((method) => READS.has(method))) return
    const handler = route.handler as (this: unknown, request: FastifyRequest, reply: FastifyReply) => Promise<unknown>
    route.handler = async function (this: unknown, request: FastifyRequest, reply: FastifyReply) {
      const answer = await inOneTransaction(async () => {
        try {
          const body = await handler.call(this, request, reply)
          await record(db, now, request, reply.statusCode, 'ok')
          return { body }
        } catch (error) {
          if (!(error instanceof ApiError)) throw error
          await record(db, now, request, error.statusCode, error.body.error)
          return { refusal: error }
        }
      })
      request.setDecorator(AUDITED, true)
      if ('refusal' in answer) throw answer.refusal
      return answer.body
    } as RouteHandlerMethod
  })
  app.addHook('onSend', async (request, reply, payload) => {
    if (READS.has(request.method) || request.getDecorator<boolean>(AUDITED)) return payload
    await record(db, now, request, reply.statusCode, outcome(reply.statusCode, payload))
    return payload
  })
}
