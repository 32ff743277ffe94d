// Premium facts as the viewer reads them, shared by the list, the product page and
// the subscribe/cancel flow: every date and price comes from the server's answer.
import type { Denied, PinState, PremiumCancellation, PremiumProduct, PremiumSubscription } from '../../contract'
import { formatDate, formatMoney, formatTimeOfDay } from '../../domain/format'
import { t, uiLanguage } from '../i18n'
import { COLOR } from '../theme'

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

export function lockedMessage(lockedUntil: string): string {
  return t('premium.pin.locked', { time: formatTimeOfDay(lockedUntil, uiLanguage()) })
}

/** Why purchases are refused now, if they are: the viewer's profile (seed 002) or the PIN lock (until when). */
export function refusalLines(pin: PinState, manageDenied: Denied | null): Required<Line>[] {
  if (manageDenied) {
    return [
      { text: manageDenied.reason, color: COLOR.warning },
      { text: t('denied.whoCanHelp', { profiles: manageDenied.allowedProfiles.map((p) => t(`profile.${p}`)).join(', ') }), color: COLOR.muted },
    ]
  }
  if (pin.lockedUntil) return [{ text: lockedMessage(pin.lockedUntil), color: COLOR.danger }]
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
