// Writes that arrive at the same time (a double-pressed OK, two boxes, a retry racing
// the first try). SQLite runs one transaction at a time; PostgreSQL runs them side by
// side on a pool of connections, so `npm run test:pg` is where these bite: a read
// followed by a write must lock what it read, or two requests both act on the old state.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { bearer, ROUTES } from '../../../src/contract'
import { buildServer } from '../../../src/server/http/app'
import type { App } from '../../../src/server/http/context'
import type { Db } from '../../../src/server/store/db'
import { NOW, SECRET, type SeededCopies, seededCopies, TOKENS } from './helpers'
import { tokenDigest } from '../../../src/server/store/tokens'

const PIN = '2580'
const PREMIUM_ACCOUNT = 'acc-4102345117'
const AT_ONCE = 6

let copies: SeededCopies
let app: App
let db: Db
let drop: () => Promise<void>
beforeAll(async () => {
  copies = await seededCopies(NOW)
})
afterAll(() => copies.dispose())
beforeEach(async () => {
  ;({ db, drop } = await copies.copy())
  app = await buildServer({ tokenSecret: SECRET, db, now: () => NOW, demo: true })
})
afterEach(async () => {
  await app.close()
  await drop()
})

async function post(url: string, token: string, payload?: object) {
  const response = await app.inject({ method: 'POST', url, headers: { authorization: bearer(token) }, ...(payload ? { payload } : {}) })
  return { status: response.statusCode, body: response.json() }
}

const together = <T>(count: number, make: (index: number) => Promise<T>) => Promise.all(Array.from({ length: count }, (_, index) => make(index)))

// scrypt for every PIN try, several at once: slow on a loaded 2-core machine, so a roomy timeout.
describe('writes at the same time', { timeout: 30_000 }, () => {
  it(`${AT_ONCE} logins of one box at once leave exactly one open session (seed 004 TV §4.2)`, async () => {
    const answers = await together(AT_ONCE, () => post(ROUTES.session, TOKENS.healthy))
    expect(answers.map((answer) => answer.status)).toEqual(Array(AT_ONCE).fill(201))
    // Each login but the first ended exactly the one before it.
    expect(answers.reduce((sum, answer) => sum + answer.body.ended, 0)).toBe(AT_ONCE - 1)
    const open = await db.selectFrom('session').select('token').where('device_token', '=', tokenDigest(SECRET, TOKENS.healthy)).where('ended_at', 'is', null).execute()
    expect(open).toHaveLength(1)
  })

  it('three wrong purchase PINs at once all count: purchases lock', async () => {
    const answers = await together(3, (index) => post(ROUTES.premiumSubscribe.replace(':id', 'tvcine'), TOKENS.premium, { pin: '0000', idempotencyKey: `key-wrong-pin-${index}` }))
    expect(answers.map((answer) => answer.status).sort()).toEqual([403, 403, 429])
    const row = await db.selectFrom('purchase_pin').select(['failed_attempts', 'locked_until']).where('account_id', '=', PREMIUM_ACCOUNT).executeTakeFirstOrThrow()
    // The third wrong try locks for 15 minutes (and the count starts again after it).
    expect(row.locked_until).toBe('2026-03-16T10:15:00.000Z')
    expect((await post(ROUTES.premiumSubscribe.replace(':id', 'tvcine'), TOKENS.premium, { pin: PIN, idempotencyKey: 'key-right-pin-0' })).status).toBe(429)
  })

  it('the right PIN arriving with three wrong ones never gets past the lock they set', async () => {
    // Each round sends three wrong PINs and then the right one, all at once. Whatever order they
    // are judged in, the right one may only succeed if fewer than three wrong ones came before it;
    // once it is judged after the third, it meets the lock (it was checked only before hashing: a
    // way round the 3-tries rule by sending many guesses at once).
    let cancelled = false
    for (let round = 0; round < 4; round++) {
      await db.updateTable('purchase_pin').set({ failed_attempts: 0, locked_until: null }).where('account_id', '=', PREMIUM_ACCOUNT).execute()
      const answers = await together(4, (index) =>
        post(ROUTES.premiumCancel.replace(':id', 'sport-tv'), TOKENS.premium, { pin: index < 3 ? '0000' : PIN, idempotencyKey: `key-race-${round}-${index}` }),
      )
      const right = answers[3]!
      const row = await db.selectFrom('purchase_pin').select(['failed_attempts', 'locked_until']).where('account_id', '=', PREMIUM_ACCOUNT).executeTakeFirstOrThrow()
      if (right.status === 429) {
        expect(row.locked_until).not.toBeNull()
        expect(answers.slice(0, 3).map((answer) => answer.status).sort()).toEqual([403, 403, 429])
      } else {
        // Judged first, second or third: the wrong ones after it count again from zero, so the state shows it.
        // Past the PIN: the cancellation is made the first time, refused as already made after.
        expect(right.status).toBe(cancelled ? 409 : 200)
        cancelled = true
        expect(row.failed_attempts > 0 || row.locked_until !== null).toBe(true)
      }
    }
  })

  it('the same subscription sent several times at once with one idempotency key subscribes once; the others replay it', async () => {
    const answers = await together(AT_ONCE, () => post(ROUTES.premiumSubscribe.replace(':id', 'tvcine'), TOKENS.premium, { pin: PIN, idempotencyKey: 'key-double-press-01' }))
    // The first answer is 201; a replay of it is 200 with `replayed: true`.
    expect(answers.map((answer) => answer.status).sort()).toEqual([...Array(AT_ONCE - 1).fill(200), 201])
    expect(answers.filter((answer) => !answer.body.replayed)).toHaveLength(1)
    expect(new Set(answers.map((answer) => answer.body.subscription.id)).size).toBe(1)
    const rows = await db.selectFrom('premium_subscription').select('id').where('account_id', '=', PREMIUM_ACCOUNT).where('product_id', '=', 'tvcine').execute()
    expect(rows).toHaveLength(1)
  })

  it('two boxes subscribing the same product at once with their own keys: one subscription, the other is told it exists', async () => {
    const answers = await together(AT_ONCE, (index) => post(ROUTES.premiumSubscribe.replace(':id', 'tvcine'), TOKENS.premium, { pin: PIN, idempotencyKey: `key-two-boxes-${index}` }))
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, ...Array(AT_ONCE - 1).fill(409)])
    for (const answer of answers.filter((a) => a.status === 409)) expect(answer.body.error).toBe('already-subscribed')
    const rows = await db.selectFrom('premium_subscription').select('id').where('account_id', '=', PREMIUM_ACCOUNT).where('product_id', '=', 'tvcine').execute()
    expect(rows).toHaveLength(1)
  })

  it('a cancellation sent twice at once with two keys is recorded once', async () => {
    const answers = await together(2, (index) => post(ROUTES.premiumCancel.replace(':id', 'sport-tv'), TOKENS.premium, { pin: PIN, idempotencyKey: `key-cancel-twice-${index}` }))
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409])
    expect(answers.find((answer) => answer.status === 409)?.body.error).toBe('already-cancelled')
  })
})
