// Route options written once: every route is an OpenAPI operation with an id (a generated
// client names its methods by it), says how it is authenticated (`security`), lists the
// refusals it can give, and declares the action it allows (auth.ts checks it).
import { ApiErrorBody } from '../../contract'
import type { Action } from '../../domain/permissions'

interface Operation {
  operationId: string
  summary: string
  tags: string[]
  response: Record<number, unknown>
}

/**
 * Any route may answer 400: an unknown query parameter is refused everywhere (app.ts), and a
 * route behind a token answers 401 to a missing, unknown or ended one.
 */
const OPEN_REFUSALS = { 400: ApiErrorBody }
const TOKEN_REFUSALS = { 400: ApiErrorBody, 401: ApiErrorBody }

/** A route behind a device or session token that allows `action` (domain/permissions). */
export function guarded<S extends Operation>(action: Action, schema: S) {
  return {
    schema: { ...schema, security: [{ deviceToken: [] }], response: { ...TOKEN_REFUSALS, ...schema.response } },
    config: { action },
  }
}

/** A route anyone may call: `security: []` says so in the OpenAPI document. */
export function open<S extends Operation>(schema: S) {
  return {
    schema: { ...schema, security: [], response: { ...OPEN_REFUSALS, ...schema.response } },
    config: { action: 'public' as const },
  }
}
