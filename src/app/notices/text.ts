// How a notice reads on screen, shared by the list, the detail, the banner and the
// home card: every word from the translations, every date through domain/format.
// The detail's two columns are paragraphs (seed 004 TV §2.1.3, general §5).
import type { NoticeChannel, NoticeDetail, NoticeList, NoticeSummary } from '../../contract'
import { MIN_PRICE_UPDATE_GROSS_CENTS } from '../../domain/billing'
import { daysBetween } from '../../domain/dates'
import type { Formats } from '../../domain/format'
import { spokenCount, type Gender } from '../../domain/spoken'
import type { Paragraph } from '../kit/Column'
import { formats, spoken, t, uiLanguage } from '../kit/i18n'
import { COLOR, TEXT } from '../kit/theme'

export function kindLabel(notice: Pick<NoticeSummary, 'kind'>): string {
  return t(`notice.kind.${notice.kind}`)
}

/** "faltam 12 dias", "falta 1 dia", "hoje". */
export function leftText(days: number): string {
  if (days <= 0) return t('notice.left.today')
  return days === 1 ? t('notice.left.one') : t('notice.left.many', { days })
}

/** "A partir de 05/12/2026 · faltam 12 dias" or "Em vigor desde 11/11/2026". */
export function whenShort(notice: Pick<NoticeSummary, 'effectiveOn' | 'daysLeft'>, f: Formats = formats()): string {
  const date = f.date(notice.effectiveOn)
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

/** The row's second line: kind · channels · when. */
export function noticeFacts(notice: NoticeSummary): string {
  return [kindLabel(notice), ...(notice.channels.length ? [channelsShort(notice.channels)] : []), whenShort(notice)].join(' · ')
}

/** "Pode rescindir sem custos até …" while a contract change's free exit is open; else empty. */
export function freeExitLine(notice: Pick<NoticeSummary, 'freeExit'>, f: Formats = formats()): string {
  return notice.freeExit ? t('notices.freeExit', { date: f.date(notice.freeExit.until) }) : ''
}

const heading = (text: string): Paragraph => ({ text, size: TEXT.small, color: COLOR.muted, bold: true })

export function whatAndWhen(notice: NoticeDetail, f: Formats = formats()): Paragraph[] {
  const paragraphs: Paragraph[] = [heading(t('notice.section.what'))]
  for (const channel of notice.channels) paragraphs.push({ text: channelSentence(channel) })
  for (const text of notice.details) paragraphs.push({ text })
  paragraphs.push(heading(t('notice.section.when')))
  const date = f.longDate(notice.effectiveOn)
  if (notice.daysLeft > 0) paragraphs.push({ text: t('notice.when.future', { date, left: leftText(notice.daysLeft) }), bold: true })
  else if (notice.daysLeft === 0) paragraphs.push({ text: t('notice.when.today', { date }), bold: true })
  else paragraphs.push({ text: t('notice.when.past', { date }) })
  paragraphs.push({ text: t('notice.when.announced', { date: f.date(notice.announcedOn) }), size: TEXT.small, color: COLOR.muted })
  if (notice.late && notice.noticeDueBy) {
    const key = notice.kind.startsWith('channel-') ? 'notice.when.lateChannel' : 'notice.when.lateContract'
    const days = Math.max(0, daysBetween(notice.announcedOn, notice.effectiveOn))
    paragraphs.push({ text: t(key, { days, date: f.date(notice.noticeDueBy) }), color: COLOR.warning })
  }
  if (notice.unforeseeable) paragraphs.push({ text: t('notice.when.unforeseeable'), size: TEXT.small, color: COLOR.muted })
  return paragraphs
}

export function whatYouCanDo(notice: NoticeDetail, f: Formats = formats()): Paragraph[] {
  const paragraphs: Paragraph[] = [heading(t('notice.section.do'))]
  if (notice.kind.startsWith('channel-')) {
    paragraphs.push({ text: t('notice.do.channel') }, { text: t('notice.do.complain'), size: TEXT.small })
    return paragraphs
  }
  if (!notice.contractChange) {
    paragraphs.push({ text: t('notice.do.priceUpdate', { amount: f.money(MIN_PRICE_UPDATE_GROSS_CENTS) }) })
    return paragraphs
  }
  const exit = notice.freeExit
  if (exit?.open) {
    paragraphs.push(
      { text: t('notice.do.exitOpen', { date: f.longDate(exit.until), left: leftText(exit.daysLeft ?? 0) }), color: COLOR.warning, bold: true },
      { text: t('notice.do.exitEffect') },
      { text: t('notice.do.exitHow'), size: TEXT.small },
      { text: t('notice.do.accept') },
    )
  } else if (exit) {
    paragraphs.push({ text: t('notice.do.exitClosed', { date: f.longDate(exit.until) }) })
  } else {
    paragraphs.push({ text: t(`notice.do.noExit.${notice.contractEffect ?? 'neutral'}`) })
  }
  return paragraphs
}

/** "1 aviso por ler", "3 avisos por ler"; empty when all were read. */
export function unreadCount(unread: number): string {
  if (unread === 0) return ''
  return unread === 1 ? t('home.notices.unread.one') : t('home.notices.unread.many', { count: unread })
}

// What voice guidance says (issue 18): the same sentences, dates and amounts in words (domain/spoken).

/** A row: its title, whether it is unread or late, the kind, each channel's change in a sentence, when, and the free exit. */
export function noticeSpoken(notice: NoticeSummary): string {
  const f = formats('spoken')
  return [
    notice.title,
    notice.readAt === null ? t('notices.badge.unread') : '',
    notice.late ? t('notices.badge.late') : '',
    kindLabel(notice),
    ...notice.channels.map(channelSentence),
    whenShort(notice, f),
    notice.freeExit?.open ? freeExitLine(notice, f) : '',
  ]
    .map((part) => spoken(part.replace(/[.:]$/, '')))
    .filter((part, i, parts) => part && parts.indexOf(part) === i)
    .join('. ')
}

/** The list's main fact on arrival: how many are unread. */
export function noticesArrival(list: NoticeList): string {
  if (list.unread === 0) return t('voice.notices.unread.none')
  const noun = { one: t('voice.noun.notice.one'), other: t('voice.noun.notice.other'), gender: t('voice.noun.notice.gender') as Gender }
  return t('voice.notices.unread', { count: spokenCount(list.unread, noun, uiLanguage()) })
}

/** A notice's panels as heard: what changes and when, then what the subscriber can do. */
export function noticePanelsSpoken(notice: NoticeDetail): { what: string[]; toDo: string[] } {
  const f = formats('spoken')
  const texts = (paragraphs: Paragraph[]) => paragraphs.map((paragraph) => spoken(paragraph.text))
  return { what: texts(whatAndWhen(notice, f)), toDo: texts(whatYouCanDo(notice, f)) }
}
