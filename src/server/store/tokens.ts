// Device and session tokens are stored as an HMAC-SHA-256 keyed with the server's secret
// (TOKEN_SECRET), never as given: a copy of the database (a backup, a dump, a replica's disk)
// holds no value a box could present, and without the secret not even a guess can be checked
// against it offline. The HMAC is taken over the token's SHA-256 (base64url), the form
// migrations 0010–0015 stored, so migration 0016 re-keys those digests without the tokens.
import { createHash, createHmac } from 'node:crypto'

/** A secret shorter than this is refused at start (docs/production.md). */
export const TOKEN_SECRET_MIN_BYTES = 32

/**
 * The secret DEMO=1 uses when TOKEN_SECRET is not given: public (it is in the source), as the
 * demo tokens it keys are. Refused without DEMO=1.
 */
export const DEMO_TOKEN_SECRET = 'gestao-de-conta public demo token secret: never in production'

/** TOKEN_SECRET read strictly: missing or short stops the start, saying how to make one. */
export function parseTokenSecret(value: string | undefined, demo: boolean): string {
  const make = 'Make one with `openssl rand -hex 32` and give the same value to every replica (docs/production.md, «Tokens at rest»).'
  if (value === undefined || value === '') {
    if (demo) return DEMO_TOKEN_SECRET
    throw new Error(`TOKEN_SECRET is not set: the server keys the digests of device and session tokens with it (at least ${TOKEN_SECRET_MIN_BYTES} bytes). ${make}`)
  }
  if (Buffer.byteLength(value) < TOKEN_SECRET_MIN_BYTES) {
    throw new Error(`TOKEN_SECRET is ${Buffer.byteLength(value)} bytes; it needs at least ${TOKEN_SECRET_MIN_BYTES}. ${make}`)
  }
  if (value === DEMO_TOKEN_SECRET && !demo) throw new Error(`TOKEN_SECRET is the public demo secret, which only DEMO=1 may use. ${make}`)
  return value
}

/** A token's SHA-256, base64url: what 0010–0015 stored, and what the HMAC is taken over. */
export function sha256Digest(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}

/** Re-keys a stored SHA-256 digest (migration 0016): the same value `tokenDigest` gives its token. */
export function keyedDigest(secret: string, sha256: string): string {
  return createHmac('sha256', secret).update(sha256).digest('base64url')
}

/** What the database keeps for a token: HMAC-SHA-256(secret, SHA-256(token)), base64url (43 characters). */
export function tokenDigest(secret: string, token: string): string {
  return keyedDigest(secret, sha256Digest(token))
}
