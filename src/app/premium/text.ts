// Premium facts as the viewer reads them, shared by the list, the product page and
// the subscribe/cancel flow: every date and price comes from the server's answer.
import type {
  Denied,
  PendingService,
  PinState,
  PremiumCancellation,
  PremiumCatalogue,
  PremiumProduct,
  PremiumProductDetail,
  PremiumSubscription,
  SubscribeQuote,
} from '../../contract'
import { SUPPORT_PHONE } from '../../domain/activation'
import type { Formats } from '../../domain/format'
import { Column } from '../kit/Column'
import { formats, spoken, t } from '../kit/i18n'
import { COLOR, TEXT } from '../kit/theme'
import type { PremiumAction } from './actions'

export interface Line {
  text: string
  color?: number
  /** What voice guidance says instead: the line with its dates and amounts in words. */
  spoken?: string
}

/** Lines as shown, each with its spoken form: the same builder run with the spoken formats. */
export function withSpoken(build: (f: Formats) => Line[]): Line[] {
  const heard = build(formats('spoken'))
  return build(formats()).map((line, i) => ({ ...line, spoken: spoken(heard[i]!.text) }))
}

/** "12,99 €/mês", or the promotional price, until when, and the price after it. */
export function priceLine(monthlyCents: number, promo: PremiumProduct['promo'], f: Formats = formats()): string {
  if (!promo) return t('premium.perMonth', { price: f.money(monthlyCents) })
  return t('premium.promoPrice', { promo: f.money(promo.monthlyCents), until: f.date(promo.until), price: f.money(monthlyCents) })
}

/** What a subscription costs now (its promotional price while it lasts, and until when). */
export function paidLine(subscription: PremiumSubscription, f: Formats = formats()): string {
  const price = f.money(subscription.monthlyCents)
  return subscription.promo ? t('premium.promoRunning', { price, until: f.date(subscription.promo.until) }) : t('premium.perMonth', { price })
}

/** Purchases locked: until when (a lock longer than an hour may end another day, so the day too). Fits the PIN dialog's status. */
export function lockedMessage(pin: PinState, f: Formats = formats()): string {
  const until = pin.lockedUntil as string
  return (pin.lockMinutes ?? 0) > 60 ? t('premium.pin.lockedDay', { when: f.dayTime(until) }) : t('premium.pin.locked', { time: f.timeOfDay(until) })
}

/**
 * Beside a lock, so the holder sees locks grow (issue 15): the how-many-th lock in a row and its
 * length, how long the next one would last, and, for a long lock, how to end it sooner.
 */
export function lockSeriesMessage(pin: PinState, f: Formats = formats()): string {
  const minutes = pin.lockMinutes ?? 0
  const parts = pin.locks > 1 ? [t('premium.pin.series', { count: pin.locks, length: f.duration(minutes) })] : []
  parts.push(t('premium.pin.nextLock', { length: f.duration(pin.nextLockMinutes) }))
  if (minutes >= 60) parts.push(t('premium.pin.unlockSooner', { phone: SUPPORT_PHONE }))
  return parts.join(' ')
}

/** After a lock has passed, before the PIN is typed again: the next lock will be longer. */
export function nextLockWarning(pin: PinState, f: Formats = formats()): string | null {
  return pin.lockedUntil === null && pin.locks > 0 ? t('premium.pin.nextLockWarning', { length: f.duration(pin.nextLockMinutes) }) : null
}

/** Why purchases are refused now, if they are: the viewer's profile (seed 002) or the PIN lock (until when). */
export function refusalLines(pin: PinState, manageDenied: Denied | null, f: Formats = formats()): Required<Pick<Line, 'text' | 'color'>>[] {
  if (manageDenied) {
    return [
      { text: manageDenied.reason, color: COLOR.warning },
      { text: t('denied.whoCanHelp', { profiles: manageDenied.allowedProfiles.map((p) => t(`profile.${p}`)).join(', ') }), color: COLOR.muted },
    ]
  }
  if (pin.lockedUntil) {
    return [
      { text: lockedMessage(pin, f), color: COLOR.danger },
      { text: lockSeriesMessage(pin, f), color: COLOR.muted },
    ]
  }
  return []
}

/** A subscription's state in one line: its last day once cancelled, else the minimum period or plain active. */
export function subscriptionState(subscription: PremiumSubscription, f: Formats = formats()): Required<Pick<Line, 'text' | 'color'>> {
  if (subscription.cancellation) {
    return { text: t('premium.state.ending', { date: f.date(subscription.cancellation.endsOn) }), color: COLOR.warning }
  }
  if (subscription.inMinimumPeriod) return { text: t('premium.state.minimum', { date: f.date(subscription.minimumEndsOn) }), color: COLOR.muted }
  return { text: t('premium.state.active'), color: COLOR.ok }
}

/** The next invoice's charge (a subscription's, or the one a cancellation today leaves), or that nothing more will be charged. */
export function nextChargeLine(charge: Pick<PremiumSubscription, 'nextChargeOn' | 'nextChargeCents'>, f: Formats = formats()): string {
  return charge.nextChargeOn
    ? t('premium.nextCharge', { amount: f.money(charge.nextChargeCents), date: f.date(charge.nextChargeOn) })
    : t('premium.noMoreCharges')
}

/** The day a cancellation takes effect and which rule gives it (004 TV §2.1.1 minimum period, §8.2 cycle). */
export function cancellationLine(cancellation: PremiumCancellation, f: Formats = formats()): string {
  return t(`premium.cancel.${cancellation.rule}`, { date: f.date(cancellation.endsOn) })
}

export function subscribedLines(subscription: PremiumSubscription): Line[] {
  return withSpoken((f) => [
    { text: t('premium.summary.price', { price: paidLine(subscription, f) }) },
    { text: t('premium.minimumUntil', { date: f.date(subscription.minimumEndsOn) }) },
    { text: nextChargeLine(subscription, f) },
  ])
}

export function cancelledLines(subscription: PremiumSubscription): Line[] {
  return withSpoken((f) => [
    { text: subscription.cancellation ? cancellationLine(subscription.cancellation, f) : t('premium.state.active'), color: COLOR.warning },
    { text: nextChargeLine(subscription, f) },
  ])
}

/** A catalogue row's second line: subscribed and its state, a promotion and its end, or the channels. */
export function rowStatus(product: PremiumProduct, subscription: PremiumSubscription | undefined, f: Formats = formats()): Required<Pick<Line, 'text' | 'color'>> {
  if (subscription) {
    const state = subscriptionState(subscription, f)
    return { ...state, text: `${t('premium.subscribed')} · ${state.text}` }
  }
  if (product.promo) {
    return { text: t('premium.promoUntil', { until: f.date(product.promo.until), price: f.money(product.monthlyCents) }), color: COLOR.ok }
  }
  return { text: product.channels.join(', '), color: COLOR.muted }
}

/** A premium service ordered with the contract and not yet active: the 48 h from acceptance and installation (004 TV §6 a). */
export function pendingLine(service: PendingService, f: Formats = formats()): Line & { color: number } {
  const date = service.expectedBy ? f.date(service.expectedBy) : ''
  if (service.activation === 'scheduled') return { text: t('premium.pending.scheduled'), color: COLOR.muted }
  if (service.activation === 'waiting') return { text: t('premium.pending.waiting', { date }), color: COLOR.muted }
  return { text: t('premium.pending.late', { date, phone: SUPPORT_PHONE }), color: COLOR.danger }
}

export function subscriptionsColumn(catalogue: PremiumCatalogue, width: number, f: Formats = formats()): Column {
  const column = new Column(width)
  column.text(t('premium.yours'), { size: TEXT.heading, bold: true })
  for (const line of refusalLines(catalogue.pin, catalogue.manageDenied, f)) column.text(line.text, { size: TEXT.small, color: line.color, maxLines: 3 })
  const pending = catalogue.pending ?? []
  if (catalogue.subscriptions.length === 0 && pending.length === 0) column.text(t('premium.none'), { color: COLOR.muted })
  for (const subscription of catalogue.subscriptions) {
    const state = subscriptionState(subscription, f)
    column
      .gap(10)
      .pair(subscription.name, f.money(subscription.monthlyCents), { bold: true })
      .text(state.text, { size: TEXT.small, color: state.color })
      .text(nextChargeLine(subscription, f), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
  }
  for (const service of pending) {
    const line = pendingLine(service, f)
    column.gap(10).pair(service.name, t('premium.pending'), { bold: true, color: COLOR.warning }).text(line.text, { size: TEXT.small, color: line.color, maxLines: 3 })
  }
  column.gap().text(t('premium.chargesOn', { date: f.date(catalogue.nextInvoiceDate) }), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
  return column
}

function quoteBlock(column: Column, quote: SubscribeQuote, f: Formats): void {
  column
    .gap()
    .text(t('premium.ifSubscribed'), { size: TEXT.heading, bold: true })
    .pair(t('premium.startsOn'), f.date(quote.startsOn))
    .pair(t('premium.minimumEnds'), f.date(quote.minimumEndsOn), { bold: true })
    .pair(t('premium.firstCharge', { date: f.date(quote.firstChargeOn) }), f.money(quote.firstChargeCents), { bold: true })
    .text(t('premium.firstCharge.why'), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
}

export function detailColumn(detail: PremiumProductDetail, width: number, f: Formats = formats()): Column {
  const { product, subscription } = detail
  const column = new Column(width)
  column
    .text(product.description, { maxLines: 2 })
    .text(t('premium.channels', { channels: product.channels.join(', ') }), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
    .gap()
    .pair(t('premium.price', { vat: product.vatRatePercent }), f.money(product.monthlyCents), { bold: true })
  if (product.promo) column.pair(t('premium.promo', { date: f.date(product.promo.until) }), f.money(product.promo.monthlyCents), { color: COLOR.ok })
  column.pair(t('premium.minimum'), t('premium.days', { count: product.minimumDays })).text(t('premium.duration'), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
  if (detail.quote) quoteBlock(column, detail.quote, f)
  if (subscription) {
    const state = subscriptionState(subscription, f)
    column
      .gap()
      .text(t('premium.yourSubscription'), { size: TEXT.heading, bold: true })
      .text(state.text, { color: state.color })
      .pair(t('premium.since'), f.date(subscription.startedOn))
      .pair(t('premium.payingNow'), paidLine(subscription, f))
      .text(nextChargeLine(subscription, f), { size: TEXT.small, maxLines: 2 })
    if (subscription.cancellation) {
      column
        .text(t('premium.cancelRequested', { date: f.date(subscription.cancellation.requestedOn) }), { size: TEXT.small, color: COLOR.muted, bold: true })
        .text(cancellationLine(subscription.cancellation, f), { color: COLOR.warning, maxLines: 2 })
    }
  }
  return column
}

/** Beside the action button: what pressing it would mean, or why there is no button. */
export function actionNotes(detail: PremiumProductDetail, action: PremiumAction | null, f: Formats = formats()): Line[] {
  const notes: Line[] = refusalLines(detail.pin, detail.manageDenied, f)
  const warning = detail.manageDenied ? null : nextLockWarning(detail.pin, f)
  if (warning) notes.push({ text: warning, color: COLOR.warning })
  const cancelToday = detail.subscription?.cancelToday
  if (action === 'cancel' && cancelToday) notes.push({ text: t('premium.ifCancelled'), color: COLOR.muted }, { text: cancellationLine(cancelToday, f), color: COLOR.text })
  if (action) notes.push({ text: t('premium.action.hint'), color: COLOR.muted })
  if (detail.subscription?.cancellation) notes.push({ text: t('premium.alreadyCancelled'), color: COLOR.muted })
  return notes
}

// What voice guidance says (issue 18): the same words, prices and dates in words (domain/spoken).

/** A catalogue row: name, price a month, and the state line. */
export function catalogueSpoken(product: PremiumProduct, subscription: PremiumSubscription | undefined): string {
  const f = formats('spoken')
  const price = subscription ? subscription.monthlyCents : (product.promo?.monthlyCents ?? product.monthlyCents)
  return spoken([product.name, t('premium.perMonth', { price: f.money(price) }), rowStatus(product, subscription, f).text].join('. '))
}

/** The catalogue's main fact on arrival: the subscriptions the account has. */
export function premiumArrival(catalogue: PremiumCatalogue): string {
  const names = catalogue.subscriptions.map((subscription) => subscription.name)
  return names.length ? t('voice.premium.yours', { names: names.join(', ') }) : t('premium.none')
}

/** A product's main fact on arrival: its price a month, then what the button would do or why there is none. */
export function productArrival(detail: PremiumProductDetail, action: PremiumAction | null): string[] {
  const f = formats('spoken')
  const { product, subscription } = detail
  const price = subscription ? paidLine(subscription, f) : priceLine(product.monthlyCents, product.promo, f)
  return [price, ...actionNotes(detail, action, f).map((note) => note.text)].map(spoken)
}
