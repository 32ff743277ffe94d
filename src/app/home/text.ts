// What home says: one card a section, each a title, a few lines and where OK goes.
// Pure (no stage): HomePage lays the cards out and tests read them.
import type { Overview } from '../../contract'
import { formatDate, formatHours, formatMoney, formatPercent } from '../../domain/format'
import { spokenDate, spokenDuration, spokenMoney, spokenPercent } from '../../domain/spoken'
import { can, denialReason } from '../../domain/permissions'
import { periodText } from '../account/text'
import { t, uiLanguage } from '../kit/i18n'
import { COLOR, TEXT } from '../kit/theme'
import { whenShort } from '../notices/text'
import type { Refusable } from '../access/text'
import type { KeyHint } from '../kit/KeyHints'

export interface CardSpec {
  ref: string
  route: string | null
  title: string
  /** `spoken`: what voice guidance says for a line whose text it would misread ("70,27 €", "05/03/2026"). */
  lines: { text: string; color?: number; size?: number; spoken?: string }[]
  /** A bar along the bottom of the card, filled to `percent` (e.g. the recording quota). */
  meter?: { percent: number; color: number }
}

/** The line under the greeting: holder, contract and profile; a Utilizador is not shown the holder or contract (seed 002), only the profile. */
export function contractLine(overview: Overview): string {
  const profile = t(`profile.${overview.viewer.profile}`)
  const { holderName, contractNumber } = overview.account
  if (holderName === null || contractNumber === null) return profile
  return `${holderName} · ${t('home.contract', { number: contractNumber })} · ${profile}`
}

/**
 * A section the viewer's profile may not see: it says so and the start of why; OK opens
 * the whole reason, who can give access and how (issue 21, 8).
 */
export function deniedCard(ref: string, section: Refusable, title: string, headline: string, reason: string): CardSpec {
  return {
    ref,
    route: `access/${section}`,
    title,
    lines: [{ text: headline, color: COLOR.warning }, { text: reason, size: TEXT.small }, { text: t('home.denied.more'), size: TEXT.small, color: COLOR.muted }],
  }
}

/**
 * Home's cards in reading order as they stand before the overview comes: a frame and a title
 * each (HomePage lays them out while it loads; the shell hides the page meanwhile).
 */
export function cardFrames(): CardSpec[] {
  const titles = { Invoices: 'home.invoices', Notices: 'home.notices', Recordings: 'home.recordings', Account: 'home.account', Premium: 'home.premium' }
  return Object.entries(titles).map(([ref, title]) => ({ ref, route: null, title: t(title), lines: [] }))
}

// The invoices card: the next invoice to pay, how late, or who may see invoices.
export function invoicesCard(overview: Overview): CardSpec {
  const section = overview.invoices
  const title = t('home.invoices')
  if ('denied' in section) return deniedCard('Invoices', 'invoices', title, t('home.invoices.denied'), section.reason)
  const next = section.next
  if (!next || next.status === 'paid') {
    return { ref: 'Invoices', route: 'invoices', title, lines: [{ text: t('home.invoices.none'), color: COLOR.ok }] }
  }
  const late = next.status === 'overdue'
  return {
    ref: 'Invoices',
    route: 'invoices',
    title,
    lines: [
      { text: formatMoney(next.totalCents), size: TEXT.title, spoken: spokenMoney(next.totalCents, uiLanguage()) },
      {
        text: late ? t('home.invoices.late', { days: next.daysOverdue }) : t('home.invoices.due', { date: formatDate(next.dueDate, uiLanguage()) }),
        spoken: late ? undefined : t('home.invoices.due', { date: spokenDate(next.dueDate, uiLanguage()) }),
        color: late ? COLOR.danger : COLOR.text,
      },
      // More than one unpaid: what they add up to, the sum the account owes (issue 21, 10).
      ...(section.unpaidCount > 1
        ? [
            {
              text: t('home.invoices.unpaid', { count: section.unpaidCount, total: formatMoney(section.unpaidTotalCents) }),
              spoken: t('home.invoices.unpaid', { count: section.unpaidCount, total: spokenMoney(section.unpaidTotalCents, uiLanguage()) }),
              size: TEXT.small,
            },
          ]
        : []),
    ],
  }
}

// The notices card: how many are unread and the most urgent one, or that all were read.
export function noticesCard(overview: Overview): CardSpec {
  const { unread, total, mostUrgent } = overview.notices
  const title = t('home.notices')
  if (unread === 0 || !mostUrgent) {
    return {
      ref: 'Notices',
      route: 'notices',
      title,
      lines: [{ text: t('home.notices.none'), color: COLOR.ok }, ...(total > 0 ? [{ text: t('home.notices.total', { count: total }), size: TEXT.small }] : [])],
    }
  }
  return {
    ref: 'Notices',
    route: 'notices',
    title,
    lines: [
      { text: unread === 1 ? t('home.notices.unread.one') : t('home.notices.unread.many', { count: unread }), color: COLOR.warning, size: TEXT.heading },
      { text: mostUrgent.title, size: TEXT.small },
      { text: whenShort(mostUrgent), size: TEXT.small, color: COLOR.muted },
    ],
  }
}

// The recordings card: the quota meter (warning colour over 90 %), how many go
// within 30 days (seed 004 TV §5.9), or who may see recordings (seed 002).
export function recordingsCard(overview: Overview): CardSpec {
  const section = overview.recordings
  const title = t('home.recordings')
  if (!section) return { ref: 'Recordings', route: null, title, lines: [] }
  if ('denied' in section) return deniedCard('Recordings', 'recordings', title, t('home.recordings.denied'), section.reason)
  const { quota } = section
  const lang = uiLanguage()
  const colour = quota.warning ? COLOR.warning : COLOR.accent
  return {
    ref: 'Recordings',
    route: 'recordings',
    title,
    lines: [
      { text: formatPercent(quota.percent), size: TEXT.title, color: quota.warning ? COLOR.warning : COLOR.text, spoken: spokenPercent(quota.percent, lang) },
      {
        text: t('recordings.used', { used: formatHours(quota.usedMinutes), total: formatHours(quota.totalMinutes), percent: formatPercent(quota.percent) }),
        size: TEXT.small,
        spoken: t('recordings.used', { used: spokenDuration(quota.usedMinutes, lang), total: spokenDuration(quota.totalMinutes, lang), percent: spokenPercent(quota.percent, lang) }),
      },
      section.expiringSoon > 0
        ? { text: t('home.recordings.expiring', { count: section.expiringSoon }), size: TEXT.small, color: COLOR.warning }
        : { text: t('home.recordings.count', { count: section.count }), size: TEXT.small },
    ],
    meter: { percent: quota.percent, color: colour },
  }
}

// The account card: not registered yet (opens the QR steps), or the commitment end
// and the points balance; a Utilizador is told why the account is not for them.
export function accountCard(overview: Overview): CardSpec {
  const title = t('home.account')
  const glance = overview.accountGlance
  if (glance && !glance.registered) {
    return {
      ref: 'Account',
      route: 'registration',
      title,
      lines: [
        { text: t('home.account.unregistered'), color: COLOR.warning },
        { text: t('home.account.register'), size: TEXT.small },
      ],
    }
  }
  // Mirror of the server's table: a Utilizador gets a 403 for the account page.
  if (!can(overview.viewer.profile, 'account.read')) {
    return deniedCard('Account', 'account', title, t('home.account.denied'), denialReason('account.read'))
  }
  const lines: CardSpec['lines'] = []
  const commitment = glance?.commitment
  if (commitment === null) lines.push({ text: t('home.account.noCommitment'), color: COLOR.ok })
  else if (commitment && !('denied' in commitment)) {
    lines.push({ text: t('home.account.commitment', { date: formatDate(commitment.endDate, uiLanguage()) }) })
    lines.push({ text: t('home.account.left', { period: periodText(commitment.monthsLeft, commitment.daysLeft) }), size: TEXT.small })
  }
  const points = glance?.points
  if (points && !('denied' in points)) {
    lines.push({ text: t('home.account.points', { points: points.balance }) })
    if (points.expiringSoon > 0) lines.push({ text: t('home.account.expiring', { points: points.expiringSoon }), size: TEXT.small, color: COLOR.warning })
  }
  if (lines.length === 0) lines.push({ text: t('home.account.open') })
  return { ref: 'Account', route: 'account', title, lines }
}

// The premium card: the active subscriptions with their monthly price and, for a
// cancelled one, its last day (seed 004 TV §2.1.1); who may see them (seed 002).
/** Lines a card holds under its title; the rest is counted, not listed. */
const LISTED = 2

export function premiumCard(overview: Overview): CardSpec {
  const section = overview.premium
  const title = t('home.premium')
  if (!section) return { ref: 'Premium', route: null, title, lines: [] }
  if ('denied' in section) return deniedCard('Premium', 'premium', title, t('home.premium.denied'), section.reason)
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

/** What the keys do on home: OK opens the card's section, the arrows move between cards, Back closes the app. */
export function homeKeys(): KeyHint[] {
  return [
    { key: 'ok', label: t('keys.open') },
    { key: 'arrows', label: t('keys.move') },
    { key: 'back', label: t('keys.exit') },
  ]
}
