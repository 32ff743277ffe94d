// The premium card: the active subscriptions with their monthly price and, for a
// cancelled one, its last day (seed 004 TV §2.1.1); who may see them (seed 002).
import type { Overview } from '../../../contract'
import { formatDate, formatMoney } from '../../../domain/format'
import { t, uiLanguage } from '../../i18n'
import { COLOR, TEXT } from '../../theme'
import { type CardSpec, deniedCard } from './HomeCard'

/** Lines a card holds under its title; the rest is counted, not listed. */
const LISTED = 2

export function premiumCard(overview: Overview): CardSpec {
  const section = overview.premium
  const title = t('home.premium')
  if (!section) return { ref: 'Premium', route: null, title, lines: [] }
  if ('denied' in section) return deniedCard('Premium', title, t('home.premium.denied'), section.reason)
  const { active } = section
  if (active.length === 0) {
    return { ref: 'Premium', route: 'premium', title, lines: [{ text: t('home.premium.none') }, { text: t('home.premium.browse'), size: TEXT.small, color: COLOR.muted }] }
  }
  const lines: CardSpec['lines'] = [{ text: active.length === 1 ? t('home.premium.active.one') : t('home.premium.active.many', { count: active.length }) }]
  for (const subscription of active.slice(0, LISTED)) {
    lines.push(
      subscription.endsOn
        ? { text: t('home.premium.ends', { name: subscription.name, date: formatDate(subscription.endsOn, uiLanguage()) }), size: TEXT.small, color: COLOR.warning }
        : { text: t('home.premium.monthly', { name: subscription.name, price: formatMoney(subscription.monthlyCents) }), size: TEXT.small },
    )
  }
  if (active.length > LISTED) lines.push({ text: t('premium.more', { count: active.length - LISTED }), size: TEXT.small, color: COLOR.muted })
  return { ref: 'Premium', route: 'premium', title, lines }
}
