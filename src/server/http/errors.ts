// Every refusal and failure answers with ApiErrorBody: a stable code, a reason
// in plain pt-PT naming what was wrong, and for 403 who can help.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import type { ApiErrorBody } from '../../contract'
import { type Action, denial } from '../../domain/permissions'

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: ApiErrorBody,
    /** Extra response headers, e.g. Retry-After on a 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(body.reason)
  }
}

export const unauthorized = (reason: string) => new ApiError(401, { error: 'unauthorized', reason })
export const forbidden = (action: Action) => new ApiError(403, { error: 'forbidden', ...denial(action) })
/** A route with a device token but no declared action is a server bug: refuse everything, say so. */
export const undeclaredAction = (method: string, url: string) =>
  new ApiError(500, { error: 'internal', reason: `A rota ${method} ${url} não declara a ação que permite (config.action): recusada por segurança.` })
export const notFound = (reason: string) => new ApiError(404, { error: 'not-found', reason })

const ERROR_CODES: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
}

type ValidationIssue = NonNullable<FastifyError['validation']>[number]

const SUBJECTS: Record<string, string> = {
  querystring: 'o parâmetro',
  params: 'o segmento do endereço',
  body: 'o campo',
  headers: 'o cabeçalho',
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** An Ajv instance path as the refusals name a field: "/plan/extras/0/code" → "plan.extras[0].code". */
function fieldPath(instancePath: string): string {
  return instancePath
    .split('/')
    .filter(Boolean)
    .reduce((path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment), '')
}

/** One Ajv issue as a sentence naming the field: "O parâmetro «limit» deve ser pelo menos 1." */
export function validationReason(issue: ValidationIssue, context: string | undefined): string {
  const subject = SUBJECTS[context ?? ''] ?? 'o valor'
  const params = issue.params as Record<string, unknown>
  const field = (name: unknown) => `${subject} «${String(name)}»`
  const named = field(fieldPath(issue.instancePath) || context)
  switch (issue.keyword) {
    case 'additionalProperties':
      // Nested: named by its path ("plan.extras[0].free"), so the sender finds which object it is in.
      return capitalize(`${field(fieldPath(`${issue.instancePath}/${String(params.additionalProperty)}`))} não é aceite aqui.`)
    case 'required':
      return capitalize(`falta ${field(params.missingProperty)}.`)
    case 'type':
      return capitalize(`${named} deve ser ${params.type === 'integer' ? 'um número inteiro' : `do tipo ${String(params.type)}`}.`)
    case 'minimum':
      return capitalize(`${named} deve ser pelo menos ${String(params.limit)}.`)
    case 'maximum':
      return capitalize(`${named} deve ser no máximo ${String(params.limit)}.`)
    case 'pattern':
      return capitalize(`${named} não tem o formato esperado.`)
    case 'const':
      // One alternative of several (anyOf) is not the only value accepted: the general sentence.
      if (!/anyOf|oneOf/.test(issue.schemaPath)) return capitalize(`${named} só aceita «${String(params.allowedValue)}».`)
      break
  }
  return capitalize(`${named} é inválido (${issue.message ?? issue.keyword}).`)
}

export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (error instanceof ApiError) {
    if (error.statusCode >= 500) request.log.error({ err: error }, error.body.reason)
    if (error.statusCode === 401) reply.header('www-authenticate', 'Bearer realm="gestao-de-conta"')
    reply.headers(error.headers)
    reply.code(error.statusCode).send(error.body)
    return
  }
  if (error.validation && error.validation.length > 0) {
    reply.code(400).send({ error: 'bad-request', reason: validationReason(error.validation[0], error.validationContext) })
    return
  }
  const status = error.statusCode ?? 500
  if (status >= 400 && status < 500) {
    reply.code(status).send({ error: ERROR_CODES[status] ?? 'bad-request', reason: `Pedido inválido: ${error.message}` })
    return
  }
  request.log.error({ err: error }, 'request failed')
  reply.code(500).send({ error: 'internal', reason: 'Ocorreu um erro no servidor. Tente de novo dentro de momentos.' })
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply): void {
  reply.code(404).send({ error: 'not-found', reason: `O endereço ${request.method} ${request.url.split('?')[0]} não existe nesta API.` })
}
