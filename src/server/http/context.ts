// The types every route and service shares: the app, what a route plugin receives, and
// who is asking. In a file of their own so that features import them without importing
// app.ts, which imports the features.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify'
import type { AccountHeader, Viewer } from '../../contract'
import type { Db } from '../store/db'

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>

export interface RouteContext {
  db: Db
  /** Today's date in Portugal, by the server's clock: deadlines are calendar days. */
  today: () => string
  /** The server's clock, for instants it records (a notice's first opening). */
  now: () => Date
}

export interface Session {
  account: AccountHeader
  /** Consumers get 30 days' notice before a suspension, others 20 (seed 004 general §12.2 c). */
  consumer: boolean
  viewer: Viewer
  /** The device token's digest (the credential as stored), whether it came itself or through a session. */
  credential: string
  /** The session token the request came with, or null for the device token itself. */
  sessionToken: string | null
  /**
   * The account's change version as the request was authenticated (store: account_change):
   * every write behind a token moves it, so what was computed under an equal version still holds.
   */
  changeVersion: number
}
