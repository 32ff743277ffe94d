// notices/:id: one notice in plain pt-PT. Left: what changes and when (with the lead
// time the seed requires, when it was not met). Right: what the subscriber can do,
// for a contract change the free-exit deadline. Opening it marked it read on the
// server (the route's provider). Back returns to the list, even when the notice was
// opened from the start-up banner.
import { Lightning, Router } from '@lightningjs/sdk'
import type { NoticeDetail } from '../../contract'
import { MIN_PRICE_UPDATE_GROSS_CENTS } from '../../domain/billing'
import { daysBetween } from '../../domain/dates'
import { formatDate, formatLongDate, formatMoney } from '../../domain/format'
import { t, uiLanguage } from '../i18n'
import { COLOR, SAFE, TEXT } from '../theme'
import { textSpec } from '../widgets/text'
import { CONTENT_Y, DataPage } from './DataPage'
import { ScrollPanel } from './InvoiceDetailPage'
import { channelSentence, kindLabel, leftText } from './noticeText'

const PANEL = { h: SAFE.y + SAFE.h - CONTENT_Y - 10, pad: 32, gap: 40 }
const LEFT_W = Math.round((SAFE.w - PANEL.gap) * 0.55)
const RIGHT = { x: SAFE.x + LEFT_W + PANEL.gap, w: SAFE.w - LEFT_W - PANEL.gap }
/** Roboto's mean advance is about half the font size; a little more keeps wrapped paragraphs from overlapping. */
const CHAR_WIDTH_EM = 0.55

type Paragraph = { text: string; size?: number; color?: number; bold?: boolean }

/** Stacks paragraphs top to bottom; each takes as many lines as its text needs at that width. */
function stack(paragraphs: Paragraph[], width: number): { rows: Record<string, unknown>; height: number } {
  const rows: Record<string, unknown> = {}
  let y = PANEL.pad
  paragraphs.forEach((paragraph, i) => {
    const size = paragraph.size ?? TEXT.body
    const inner = width - 2 * PANEL.pad
    const lines = Math.max(1, Math.ceil((paragraph.text.length * size * CHAR_WIDTH_EM) / inner))
    rows[`P${i}`] = { x: PANEL.pad, y, ...textSpec(paragraph.text, { ...paragraph, size, width: inner, maxLines: lines + 1 }) }
    y += Math.round(size * 1.3) * lines + (paragraph.bold ? 8 : 18)
  })
  return { rows, height: y }
}

const heading = (text: string): Paragraph => ({ text, size: TEXT.small, color: COLOR.muted, bold: true })

export function whatAndWhen(notice: NoticeDetail): Paragraph[] {
  const lang = uiLanguage()
  const paragraphs: Paragraph[] = [heading(t('notice.section.what'))]
  for (const channel of notice.channels) paragraphs.push({ text: channelSentence(channel) })
  for (const text of notice.details) paragraphs.push({ text })
  paragraphs.push(heading(t('notice.section.when')))
  const date = formatLongDate(notice.effectiveOn, lang)
  if (notice.daysLeft > 0) paragraphs.push({ text: t('notice.when.future', { date, left: leftText(notice.daysLeft) }), bold: true })
  else if (notice.daysLeft === 0) paragraphs.push({ text: t('notice.when.today', { date }), bold: true })
  else paragraphs.push({ text: t('notice.when.past', { date }) })
  paragraphs.push({ text: t('notice.when.announced', { date: formatDate(notice.announcedOn, lang) }), size: TEXT.small, color: COLOR.muted })
  if (notice.late && notice.noticeDueBy) {
    const key = notice.kind.startsWith('channel-') ? 'notice.when.lateChannel' : 'notice.when.lateContract'
    const days = Math.max(0, daysBetween(notice.announcedOn, notice.effectiveOn))
    paragraphs.push({ text: t(key, { days, date: formatDate(notice.noticeDueBy, lang) }), color: COLOR.warning })
  }
  if (notice.unforeseeable) paragraphs.push({ text: t('notice.when.unforeseeable'), size: TEXT.small, color: COLOR.muted })
  return paragraphs
}

export function whatYouCanDo(notice: NoticeDetail): Paragraph[] {
  const lang = uiLanguage()
  const paragraphs: Paragraph[] = [heading(t('notice.section.do'))]
  if (notice.kind.startsWith('channel-')) {
    paragraphs.push({ text: t('notice.do.channel') }, { text: t('notice.do.complain'), size: TEXT.small })
    return paragraphs
  }
  if (!notice.contractChange) {
    paragraphs.push({ text: t('notice.do.priceUpdate', { amount: formatMoney(MIN_PRICE_UPDATE_GROSS_CENTS) }) })
    return paragraphs
  }
  const exit = notice.freeExit
  if (exit?.open) {
    paragraphs.push(
      { text: t('notice.do.exitOpen', { date: formatLongDate(exit.until, lang), left: leftText(exit.daysLeft ?? 0) }), color: COLOR.warning, bold: true },
      { text: t('notice.do.exitEffect') },
      { text: t('notice.do.exitHow'), size: TEXT.small },
      { text: t('notice.do.accept') },
    )
  } else if (exit) {
    paragraphs.push({ text: t('notice.do.exitClosed', { date: formatLongDate(exit.until, lang) }) })
  } else {
    paragraphs.push({ text: t(`notice.do.noExit.${notice.contractEffect ?? 'neutral'}`) })
  }
  return paragraphs
}

export class NoticeDetailPage extends DataPage<NoticeDetail> {
  private focusRight = false

  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      ...super._template(),
      Content: {
        Kind: { x: SAFE.x + SAFE.w, y: SAFE.y + 76, mountX: 1, ...textSpec('', { size: TEXT.body, color: COLOR.muted, align: 'right' }) },
        What: { type: ScrollPanel, x: SAFE.x, y: CONTENT_Y, w: LEFT_W, h: PANEL.h },
        Do: { type: ScrollPanel, x: RIGHT.x, y: CONTENT_Y, w: RIGHT.w, h: PANEL.h },
      },
    }
  }

  protected render(notice: NoticeDetail): void {
    this.title = notice.title
    this.tag('Kind').text.text = kindLabel(notice)
    const what = stack(whatAndWhen(notice), LEFT_W)
    ;(this.tag('What') as ScrollPanel).fill(what.rows, what.height)
    const todo = stack(whatYouCanDo(notice), RIGHT.w)
    ;(this.tag('Do') as ScrollPanel).fill(todo.rows, todo.height)
  }

  override _handleLeft(): void {
    this.focusRight = false
  }

  override _handleRight(): void {
    this.focusRight = true
  }

  /** Back goes to the list: it came before this notice in history, or (opened from the banner) it is put there. */
  override _handleBack(): void {
    const history = Router.getHistory()
    if (history[history.length - 1]?.hash === 'notices') Router.back()
    else Router.navigate('notices', false)
  }

  protected focusedContent(): Lightning.Component {
    return this.tag(this.focusRight ? 'Do' : 'What') as Lightning.Component
  }
}
