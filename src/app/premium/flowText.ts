// The subscribe/cancel flow's words (premium/PremiumFlow): what the viewer agrees to
// before the PIN, from the server's quote or cancellation terms, and the one line kept
// over the PIN entry; each with its spoken form.
import type { PinState, PremiumProductDetail } from '../../contract'
import type { Formats } from '../../domain/format'
import { t } from '../kit/i18n'
import type { PremiumAction } from './actions'
import { cancellationLine, type Line, nextChargeLine, paidLine, priceLine, withSpoken } from './text'

export interface FlowSpec {
  action: PremiumAction
  productId: string
  productName: string
  /** What the viewer agrees to, line by line: the server's dates and prices, formatted. */
  summary: Line[]
  /** One line kept over the PIN entry: what the PIN confirms. */
  recap: Line
  pin: PinState
}

/** What the summary states before the PIN (duration, price and minimum period, or the last day), and the recap kept over the PIN. */
function flowWords(detail: PremiumProductDetail, action: PremiumAction, f: Formats): Line[] {
  const { product, subscription, quote } = detail
  if (action === 'subscribe' && quote) {
    const price = priceLine(quote.monthlyCents, quote.promo, f)
    return [
      t('premium.summary.price', { price }),
      t('premium.summary.duration'),
      t('premium.summary.minimum', { days: product.minimumDays, date: f.date(quote.minimumEndsOn) }),
      t('premium.summary.firstCharge', { amount: f.money(quote.firstChargeCents), date: f.date(quote.firstChargeOn) }),
      t('premium.recap.subscribe', { name: product.name, price, date: f.date(quote.minimumEndsOn) }),
    ].map((text) => ({ text }))
  }
  const cancellation = subscription?.cancelToday
  if (!subscription || !cancellation) throw new Error(`nothing to ${action} for ${product.id}`)
  return [
    cancellationLine(cancellation, f),
    t('premium.summary.until', { price: paidLine(subscription, f) }),
    nextChargeLine(cancellation, f),
    t('premium.summary.after', { channels: product.channels.join(', ') }),
    t('premium.recap.cancel', { name: product.name, date: f.date(cancellation.endsOn) }),
  ].map((text) => ({ text }))
}

export function flowSpec(detail: PremiumProductDetail, action: PremiumAction): FlowSpec {
  const lines = withSpoken((f) => flowWords(detail, action, f))
  return { action, productId: detail.product.id, productName: detail.product.name, summary: lines.slice(0, -1), recap: lines[lines.length - 1]!, pin: detail.pin }
}
