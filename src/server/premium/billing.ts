// What the premium answers are made of: the account's next invoice (where new charges go),
// the stored products and subscriptions, and how they read today (domain/premium rules).
import type { PremiumCancellation, PremiumCancelQuote, PremiumProduct, PremiumSubscription } from '../../contract'
import { type BillingPeriod, invoiceDates, monthlyPeriod } from '../../domain/billing'
import { addDays, addMonths, compareDates } from '../../domain/dates'
import { VAT_RATE_PERCENT, vatCents } from '../../domain/money'
import {
  cancellationDate,
  type CancellationRule,
  type ChargeableSubscription,
  chargesOnInvoice,
  inMinimumPeriod,
  minimumPeriodEnd,
  monthlyNetOn,
} from '../../domain/premium'
import type { Session } from '../http/context'
import { notFound } from '../http/errors'
import type { Db, PremiumProductTable, PremiumSubscriptionTable } from '../store/db'

export interface BillingContext {
  /** The account's next invoice, not yet issued: where new charges go. */
  next: BillingPeriod
  nextInvoiceDate: string
  /** Any period start of the account's cycle. */
  anchor: string
  vatRatePercent: number
}

export async function billingContext(db: Db, session: Session, today: string): Promise<BillingContext> {
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

export function gross(netCents: number, vatRatePercent: number): number {
  return netCents + vatCents(netCents, vatRatePercent)
}

export function toProduct(row: PremiumProductTable, ctx: BillingContext, today: string, subscribed: boolean): PremiumProduct {
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

export function chargeable(row: PremiumSubscriptionTable): ChargeableSubscription {
  return {
    startedOn: row.started_on,
    endsOn: row.ends_on,
    monthlyNetCents: row.net_cents,
    promoNetCents: row.promo_net_cents,
    promoUntil: row.promo_until,
  }
}

/** What the account's next invoice charges for a subscription stored as `row`. */
function nextCharge(row: PremiumSubscriptionTable, ctx: BillingContext): { nextChargeOn: string | null; nextChargeCents: number } {
  const charges = chargesOnInvoice(chargeable(row), ctx.next)
  const nextNet = charges.reduce((sum, charge) => sum + charge.netCents, 0)
  return { nextChargeOn: charges.length > 0 ? ctx.nextInvoiceDate : null, nextChargeCents: gross(nextNet, ctx.vatRatePercent) }
}

function cancellationOf(row: PremiumSubscriptionTable): PremiumCancellation | null {
  return row.ends_on !== null && row.cancel_requested_on !== null
    ? { requestedOn: row.cancel_requested_on, endsOn: row.ends_on, rule: (row.cancel_rule ?? 'billing-cycle') as CancellationRule }
    : null
}

/**
 * The row as a cancellation asked for today leaves it (004 TV §2.1.1 minimum period, §8.2
 * cycle): what the cancel write stores, and what the quote before the PIN is read from.
 */
export function cancelledRow(row: PremiumSubscriptionTable, ctx: BillingContext, today: string): PremiumSubscriptionTable {
  const date = cancellationDate({ startedOn: row.started_on, minimumDays: row.minimum_days }, ctx.anchor, today)
  return { ...row, cancel_requested_on: today, ends_on: date.endsOn, cancel_rule: date.rule }
}

function cancelQuote(row: PremiumSubscriptionTable, ctx: BillingContext, today: string): PremiumCancelQuote {
  const cancelled = cancelledRow(row, ctx, today)
  return { ...(cancellationOf(cancelled) as PremiumCancellation), ...nextCharge(cancelled, ctx) }
}

export function toSubscription(row: PremiumSubscriptionTable, name: string, ctx: BillingContext, today: string): PremiumSubscription {
  const facts = chargeable(row)
  const promoOn = row.promo_net_cents !== null && row.promo_until !== null && compareDates(today, row.promo_until) <= 0
  const cancellation = cancellationOf(row)
  return {
    id: row.id,
    productId: row.product_id,
    name,
    monthlyCents: gross(monthlyNetOn(facts, today), ctx.vatRatePercent),
    promo: promoOn ? { monthlyCents: gross(row.promo_net_cents as number, ctx.vatRatePercent), until: row.promo_until as string } : null,
    startedOn: row.started_on,
    minimumEndsOn: minimumPeriodEnd(row.started_on, row.minimum_days),
    inMinimumPeriod: inMinimumPeriod(row.started_on, row.minimum_days, today),
    ...nextCharge(row, ctx),
    cancellation,
    cancelToday: cancellation ? null : cancelQuote(row, ctx, today),
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

export async function productRow(db: Db, id: string): Promise<PremiumProductTable> {
  const row = await db.selectFrom('premium_product').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound(`Não existe o produto premium «${id}».`)
  return row
}

/** How a premium product is named on invoices and among the account's services. */
export function premiumLineName(productName: string): string {
  return `Canal premium ${productName}`
}
