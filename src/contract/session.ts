// Sessions: a box exchanges its device token (the credential) for a session token.
// One session per credential (seed 004 TV §4.2: "simultaneous access with the same
// User Name and Access Code will not be allowed"): opening one ends the previous.
import Type from 'typebox'
import { Overview } from './account'
import { IsoDateTime } from './common'

/**
 * `with=overview`: the answer carries home's overview too (as GET /v1/overview would give it
 * with the new session), so a box's boot waits for one round trip, not two in a row.
 */
export const SessionQuery = Type.Object(
  { with: Type.Optional(Type.Literal('overview', { description: 'also answer with the overview (GET /v1/overview)' })) },
  { additionalProperties: false },
)
export type SessionQuery = Type.Static<typeof SessionQuery>

/** The session itself: what a client needs to go on, whatever else the answer carries. */
export const SessionOpened = Type.Object({
  sessionToken: Type.String({ pattern: '^[A-Za-z0-9._-]{8,128}$', description: 'send as Authorization: Bearer <sessionToken>' }),
  openedAt: IsoDateTime,
  /** How many earlier sessions of this device token this one ended (0 or 1). */
  ended: Type.Integer({ minimum: 0 }),
})
export type SessionOpened = Type.Static<typeof SessionOpened>

export const SessionAnswer = Type.Object({
  ...SessionOpened.properties,
  /** Only when asked with `with=overview`. */
  overview: Type.Optional(Overview),
})
export type SessionAnswer = Type.Static<typeof SessionAnswer>
