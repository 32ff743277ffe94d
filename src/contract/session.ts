// Sessions: a box exchanges its device token (the credential) for a session token.
// One session per credential (seed 004 TV §4.2: "simultaneous access with the same
// User Name and Access Code will not be allowed"): opening one ends the previous.
import Type from 'typebox'
import { IsoDateTime } from './common'

export const SessionAnswer = Type.Object({
  sessionToken: Type.String({ pattern: '^[A-Za-z0-9._-]{8,128}$', description: 'send as Authorization: Bearer <sessionToken>' }),
  openedAt: IsoDateTime,
  /** How many earlier sessions of this device token this one ended (0 or 1). */
  ended: Type.Integer({ minimum: 0 }),
})
export type SessionAnswer = Type.Static<typeof SessionAnswer>
