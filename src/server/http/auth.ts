// Device tokens: each box presents `Authorization: Bearer <token>`, bound to an
// account and to who is watching (name and access profile, seed 002).
import type { FastifyRequest, RouteOptions } from 'fastify'
import { ROUTES } from '../../contract'
import { type Action, can } from '../../domain/permissions'
import type { App, Session } from './context'
import type { Db } from '../store/db'
import { ApiError, forbidden, undeclaredAction, unauthorized } from './errors'
import type { RateLimiter } from './limits'
import { deviceTokenHolder, SESSION_PREFIX, sessionHolder } from '../sessions/service'
import { tokenDigest } from '../store/tokens'

/**
 * What a route lets its caller do: an action of the permission table (domain/permissions),
 * or 'public' for the few routes that need no device token (health, OpenAPI, demo list).
 * Every route declares it in its options, `config: { action: 'invoices.read' }`; the token
 * hook refuses a profile the table does not allow, and refuses everything on a route that
 * declares nothing (test/unit/server/permissions-walk.test.ts walks every route × profile).
 */
export type RouteAction = Action | 'public'

declare module 'fastify' {
  interface FastifyContextConfig {
    action?: RouteAction
  }
}

export interface DeclaredRoute {
  method: string
  url: string
  action: RouteAction | undefined
}

const declaredRoutes = new WeakMap<object, DeclaredRoute[]>()

/** Records every route registered on `app` (and its child scopes) with its declared action. */
export function recordRouteActions(app: App): void {
  const routes: DeclaredRoute[] = []
  declaredRoutes.set(app, routes)
  app.addHook('onRoute', (route: RouteOptions) => {
    // @fastify/cors answers preflights on `OPTIONS *` before any token: it is public by nature.
    if (route.method === 'OPTIONS' && route.url === '*') route.config = { ...route.config, action: 'public' }
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    for (const method of methods) routes.push({ method, url: route.url, action: route.config?.action })
  })
}

/** Every route of a built server with its declared action, in registration order. */
export function routeActions(app: App): readonly DeclaredRoute[] {
  return declaredRoutes.get(app) ?? []
}

export interface AuthOptions {
  /** Per-credential request limit (429 with Retry-After past it), weighed by the size of the answers. */
  limiter?: RateLimiter | null
  /** Failed authentications per client address (429 with Retry-After past it, before the token is even looked at). */
  failures?: RateLimiter | null
  /** Refuse the bare device token everywhere but POST /v1/session (SESSIONS=required). */
  requireSession?: boolean
  /** The server's clock, for the sessions' lifetime. */
  now?: () => Date
}

const SESSION = 'session'
const BEARER = /^Bearer ([A-Za-z0-9._-]{8,128})$/

/** The token in an Authorization header, or a 401 saying what is wrong with the header. */
export function bearerToken(header: string | undefined): string {
  if (header === undefined || header.trim() === '') {
    throw unauthorized('Falta o cabeçalho Authorization com o token do equipamento (Bearer <token>).')
  }
  const match = BEARER.exec(header.trim())
  if (!match) {
    throw unauthorized(
      'O cabeçalho Authorization deve ser «Bearer <token>», com um token de 8 a 128 caracteres (letras, algarismos, «.», «_» ou «-»).',
    )
  }
  return match[1]
}

/**
 * Every route registered on `app` (an encapsulated scope) then needs a known device or session token,
 * and a viewer whose profile may do the route's declared action (403 with who can help).
 */
/** `secret`: TOKEN_SECRET, which the stored token digests are keyed with (store/tokens.ts). */
export function requireDeviceToken(app: App, db: Db, secret: string, { limiter = null, failures = null, requireSession = false, now = () => new Date() }: AuthOptions = {}): void {
  app.decorateRequest(SESSION, null)
  /** The session behind the request's token, or the 401 saying what is wrong with it. */
  async function authenticate(request: FastifyRequest): Promise<Session> {
    const presented = bearerToken(request.headers.authorization)
    const sessionToken = presented.startsWith(SESSION_PREFIX) ? presented : null
    // A session token stands for its device token (sessions/service.ts); an ended one is refused with why.
    // Tokens are looked up by their digest, the only form the database keeps (store/tokens.ts).
    const row = sessionToken ? await sessionHolder(db, secret, sessionToken, now()) : await deviceTokenHolder(db, tokenDigest(secret, presented))
    if (!row) throw unauthorized('Este equipamento não está associado a nenhuma conta: o token não é conhecido.')
    if (requireSession && !sessionToken && request.routeOptions.url !== ROUTES.session) {
      throw unauthorized('Abra primeiro uma sessão com o token do equipamento (POST /v1/session) e use o token da sessão.')
    }
    return {
      account: { id: row.id, holderName: row.holder_name, contractNumber: row.contract_number },
      consumer: row.consumer === 1,
      viewer: { name: row.viewer_name, profile: row.viewer_profile },
      credential: row.token,
      changeVersion: row.change_version ?? 0,
      sessionToken,
    }
  }

  app.addHook('onRequest', async (request) => {
    // A client address that keeps failing is held off before its next guess is even looked at.
    const blocked = failures?.wait(request.ip) ?? 0
    if (blocked > 0) throw tooMany(`Demasiadas tentativas com um token inválido a partir deste endereço. Tente de novo dentro de ${blocked} s.`, blocked)
    const session = await authenticate(request).catch((error: unknown) => {
      if (failures && error instanceof ApiError && error.statusCode === 401) failures.charge(request.ip, 1)
      throw error
    })
    const wait = limiter?.take(session.credential) ?? 0
    if (wait > 0) throw tooMany(`Demasiados pedidos deste equipamento. Tente de novo dentro de ${wait} s.`, wait)
    request.setDecorator(SESSION, session)
    const action = request.routeOptions.config.action
    if (action === undefined || action === 'public') throw undeclaredAction(request.method, request.routeOptions.url ?? request.url)
    if (!can(session.viewer.profile, action)) throw forbidden(action)
  })
  // Requests are weighed by what they cost: beyond its first unit, an answer is charged one
  // unit per COST_UNIT_BYTES, so a full recordings page (up to 64 KB) weighs as much as up to 8 small answers.
  if (limiter) {
    app.addHook('onSend', async (request, _reply, payload) => {
      const session = sessionOrNull(request)
      const bytes = typeof payload === 'string' || Buffer.isBuffer(payload) ? Buffer.byteLength(payload) : 0
      if (session && bytes >= COST_UNIT_BYTES) limiter.charge(session.credential, Math.floor(bytes / COST_UNIT_BYTES))
      return payload
    })
  }
}

/** One request unit of the per-device limit buys this much answer. */
export const COST_UNIT_BYTES = 8 * 1024

function tooMany(reason: string, seconds: number): ApiError {
  return new ApiError(429, { error: 'too-many-requests', reason }, { 'retry-after': String(seconds) })
}

export function sessionOf(request: FastifyRequest): Session {
  return request.getDecorator<Session>(SESSION)
}

/** Who asked, or null when the token was refused before a session was known (audit.ts). */
export function sessionOrNull(request: FastifyRequest): Session | null {
  return request.getDecorator<Session | null>(SESSION)
}

/**
 * Route hook: a 403 with the reason and who can help unless the viewer's profile may do `action`.
 * Redundant since routes declare `config: { action }` (the token hook checks it); kept so a
 * route may check a second action.
 */
export function requirePermission(action: Action) {
  return async (request: FastifyRequest): Promise<void> => {
    if (!can(sessionOf(request).viewer.profile, action)) throw forbidden(action)
  }
}
