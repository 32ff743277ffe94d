// The API client as a page's provider uses it: timeout, retry (network, timeout,
// 5xx; never 4xx), abort, bounded LRU cache, and the last-known answer on failure.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiClient, ApiError, type ApiFailure } from '../../../src/data/client'
import { ROUTES } from '../../../src/contract'

const OVERVIEW = {
  account: { id: 'acc-1', holderName: 'Maria Silva', contractNumber: '123456789' },
  viewer: { name: 'Maria', profile: 'administrador' },
  invoices: { denied: true, reason: 'Não pode ver.', allowedProfiles: ['administrador'] },
  notices: { unread: 0, total: 0, mostUrgent: null },
}

type Answer = Response | Error | 'hang'

/** A fetch that plays answers in order (the last one repeats) and records every call. */
function fakeFetch(...answers: Answer[]) {
  const calls: { url: string; init: RequestInit }[] = []
  const impl = vi.fn((url: string | URL | Request, init: RequestInit = {}) => {
    calls.push({ url: String(url), init })
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)]!
    if (answer === 'hang') {
      return new Promise<Response>((_, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
      })
    }
    if (answer instanceof Error) return Promise.reject(answer)
    return Promise.resolve(answer.clone())
  })
  return { impl: impl as unknown as typeof fetch, calls }
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

let clock = 1_000_000
function client(fetch: typeof globalThis.fetch, extra: Partial<ConstructorParameters<typeof ApiClient>[0]> = {}) {
  return new ApiClient({ baseUrl: 'http://api.test/', token: 'tok-12345678', fetch, now: () => clock, retryDelayMs: 1, ...extra })
}

async function failureOf(promise: Promise<unknown>): Promise<{ failure: ApiFailure; lastKnown?: unknown }> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError)
    return { failure: (error as ApiError).failure, lastKnown: (error as ApiError).lastKnown }
  }
  throw new Error('expected a failure')
}

beforeEach(() => {
  clock = 1_000_000
})
afterEach(() => {
  vi.useRealTimers()
})

describe('requests', () => {
  it('sends the token and JSON accept header to the base URL without a doubled slash', async () => {
    const { impl, calls } = fakeFetch(json(OVERVIEW))
    const { data, fetchedAt } = await client(impl).overview()
    expect(data).toEqual(OVERVIEW)
    expect(fetchedAt).toBe(clock)
    expect(calls[0]!.url).toBe(`http://api.test${ROUTES.overview}`)
    expect(calls[0]!.init.headers).toEqual({ accept: 'application/json', authorization: 'Bearer tok-12345678' })
  })

  it('encodes an id into the path', async () => {
    const { impl, calls } = fakeFetch(new Error('down'))
    await failureOf(client(impl, { retries: 0 }).invoice('a/b c'))
    expect(calls[0]!.url).toBe('http://api.test/v1/invoices/a%2Fb%20c')
  })
})

describe('timeout', () => {
  it('gives up after timeoutMs and says how long it waited', async () => {
    vi.useFakeTimers()
    const { impl, calls } = fakeFetch('hang')
    const pending = failureOf(client(impl, { timeoutMs: 8000, retries: 1, retryDelayMs: 300 }).overview())
    await vi.advanceTimersByTimeAsync(8000 + 300 + 8000)
    const { failure } = await pending
    expect(failure).toEqual({ kind: 'timeout', afterMs: 8000 })
    expect(calls).toHaveLength(2) // the first try and one retry
  })

  it('a body that stops arriving is a timeout too', async () => {
    vi.useFakeTimers()
    // As real fetch does: aborting the request errors the body stream being read.
    const impl = vi.fn(async (_url: unknown, init: RequestInit = {}) => {
      const body = new ReadableStream<Uint8Array>({
        start(stream) {
          stream.enqueue(new TextEncoder().encode('{"acc'))
          init.signal?.addEventListener('abort', () => stream.error(new DOMException('aborted', 'AbortError')))
        },
      })
      return new Response(body, { status: 200 })
    }) as unknown as typeof fetch
    const pending = failureOf(client(impl, { timeoutMs: 1000, retries: 0 }).overview())
    await vi.advanceTimersByTimeAsync(1000)
    expect((await pending).failure).toEqual({ kind: 'timeout', afterMs: 1000 })
  })
})

describe('retry', () => {
  it.each([
    ['network', new Error('ECONNREFUSED')],
    ['5xx', json({ error: 'internal', reason: 'x' }, 503)],
  ])('retries a GET after a %s failure and returns the second answer', async (_name, first) => {
    const { impl, calls } = fakeFetch(first, json(OVERVIEW))
    const { data } = await client(impl, { retries: 1 }).overview()
    expect(data).toEqual(OVERVIEW)
    expect(calls).toHaveLength(2)
  })

  it.each([
    [400, 'bad-request'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [429, 'bad-request'],
  ])('does not retry a %i: the answer will not change', async (status, kind) => {
    const { impl, calls } = fakeFetch(json({ error: 'x', reason: 'Motivo.', allowedProfiles: ['administrador'] }, status), json(OVERVIEW))
    const { failure } = await failureOf(client(impl, { retries: 3 }).overview())
    expect(failure.kind).toBe(kind)
    expect(calls).toHaveLength(1)
    if (failure.kind === 'forbidden') expect(failure.allowedProfiles).toEqual(['administrador'])
    if ('reason' in failure) expect(failure.reason).toBe('Motivo.')
  })

  it('does not retry a malformed answer', async () => {
    const { impl, calls } = fakeFetch(json({ nope: true }), json(OVERVIEW))
    const { failure } = await failureOf(client(impl, { retries: 3 }).overview())
    expect(failure.kind).toBe('malformed')
    expect(calls).toHaveLength(1)
  })

  it('stops after `retries` extra attempts and reports the last failure', async () => {
    const { impl, calls } = fakeFetch(json({}, 500), json({}, 502), new Response('<html>bad gateway</html>', { status: 504 }))
    const { failure } = await failureOf(client(impl, { retries: 2 }).overview())
    expect(failure).toEqual({ kind: 'server', status: 504 })
    expect(calls).toHaveLength(3)
  })
})

describe('answers that do not fit', () => {
  it.each([
    ['not JSON', '<html>oops</html>'],
    ['truncated JSON', JSON.stringify(OVERVIEW).slice(0, 40)],
    ['a field of the wrong type', JSON.stringify({ ...OVERVIEW, account: { ...OVERVIEW.account, holderName: 42 } })],
    ['a missing field', JSON.stringify({ account: OVERVIEW.account })],
    ['null', 'null'],
  ])('%s → malformed, with what was wrong', async (_name, body) => {
    const { impl } = fakeFetch(new Response(body, { status: 200 }))
    const { failure } = await failureOf(client(impl).overview())
    expect(failure.kind).toBe('malformed')
  })

  it('names the path of a wrong field', async () => {
    const { impl } = fakeFetch(json({ ...OVERVIEW, viewer: { ...OVERVIEW.viewer, name: 42 } }))
    const { failure } = await failureOf(client(impl).overview())
    expect(failure).toEqual({ kind: 'malformed', detail: '/viewer/name: must be a string' })
  })

  it('a 5xx with an HTML page is a server failure, not a malformed one', async () => {
    const { impl } = fakeFetch(new Response('<html>502</html>', { status: 502 }))
    const { failure } = await failureOf(client(impl, { retries: 0 }).overview())
    expect(failure).toEqual({ kind: 'server', status: 502 })
  })

  it('a 401 without a JSON body still says unauthorized, with an empty reason', async () => {
    const { impl } = fakeFetch(new Response('', { status: 401 }))
    const { failure } = await failureOf(client(impl).overview())
    expect(failure).toEqual({ kind: 'unauthorized', reason: '' })
  })
})

describe('abort', () => {
  it('an aborted request fails as aborted and is not retried', async () => {
    const { impl, calls } = fakeFetch('hang')
    const controller = new AbortController()
    const pending = failureOf(client(impl, { retries: 3 }).overview({ signal: controller.signal }))
    await vi.waitFor(() => expect(calls).toHaveLength(1))
    controller.abort()
    expect((await pending).failure).toEqual({ kind: 'aborted' })
    expect(calls).toHaveLength(1)
  })

  it('an abort during the wait before a retry ends it at once', async () => {
    const { impl, calls } = fakeFetch(new Error('down'))
    const controller = new AbortController()
    const pending = failureOf(client(impl, { retries: 3, retryDelayMs: 60_000 }).overview({ signal: controller.signal }))
    await new Promise((resolve) => setTimeout(resolve, 5))
    controller.abort()
    expect((await pending).failure).toEqual({ kind: 'aborted' })
    expect(calls).toHaveLength(1)
  })
})

describe('cache', () => {
  it('gives a second ask for a path in flight the same answer: one request (home shares the overview prefetched at boot)', async () => {
    const { impl, calls } = fakeFetch(json(OVERVIEW))
    const api = client(impl)
    const [first, second] = await Promise.all([api.overview(), api.overview()])
    expect(calls).toHaveLength(1)
    expect(second).toBe(first)
    // Once answered, a reload asks again; and a page with its own abort signal gets its own request.
    await api.overview({ reload: true })
    expect(calls).toHaveLength(2)
    const ownSignal = new AbortController().signal
    await Promise.all([api.overview({ reload: true }), api.overview({ signal: ownSignal, reload: true })])
    expect(calls).toHaveLength(4)
  })

  it('shares a failure in flight too, and asks anew after it', async () => {
    const { impl, calls } = fakeFetch(json({ error: 'not-found', reason: 'Não existe.' }, 404), json(OVERVIEW))
    const api = client(impl)
    const failures = await Promise.all([failureOf(api.overview()), failureOf(api.overview())])
    expect(failures.map((failure) => failure.failure.kind)).toEqual(['not-found', 'not-found'])
    expect(calls).toHaveLength(1)
    expect((await api.overview()).data.viewer.name).toBe('Maria')
    expect(calls).toHaveLength(2)
  })

  it('serves a fresh answer without a request, and asks again once it is stale', async () => {
    const { impl, calls } = fakeFetch(json(OVERVIEW))
    const api = client(impl, { freshForMs: 30_000 })
    await api.overview()
    clock += 29_999
    await api.overview()
    expect(calls).toHaveLength(1)
    clock += 1
    await api.overview()
    expect(calls).toHaveLength(2)
  })

  it('reload skips the fresh cache (the viewer pressed retry)', async () => {
    const { impl, calls } = fakeFetch(json(OVERVIEW))
    const api = client(impl)
    await api.overview()
    await api.overview({ reload: true })
    expect(calls).toHaveLength(2)
  })

  it('"check again" finding the account registered drops the cached home, which still said it was not', async () => {
    const registration = (registered: boolean) => json({ registered, registerUrl: 'https://x.test/registo', supportPhone: '16990', pending: [] })
    const { impl, calls } = fakeFetch(json(OVERVIEW), registration(false), registration(false), registration(true), json(OVERVIEW))
    const api = client(impl)
    await api.overview()
    await api.registration()
    await api.registration({ reload: true })
    await api.overview()
    expect(calls).toHaveLength(3)
    await api.registration({ reload: true })
    await api.overview()
    expect(calls.map((call) => new URL(call.url).pathname)).toEqual([ROUTES.overview, ROUTES.registration, ROUTES.registration, ROUTES.registration, ROUTES.overview])
  })

  it('keeps at most cacheEntries answers, dropping the least recently used', async () => {
    const calls: { url: string; init: RequestInit }[] = []
    const okFetch = vi.fn(async (url: string | URL | Request) => {
      calls.push({ url: String(url), init: {} })
      return json({ total: 0, position: 0, items: [], next: null, previous: null, unpaidCount: 0, unpaidTotalCents: 0, mostUrgent: null })
    }) as unknown as typeof fetch
    const api = client(okFetch, { cacheEntries: 2, retries: 0 })
    await api.invoices({ limit: 1 })
    await api.invoices({ limit: 2 })
    await api.invoices({ limit: 1 }) // touches limit=1: limit=2 is now the oldest
    await api.invoices({ limit: 3 }) // evicts limit=2
    expect(calls).toHaveLength(3)
    await api.invoices({ limit: 1 })
    await api.invoices({ limit: 3 })
    expect(calls).toHaveLength(3) // both still cached
    await api.invoices({ limit: 2 })
    expect(calls).toHaveLength(4) // was evicted
  })

  it('a failure carries the last good answer and when it was fetched', async () => {
    const { impl } = fakeFetch(json(OVERVIEW), new Error('down'))
    const api = client(impl, { retries: 0 })
    const first = await api.overview()
    clock += 60_000
    const { failure, lastKnown } = await failureOf(api.overview())
    expect(failure).toEqual({ kind: 'network' })
    expect(lastKnown).toEqual({ data: OVERVIEW, fetchedAt: first.fetchedAt })
  })

  it('without an earlier answer there is no last-known data', async () => {
    const { impl } = fakeFetch(new Error('down'))
    const { lastKnown } = await failureOf(client(impl, { retries: 0 }).overview())
    expect(lastKnown).toBeUndefined()
  })

  it('a new token forgets every answer: they belonged to another account', async () => {
    const { impl, calls } = fakeFetch(json(OVERVIEW), new Error('down'))
    const api = client(impl, { retries: 0 })
    await api.overview()
    api.setToken('other-token-0001')
    const { lastKnown } = await failureOf(api.overview())
    expect(lastKnown).toBeUndefined()
    expect(calls[1]!.init.headers).toMatchObject({ authorization: 'Bearer other-token-0001' })
  })
})

describe('sessions (seed 004 TV §4.2: one session per credentials)', () => {
  const session = (token: string) => json({ sessionToken: token, openedAt: '2026-03-16T10:00:00.000Z', ended: 0 }, 201)

  it('exchanges the device token for a session once, then asks with the session token', async () => {
    const { impl, calls } = fakeFetch(session('s.session-0001'), json(OVERVIEW))
    const api = client(impl, { sessions: true })
    await api.overview()
    await api.overview({ reload: true })
    // The session is asked with the overview; an API that leaves it out is asked for it after.
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      `POST http://api.test${ROUTES.session}?with=overview`,
      `GET http://api.test${ROUTES.overview}`,
      `GET http://api.test${ROUTES.overview}`,
    ])
    expect(calls[0]!.init.headers).toMatchObject({ authorization: 'Bearer tok-12345678' })
    expect(calls[1]!.init.headers).toMatchObject({ authorization: 'Bearer s.session-0001' })
  })

  it("home's overview comes with the session: one round trip at boot, then the session token for the rest", async () => {
    const opened = json({ sessionToken: 's.session-0001', openedAt: '2026-03-16T10:00:00.000Z', ended: 0, overview: OVERVIEW }, 201)
    const { impl, calls } = fakeFetch(opened, json(OVERVIEW))
    const api = client(impl, { sessions: true })
    expect((await api.overview()).data).toEqual(OVERVIEW)
    expect((await api.overview()).data).toEqual(OVERVIEW)
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([`POST http://api.test${ROUTES.session}?with=overview`])
    await api.overview({ reload: true })
    expect(calls[1]!.init.headers).toMatchObject({ authorization: 'Bearer s.session-0001' })
  })

  it('another page opens the session without the overview; an overview that breaks the contract is not shown', async () => {
    const { impl, calls } = fakeFetch(session('s.session-0001'), json({}))
    await client(impl, { sessions: true, retries: 0 }).invoices().catch(() => undefined)
    expect(calls.map((c) => c.url)).toEqual([`http://api.test${ROUTES.session}`, `http://api.test${ROUTES.invoices}`])

    // The session it opened (ending the one before) is kept: the next try asks for the overview alone.
    const broken = json({ sessionToken: 's.session-0002', openedAt: '2026-03-16T10:00:00.000Z', ended: 0, overview: { viewer: 'Maria' } }, 201)
    const retried = fakeFetch(broken, json(OVERVIEW))
    const api = client(retried.impl, { sessions: true, retries: 0 })
    const { failure } = await failureOf(api.overview())
    expect(failure).toMatchObject({ kind: 'malformed', detail: expect.stringMatching(/^\/overview/) })
    expect((await api.overview({ reload: true })).data).toEqual(OVERVIEW)
    expect(retried.calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([`POST http://api.test${ROUTES.session}?with=overview`, `GET http://api.test${ROUTES.overview}`])
    expect(retried.calls[1]!.init.headers).toMatchObject({ authorization: 'Bearer s.session-0002' })
  })

  it('a 401 on the session (another box logged in) is shown; the next try opens a new session', async () => {
    const ended = json({ error: 'unauthorized', reason: 'A sessão terminou.' }, 401)
    const { impl, calls } = fakeFetch(session('s.session-0001'), ended, session('s.session-0002'), json(OVERVIEW))
    const api = client(impl, { sessions: true })
    const { failure } = await failureOf(api.overview())
    expect(failure).toEqual({ kind: 'unauthorized', reason: 'A sessão terminou.' })
    await api.overview({ reload: true })
    expect(calls[3]!.init.headers).toMatchObject({ authorization: 'Bearer s.session-0002' })
  })

  it('a server without sessions (404) is asked with the device token', async () => {
    const { impl, calls } = fakeFetch(json({ error: 'not-found', reason: 'Não existe.' }, 404), json(OVERVIEW))
    const api = client(impl, { sessions: true })
    await api.overview()
    await api.overview({ reload: true })
    expect(calls).toHaveLength(3)
    expect(calls[2]!.init.headers).toMatchObject({ authorization: 'Bearer tok-12345678' })
  })

  it('the API down while opening the session is the page failure, retried like any GET', async () => {
    const { impl, calls } = fakeFetch(new Error('down'))
    const { failure } = await failureOf(client(impl, { sessions: true, retries: 1 }).overview())
    expect(failure).toEqual({ kind: 'network' })
    expect(calls.every((c) => c.init.method === 'POST')).toBe(true)
    expect(calls).toHaveLength(2)
  })
})

describe('abort before the request starts', () => {
  it('fails at once as aborted, without asking', async () => {
    const { impl, calls } = fakeFetch('hang')
    const controller = new AbortController()
    controller.abort()
    const { failure } = await failureOf(client(impl, { retries: 3 }).overview({ signal: controller.signal }))
    expect(failure).toEqual({ kind: 'aborted' })
    expect(calls).toHaveLength(0)
  })
})

describe('premium writes', () => {
  const request = { pin: '2580', idempotencyKey: 'a1b2c3d4e5f6a7b8' }

  it('a wrong PIN and the lock come back with tries left and until when, not as a plain refusal', async () => {
    const { impl } = fakeFetch(
      json({ error: 'wrong-pin', reason: 'PIN de compras errado. Restam 2 tentativas.', triesLeft: 2, locks: 0, nextLockMinutes: 15 }, 403),
      json({ error: 'pin-locked', reason: 'bloqueadas até às 11:00', triesLeft: 0, lockedUntil: '2026-11-23T11:00:00.000Z', locks: 2, lockMinutes: 60, nextLockMinutes: 1440 }, 429),
      json({ error: 'forbidden', reason: 'Só o Administrador.', allowedProfiles: ['administrador'] }, 403),
    )
    const api = client(impl, { retries: 0 })
    expect((await failureOf(api.changePremium('subscribe', 'tvcine', request))).failure).toEqual({
      kind: 'pin',
      reason: 'PIN de compras errado. Restam 2 tentativas.',
      triesLeft: 2,
      lockedUntil: null,
      locks: 0,
      lockMinutes: null,
      nextLockMinutes: 15,
    })
    expect((await failureOf(api.changePremium('subscribe', 'tvcine', request))).failure).toMatchObject({
      kind: 'pin',
      triesLeft: 0,
      lockedUntil: '2026-11-23T11:00:00.000Z',
      locks: 2,
      lockMinutes: 60,
      nextLockMinutes: 1440,
    })
    expect((await failureOf(api.changePremium('subscribe', 'tvcine', request))).failure.kind).toBe('forbidden')
  })

  it('a lost answer is retried with the same body, key included, and the catalogue, home and invoices are asked again', async () => {
    const catalogue = { products: [], subscriptions: [], nextInvoiceDate: '2026-12-15', pin: { triesLeft: 3, lockedUntil: null, locks: 0, lockMinutes: null, nextLockMinutes: 15 }, manageDenied: null }
    const { impl, calls } = fakeFetch(json(catalogue), new Error('lost'), new Error('lost again'), json(catalogue))
    const api = client(impl, { retries: 1 })
    await api.premium()
    await failureOf(api.changePremium('cancel', 'sport-tv', request))
    expect(calls.slice(1).map((call) => [call.init.method, call.url, call.init.body])).toEqual([
      ['POST', `http://api.test${ROUTES.premiumCancel.replace(':id', 'sport-tv')}`, JSON.stringify(request)],
      ['POST', `http://api.test${ROUTES.premiumCancel.replace(':id', 'sport-tv')}`, JSON.stringify(request)],
    ])
    await api.premium()
    expect(calls).toHaveLength(4)
  })
})
