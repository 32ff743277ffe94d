// What the premium answers are made of: the account's next invoice (where new charges go),
// the stored products and subscriptions, and how they read today (domain/premium rules).
import type { PremiumCancellation, PremiumProduct, PremiumSubscription } from '../../contract'
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

export function toSubscription(row: PremiumSubscriptionTable, name: string, ctx: BillingContext, today: string): PremiumSubscription {
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

export async function productRow(db: Db, id: string): Promise<PremiumProductTable> {
  const row = await db.selectFrom('premium_product').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound(`Não existe o produto premium «${id}».`)
  return row
}

/** How a premium product is named on invoices and among the account's services. */
export function premiumLineName(productName: string): string {
  return `Canal premium ${productName}`
}
