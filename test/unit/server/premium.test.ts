// Premium routes over HTTP: catalogue, subscribe and cancel behind the purchase PIN,
// idempotency keys, the PIN lock, promotional codes, profiles, and the next invoice.
// Seeded on Monday 16 March 2026: the premium account's cycle runs 8 March – 7 April.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { Value } from 'typebox/value'
import { bearer, PinRefusal, PremiumCatalogue, PremiumProductDetail, PremiumReceipt, ROUTES } from '../../../src/contract'
import { buildServer } from '../../../src/server/http/app'
import type { App } from '../../../src/server/http/context'
import type { Db } from '../../../src/server/store/db'
import { storePurchasePin, verifyPurchasePin } from '../../../src/server/premium/pin'
import { DEMO_PINS } from '../../../src/server/demo/premium'
import { lisbonDayEdges } from '../domain/lisbon-boundary'
import { NOW, SECRET, type SeededCopies, seededCopies, TOKENS } from './helpers'
import { tokenDigest } from '../../../src/server/store/tokens'

const PIN = '2580'
const PREMIUM_ACCOUNT = 'acc-4102345117'

let app: App
let db: Db
/** The server's clock: tests move it to pass the PIN lock or change the day. */
let clock: Date

// Seeded once (scrypt and two years of invoices take a while); each test gets its own copy.
let copies: SeededCopies
let drop: () => Promise<void>
beforeAll(async () => {
  copies = await seededCopies(NOW)
})
afterAll(() => copies.dispose())

beforeEach(async () => {
  clock = NOW
  ;({ db, drop } = await copies.copy())
  app = await buildServer({ tokenSecret: SECRET, db, now: () => clock, demo: true })
})
afterEach(async () => {
  await app.close()
  await drop()
})

const path = (route: string, id: string) => route.replace(':id', id)

async function call(method: 'GET' | 'POST' | 'PUT', url: string, token: string, payload?: object) {
  const response = await app.inject({ method, url, headers: { authorization: bearer(token) }, ...(payload ? { payload } : {}) })
  return { status: response.statusCode, body: response.json() }
}

async function retryAfter(id: string, body: object): Promise<string | undefined> {
  const response = await app.inject({ method: 'POST', url: path(ROUTES.premiumSubscribe, id), headers: { authorization: bearer(TOKENS.premium) }, payload: body })
  return response.headers['retry-after'] as string | undefined
}

const catalogue = async (token: string = TOKENS.premium) => call('GET', ROUTES.premium, token)
const subscribe = (id: string, body: object, token: string = TOKENS.premium) => call('POST', path(ROUTES.premiumSubscribe, id), token, body)
const cancel = (id: string, body: object, token: string = TOKENS.premium) => call('POST', path(ROUTES.premiumCancel, id), token, body)

async function subscriptionRows(productId: string) {
  return db.selectFrom('premium_subscription').selectAll().where('account_id', '=', PREMIUM_ACCOUNT).where('product_id', '=', productId).execute()
}

describe('GET /v1/premium', () => {
  it('lists a catalogue of at least six products and the two subscriptions of the premium account', async () => {
    const { status, body } = await catalogue()
    expect(status).toBe(200)
    expect(Value.Check(PremiumCatalogue, body)).toBe(true)
    expect(body.products.length).toBeGreaterThanOrEqual(6)
    const sport = body.products.find((product: { id: string }) => product.id === 'sport-tv')
    expect(sport).toMatchObject({ name: 'Sport TV', monthlyCents: 2999, vatRatePercent: 23, minimumDays: 30, subscribed: true, promo: null })
    expect(sport.channels).toContain('Sport TV 1')
    const documentaries = body.products.find((product: { id: string }) => product.id === 'pack-documentarios')
    expect(documentaries).toMatchObject({ monthlyCents: 599, promo: { monthlyCents: 299, until: '2026-04-05' }, subscribed: false })
    expect(body.nextInvoiceDate).toBe('2026-04-08')
    expect(body.pin).toEqual({ triesLeft: 3, lockedUntil: null, locks: 0, lockMinutes: null, nextLockMinutes: 15 })

    const [sportTv, infantil] = body.subscriptions
    // Sport TV since the invoice of 8 September 2025: past its minimum, a cancellation ends with the cycle.
    expect(sportTv).toMatchObject({
      productId: 'sport-tv',
      startedOn: '2025-09-08',
      minimumEndsOn: '2025-10-07',
      inMinimumPeriod: false,
      monthlyCents: 2999,
      nextChargeOn: '2026-04-08',
      nextChargeCents: 2999,
      cancellation: null,
      // Cancelled today it ends with this cycle (7 April): the invoice of 8 April charges nothing more for it.
      cancelToday: { requestedOn: '2026-03-16', endsOn: '2026-04-07', rule: 'billing-cycle', nextChargeOn: null, nextChargeCents: 0 },
    })
    // Pack Infantil, 5 days old: bound to 9 April, which is later than the end of the cycle.
    expect(infantil).toMatchObject({
      productId: 'pack-infantil',
      startedOn: '2026-03-11',
      minimumEndsOn: '2026-04-09',
      inMinimumPeriod: true,
      monthlyCents: 499,
      nextChargeOn: '2026-04-08',
      cancelToday: { requestedOn: '2026-03-16', endsOn: '2026-04-09', rule: 'minimum-period', nextChargeOn: '2026-04-08' },
    })
    // 11 March – 7 April pro rata (3,67 €) and 8 April – 7 May (4,06 €), before IVA.
    expect(infantil.nextChargeCents).toBe(367 + 406 + Math.round((367 + 406) * 0.23))
  })

  it('lists the new customer\'s Sport TV ordered with the contract as pending, expected within 48 h of acceptance and installation (004 TV §6 a)', async () => {
    // Installed on 10/03 with the contract, Sport TV accepted on 15/03: the 48 h run from the later, to 17/03.
    const pendingOn = async (instant: Date) => {
      clock = instant
      const { status, body } = await catalogue(TOKENS.newCustomer)
      expect(status).toBe(200)
      expect(Value.Check(PremiumCatalogue, body)).toBe(true)
      return body.pending
    }
    expect(await pendingOn(NOW)).toEqual([
      { name: 'Canal premium Sport TV', orderedOn: '2026-03-15', installedOn: '2026-03-10', expectedBy: '2026-03-17', activation: 'waiting' },
    ])
    for (const [day, activation] of [['2026-03-16', 'waiting'], ['2026-03-17', 'waiting'], ['2026-03-18', 'late']] as const) {
      for (const instant of lisbonDayEdges(day)) expect((await pendingOn(instant))[0].activation, instant.toISOString()).toBe(activation)
    }
    // An account whose premium channels are all active has none pending.
    expect((await catalogue()).body.pending).toEqual([])
   }, 60_000)

  it('refuses the Utilizador profile with the reason and who can help', async () => {
    const { status, body } = await catalogue(TOKENS.restricted)
    expect(status).toBe(403)
    expect(body).toEqual({
      error: 'forbidden',
      reason: 'Os serviços premium só podem ser consultados pelo Administrador, Responsável Delegado ou Responsável de Faturação da conta.',
      allowedProfiles: ['administrador', 'responsavel-delegado', 'responsavel-faturacao'],
    })
  })
})

describe('GET /v1/premium/:id', () => {
  it('states what subscribing today costs and binds to before anything is confirmed', async () => {
    const { status, body } = await call('GET', path(ROUTES.premiumProduct, 'tvcine'), TOKENS.premium)
    expect(status).toBe(200)
    expect(Value.Check(PremiumProductDetail, body)).toBe(true)
    expect(body.subscription).toBeNull()
    // 16 March – 7 April is 23 of 31 days: 1219 × 23 / 31 = 904,4; plus 1219 for April–May; + 23 % IVA.
    expect(body.quote).toEqual({
      startsOn: '2026-03-16',
      minimumEndsOn: '2026-04-14',
      monthlyCents: 1499,
      promo: null,
      promoCode: null,
      firstChargeOn: '2026-04-08',
      firstChargeCents: 904 + 1219 + Math.round((904 + 1219) * 0.23),
    })
  })

  it('for a subscribed product, gives the exact day a cancellation would take effect', async () => {
    const { body } = await call('GET', path(ROUTES.premiumProduct, 'pack-infantil'), TOKENS.premium)
    expect(body.quote).toBeNull()
    expect(body.subscription.cancelToday).toMatchObject({ requestedOn: '2026-03-16', endsOn: '2026-04-09', rule: 'minimum-period', nextChargeOn: '2026-04-08' })
  })

  it('prices a promotional code, and refuses an unknown, expired or foreign one with one reason', async () => {
    const promo = await call('GET', `${path(ROUTES.premiumProduct, 'tvcine')}?promoCode=bemvindo`, TOKENS.premium)
    expect(promo.status).toBe(200)
    // 50 % for one month: 1219 − 610 = 609 before IVA.
    expect(promo.body.quote).toMatchObject({ promoCode: 'BEMVINDO', promo: { monthlyCents: 609 + 140, until: '2026-04-15' } })
    // CINEMA3 gives 3 months but its own last day is in 30 days: the promotion ends with the code (004 TV §7.4).
    const cinema = await call('GET', `${path(ROUTES.premiumProduct, 'tvcine')}?promoCode=cinema3`, TOKENS.premium)
    expect(cinema.body.quote).toMatchObject({ promoCode: 'CINEMA3', promo: { until: '2026-04-15' } })

    // Unknown, expired and another product's code: one refusal, so codes cannot be found by trying.
    for (const [product, code, name] of [['tvcine', 'NADA', 'TVCine'], ['tvcine', 'VERAO', 'TVCine'], ['btv', 'CINEMA3', 'BTV']]) {
      expect(await call('GET', `${path(ROUTES.premiumProduct, product)}?promoCode=${code}`, TOKENS.premium)).toEqual({
        status: 422,
        body: {
          error: 'promo-invalid',
          reason: `O código promocional «${code}» não é válido para ${name}. Confirme as letras e os algarismos e a validade do código.`,
        },
      })
    }
  })

  it('answers 404 with the reason for an unknown product', async () => {
    const { status, body } = await call('GET', path(ROUTES.premiumProduct, 'canal-fantasma'), TOKENS.premium)
    expect(status).toBe(404)
    expect(body.reason).toBe('Não existe o produto premium «canal-fantasma».')
  })
})

describe('POST /v1/premium/:id/subscribe', () => {
  it('subscribes with the right PIN, and the next invoice shows the charge', async () => {
    const { status, body } = await subscribe('tvcine', { pin: PIN, idempotencyKey: 'key-tvcine-0001' })
    expect(status).toBe(201)
    expect(Value.Check(PremiumReceipt, body)).toBe(true)
    expect(body).toMatchObject({
      action: 'subscribed',
      replayed: false,
      subscription: { productId: 'tvcine', startedOn: '2026-03-16', minimumEndsOn: '2026-04-14', inMinimumPeriod: true, nextChargeOn: '2026-04-08' },
    })
    expect((await catalogue()).body.subscriptions).toHaveLength(3)

    const invoices = await call('GET', ROUTES.invoices, TOKENS.premium)
    expect(invoices.body.upcomingPremium).toMatchObject({ invoiceDate: '2026-04-08', periodStart: '2026-04-08', periodEnd: '2026-05-07' })
    const lines = invoices.body.upcomingPremium.lines.filter((line: { description: string }) => line.description === 'Canal premium TVCine')
    expect(lines).toEqual([
      { description: 'Canal premium TVCine', from: '2026-03-16', to: '2026-04-07', netCents: 904 },
      { description: 'Canal premium TVCine', from: '2026-04-08', to: '2026-05-07', netCents: 1219 },
    ])
    // Sport TV and Pack Infantil are there too.
    expect(invoices.body.upcomingPremium.lines.map((line: { description: string }) => line.description)).toEqual(
      expect.arrayContaining(['Canal premium Sport TV', 'Canal premium Pack Infantil']),
    )
  })

  it('with the same idempotency key twice subscribes once and replays the first answer', async () => {
    const request = { pin: PIN, idempotencyKey: 'key-repeated-ok-01' }
    const first = await subscribe('btv', request)
    const second = await subscribe('btv', request)
    expect(first.status).toBe(201)
    expect(second.status).toBe(200)
    expect(second.body.replayed).toBe(true)
    expect(second.body.subscription.id).toBe(first.body.subscription.id)
    expect(await subscriptionRows('btv')).toHaveLength(1)

    // The same key for another request is refused; a new key for the same product says it is subscribed.
    const reused = await subscribe('pack-musica', request)
    expect(reused.status).toBe(409)
    expect(reused.body.error).toBe('idempotency-key-reused')
    expect(await subscriptionRows('pack-musica')).toHaveLength(0)
    const again = await subscribe('btv', { pin: PIN, idempotencyKey: 'key-repeated-ok-02' })
    expect(again).toEqual({ status: 409, body: { error: 'already-subscribed', reason: 'BTV já está subscrito nesta conta.' } })
    expect(await subscriptionRows('btv')).toHaveLength(1)
  })

  it('sends the same key twice at once and still subscribes once', async () => {
    const request = { pin: PIN, idempotencyKey: 'key-concurrent-01' }
    const answers = await Promise.all([subscribe('pack-musica', request), subscribe('pack-musica', request)])
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 201])
    expect(await subscriptionRows('pack-musica')).toHaveLength(1)
  })

  it('keeps a promotional code’s price on the subscription', async () => {
    const { status, body } = await subscribe('tvcine', { pin: PIN, idempotencyKey: 'key-promo-000001', promoCode: 'CINEMA3' })
    expect(status).toBe(201)
    // 30 % off 1219: 853 before IVA, 10,49 € with it; three months, cut to the code's own last day, 15 April.
    expect(body.subscription).toMatchObject({ monthlyCents: 1049, promo: { monthlyCents: 1049, until: '2026-04-15' } })
    const refused = await subscribe('btv', { pin: PIN, idempotencyKey: 'key-promo-000002', promoCode: 'VERAO' })
    expect(refused.status).toBe(422)
    expect(refused.body.error).toBe('promo-invalid')
    expect(await subscriptionRows('btv')).toHaveLength(0)
  })

  it('refuses profiles that may not subscribe, with the reason, even with the right PIN', async () => {
    const restricted = await subscribe('tvcine', { pin: '9753', idempotencyKey: 'key-restricted-1' }, TOKENS.restricted)
    expect(restricted.status).toBe(403)
    expect(restricted.body).toMatchObject({
      error: 'forbidden',
      reason: 'Os serviços premium só podem ser subscritos ou cancelados pelo Administrador ou Responsável Delegado da conta.',
      allowedProfiles: ['administrador', 'responsavel-delegado'],
    })
    // A Responsável de Faturação sees the catalogue but may not buy.
    await db
      .insertInto('device_token')
      .values({ token: tokenDigest(SECRET, 'test-billing-0001'), account_id: PREMIUM_ACCOUNT, viewer_name: 'Ana', viewer_profile: 'responsavel-faturacao' })
      .execute()
    const seen = await catalogue('test-billing-0001')
    expect(seen.status).toBe(200)
    // Said before anything is chosen, so the app shows why instead of asking for the PIN.
    expect(seen.body.manageDenied).toMatchObject({ denied: true, allowedProfiles: ['administrador', 'responsavel-delegado'] })
    expect((await call('GET', path(ROUTES.premiumProduct, 'tvcine'), 'test-billing-0001')).body.manageDenied.reason).toContain('subscritos ou cancelados')
    expect((await catalogue()).body.manageDenied).toBeNull()
    const billing = await subscribe('tvcine', { pin: PIN, idempotencyKey: 'key-billing-0001' }, 'test-billing-0001')
    expect(billing.status).toBe(403)
    expect(billing.body.error).toBe('forbidden')
    expect(await subscriptionRows('tvcine')).toHaveLength(0)
  })

  it('refuses a malformed request with the field named', async () => {
    const noKey = await subscribe('tvcine', { pin: PIN })
    expect(noKey).toEqual({ status: 400, body: { error: 'bad-request', reason: 'Falta o campo «idempotencyKey».' } })
    const shortPin = await subscribe('tvcine', { pin: '12', idempotencyKey: 'key-malformed-1' })
    expect(shortPin.status).toBe(400)
    expect(shortPin.body.reason).toBe('O campo «pin» não tem o formato esperado.')
  })
})

describe('purchase PIN lock', () => {
  const wrong = (key: string) => subscribe('tvcine', { pin: '1111', idempotencyKey: key })

  it('counts wrong PINs down, locks for 15 minutes at the third, saying until when, then lets the right PIN in', async () => {
    const first = await wrong('key-wrong-pin-01')
    expect(first).toEqual({ status: 403, body: { error: 'wrong-pin', reason: 'PIN de compras errado. Restam 2 tentativas.', triesLeft: 2, locks: 0, nextLockMinutes: 15 } })
    expect((await wrong('key-wrong-pin-02')).body).toMatchObject({ triesLeft: 1, reason: 'PIN de compras errado. Resta 1 tentativa.' })
    const third = await wrong('key-wrong-pin-03')
    expect(third.status).toBe(429)
    expect(Value.Check(PinRefusal, third.body)).toBe(true)
    // 10:00 in Lisbon (UTC in March) + 15 minutes.
    expect(third.body).toEqual({
      error: 'pin-locked',
      reason: 'PIN de compras errado 3 vezes: as compras estão bloqueadas até às 10:15 (15 minutos). Se o PIN voltar a falhar 3 vezes, o bloqueio seguinte dura 1 hora.',
      triesLeft: 0,
      lockedUntil: '2026-03-16T10:15:00.000Z',
      locks: 1,
      lockMinutes: 15,
      nextLockMinutes: 60,
    })
    expect((await catalogue()).body.pin).toEqual({ triesLeft: 0, lockedUntil: '2026-03-16T10:15:00.000Z', locks: 1, lockMinutes: 15, nextLockMinutes: 60 })

    // Even the right PIN waits for the lock to pass; cancelling is locked too.
    // The 429 says when to try again, to the second: 15 minutes at the lock, 1 s before its end.
    expect(await retryAfter('tvcine', { pin: PIN, idempotencyKey: 'key-locked-0000' })).toBe('900')
    clock = new Date('2026-03-16T10:14:59Z')
    expect(await retryAfter('tvcine', { pin: PIN, idempotencyKey: 'key-locked-0003' })).toBe('1')
    expect((await subscribe('tvcine', { pin: PIN, idempotencyKey: 'key-locked-0001' })).status).toBe(429)
    expect((await cancel('sport-tv', { pin: PIN, idempotencyKey: 'key-locked-0002' })).status).toBe(429)
    expect(await subscriptionRows('tvcine')).toHaveLength(0)

    clock = new Date('2026-03-16T10:15:00Z')
    expect((await catalogue()).body.pin).toEqual({ triesLeft: 3, lockedUntil: null, locks: 1, lockMinutes: null, nextLockMinutes: 60 })
    expect((await subscribe('tvcine', { pin: PIN, idempotencyKey: 'key-unlocked-01' })).status).toBe(201)
  })

  it('locks in a row grow to 1 hour, then 24 hours, the holder is told each time, and a right PIN ends the series', async () => {
    const lock = async (series: string) => {
      for (const n of [1, 2]) await wrong(`key-grow-${series}-${n}`)
      return wrong(`key-grow-${series}-3`)
    }
    expect((await lock('a')).body.lockMinutes).toBe(15)
    clock = new Date('2026-03-16T10:15:00Z')
    const second = await lock('b')
    expect(second.status).toBe(429)
    expect(second.body).toMatchObject({ lockedUntil: '2026-03-16T11:15:00.000Z', locks: 2, lockMinutes: 60, nextLockMinutes: 1440 })
    expect(second.body.reason).toBe(
      'PIN de compras errado 3 vezes: as compras estão bloqueadas até às 11:15 (1 hora). É o 2.º bloqueio seguido. Se o PIN voltar a falhar 3 vezes, o bloqueio seguinte dura 24 horas.',
    )
    clock = new Date('2026-03-16T11:15:00Z')
    // Before the PIN is typed again, the catalogue says the next lock is the long one.
    expect((await catalogue()).body.pin).toEqual({ triesLeft: 3, lockedUntil: null, locks: 2, lockMinutes: null, nextLockMinutes: 1440 })
    const third = await lock('c')
    expect(third.body).toMatchObject({ lockedUntil: '2026-03-17T11:15:00.000Z', locks: 3, lockMinutes: 1440 })
    expect(third.body.reason).toMatch(/^PIN de compras errado 3 vezes: as compras estão bloqueadas até 17\/03 às 11:15 \(24 horas\)\. É o 3\.º bloqueio seguido\./)
    expect(await retryAfter('tvcine', { pin: PIN, idempotencyKey: 'key-grow-wait' })).toBe(String(24 * 3600))
    clock = new Date('2026-03-17T11:15:00Z')
    expect((await subscribe('tvcine', { pin: PIN, idempotencyKey: 'key-grow-right' })).body.pin).toEqual({ triesLeft: 3, lockedUntil: null, locks: 0, lockMinutes: null, nextLockMinutes: 15 })
    expect((await lock('d')).body.lockMinutes).toBe(15)
  })

  it('gives all tries back after a right PIN', async () => {
    await wrong('key-reset-00001')
    await wrong('key-reset-00002')
    expect((await catalogue()).body.pin.triesLeft).toBe(1)
    const subscribed = await subscribe('btv', { pin: PIN, idempotencyKey: 'key-reset-00003' })
    expect(subscribed.status).toBe(201)
    // The answer itself says so, so the app's next PIN entry shows the right count.
    expect(subscribed.body.pin).toEqual({ triesLeft: 3, lockedUntil: null, locks: 0, lockMinutes: null, nextLockMinutes: 15 })
    expect((await catalogue()).body.pin.triesLeft).toBe(3)
    expect((await wrong('key-reset-00004')).body.triesLeft).toBe(2)
  })

  it('every demo account’s printed PIN matches its stored hash, and none is 0000 or 1234', async () => {
    const accounts = await db
      .selectFrom('demo_scenario')
      .select(['id', 'purchase_pin', 'account_id'])
      .execute()
    for (const account of accounts) {
      expect(account.purchase_pin, account.id).toMatch(/^\d{4}$/)
      if (DEMO_PINS[account.id]) expect(account.purchase_pin).toBe(DEMO_PINS[account.id]?.pin)
      expect(['0000', '1234']).not.toContain(account.purchase_pin)
      await expect(verifyPurchasePin(db, account.account_id, account.purchase_pin as string, NOW)).resolves.toBeUndefined()
    }
  })

  it('stores only a salted hash of the PIN', async () => {
    const row = await db.selectFrom('purchase_pin').selectAll().where('account_id', '=', PREMIUM_ACCOUNT).executeTakeFirstOrThrow()
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(row.hash).not.toContain(PIN)
    expect(row.salt).toMatch(/^[0-9a-f]{32}$/)
    const other = await db.selectFrom('purchase_pin').select('salt').where('account_id', '!=', PREMIUM_ACCOUNT).execute()
    expect(other.map((r) => r.salt)).not.toContain(row.salt)
  })
})

describe('PUT /v1/premium/pin', () => {
  const setPin = (body: object, token: string = TOKENS.premium) => call('PUT', ROUTES.premiumPin, token, body)

  it('refuses trivial PINs (one digit repeated, straight runs) as a new PIN, and where PINs are stored', async () => {
    expect(await setPin({ currentPin: PIN, newPin: '0000' })).toEqual({
      status: 422,
      body: { error: 'pin-too-weak', reason: 'O PIN 0000 é demasiado fácil de adivinhar (algarismos repetidos ou seguidos): escolha outro.' },
    })
    for (const trivial of ['1234', '7777', '9876', '3456']) expect((await setPin({ currentPin: PIN, newPin: trivial })).body.error).toBe('pin-too-weak')
    expect((await setPin({ currentPin: PIN, newPin: '98765' })).body.reason).toBe('O PIN de compras tem 4 algarismos.')
    await expect(storePurchasePin(db, PREMIUM_ACCOUNT, '1234')).rejects.toThrow('demasiado fácil')
  })

  it('changes the PIN only with the current one', async () => {
    expect((await setPin({ currentPin: '1111', newPin: '4826' })).body.error).toBe('wrong-pin')
    expect(await setPin({ currentPin: PIN, newPin: '4826' })).toEqual({ status: 200, body: { changed: true } })
    expect((await subscribe('btv', { pin: PIN, idempotencyKey: 'key-old-pin-0001' })).body.error).toBe('wrong-pin')
    expect((await subscribe('btv', { pin: '4826', idempotencyKey: 'key-new-pin-0001' })).status).toBe(201)
  })

  it('is refused to the Utilizador profile', async () => {
    expect((await setPin({ currentPin: '9753', newPin: '4826' }, TOKENS.restricted)).status).toBe(403)
  })
})

describe('POST /v1/premium/:id/cancel', () => {
  it('past the minimum period: effective at the end of the billing cycle, and the answer says the date', async () => {
    const { status, body } = await cancel('sport-tv', { pin: PIN, idempotencyKey: 'key-cancel-sport1' })
    expect(status).toBe(200)
    expect(body).toMatchObject({
      action: 'cancelled',
      subscription: { cancellation: { requestedOn: '2026-03-16', endsOn: '2026-04-07', rule: 'billing-cycle' }, cancelToday: null, nextChargeOn: null },
    })
    // Still active until then; the next invoice no longer charges it.
    expect((await catalogue()).body.subscriptions).toHaveLength(2)
    const upcoming = (await call('GET', ROUTES.invoices, TOKENS.premium)).body.upcomingPremium
    expect(upcoming.lines.map((line: { description: string }) => line.description)).not.toContain('Canal premium Sport TV')

    const replay = await cancel('sport-tv', { pin: PIN, idempotencyKey: 'key-cancel-sport1' })
    expect(replay.status).toBe(200)
    expect(replay.body.replayed).toBe(true)
    const again = await cancel('sport-tv', { pin: PIN, idempotencyKey: 'key-cancel-sport2' })
    expect(again).toEqual({
      status: 409,
      body: { error: 'already-cancelled', reason: 'O cancelamento de Sport TV já foi pedido: fica ativo até 07/04/2026.' },
    })
  })

  it('inside the minimum period: effective at its end', async () => {
    const { body } = await cancel('pack-infantil', { pin: PIN, idempotencyKey: 'key-cancel-infan1' })
    expect(body.subscription.cancellation).toEqual({ requestedOn: '2026-03-16', endsOn: '2026-04-09', rule: 'minimum-period' })
    expect(body.subscription.nextChargeOn).toBe('2026-04-08')
  })

  it('what the quote before the PIN says the next invoice charges is what the cancellation then charges', async () => {
    for (const [id, key] of [['pack-infantil', 'key-quote-infan1'], ['sport-tv', 'key-quote-sport1']] as const) {
      const before = (await call('GET', path(ROUTES.premiumProduct, id), TOKENS.premium)).body.subscription
      const { body } = await cancel(id, { pin: PIN, idempotencyKey: key })
      const { nextChargeOn, nextChargeCents, ...cancellation } = before.cancelToday
      expect(body.subscription.cancellation).toEqual(cancellation)
      expect({ nextChargeOn: body.subscription.nextChargeOn, nextChargeCents: body.subscription.nextChargeCents }).toEqual({ nextChargeOn, nextChargeCents })
    }
    // Inside its minimum period Pack Infantil's next charge drops from a month more (11 March – 7 May) to its end, 9 April.
    const infantil = (await catalogue()).body.subscriptions.find((s: { productId: string }) => s.productId === 'pack-infantil')
    expect(infantil.nextChargeCents).toBeLessThan(367 + 406 + Math.round((367 + 406) * 0.23))
  })

  it('less than 10 days before the end of the cycle: at the end of the next one', async () => {
    clock = new Date('2026-03-30T10:00:00Z')
    const { body } = await cancel('sport-tv', { pin: PIN, idempotencyKey: 'key-cancel-late01' })
    expect(body.subscription.cancellation).toEqual({ requestedOn: '2026-03-30', endsOn: '2026-05-07', rule: 'billing-cycle' })
  })

  it('after the last day, the product is available again', async () => {
    await cancel('sport-tv', { pin: PIN, idempotencyKey: 'key-cancel-ended1' })
    clock = new Date('2026-04-08T10:00:00Z')
    const { body } = await catalogue()
    expect(body.subscriptions.map((s: { productId: string }) => s.productId)).toEqual(['pack-infantil'])
    expect(body.products.find((p: { id: string }) => p.id === 'sport-tv').subscribed).toBe(false)
  })

  it('refuses a product that is not subscribed', async () => {
    const { status, body } = await cancel('btv', { pin: PIN, idempotencyKey: 'key-cancel-none01' })
    expect(status).toBe(409)
    expect(body).toEqual({ error: 'not-subscribed', reason: 'BTV não está subscrito nesta conta.' })
  })
})

describe('elsewhere', () => {
  it('the overview lists the active subscriptions for home, and why not to the Utilizador', async () => {
    const premium = await call('GET', ROUTES.overview, TOKENS.premium)
    expect(premium.body.premium.active.map((s: { name: string }) => s.name)).toEqual(['Sport TV', 'Pack Infantil'])
    const restricted = await call('GET', ROUTES.overview, TOKENS.restricted)
    expect(restricted.body.premium).toMatchObject({ denied: true, allowedProfiles: ['administrador', 'responsavel-delegado', 'responsavel-faturacao'] })
  })

  it('the demo list prints each account’s purchase PIN with its token', async () => {
    const { body } = await call('GET', ROUTES.demoScenarios, TOKENS.premium)
    expect(body.items.find((item: { id: string }) => item.id === 'premium')).toMatchObject({ token: TOKENS.premium, purchasePin: PIN })
  })

  it('the healthy account’s Sport TV is a subscription since its invoices first show it', async () => {
    const { body } = await catalogue(TOKENS.healthy)
    expect(body.subscriptions.map((s: { productId: string; inMinimumPeriod: boolean }) => [s.productId, s.inMinimumPeriod])).toEqual([['sport-tv', false]])
  })
})
