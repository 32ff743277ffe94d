// The app's client of the account API: HTTP with timeout, retry and abort, a
// bounded cache that remembers when each answer was fetched, answers checked
// against the shared contract, and typed failures the pages can explain.
import {
  AccountPage,
  ApiErrorBody,
  ComplaintReceipt,
  type ComplaintRequest,
  EInvoice,
  Registration,
  DemoScenarioList,
  Diagnostics,
  Health,
  InvoiceDetail,
  InvoiceList,
  type InvoiceListQuery,
  NoticeDetail,
  NoticeList,
  type NoticeListQuery,
  Overview,
  PremiumCatalogue,
  PremiumProductDetail,
  PremiumReceipt,
  RecordingChange,
  RecordingList,
  type RecordingListQuery,
  ROUTES,
  type SessionAnswer,
  SessionOpened,
  bearer,
  type Profile,
} from '../contract'
import { firstMismatch } from './check'

export type ApiFailure =
  | { kind: 'network' }
  | { kind: 'timeout'; afterMs: number }
  | { kind: 'unauthorized'; reason: string }
  | { kind: 'forbidden'; reason: string; allowedProfiles: Profile[] }
  | { kind: 'not-found'; reason: string }
  | { kind: 'bad-request'; reason: string }
  /** The purchase PIN was wrong (tries left) or purchases are locked (until when). */
  | { kind: 'pin'; reason: string; triesLeft: number; lockedUntil: string | null; locks: number; lockMinutes: number | null; nextLockMinutes: number | null }
  | { kind: 'server'; status: number }
  | { kind: 'malformed'; detail: string }
  | { kind: 'aborted' }

export interface Fetched<T> {
  data: T
  /** Epoch ms of the answer, so a page can say how old last-known data is. */
  fetchedAt: number
}

export class ApiError extends Error {
  constructor(
    readonly failure: ApiFailure,
    /** The last good answer for the same request, if any: shown instead of a blank page. */
    readonly lastKnown?: Fetched<unknown>,
  ) {
    super(`account API: ${failure.kind}`)
    this.name = 'ApiError'
  }
}

export interface ApiClientOptions {
  baseUrl: string
  token?: string | null
  timeoutMs?: number
  /** Extra attempts for a GET that failed on the network, a timeout or a 5xx. */
  retries?: number
  retryDelayMs?: number
  /** Answers younger than this are served from the cache without a request. */
  freshForMs?: number
  cacheEntries?: number
  fetch?: typeof fetch
  now?: () => number
  /**
   * Exchange the device token for a session (POST /v1/session) before the first
   * request, as the app does: one session per credentials (seed 004 TV §4.2). A
   * server without the route (404) is asked with the device token itself.
   */
  sessions?: boolean
}

interface RequestOptions {
  signal?: AbortSignal
  /** Skip the fresh cache (a retry pressed by the viewer). */
  reload?: boolean
  /** JSON body of a write. */
  body?: unknown
}

const RETRYABLE: ReadonlySet<ApiFailure['kind']> = new Set(['network', 'timeout', 'server'])

export class ApiClient {
  /** The device token: the box's credential. */
  private token: string | null
  /** The session it was exchanged for; dropped on a 401 so the viewer's retry opens a new one. */
  private sessionToken: string | null = null
  private sessions: boolean
  private readonly baseUrl: string
  private readonly timeoutMs: number
  private readonly retries: number
  private readonly retryDelayMs: number
  private readonly freshForMs: number
  private readonly cacheEntries: number
  private readonly fetchImpl: typeof fetch
  private readonly now: () => number
  /** Insertion-ordered: the first key is the least recently used. */
  private readonly cache = new Map<string, Fetched<unknown>>()
  /** GETs on their way: a second ask for the same path waits for the same answer (home's, prefetched at boot). */
  private readonly inflight = new Map<string, Promise<Fetched<unknown>>>()
  private lastFailed: { path: string; failure: ApiFailure; at: number } | null = null

  constructor(options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '')
    this.token = options.token ?? null
    this.timeoutMs = options.timeoutMs ?? 8000
    this.retries = options.retries ?? 1
    this.retryDelayMs = options.retryDelayMs ?? 300
    this.freshForMs = options.freshForMs ?? 30_000
    this.cacheEntries = options.cacheEntries ?? 16
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
    this.now = options.now ?? Date.now
    this.sessions = options.sessions ?? false
  }

  get apiBaseUrl(): string {
    return this.baseUrl
  }

  get hasToken(): boolean {
    return this.token !== null
  }

  setToken(token: string): void {
    this.token = token
    this.sessionToken = null
    this.cache.clear()
  }

  overview(options?: RequestOptions): Promise<Fetched<Overview>> {
    return this.get<Overview>(ROUTES.overview, Overview, options)
  }

  /** A page of the invoices, newest first (the first without a cursor), with what is to pay on every page. */
  invoices(page: InvoiceListQuery = {}, options?: RequestOptions): Promise<Fetched<InvoiceList>> {
    return this.get<InvoiceList>(pagePath(ROUTES.invoices, page), InvoiceList, options)
  }

  invoice(id: string, options?: RequestOptions): Promise<Fetched<InvoiceDetail>> {
    return this.get<InvoiceDetail>(ROUTES.invoice.replace(':id', encodeURIComponent(id)), InvoiceDetail, options)
  }

  /** A complaint about an invoice or one of its lines (004 general §19.3–19.5), once per idempotency key. */
  async complainAboutInvoice(id: string, request: ComplaintRequest, options?: RequestOptions): Promise<Fetched<ComplaintReceipt>> {
    try {
      return await this.write<ComplaintReceipt>('POST', ROUTES.invoiceComplaint.replace(':id', encodeURIComponent(id)), ComplaintReceipt, { ...options, body: request })
    } finally {
      // Even without an answer it may have happened: the invoice, the list and home's card are asked again.
      this.invalidate(ROUTES.invoice.replace(':id', encodeURIComponent(id)), ROUTES.invoices, ROUTES.overview)
    }
  }

  /** A page of the notices, unread and most urgent first (the first without a cursor), with the unread count. */
  notices(page: NoticeListQuery = {}, options?: RequestOptions): Promise<Fetched<NoticeList>> {
    return this.get<NoticeList>(pagePath(ROUTES.notices, page), NoticeList, options)
  }

  /**
   * Opening a notice marks it read on the server (idempotent, so a retry is safe) and returns it;
   * the cached list and home overview are dropped, since their unread counts changed.
   */
  async openNotice(id: string, options?: RequestOptions): Promise<Fetched<NoticeDetail>> {
    const path = ROUTES.notice.replace(':id', encodeURIComponent(id))
    let fetched: Fetched<NoticeDetail>
    try {
      fetched = await this.write<NoticeDetail>('POST', ROUTES.noticeRead.replace(':id', encodeURIComponent(id)), NoticeDetail, options)
    } catch (error) {
      // The notice as last opened, if it was: shown with why it is not newer.
      throw error instanceof ApiError ? new ApiError(error.failure, this.cache.get(path)) : error
    }
    this.invalidate(ROUTES.overview, ROUTES.notices)
    // Kept under the notice's own address, as a GET of it would be.
    this.remember(path, fetched)
    return fetched
  }

  /** A page of the recordings (the first without a cursor), with the quota and the list's totals. */
  recordings(page: RecordingListQuery = {}, options?: RequestOptions): Promise<Fetched<RecordingList>> {
    return this.get<RecordingList>(pagePath(ROUTES.recordings, page), RecordingList, options)
  }

  /** Protects or unprotects (idempotent); the answer carries the recording and the quota as they now are. */
  async setRecordingProtection(id: string, protect: boolean, options?: RequestOptions): Promise<Fetched<RecordingChange>> {
    const path = ROUTES.recordingProtection.replace(':id', encodeURIComponent(id))
    const fetched = await this.write<RecordingChange>(protect ? 'PUT' : 'DELETE', path, RecordingChange, options)
    this.invalidate(ROUTES.overview, ROUTES.recordings)
    return fetched
  }

  /** Deletes (idempotent: a retry after a lost answer gets the same answer); the quota meter changes with it. */
  async deleteRecording(id: string, options?: RequestOptions): Promise<Fetched<RecordingChange>> {
    const fetched = await this.write<RecordingChange>('DELETE', ROUTES.recording.replace(':id', encodeURIComponent(id)), RecordingChange, options)
    this.invalidate(ROUTES.overview, ROUTES.recordings)
    return fetched
  }

  /** The account page: holder, services, commitment, termination, e-invoice, points. */
  account(options?: RequestOptions): Promise<Fetched<AccountPage>> {
    return this.get<AccountPage>(ROUTES.account, AccountPage, options)
  }

  /**
   * Registration in the Área de Cliente; `reload` for the viewer's "check again". A check that finds the
   * account registered drops the cached home and account page, which still said it was not.
   */
  async registration(options?: RequestOptions): Promise<Fetched<Registration>> {
    const fetched = await this.get<Registration>(ROUTES.registration, Registration, options)
    if (options?.reload && fetched.data.registered) this.invalidate(ROUTES.overview, ROUTES.account)
    return fetched
  }

  /** Switches the e-invoice on or off (after the viewer confirmed); the account page is fetched again. */
  async setEInvoice(enabled: boolean, options?: RequestOptions): Promise<Fetched<EInvoice>> {
    const fetched = await this.write<EInvoice>('PUT', ROUTES.accountEInvoice, EInvoice, { ...options, body: { enabled } })
    this.invalidate(ROUTES.account)
    return fetched
  }

  /** The premium catalogue and the account's subscriptions. */
  premium(options?: RequestOptions): Promise<Fetched<PremiumCatalogue>> {
    return this.get<PremiumCatalogue>(ROUTES.premium, PremiumCatalogue, options)
  }

  /** One product: what it includes and costs, and what subscribing or cancelling today would mean. */
  premiumProduct(id: string, options?: RequestOptions): Promise<Fetched<PremiumProductDetail>> {
    return this.get<PremiumProductDetail>(ROUTES.premiumProduct.replace(':id', encodeURIComponent(id)), PremiumProductDetail, options)
  }

  /**
   * Subscribes or cancels with the purchase PIN. `idempotencyKey` is the viewer's one intended write
   * (newIdempotencyKey): resending it after a lost answer replays that answer instead of acting twice.
   */
  async changePremium(
    action: 'subscribe' | 'cancel',
    id: string,
    request: { pin: string; idempotencyKey: string },
    options?: RequestOptions,
  ): Promise<Fetched<PremiumReceipt>> {
    const route = action === 'subscribe' ? ROUTES.premiumSubscribe : ROUTES.premiumCancel
    try {
      return await this.write<PremiumReceipt>('POST', route.replace(':id', encodeURIComponent(id)), PremiumReceipt, { ...options, body: request })
    } finally {
      // Even without an answer it may have happened: the catalogue, home's card and the next
      // invoice's premium lines are asked again.
      this.invalidate(ROUTES.premium, ROUTES.overview, ROUTES.invoices)
    }
  }

  /** Drops cached answers whose path starts with one of `prefixes` (after a write changed them). */
  invalidate(...prefixes: string[]): void {
    for (const path of [...this.cache.keys()]) if (prefixes.some((prefix) => path.startsWith(prefix))) this.cache.delete(path)
  }

  /** The installer screen: binding, registration, services and entitlements. */
  diagnostics(options?: RequestOptions): Promise<Fetched<Diagnostics>> {
    return this.get<Diagnostics>(ROUTES.diagnostics, Diagnostics, options)
  }

  /** Reachability and round-trip time of `/health`, never cached nor retried: what the installer must see. */
  async ping(): Promise<{ ok: true; latencyMs: number; version: string } | { ok: false; failure: ApiFailure; latencyMs: number }> {
    const started = this.now()
    try {
      const body = (await this.request(ROUTES.health, Health)) as { version: string }
      return { ok: true, latencyMs: this.now() - started, version: body.version }
    } catch (error) {
      const failure = toFailure(error)
      this.noteFailure(ROUTES.health, failure)
      return { ok: false, failure, latencyMs: this.now() - started }
    }
  }

  /** The last request that failed (after its retries), for the installer screen. */
  get lastFailure(): { path: string; failure: ApiFailure; at: number } | null {
    return this.lastFailed
  }

  /** Demo accounts of the reference server: lets QA launch with `scenario=overdue`. */
  demoScenarios(options?: RequestOptions): Promise<Fetched<DemoScenarioList>> {
    return this.get<DemoScenarioList>(ROUTES.demoScenarios, DemoScenarioList, options)
  }

  private get<T>(path: string, schema: object, options: RequestOptions = {}): Promise<Fetched<T>> {
    const cached = this.cache.get(path) as Fetched<T> | undefined
    if (cached && !options.reload && this.now() - cached.fetchedAt < this.freshForMs) {
      this.remember(path, cached)
      return Promise.resolve(cached)
    }
    // Shared only without a signal of its own: a page that may abort gets its own request.
    const shared = !options.reload && !options.signal
    const pending = shared ? (this.inflight.get(path) as Promise<Fetched<T>> | undefined) : undefined
    if (pending) return pending
    const fetching = this.fetchFresh<T>(path, schema, cached, options)
    if (shared) {
      this.inflight.set(path, fetching)
      const done = (): void => {
        if (this.inflight.get(path) === fetching) this.inflight.delete(path)
      }
      fetching.then(done, done)
    }
    return fetching
  }

  private async fetchFresh<T>(path: string, schema: object, cached: Fetched<T> | undefined, options: RequestOptions): Promise<Fetched<T>> {
    let failure: ApiFailure = { kind: 'network' }
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (attempt > 0) await delay(this.retryDelayMs * attempt, options.signal)
      try {
        // Home's overview comes with the session when one is opened for it (one round trip at boot).
        const included = await this.openSession(options.signal, path === ROUTES.overview)
        const data = (included ?? (await this.request(path, schema, options.signal))) as T
        const fetched = { data, fetchedAt: this.now() }
        this.remember(path, fetched)
        return fetched
      } catch (error) {
        failure = toFailure(error)
        if (!RETRYABLE.has(failure.kind)) break
      }
    }
    this.noteFailure(path, failure)
    throw new ApiError(failure, cached)
  }

  /** A write: never cached; retried like a GET only because every write of this API is idempotent. */
  private async write<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, schema: object, options: RequestOptions = {}): Promise<Fetched<T>> {
    let failure: ApiFailure = { kind: 'network' }
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (attempt > 0) await delay(this.retryDelayMs * attempt, options.signal)
      try {
        await this.openSession(options.signal)
        return { data: (await this.request(path, schema, options.signal, method, options.body)) as T, fetchedAt: this.now() }
      } catch (error) {
        failure = toFailure(error)
        if (!RETRYABLE.has(failure.kind)) break
      }
    }
    this.noteFailure(path, failure)
    throw new ApiError(failure)
  }

  /**
   * Opens a session when one is needed. `withOverview`: asked with `with=overview`, and the
   * overview it brings is returned (undefined when no session was opened, or the API left it out).
   */
  private async openSession(signal?: AbortSignal, withOverview = false): Promise<Overview | undefined> {
    if (!this.sessions || this.sessionToken || !this.token) return undefined
    try {
      const path = withOverview ? `${ROUTES.session}?with=overview` : ROUTES.session
      // The session is checked apart from the overview: a session the server opened (ending the
      // one before) is kept even when the overview with it breaks the contract.
      const answer = (await this.request(path, SessionOpened, signal, 'POST')) as SessionAnswer
      this.sessionToken = answer.sessionToken
      const mismatch = answer.overview === undefined ? null : firstMismatch(Overview, answer.overview, '/overview')
      if (mismatch) throw new ApiError({ kind: 'malformed', detail: mismatch })
      return answer.overview
    } catch (error) {
      // An API without sessions: the device token itself is the credential.
      if (error instanceof ApiError && error.failure.kind === 'not-found') this.sessions = false
      else throw error
    }
  }

  private noteFailure(path: string, failure: ApiFailure): void {
    if (failure.kind !== 'aborted') this.lastFailed = { path, failure, at: this.now() }
  }

  private async request(path: string, schema: object, signal?: AbortSignal, method = 'GET', requestBody?: unknown): Promise<unknown> {
    // Aborted before it started (the viewer left the page): an abort listener would never fire.
    if (signal?.aborted) throw new ApiError({ kind: 'aborted' })
    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, this.timeoutMs)
    const onAbort = (): void => controller.abort()
    signal?.addEventListener('abort', onAbort)
    try {
      const headers: Record<string, string> = { accept: 'application/json' }
      // The session is opened with the device token; everything else goes with the session.
      const credential = path.split('?')[0] === ROUTES.session ? this.token : (this.sessionToken ?? this.token)
      if (credential) headers.authorization = bearer(credential)
      if (requestBody !== undefined) headers['content-type'] = 'application/json'
      const payload = requestBody === undefined ? undefined : JSON.stringify(requestBody)
      let response: Response
      try {
        response = await this.fetchImpl(this.baseUrl + path, { method, headers, body: payload, signal: controller.signal })
      } catch {
        throw new ApiError(timedOut ? { kind: 'timeout', afterMs: this.timeoutMs } : signal?.aborted ? { kind: 'aborted' } : { kind: 'network' })
      }
      const body = await readJson(response, () => (timedOut ? { kind: 'timeout', afterMs: this.timeoutMs } : null))
      if (!response.ok) {
        // An ended session (another box logged in with the same credentials): the next try logs in again.
        if (response.status === 401 && credential === this.sessionToken) this.sessionToken = null
        throw new ApiError(httpFailure(response.status, body))
      }
      const mismatch = firstMismatch(schema, body)
      if (mismatch) throw new ApiError({ kind: 'malformed', detail: mismatch })
      return body
    } finally {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
    }
  }

  private remember(path: string, fetched: Fetched<unknown>): void {
    this.cache.delete(path)
    this.cache.set(path, fetched)
    while (this.cache.size > this.cacheEntries) {
      const oldest = this.cache.keys().next().value
      if (oldest === undefined) break
      this.cache.delete(oldest)
    }
  }
}

async function readJson(response: Response, timeoutFailure: () => ApiFailure | null): Promise<unknown> {
  let text: string
  try {
    text = await response.text()
  } catch {
    throw new ApiError(timeoutFailure() ?? { kind: 'network' })
  }
  if (text === '') return null
  try {
    return JSON.parse(text)
  } catch {
    // A 5xx page from a proxy is HTML: the status says more than the body.
    if (!response.ok) return null
    throw new ApiError({ kind: 'malformed', detail: 'the answer is not valid JSON' })
  }
}

function httpFailure(status: number, body: unknown): ApiFailure {
  const error = firstMismatch(ApiErrorBody, body) === null ? (body as ApiErrorBody) : null
  const reason = error?.reason ?? ''
  if ((error?.error === 'wrong-pin' || error?.error === 'pin-locked') && (status === 403 || status === 429)) {
    const refusal = body as { triesLeft?: number; lockedUntil?: string; locks?: number; lockMinutes?: number | null; nextLockMinutes?: number }
    return {
      kind: 'pin',
      reason,
      triesLeft: refusal.triesLeft ?? 0,
      lockedUntil: refusal.lockedUntil ?? null,
      locks: refusal.locks ?? 0,
      lockMinutes: refusal.lockMinutes ?? null,
      nextLockMinutes: refusal.nextLockMinutes ?? null,
    }
  }
  if (status === 401) return { kind: 'unauthorized', reason }
  if (status === 403) return { kind: 'forbidden', reason, allowedProfiles: error?.allowedProfiles ?? [] }
  if (status === 404) return { kind: 'not-found', reason }
  if (status >= 400 && status < 500) return { kind: 'bad-request', reason }
  return { kind: 'server', status }
}

/** A fresh key for one intended write; random enough that two boxes never share one. */
export function newIdempotencyKey(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

function toFailure(error: unknown): ApiFailure {
  return error instanceof ApiError ? error.failure : { kind: 'network' }
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ApiError({ kind: 'aborted' }))
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(new ApiError({ kind: 'aborted' }))
    })
  })
}

/** A long list's page address: the cursor an earlier page gave and the page's size (contract PageQuery). */
function pagePath(route: string, page: { cursor?: string; limit?: number }): string {
  const query = new URLSearchParams()
  if (page.cursor !== undefined) query.set('cursor', page.cursor)
  if (page.limit !== undefined) query.set('limit', String(page.limit))
  const search = query.toString()
  return search ? `${route}?${search}` : route
}
