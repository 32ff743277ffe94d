// Premium facts as the viewer reads them, shared by the list, the product page and
// the subscribe/cancel flow: every date and price comes from the server's answer.
import type {
  Denied,
  PinState,
  PremiumCancellation,
  PremiumCatalogue,
  PremiumProduct,
  PremiumProductDetail,
  PremiumSubscription,
  SubscribeQuote,
} from '../../contract'
import { formatDate, formatDayTime, formatDuration, formatMoney, formatTimeOfDay } from '../../domain/format'
import { Column } from '../kit/Column'
import { t, uiLanguage } from '../kit/i18n'
import { COLOR, TEXT } from '../kit/theme'
import type { PremiumAction } from './actions'

export interface Line {
  text: string
  color?: number
}

/** "12,99 €/mês", or the promotional price, until when, and the price after it. */
export function priceLine(monthlyCents: number, promo: PremiumProduct['promo']): string {
  if (!promo) return t('premium.perMonth', { price: formatMoney(monthlyCents) })
  return t('premium.promoPrice', { promo: formatMoney(promo.monthlyCents), until: formatDate(promo.until, uiLanguage()), price: formatMoney(monthlyCents) })
}

/** What a subscription costs now (its promotional price while it lasts, and until when). */
export function paidLine(subscription: PremiumSubscription): string {
  const price = formatMoney(subscription.monthlyCents)
  return subscription.promo ? t('premium.promoRunning', { price, until: formatDate(subscription.promo.until, uiLanguage()) }) : t('premium.perMonth', { price })
}

/** Purchases locked: until when (a lock longer than an hour may end another day, so the day too). Fits the PIN dialog's status. */
export function lockedMessage(pin: PinState): string {
  const until = pin.lockedUntil as string
  return (pin.lockMinutes ?? 0) > 60 ? t('premium.pin.lockedDay', { when: formatDayTime(until) }) : t('premium.pin.locked', { time: formatTimeOfDay(until, uiLanguage()) })
}

/**
 * Beside a lock, so the holder sees locks grow (issue 15): the how-many-th lock in a row and its
 * length, how long the next one would last, and, for a long lock, how to end it sooner.
 */
export function lockSeriesMessage(pin: PinState): string {
  const minutes = pin.lockMinutes ?? 0
  const parts = pin.locks > 1 ? [t('premium.pin.series', { count: pin.locks, length: formatDuration(minutes) })] : []
  parts.push(t('premium.pin.nextLock', { length: formatDuration(pin.nextLockMinutes) }))
  if (minutes >= 60) parts.push(t('premium.pin.unlockSooner'))
  return parts.join(' ')
}

/** After a lock has passed, before the PIN is typed again: the next lock will be longer. */
export function nextLockWarning(pin: PinState): string | null {
  return pin.lockedUntil === null && pin.locks > 0 ? t('premium.pin.nextLockWarning', { length: formatDuration(pin.nextLockMinutes) }) : null
}

/** Why purchases are refused now, if they are: the viewer's profile (seed 002) or the PIN lock (until when). */
export function refusalLines(pin: PinState, manageDenied: Denied | null): Required<Line>[] {
  if (manageDenied) {
    return [
      { text: manageDenied.reason, color: COLOR.warning },
      { text: t('denied.whoCanHelp', { profiles: manageDenied.allowedProfiles.map((p) => t(`profile.${p}`)).join(', ') }), color: COLOR.muted },
    ]
  }
  if (pin.lockedUntil) {
    return [
      { text: lockedMessage(pin), color: COLOR.danger },
      { text: lockSeriesMessage(pin), color: COLOR.muted },
    ]
  }
  return []
}

/** A subscription's state in one line: its last day once cancelled, else the minimum period or plain active. */
export function subscriptionState(subscription: PremiumSubscription): Required<Line> {
  const lang = uiLanguage()
  if (subscription.cancellation) {
    return { text: t('premium.state.ending', { date: formatDate(subscription.cancellation.endsOn, lang) }), color: COLOR.warning }
  }
  if (subscription.inMinimumPeriod) return { text: t('premium.state.minimum', { date: formatDate(subscription.minimumEndsOn, lang) }), color: COLOR.muted }
  return { text: t('premium.state.active'), color: COLOR.ok }
}

/** The next invoice's charge for it, or that nothing more will be charged. */
export function nextChargeLine(subscription: PremiumSubscription): string {
  return subscription.nextChargeOn
    ? t('premium.nextCharge', { amount: formatMoney(subscription.nextChargeCents), date: formatDate(subscription.nextChargeOn, uiLanguage()) })
    : t('premium.noMoreCharges')
}

/** The day a cancellation takes effect and which rule gives it (004 TV §2.1.1 minimum period, §8.2 cycle). */
export function cancellationLine(cancellation: PremiumCancellation): string {
  return t(`premium.cancel.${cancellation.rule}`, { date: formatDate(cancellation.endsOn, uiLanguage()) })
}

export function subscribedLines(subscription: PremiumSubscription): Line[] {
  return [
    { text: t('premium.summary.price', { price: paidLine(subscription) }) },
    { text: t('premium.minimumUntil', { date: formatDate(subscription.minimumEndsOn, uiLanguage()) }) },
    { text: nextChargeLine(subscription) },
  ]
}

export function cancelledLines(subscription: PremiumSubscription): Line[] {
  return [
    { text: subscription.cancellation ? cancellationLine(subscription.cancellation) : t('premium.state.active'), color: COLOR.warning },
    { text: nextChargeLine(subscription) },
  ]
}

/** A catalogue row's second line: subscribed and its state, a promotion and its end, or the channels. */
export function rowStatus(product: PremiumProduct, subscription: PremiumSubscription | undefined): Required<Line> {
  if (subscription) {
    const state = subscriptionState(subscription)
    return { ...state, text: `${t('premium.subscribed')} · ${state.text}` }
  }
  if (product.promo) {
    return { text: t('premium.promoUntil', { until: formatDate(product.promo.until, uiLanguage()), price: formatMoney(product.monthlyCents) }), color: COLOR.ok }
  }
  return { text: product.channels.join(', '), color: COLOR.muted }
}

export function subscriptionsColumn(catalogue: PremiumCatalogue, width: number): Column {
  const lang = uiLanguage()
  const column = new Column(width)
  column.text(t('premium.yours'), { size: TEXT.heading, bold: true })
  for (const line of refusalLines(catalogue.pin, catalogue.manageDenied)) column.text(line.text, { size: TEXT.small, color: line.color, maxLines: 3 })
  if (catalogue.subscriptions.length === 0) column.text(t('premium.none'), { color: COLOR.muted })
  for (const subscription of catalogue.subscriptions) {
    const state = subscriptionState(subscription)
    column
      .gap(10)
      .pair(subscription.name, formatMoney(subscription.monthlyCents), { bold: true })
      .text(state.text, { size: TEXT.small, color: state.color })
      .text(nextChargeLine(subscription), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
  }
  column.gap().text(t('premium.chargesOn', { date: formatDate(catalogue.nextInvoiceDate, lang) }), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
  return column
}

export interface FlowSpec {
  action: PremiumAction
  productId: string
  productName: string
  /** What the viewer agrees to, line by line: the server's dates and prices, formatted. */
  summary: string[]
  /** One line kept over the PIN entry: what the PIN confirms. */
  recap: string
  pin: PinState
}

function quoteBlock(column: Column, quote: SubscribeQuote): void {
  const lang = uiLanguage()
  column
    .gap()
    .text(t('premium.ifSubscribed'), { size: TEXT.heading, bold: true })
    .pair(t('premium.startsOn'), formatDate(quote.startsOn, lang))
    .pair(t('premium.minimumEnds'), formatDate(quote.minimumEndsOn, lang), { bold: true })
    .pair(t('premium.firstCharge', { date: formatDate(quote.firstChargeOn, lang) }), formatMoney(quote.firstChargeCents), { bold: true })
    .text(t('premium.firstCharge.why'), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
}

export function detailColumn(detail: PremiumProductDetail, width: number): Column {
  const lang = uiLanguage()
  const { product, subscription } = detail
  const column = new Column(width)
  column
    .text(product.description, { maxLines: 2 })
    .text(t('premium.channels', { channels: product.channels.join(', ') }), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
    .gap()
    .pair(t('premium.price', { vat: product.vatRatePercent }), formatMoney(product.monthlyCents), { bold: true })
  if (product.promo) column.pair(t('premium.promo', { date: formatDate(product.promo.until, lang) }), formatMoney(product.promo.monthlyCents), { color: COLOR.ok })
  column.pair(t('premium.minimum'), t('premium.days', { count: product.minimumDays })).text(t('premium.duration'), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
  if (detail.quote) quoteBlock(column, detail.quote)
  if (subscription) {
    const state = subscriptionState(subscription)
    column
      .gap()
      .text(t('premium.yourSubscription'), { size: TEXT.heading, bold: true })
      .text(state.text, { color: state.color })
      .pair(t('premium.since'), formatDate(subscription.startedOn, lang))
      .pair(t('premium.payingNow'), paidLine(subscription))
      .text(nextChargeLine(subscription), { size: TEXT.small, maxLines: 2 })
    if (subscription.cancellation) {
      column
        .text(t('premium.cancelRequested', { date: formatDate(subscription.cancellation.requestedOn, lang) }), { size: TEXT.small, color: COLOR.muted, bold: true })
        .text(cancellationLine(subscription.cancellation), { color: COLOR.warning, maxLines: 2 })
    }
  }
  return column
}

/** What the summary states before the PIN: duration, price and minimum period, or the last day. */
export function flowSpec(detail: PremiumProductDetail, action: PremiumAction): FlowSpec {
  const lang = uiLanguage()
  const { product, subscription, quote } = detail
  if (action === 'subscribe' && quote) {
    const price = priceLine(quote.monthlyCents, quote.promo)
    return {
      action,
      productId: product.id,
      productName: product.name,
      summary: [
        t('premium.summary.price', { price }),
        t('premium.summary.duration'),
        t('premium.summary.minimum', { days: product.minimumDays, date: formatDate(quote.minimumEndsOn, lang) }),
        t('premium.summary.firstCharge', { amount: formatMoney(quote.firstChargeCents), date: formatDate(quote.firstChargeOn, lang) }),
      ],
      recap: t('premium.recap.subscribe', { name: product.name, price, date: formatDate(quote.minimumEndsOn, lang) }),
      pin: detail.pin,
    }
  }
  const cancellation = subscription?.cancelToday
  if (!subscription || !cancellation) throw new Error(`nothing to ${action} for ${product.id}`)
  return {
    action,
    productId: product.id,
    productName: product.name,
    summary: [cancellationLine(cancellation), t('premium.summary.until', { price: paidLine(subscription) }), nextChargeLine(subscription), t('premium.summary.after', { channels: product.channels.join(', ') })],
    recap: t('premium.recap.cancel', { name: product.name, date: formatDate(cancellation.endsOn, lang) }),
    pin: detail.pin,
  }
}

/** Beside the action button: what pressing it would mean, or why there is no button. */
export function actionNotes(detail: PremiumProductDetail, action: PremiumAction | null): Line[] {
  const notes: Line[] = refusalLines(detail.pin, detail.manageDenied)
  const warning = detail.manageDenied ? null : nextLockWarning(detail.pin)
  if (warning) notes.push({ text: warning, color: COLOR.warning })
  const cancelToday = detail.subscription?.cancelToday
  if (action === 'cancel' && cancelToday) notes.push({ text: t('premium.ifCancelled'), color: COLOR.muted }, { text: cancellationLine(cancelToday), color: COLOR.text })
  if (action) notes.push({ text: t('premium.action.hint'), color: COLOR.muted })
  if (detail.subscription?.cancellation) notes.push({ text: t('premium.alreadyCancelled'), color: COLOR.muted })
  return notes
}
