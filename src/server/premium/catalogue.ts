// Premium as the API reads it (seed 004 TV §2.1.1, §8.2; seed 001 §12): the catalogue with
// the account's subscriptions, one product with its quote, the charges the next invoice will
// carry and the home screen's glance.
import type { Denied, PremiumCatalogue, PremiumOverview, PremiumProductDetail, UpcomingPremium } from '../../contract'
import { addMonths } from '../../domain/dates'
import { chargesOnInvoice, monthlyNetOn } from '../../domain/premium'
import { can, denial } from '../../domain/permissions'
import type { Session } from '../http/context'
import type { Db } from '../store/db'
import { activeRows, billingContext, chargeable, gross, premiumLineName, productRow, toProduct, toSubscription } from './billing'
import { pendingServices } from '../account/service'
import { pinState } from './pin'
import { quoteOf, termsFor } from './quote'

/** Read-only profiles see the catalogue with the reason they cannot subscribe, before choosing anything. */
function manageDenied(session: Session): Denied | null {
  return can(session.viewer.profile, 'premium.manage') ? null : { denied: true, ...denial('premium.manage') }
}

export async function premiumCatalogue(db: Db, session: Session, today: string, now: Date): Promise<PremiumCatalogue> {
  const ctx = await billingContext(db, session, today)
  const [products, active, pin, pending] = await Promise.all([
    db.selectFrom('premium_product').selectAll().orderBy('position').execute(),
    activeRows(db, session.account.id, today),
    pinState(db, session.account.id, now),
    pendingServices(db, session.account.id, today, 'premium'),
  ])
  const subscribed = new Set(active.map((row) => row.product_id))
  return {
    products: products.map((row) => toProduct(row, ctx, today, subscribed.has(row.id))),
    subscriptions: active.map((row) => toSubscription(row, row.name, ctx, today)),
    pending,
    nextInvoiceDate: ctx.nextInvoiceDate,
    pin,
    manageDenied: manageDenied(session),
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
