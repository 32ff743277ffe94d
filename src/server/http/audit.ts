// The audit trail (issue 15): every write behind a token leaves one row in `audit`, who
// (account, viewer and profile, device), what (the route's declared action, method, route
// and the id it names), when, from where and its outcome (the status and, when refused, the
// error code: `wrong-pin`, `pin-locked`, `forbidden`, ...). Refused writes are recorded too:
// a PIN guessed wrong, a lock, a profile refused. No body is kept (it may carry a PIN).
import { sessionOrNull } from './auth'
import type { App } from './context'
import type { Db } from '../store/db'

/** Methods that only read: nothing to audit. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

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
 * Every write of `app` (a scope behind requireDeviceToken) is written to the audit table
 * before its answer leaves. A write whose token was refused names no account and leaves no
 * row (the failed-authentication limit deals with those).
 */
export function auditWrites(app: App, db: Db, now: () => Date): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (READS.has(request.method)) return payload
    const session = sessionOrNull(request)
    if (!session) return payload
    const params = request.params as Record<string, unknown> | undefined
    await db
      .insertInto('audit')
      .values({
        at: now().toISOString(),
        account_id: session.account.id,
        viewer_name: session.viewer.name,
        viewer_profile: session.viewer.profile,
        device: session.credential.slice(0, 12),
        client_ip: request.ip,
        action: request.routeOptions.config.action ?? 'undeclared',
        method: request.method,
        route: request.routeOptions.url ?? request.url,
        target: typeof params?.id === 'string' ? params.id : null,
        status: reply.statusCode,
        outcome: outcome(reply.statusCode, payload),
      })
      .execute()
    return payload
  })
}
