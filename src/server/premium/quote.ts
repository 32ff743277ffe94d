// The terms and the quote of a subscription made today: the list price, the product's
// promotion or a promotional code's (checked here, never on the box), the first charge.
import type { SubscribeQuote } from '../../contract'
import { compareDates } from '../../domain/dates'
import { formatDate } from '../../domain/format'
import { divideRounded } from '../../domain/money'
import { type ChargeableSubscription, chargesOnInvoice, minimumPeriodEnd, promotionUntil } from '../../domain/premium'
import type { Db, PremiumProductTable } from '../store/db'
import { type BillingContext, gross } from './billing'
import { unprocessable } from './refusals'

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
    until: promotionUntil(today, row.months, row.valid_until),
  }
}

export interface Terms {
  netCents: number
  promoNetCents: number | null
  promoUntil: string | null
  promoCode: string | null
}

/** The terms a subscription made today gets: the list price, and the better of the product's promotion and a code's. */
export async function termsFor(db: Db, product: PremiumProductTable, today: string, code: string | undefined): Promise<Terms> {
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

export function quoteOf(product: PremiumProductTable, terms: Terms, ctx: BillingContext, today: string): SubscribeQuote {
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
