// Premium subscriptions as the API answers and changes them: stored facts plus
// the rules of domain/premium for today (seed 004 TV §2.1.1, §8.2; seed 001 §12).
// Writes need the purchase PIN (a salted scrypt hash) and an idempotency key.
import { randomBytes, randomUUID, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'
import type {
  Denied,
  PinRefusal,
  PinState,
  PremiumCancellation,
  PremiumCatalogue,
  PremiumOverview,
  PremiumProduct,
  PremiumProductDetail,
  PremiumReceipt,
  PremiumSubscription,
  SubscribeQuote,
  UpcomingPremium,
} from '../../contract'
import { type BillingPeriod, invoiceDates, monthlyPeriod } from '../../domain/billing'
import { addDays, addMonths, compareDates } from '../../domain/dates'
import { formatDate, formatTimeOfDay } from '../../domain/format'
import { divideRounded, VAT_RATE_PERCENT, vatCents } from '../../domain/money'
import {
  afterWrongPin,
  cancellationDate,
  type CancellationRule,
  type ChargeableSubscription,
  chargesOnInvoice,
  inMinimumPeriod,
  minimumPeriodEnd,
  monthlyNetOn,
  PIN_LOCK_MINUTES,
  PIN_MAX_TRIES,
  PIN_RESET,
  pinProblem,
  pinStatus,
} from '../../domain/premium'
import { can, denial } from '../../domain/permissions'
import type { Session } from '../http/context'
import type { Db, PremiumProductTable, PremiumSubscriptionTable } from '../store/db'
import { ApiError, notFound } from '../http/errors'

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>
const HASH_BYTES = 32

// ---------------------------------------------------------------- refusals

function refusal(status: number, body: PinRefusal): ApiError {
  return new ApiError(status, body)
}

const conflict = (error: string, reason: string) => refusal(409, { error, reason })
const unprocessable = (error: string, reason: string) => refusal(422, { error, reason })

// ---------------------------------------------------------------- purchase PIN

async function hashPin(pin: string, salt: Buffer): Promise<Buffer> {
  return scrypt(pin, salt, HASH_BYTES)
}

export interface PinHash {
  salt: string
  hash: string
}

/** A salted scrypt hash of a new purchase PIN; 0000, 1234 and anything but 4 digits are refused (422). */
export async function hashNewPin(pin: string): Promise<PinHash> {
  const problem = pinProblem(pin)
  if (problem) throw unprocessable('pin-too-weak', problem)
  const salt = randomBytes(16)
  return { salt: salt.toString('hex'), hash: (await hashPin(pin, salt)).toString('hex') }
}

/** Keeps a PIN's hash as the account's purchase PIN, with all tries available. */
export async function storePinHash(db: Db, accountId: string, { salt, hash }: PinHash): Promise<void> {
  const values = { salt, hash, failed_attempts: 0, locked_until: null }
  const existing = await db.selectFrom('purchase_pin').select('account_id').where('account_id', '=', accountId).executeTakeFirst()
  if (existing) await db.updateTable('purchase_pin').set(values).where('account_id', '=', accountId).execute()
  else await db.insertInto('purchase_pin').values({ account_id: accountId, ...values }).execute()
}

/** Stores a new purchase PIN; 0000, 1234 and anything but 4 digits are refused (422). */
export async function storePurchasePin(db: Db, accountId: string, pin: string): Promise<void> {
  await storePinHash(db, accountId, await hashNewPin(pin))
}

export async function pinState(db: Db, accountId: string, now: Date): Promise<PinState> {
  const row = await db.selectFrom('purchase_pin').select(['failed_attempts', 'locked_until']).where('account_id', '=', accountId).executeTakeFirst()
  if (!row) return { triesLeft: 0, lockedUntil: null }
  const status = pinStatus({ failedAttempts: row.failed_attempts, lockedUntil: row.locked_until }, now)
  return { triesLeft: status.triesLeft, lockedUntil: status.lockedUntil }
}

function lockedRefusal(lockedUntil: string): ApiError {
  return refusal(429, {
    error: 'pin-locked',
    reason: `PIN de compras errado ${PIN_MAX_TRIES} vezes: as compras estão bloqueadas até às ${formatTimeOfDay(lockedUntil)} (${PIN_LOCK_MINUTES} minutos).`,
    triesLeft: 0,
    lockedUntil,
  })
}

/**
 * Checks the purchase PIN: 429 while purchases are locked (until when), 403 for a wrong PIN (tries left;
 * the third wrong one locks for 15 minutes). A right PIN resets the count.
 */
export async function verifyPurchasePin(db: Db, accountId: string, pin: string, now: Date): Promise<void> {
  const row = await db.selectFrom('purchase_pin').selectAll().where('account_id', '=', accountId).executeTakeFirst()
  if (!row) throw conflict('pin-not-set', 'Esta conta ainda não tem PIN de compras. Defina-o na Área de Cliente ou ligue 16990.')
  const before = pinStatus({ failedAttempts: row.failed_attempts, lockedUntil: row.locked_until }, now)
  if (before.locked && before.lockedUntil) throw lockedRefusal(before.lockedUntil)
  const expected = Buffer.from(row.hash, 'hex')
  const actual = await hashPin(pin, Buffer.from(row.salt, 'hex'))
  const right = actual.length === expected.length && timingSafeEqual(actual, expected)
  // Judged in a transaction from the stored state, not from `row`: other tries of the same PIN
  // may have been judged while this one was hashing. So two wrong PINs at once both count, and a
  // right one that comes after the third wrong one meets its lock (checking the lock only before
  // hashing let many guesses sent at once all be judged).
  const after = await db.transaction().execute(async (trx) => {
    // Lock the row before reading it: PostgreSQL runs transactions side by side, and concurrent
    // tries would all read the same count.
    await trx.updateTable('purchase_pin').set((eb) => ({ failed_attempts: eb.ref('failed_attempts') })).where('account_id', '=', accountId).execute()
    const current = await trx.selectFrom('purchase_pin').select(['failed_attempts', 'locked_until']).where('account_id', '=', accountId).executeTakeFirstOrThrow()
    const attempts = { failedAttempts: current.failed_attempts, lockedUntil: current.locked_until }
    const status = pinStatus(attempts, now)
    if (status.locked) return status
    const next = right ? PIN_RESET : afterWrongPin(attempts, now)
    await trx.updateTable('purchase_pin').set({ failed_attempts: next.failedAttempts, locked_until: next.lockedUntil }).where('account_id', '=', accountId).execute()
    return pinStatus(next, now)
  })
  if (after.locked && after.lockedUntil) throw lockedRefusal(after.lockedUntil)
  if (right) return
  throw refusal(403, {
    error: 'wrong-pin',
    reason: after.triesLeft === 1 ? 'PIN de compras errado. Resta 1 tentativa.' : `PIN de compras errado. Restam ${after.triesLeft} tentativas.`,
    triesLeft: after.triesLeft,
  })
}

// ---------------------------------------------------------------- billing context

interface BillingContext {
  /** The account's next invoice, not yet issued: where new charges go. */
  next: BillingPeriod
  nextInvoiceDate: string
  /** Any period start of the account's cycle. */
  anchor: string
  vatRatePercent: number
}

async function billingContext(db: Db, session: Session, today: string): Promise<BillingContext> {
  const account = await db.selectFrom('account').select(['region', 'activated_on']).where('id', '=', session.account.id).executeTakeFirstOrThrow()
  const latest = await db
    .selectFrom('invoice')
    .select('period_end')
    .where('account_id', '=', session.account.id)
    .orderBy('period_start', 'desc')
    .limit(1)
    .executeTakeFirst()
  // Every issued invoice is stored: the next one starts the day after the newest ends.
  const nextStart = latest ? addDays(latest.period_end, 1) : nextCycleStart(account.activated_on, today)
  const next = monthlyPeriod(nextStart, 0)
  return { next, nextInvoiceDate: invoiceDates(next).invoiceDate, anchor: nextStart, vatRatePercent: VAT_RATE_PERCENT[account.region] }
}

function nextCycleStart(activatedOn: string, today: string): string {
  let start = activatedOn
  while (compareDates(start, today) <= 0) start = addMonths(start, 1)
  return start
}

function gross(netCents: number, vatRatePercent: number): number {
  return netCents + vatCents(netCents, vatRatePercent)
}

// ---------------------------------------------------------------- answers

function toProduct(row: PremiumProductTable, ctx: BillingContext, today: string, subscribed: boolean): PremiumProduct {
  const promoOn = row.promo_net_cents !== null && row.promo_until !== null && compareDates(today, row.promo_until) <= 0
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    channels: row.channels.split('\n').filter(Boolean),
    monthlyCents: gross(row.net_cents, ctx.vatRatePercent),
    vatRatePercent: ctx.vatRatePercent,
    minimumDays: row.minimum_days,
    promo: promoOn ? { monthlyCents: gross(row.promo_net_cents as number, ctx.vatRatePercent), until: row.promo_until as string } : null,
    subscribed,
  }
}

function chargeable(row: PremiumSubscriptionTable): ChargeableSubscription {
  return {
    startedOn: row.started_on,
    endsOn: row.ends_on,
    monthlyNetCents: row.net_cents,
    promoNetCents: row.promo_net_cents,
    promoUntil: row.promo_until,
  }
}

function toSubscription(row: PremiumSubscriptionTable, name: string, ctx: BillingContext, today: string): PremiumSubscription {
  const facts = chargeable(row)
  const charges = chargesOnInvoice(facts, ctx.next)
  const nextNet = charges.reduce((sum, charge) => sum + charge.netCents, 0)
  const promoOn = row.promo_net_cents !== null && row.promo_until !== null && compareDates(today, row.promo_until) <= 0
  const cancellation: PremiumCancellation | null =
    row.ends_on !== null && row.cancel_requested_on !== null
      ? { requestedOn: row.cancel_requested_on, endsOn: row.ends_on, rule: (row.cancel_rule ?? 'billing-cycle') as CancellationRule }
      : null
  return {
    id: row.id,
    productId: row.product_id,
    name,
    monthlyCents: gross(monthlyNetOn(facts, today), ctx.vatRatePercent),
    promo: promoOn ? { monthlyCents: gross(row.promo_net_cents as number, ctx.vatRatePercent), until: row.promo_until as string } : null,
    startedOn: row.started_on,
    minimumEndsOn: minimumPeriodEnd(row.started_on, row.minimum_days),
    inMinimumPeriod: inMinimumPeriod(row.started_on, row.minimum_days, today),
    nextChargeOn: charges.length > 0 ? ctx.nextInvoiceDate : null,
    nextChargeCents: gross(nextNet, ctx.vatRatePercent),
    cancellation,
    cancelToday: cancellation ? null : { requestedOn: today, ...cancellationDate({ startedOn: row.started_on, minimumDays: row.minimum_days }, ctx.anchor, today) },
  }
}

/** Subscriptions still running today (a pending cancellation runs until its last day). */
export async function activeRows(db: Db, accountId: string, today: string, productId?: string) {
  let query = db
    .selectFrom('premium_subscription')
    .innerJoin('premium_product', 'premium_product.id', 'premium_subscription.product_id')
    .selectAll('premium_subscription')
    .select('premium_product.name')
    .where('premium_subscription.account_id', '=', accountId)
    .where((eb) => eb.or([eb('premium_subscription.ends_on', 'is', null), eb('premium_subscription.ends_on', '>=', today)]))
    .orderBy('premium_subscription.started_on')
  if (productId !== undefined) query = query.where('premium_subscription.product_id', '=', productId)
  return query.execute()
}

/** Read-only profiles see the catalogue with the reason they cannot subscribe, before choosing anything. */
function manageDenied(session: Session): Denied | null {
  return can(session.viewer.profile, 'premium.manage') ? null : { denied: true, ...denial('premium.manage') }
}

export async function premiumCatalogue(db: Db, session: Session, today: string, now: Date): Promise<PremiumCatalogue> {
  const ctx = await billingContext(db, session, today)
  const [products, active, pin] = await Promise.all([
    db.selectFrom('premium_product').selectAll().orderBy('position').execute(),
    activeRows(db, session.account.id, today),
    pinState(db, session.account.id, now),
  ])
  const subscribed = new Set(active.map((row) => row.product_id))
  return {
    products: products.map((row) => toProduct(row, ctx, today, subscribed.has(row.id))),
    subscriptions: active.map((row) => toSubscription(row, row.name, ctx, today)),
    nextInvoiceDate: ctx.nextInvoiceDate,
    pin,
    manageDenied: manageDenied(session),
  }
}

async function productRow(db: Db, id: string): Promise<PremiumProductTable> {
  const row = await db.selectFrom('premium_product').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound(`Não existe o produto premium «${id}».`)
  return row
}

/** The promotional price a code gives, checked on the server: unknown, expired or for another product → 422. */
async function promoFromCode(db: Db, code: string, product: PremiumProductTable, today: string) {
  const row = await db.selectFrom('promo_code').selectAll().where('code', '=', code.toUpperCase()).executeTakeFirst()
  if (!row) throw unprocessable('promo-unknown', `O código promocional «${code}» não existe. Confirme as letras e os algarismos.`)
  if (compareDates(today, row.valid_until) > 0) {
    throw unprocessable('promo-expired', `O código promocional «${code}» expirou a ${formatDate(row.valid_until)}.`)
  }
  if (row.product_id !== null && row.product_id !== product.id) {
    throw unprocessable('promo-not-applicable', `O código promocional «${code}» não se aplica a ${product.name}.`)
  }
  return {
    code: row.code,
    netCents: product.net_cents - divideRounded(product.net_cents * row.percent_off, 100),
    until: addDays(addMonths(today, row.months), -1),
  }
}

interface Terms {
  netCents: number
  promoNetCents: number | null
  promoUntil: string | null
  promoCode: string | null
}

/** The terms a subscription made today gets: the list price, and the better of the product's promotion and a code's. */
async function termsFor(db: Db, product: PremiumProductTable, today: string, code: string | undefined): Promise<Terms> {
  const terms: Terms = { netCents: product.net_cents, promoNetCents: null, promoUntil: null, promoCode: null }
  if (product.promo_net_cents !== null && product.promo_until !== null && compareDates(today, product.promo_until) <= 0) {
    terms.promoNetCents = product.promo_net_cents
    terms.promoUntil = product.promo_until
  }
  if (code !== undefined) {
    const promo = await promoFromCode(db, code, product, today)
    if (terms.promoNetCents === null || promo.netCents <= terms.promoNetCents) {
      terms.promoNetCents = promo.netCents
      terms.promoUntil = promo.until
    }
    terms.promoCode = promo.code
  }
  return terms
}

function quoteOf(product: PremiumProductTable, terms: Terms, ctx: BillingContext, today: string): SubscribeQuote {
  const facts: ChargeableSubscription = {
    startedOn: today,
    endsOn: null,
    monthlyNetCents: terms.netCents,
    promoNetCents: terms.promoNetCents,
    promoUntil: terms.promoUntil,
  }
  const firstNet = chargesOnInvoice(facts, ctx.next).reduce((sum, charge) => sum + charge.netCents, 0)
  return {
    startsOn: today,
    minimumEndsOn: minimumPeriodEnd(today, product.minimum_days),
    monthlyCents: gross(terms.netCents, ctx.vatRatePercent),
    promo: terms.promoNetCents !== null && terms.promoUntil !== null ? { monthlyCents: gross(terms.promoNetCents, ctx.vatRatePercent), until: terms.promoUntil } : null,
    promoCode: terms.promoCode,
    firstChargeOn: ctx.nextInvoiceDate,
    firstChargeCents: gross(firstNet, ctx.vatRatePercent),
  }
}

export async function premiumProductDetail(
  db: Db,
  session: Session,
  id: string,
  today: string,
  now: Date,
  promoCode?: string,
): Promise<PremiumProductDetail> {
  const row = await productRow(db, id)
  const ctx = await billingContext(db, session, today)
  const [active] = await activeRows(db, session.account.id, today, id)
  const subscription = active ? toSubscription(active, row.name, ctx, today) : null
  return {
    product: toProduct(row, ctx, today, subscription !== null),
    subscription,
    quote: subscription ? null : quoteOf(row, await termsFor(db, row, today, promoCode), ctx, today),
    pin: await pinState(db, session.account.id, now),
    manageDenied: manageDenied(session),
  }
}

// ---------------------------------------------------------------- idempotent writes

interface WriteAnswer {
  status: number
  receipt: PremiumReceipt
}

/** What a receipt stores: the PIN state is read fresh for every answer, a replay included. */
type StoredAnswer = { status: number; receipt: Omit<PremiumReceipt, 'pin'> }

async function withPin(db: Db, accountId: string, now: Date, answer: StoredAnswer): Promise<WriteAnswer> {
  return { status: answer.status, receipt: { ...answer.receipt, pin: await pinState(db, accountId, now) } }
}

/**
 * Runs a write once per idempotency key: the same key with the same request replays the first answer
 * (a repeated OK never subscribes twice); the same key for another request is refused (409).
 */
async function once(
  db: Db,
  accountId: string,
  key: string,
  fingerprint: string,
  now: Date,
  write: (trx: Db) => Promise<StoredAnswer>,
): Promise<WriteAnswer> {
  const stored = await db.transaction().execute(async (trx): Promise<StoredAnswer> => {
    // One premium write per account at a time: the account's row is locked first (PostgreSQL runs
    // transactions side by side; SQLite one at a time), so a double-pressed OK finds the first one's
    // receipt and a second box finds the first one's subscription, instead of both writing.
    await trx.updateTable('account').set((eb) => ({ activated_on: eb.ref('activated_on') })).where('id', '=', accountId).execute()
    const earlier = await trx
      .selectFrom('write_receipt')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst()
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) {
        throw conflict('idempotency-key-reused', 'Esta chave de idempotência já foi usada para outro pedido: gere uma nova para cada operação.')
      }
      return { status: earlier.status_code, receipt: { ...(JSON.parse(earlier.body) as StoredAnswer['receipt']), replayed: true } }
    }
    const answer = await write(trx as unknown as Db)
    await trx
      .insertInto('write_receipt')
      .values({
        account_id: accountId,
        idempotency_key: key,
        fingerprint,
        status_code: answer.status,
        body: JSON.stringify(answer.receipt),
        created_at: now.toISOString(),
      })
      .execute()
    return answer
  })
  return withPin(db, accountId, now, stored)
}

export async function subscribe(
  db: Db,
  session: Session,
  id: string,
  request: { pin: string; idempotencyKey: string; promoCode?: string },
  today: string,
  now: Date,
): Promise<WriteAnswer> {
  const product = await productRow(db, id)
  await verifyPurchasePin(db, session.account.id, request.pin, now)
  const fingerprint = `subscribe:${id}:${request.promoCode?.toUpperCase() ?? ''}`
  return once(db, session.account.id, request.idempotencyKey, fingerprint, now, async (trx) => {
    const [active] = await activeRows(trx, session.account.id, today, id)
    if (active) {
      const pending = active.ends_on ? ` (cancelamento pedido: ativo até ${formatDate(active.ends_on)})` : ''
      throw conflict('already-subscribed', `${product.name} já está subscrito nesta conta${pending}.`)
    }
    const terms = await termsFor(trx, product, today, request.promoCode)
    const row: PremiumSubscriptionTable = {
      id: `sub-${randomUUID()}`,
      account_id: session.account.id,
      product_id: product.id,
      started_on: today,
      minimum_days: product.minimum_days,
      net_cents: terms.netCents,
      promo_net_cents: terms.promoNetCents,
      promo_until: terms.promoUntil,
      promo_code: terms.promoCode,
      cancel_requested_on: null,
      ends_on: null,
      cancel_rule: null,
    }
    await trx.insertInto('premium_subscription').values(row).execute()
    const ctx = await billingContext(trx, session, today)
    return { status: 201, receipt: { action: 'subscribed', subscription: toSubscription(row, product.name, ctx, today), replayed: false } }
  })
}

export async function cancel(
  db: Db,
  session: Session,
  id: string,
  request: { pin: string; idempotencyKey: string },
  today: string,
  now: Date,
): Promise<WriteAnswer> {
  const product = await productRow(db, id)
  await verifyPurchasePin(db, session.account.id, request.pin, now)
  return once(db, session.account.id, request.idempotencyKey, `cancel:${id}`, now, async (trx) => {
    const [active] = await activeRows(trx, session.account.id, today, id)
    if (!active) throw conflict('not-subscribed', `${product.name} não está subscrito nesta conta.`)
    if (active.ends_on) {
      throw conflict('already-cancelled', `O cancelamento de ${product.name} já foi pedido: fica ativo até ${formatDate(active.ends_on)}.`)
    }
    const ctx = await billingContext(trx, session, today)
    const date = cancellationDate({ startedOn: active.started_on, minimumDays: active.minimum_days }, ctx.anchor, today)
    await trx
      .updateTable('premium_subscription')
      .set({ cancel_requested_on: today, ends_on: date.endsOn, cancel_rule: date.rule })
      .where('id', '=', active.id)
      .execute()
    const row: PremiumSubscriptionTable = { ...active, cancel_requested_on: today, ends_on: date.endsOn, cancel_rule: date.rule }
    return { status: 200, receipt: { action: 'cancelled', subscription: toSubscription(row, product.name, ctx, today), replayed: false } }
  })
}

export async function changePurchasePin(db: Db, session: Session, currentPin: string, newPin: string, now: Date): Promise<void> {
  const problem = pinProblem(newPin)
  if (problem) throw unprocessable('pin-too-weak', problem)
  await verifyPurchasePin(db, session.account.id, currentPin, now)
  await storePurchasePin(db, session.account.id, newPin)
}

// ---------------------------------------------------------------- elsewhere: invoices, home

/** How a premium product is named on invoices and among the account's services. */
export function premiumLineName(productName: string): string {
  return `Canal premium ${productName}`
}

/** Premium charges the next invoice will carry: the invoices section shows them before it is issued. */
export async function upcomingPremium(db: Db, session: Session, today: string): Promise<UpcomingPremium> {
  const ctx = await billingContext(db, session, today)
  const rows = await db
    .selectFrom('premium_subscription')
    .innerJoin('premium_product', 'premium_product.id', 'premium_subscription.product_id')
    .selectAll('premium_subscription')
    .select('premium_product.name')
    .where('premium_subscription.account_id', '=', session.account.id)
    .where((eb) => eb.or([eb('premium_subscription.ends_on', 'is', null), eb('premium_subscription.ends_on', '>=', addMonths(ctx.next.periodStart, -1))]))
    .orderBy('premium_subscription.started_on')
    .execute()
  const lines = rows.flatMap((row) =>
    chargesOnInvoice(chargeable(row), ctx.next).map((charge) => ({ description: premiumLineName(row.name), ...charge })),
  )
  const net = lines.reduce((sum, line) => sum + line.netCents, 0)
  return {
    invoiceDate: ctx.nextInvoiceDate,
    periodStart: ctx.next.periodStart,
    periodEnd: ctx.next.periodEnd,
    lines,
    totalCents: gross(net, ctx.vatRatePercent),
  }
}

export async function premiumOverview(db: Db, session: Session, today: string): Promise<PremiumOverview> {
  const ctx = await billingContext(db, session, today)
  const rows = await activeRows(db, session.account.id, today)
  return {
    active: rows.map((row) => ({ name: row.name, monthlyCents: gross(monthlyNetOn(chargeable(row), today), ctx.vatRatePercent), endsOn: row.ends_on })),
  }
}
