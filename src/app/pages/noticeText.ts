// How a notice reads on screen, shared by the list, the detail, the banner and the
// home card: every word from the translations, every date through domain/format.
import type { NoticeChannel, NoticeSummary } from '../../contract'
import { formatDate } from '../../domain/format'
import { t, uiLanguage } from '../i18n'

export function kindLabel(notice: Pick<NoticeSummary, 'kind'>): string {
  return t(`notice.kind.${notice.kind}`)
}

/** "faltam 12 dias", "falta 1 dia", "hoje". */
export function leftText(days: number): string {
  if (days <= 0) return t('notice.left.today')
  return days === 1 ? t('notice.left.one') : t('notice.left.many', { days })
}

/** "A partir de 05/12/2026 · faltam 12 dias" or "Em vigor desde 11/11/2026". */
export function whenShort(notice: Pick<NoticeSummary, 'effectiveOn' | 'daysLeft'>): string {
  const date = formatDate(notice.effectiveOn, uiLanguage())
  if (notice.daysLeft < 0) return t('notice.since', { date })
  return `${t('notice.from', { date })} · ${leftText(notice.daysLeft)}`
}

/** "Fox Life (25 → –), Star Life (– → 25)": each channel's number before and after. */
export function channelsShort(channels: readonly NoticeChannel[]): string {
  return channels.map((channel) => t('notice.channel.short', { name: channel.name, before: channel.before ?? '–', after: channel.after ?? '–' })).join(', ')
}

/** One sentence per channel: added, removed or moved. */
export function channelSentence(channel: NoticeChannel): string {
  if (channel.before === null && channel.after !== null) return t('notice.channel.added', { name: channel.name, after: channel.after })
  if (channel.after === null && channel.before !== null) return t('notice.channel.removed', { name: channel.name, before: channel.before })
  return t('notice.channel.moved', { name: channel.name, before: channel.before ?? '–', after: channel.after ?? '–' })
}
