// Input guards every route gets (issue 9: bad input is a 4xx with a reason, never a 5xx).
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { ApiError } from './errors'

/**
 * Ajv's type coercion turns "Infinity" or "1e309" into Infinity and then passes it
 * as an integer under any maximum (measured, ajv 8): refuse non-finite numbers
 * anywhere in the query, params or body before a handler sees them.
 */
export async function refuseNonFiniteNumbers(request: FastifyRequest): Promise<void> {
  for (const [part, value] of [
    ['o parâmetro', request.query],
    ['o segmento do endereço', request.params],
    ['o campo', request.body],
  ] as const) {
    const field = nonFinite(value, '')
    if (field !== null) throw new ApiError(400, { error: 'bad-request', reason: `${capitalize(part)} «${field || 'corpo'}» deve ser um número finito.` })
  }
}

function nonFinite(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path
  if (depth > 20 || value === null || typeof value !== 'object') return null
  for (const [key, child] of Object.entries(value)) {
    const found = nonFinite(child, path ? `${path}.${key}` : key, depth + 1)
    if (found !== null) return found
  }
  return null
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

interface PropertySchema {
  type?: string | string[]
  anyOf?: PropertySchema[]
  nullable?: boolean
}

function allowsNull(schema: PropertySchema | undefined): boolean {
  if (!schema) return true
  if (schema.nullable || schema.type === 'null' || (Array.isArray(schema.type) && schema.type.includes('null'))) return true
  return (schema.anyOf ?? []).some(allowsNull)
}

/**
 * Ajv's coercion also turns a JSON null into 0, "" or false: `{"totalHours": null}`
 * would be taken as 0. Refuse a null the body schema does not allow, before Ajv sees it.
 */
export async function refuseCoercedNulls(request: FastifyRequest): Promise<void> {
  const schema = request.routeOptions.schema?.body as { properties?: Record<string, PropertySchema> } | undefined
  const body = request.body
  if (!schema?.properties || body === null || typeof body !== 'object' || Array.isArray(body)) return
  for (const [key, value] of Object.entries(body)) {
    if (value === null && key in schema.properties && !allowsNull(schema.properties[key])) {
      throw new ApiError(400, { error: 'bad-request', reason: `O campo «${key}» não pode ser nulo.` })
    }
  }
}

/** Errors the router raises before any route: a bad URL encoding, an over-long id. */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const reason =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'Um segmento do endereço é demasiado comprido: nenhum identificador desta API tem mais de 100 caracteres.'
      : 'O endereço pedido não é válido (codificação incorreta).'
  void reply.code(error.statusCode ?? 400).send({ error: error.statusCode === 414 ? 'uri-too-long' : 'bad-request', reason })
}
