// The API's log: pino through Fastify. Personal data never reaches it: the
// Authorization header and any nif/iban field are redacted, a NIF or an IBAN
// in a logged URL is masked, and so is a token put in a URL (personal data: seed 004 general §18).
import type { FastifyServerOptions } from 'fastify'

/** 9-digit runs (NIF, contract numbers alike) and IBANs, as they could appear in a URL. */
const NIF = /(?<![0-9])[0-9]{9}(?![0-9])/g
const IBAN = /[A-Z]{2}[0-9]{2}(?:[ %20]*[A-Z0-9]){11,30}/gi

export function maskPersonalData(text: string): string {
  return text.replace(IBAN, (iban) => `${iban.slice(0, 4)}…${iban.slice(-3)}`).replace(NIF, (nif) => `${nif.slice(0, 1)}•••••${nif.slice(-3)}`)
}

/**
 * Tokens only travel in the Authorization header (redacted below); one put in a URL by
 * mistake must not reach the log either: a session token anywhere (`s.` and 20+ token
 * characters), and the value of any query parameter named like a credential.
 */
const SESSION_TOKEN = /(?<![A-Za-z0-9._-])s\.[A-Za-z0-9_-]{20,}/g
const CREDENTIAL_PARAM = /([?&][^=&#]*(?:token|auth|key|secret|pass|pin|session|bearer)[^=&#]*=)[^&#]*/gi

export function maskTokens(text: string): string {
  return text.replace(CREDENTIAL_PARAM, '$1[oculto]').replace(SESSION_TOKEN, 's.[oculto]')
}

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'nif',
  'iban',
  '*.nif',
  '*.iban',
  '*.*.nif',
  '*.*.iban',
  'body',
  'req.body',
]

interface LoggedRequest {
  method: string
  url: string
  routeOptions?: { url?: string }
  ip?: string
}

export function loggerOptions(level: string, stream?: NodeJS.WritableStream): NonNullable<FastifyServerOptions['logger']> {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: REDACTED_PATHS, censor: '[oculto]' },
    serializers: {
      req: (request: LoggedRequest) => ({ method: request.method, url: maskTokens(maskPersonalData(request.url)), route: request.routeOptions?.url, ip: request.ip }),
    },
  } as NonNullable<FastifyServerOptions['logger']>
}
