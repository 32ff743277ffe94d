// A data provider's answer to a page: the data, or why it could not be had and
// the last good data if there was some. Providers never reject, so no Router
// navigation ends on an unexplained error.
import { ApiError, type ApiFailure, type Fetched } from './client'

export type Loaded<T> =
  | { ok: true; data: T; fetchedAt: number }
  | { ok: false; failure: ApiFailure; lastKnown: Fetched<T> | null }

export async function load<T>(request: () => Promise<Fetched<T>>): Promise<Loaded<T>> {
  try {
    const { data, fetchedAt } = await request()
    return { ok: true, data, fetchedAt }
  } catch (error) {
    if (error instanceof ApiError) {
      return { ok: false, failure: error.failure, lastKnown: (error.lastKnown as Fetched<T> | undefined) ?? null }
    }
    // A bug in a provider must still reach the viewer as an explained failure.
    return { ok: false, failure: { kind: 'malformed', detail: String(error) }, lastKnown: null }
  }
}
