// Device and session tokens are stored as their SHA-256 digest, never as given: a copy of
// the database (a backup, a dump, a replica's disk) holds no token a box could present.
// A plain digest, not an HMAC with a server secret: session tokens are 192 random bits and
// device tokens are provisioned as long random strings (docs/production.md), so a digest
// cannot be reversed by guessing, and no secret has to be shared by every replica and kept
// forever (losing it would log out every box).
import { createHash } from 'node:crypto'

/** What the database keeps for a token: its SHA-256, base64url (43 characters). */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}
