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
  properties?: Record<string, PropertySchema>
  items?: PropertySchema
}

const JSON_TYPE_NAMES: Record<string, string> = {
  boolean: 'verdadeiro ou falso (true/false)',
  integer: 'um número inteiro',
  number: 'um número',
  string: 'um texto entre aspas',
  object: 'um objeto',
  array: 'uma lista',
  null: 'nulo',
}

/** The JSON type of a parsed body value, as JSON Schema names it. */
function jsonType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value === 'number' ? 'number' : typeof value
}

/** Whether `schema` admits a value of JSON type `type` (integer-ness and ranges are Ajv's to judge). */
function admits(schema: PropertySchema | undefined, type: string): boolean {
  if (!schema) return true
  if (type === 'null' && schema.nullable) return true
  if (schema.anyOf) return schema.anyOf.some((branch) => admits(branch, type))
  if (schema.type === undefined) return true
  const types = Array.isArray(schema.type) ? schema.type : [schema.type]
  return types.includes(type) || (type === 'number' && types.includes('integer'))
}

/** "plan.channels[2].name": where a value sits in the body, as the refusal names it. */
function childPath(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key
}

/** The first value under `schema` (nested objects and lists included) whose JSON type the schema does not allow, with its path. */
function wrongType(schema: PropertySchema, value: unknown, path: string, depth = 0): { path: string; schema: PropertySchema; value: unknown } | null {
  if (path !== '' && !admits(schema, jsonType(value))) return { path, schema, value }
  if (depth > 20 || value === null || typeof value !== 'object') return null
  // The branch of a union that takes this kind of value, for its nested fields.
  const branch = schema.anyOf?.find((option) => admits(option, jsonType(value)) && (option.properties || option.items)) ?? schema
  if (Array.isArray(value)) {
    if (!branch.items) return null
    for (const [index, item] of value.entries()) {
      const found = wrongType(branch.items, item, childPath(path, index), depth + 1)
      if (found) return found
    }
    return null
  }
  for (const [key, child] of Object.entries(value)) {
    const property = branch.properties?.[key]
    const found = property ? wrongType(property, child, childPath(path, key), depth + 1) : null
    if (found) return found
  }
  return null
}

/**
 * Ajv coerces types, which query strings need ("?limit=10" is text) but JSON bodies must not
 * get: `{"enabled": 0}` would switch the e-invoice off, `{"totalHours": false}` set a quota of
 * 0, `{"pin": 2580}` pass as "2580", and a null become 0, "" or false. So before Ajv sees a body,
 * every field, in nested objects and lists too, must already have a JSON type its schema
 * allows: otherwise 400, naming the field by its path (`a.b[0].c`) and the type it takes.
 */
export async function refuseWrongJsonTypes(request: FastifyRequest): Promise<void> {
  const schema = request.routeOptions.schema?.body as PropertySchema | undefined
  const body = request.body
  if (!schema?.properties || body === null || typeof body !== 'object' || Array.isArray(body)) return
  const found = wrongType(schema, body, '')
  if (!found) return
  const { path, schema: property, value } = found
  if (value === null) throw new ApiError(400, { error: 'bad-request', reason: `O campo «${path}» não pode ser nulo.` })
  const types = property.anyOf ? property.anyOf.map((option) => option.type) : [property.type]
  const expected = [...new Set(types.flat().filter((type): type is string => typeof type === 'string' && type !== 'null'))]
  throw new ApiError(400, {
    error: 'bad-request',
    reason: `O campo «${path}» deve ser ${expected.map((type) => JSON_TYPE_NAMES[type] ?? type).join(' ou ')}, não ${JSON_TYPE_NAMES[jsonType(value)]}.`,
  })
}

interface BodySchema {
  type?: string
  properties?: Record<string, BodySchema>
  items?: BodySchema
  anyOf?: BodySchema[]
  additionalProperties?: unknown
}

/**
 * A body schema with every object, at any depth, closed to unknown fields unless it says
 * otherwise (TypeBox objects allow extras by default). A copy: the contract's schemas are
 * shared with answers and the OpenAPI document.
 */
export function closedBody(schema: BodySchema): BodySchema {
  const copy: BodySchema = { ...schema }
  if (schema.properties) copy.properties = Object.fromEntries(Object.entries(schema.properties).map(([key, child]) => [key, closedBody(child)]))
  if (schema.items) copy.items = closedBody(schema.items)
  if (schema.anyOf) copy.anyOf = schema.anyOf.map(closedBody)
  if (schema.type === 'object' && schema.properties && schema.additionalProperties === undefined) copy.additionalProperties = false
  return copy
}

/** Errors the router raises before any route: a bad URL encoding, an over-long id. */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const reason =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'Um segmento do endereço é demasiado comprido: nenhum identificador desta API tem mais de 100 caracteres.'
      : 'O endereço pedido não é válido (codificação incorreta).'
  void reply.code(error.statusCode ?? 400).send({ error: error.statusCode === 414 ? 'uri-too-long' : 'bad-request', reason })
}
