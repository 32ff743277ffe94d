// Subscribe and cancel: behind the purchase PIN (pin.ts) and an idempotency key, so a
// double-pressed OK or a retried request never subscribes twice.
import { randomUUID } from 'node:crypto'
import type { PremiumReceipt } from '../../contract'
import { formatDate } from '../../domain/format'
import type { Session } from '../http/context'
import type { Db, PremiumSubscriptionTable } from '../store/db'
import { oncePerKey } from '../store/receipts'
import { activeRows, billingContext, cancelledRow, productRow, toSubscription } from './billing'
import { pinState, verifyPurchasePin } from './pin'
import { termsFor } from './quote'
import { conflict } from './refusals'

/** 201 for a subscription made, 200 for a cancellation (and for any replay). */
type WriteStatus = 200 | 201

interface WriteAnswer {
  status: WriteStatus
  receipt: PremiumReceipt
}

/** What a receipt stores: the PIN state is read fresh for every answer, a replay included. */
type StoredAnswer = { status: WriteStatus; receipt: Omit<PremiumReceipt, 'pin'> }

async function withPin(db: Db, accountId: string, now: Date, answer: StoredAnswer): Promise<WriteAnswer> {
  return { status: answer.status, receipt: { ...answer.receipt, pin: await pinState(db, accountId, now) } }
}

/** Once per idempotency key (store/receipts.ts); the PIN state is read fresh for every answer, a replay included. */
async function once(
  db: Db,
  accountId: string,
  key: string,
  fingerprint: string,
  now: Date,
  write: (trx: Db) => Promise<StoredAnswer>,
): Promise<WriteAnswer> {
  const stored = await oncePerKey(db, accountId, key, fingerprint, now, async (trx) => {
    const answer = await write(trx)
    return { status: answer.status, body: answer.receipt }
  })
  return withPin(db, accountId, now, { status: stored.status === 201 ? 201 : 200, receipt: stored.body })
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
    // The same row the quote before the PIN was read from (cancelToday): what was shown is what is stored.
    const row = cancelledRow(active, ctx, today)
    await trx
      .updateTable('premium_subscription')
      .set({ cancel_requested_on: row.cancel_requested_on, ends_on: row.ends_on, cancel_rule: row.cancel_rule })
      .where('id', '=', active.id)
      .execute()
    return { status: 200, receipt: { action: 'cancelled', subscription: toSubscription(row, product.name, ctx, today), replayed: false } }
  })
}
