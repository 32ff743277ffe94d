// notices: channel and contract changes, unread first and the most urgent first (the
// server's order). Each row: headline, kind, channels, effective date and days left,
// "Por ler" and "Aviso tardio" pills. OK opens the notice (and marks it read).
import { Lightning, Router } from '@lightningjs/sdk'
import type { NoticeList, NoticeSummary } from '../../contract'
import { formatDate } from '../../domain/format'
import { t, uiLanguage } from '../i18n'
import { COLOR, SAFE, TEXT } from '../theme'
import { FocusBox } from '../widgets/FocusBox'
import { textSpec } from '../widgets/text'
import { EmptyState } from '../widgets/EmptyState'
import { ReturnFocus, VirtualList } from '../widgets/VirtualList'
import { CONTENT_Y, DataPage } from './DataPage'
import { channelsShort, kindLabel, whenShort } from './noticeText'

const LIST = { w: SAFE.w, rowHeight: 150, spacing: 16, viewportHeight: SAFE.y + SAFE.h - CONTENT_Y - 50 }
const PILL = { w: 220, h: 46 }

function pill(label: string, color: number): Record<string, unknown> {
  return {
    w: PILL.w,
    h: PILL.h,
    rect: true,
    color,
    shader: { type: Lightning.shaders.RoundedRectangle, radius: PILL.h / 2 },
    Label: { x: PILL.w / 2, y: PILL.h / 2 + 2, mount: 0.5, ...textSpec(label, { size: TEXT.min, bold: true, color: COLOR.background }) },
  }
}

export class NoticeRow extends FocusBox {
  notice: NoticeSummary | null = null

  set item(notice: NoticeSummary) {
    this.notice = notice
    const unread = notice.readAt === null
    const facts = [kindLabel(notice), ...(notice.channels.length ? [channelsShort(notice.channels)] : []), whenShort(notice)]
    const textWidth = LIST.w - PILL.w - 100
    this.tag('Content').children = {
      Title: { x: 32, y: 20, ...textSpec(notice.title, { bold: unread, width: textWidth }) },
      Facts: { x: 32, y: 66, ...textSpec(facts.join(' · '), { size: TEXT.small, color: COLOR.muted, width: textWidth }) },
      Exit: {
        x: 32,
        y: 104,
        visible: !!notice.freeExit?.open,
        ...textSpec(notice.freeExit ? t('notices.freeExit', { date: formatDate(notice.freeExit.until, uiLanguage()) }) : '', {
          size: TEXT.small,
          color: COLOR.warning,
          width: textWidth,
        }),
      },
      Unread: { x: LIST.w - PILL.w - 28, y: 20, visible: unread, ...pill(t('notices.badge.unread'), COLOR.accent) },
      Late: { x: LIST.w - PILL.w - 28, y: 20 + PILL.h + 12, visible: notice.late, ...pill(t('notices.badge.late'), COLOR.warning) },
    }
  }

  override _handleEnter(): void {
    if (this.notice) Router.navigate(`notices/${this.notice.id}`)
  }
}

export class NoticesPage extends DataPage<NoticeList> {
  private items: NoticeSummary[] = []
  /** Back from a notice: focus returns to it (the list is rebuilt, and reordered once it is read). */
  private readonly returnFocus = new ReturnFocus()

  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      ...super._template(),
      Content: {
        Count: { x: SAFE.x + SAFE.w, y: SAFE.y + 76, mountX: 1, ...textSpec('', { size: TEXT.body, color: COLOR.warning, align: 'right' }) },
        List: { type: VirtualList, x: SAFE.x, y: CONTENT_Y },
        Empty: { type: EmptyState, x: SAFE.x, y: CONTENT_Y },
      },
    }
  }

  protected render(list: NoticeList): void {
    this.title = t('notices.title')
    this.items = list.items
    this.tag('Count').text.text =
      list.unread === 0 ? '' : list.unread === 1 ? t('home.notices.unread.one') : t('home.notices.unread.many', { count: list.unread })
    ;(this.tag('Empty') as EmptyState).show(list.items.length === 0 ? t('notices.empty') : null)
    ;(this.tag('List') as VirtualList<NoticeSummary>).setup({
      items: list.items,
      width: LIST.w,
      rowHeight: LIST.rowHeight,
      spacing: LIST.spacing,
      viewportHeight: LIST.viewportHeight,
      index: this.returnFocus.index(list.items.map((item) => item.id)),
      row: (notice) => ({ type: NoticeRow, item: notice }) as never,
    })
  }

  /** The SDK Router keeps this state when the page is left and gives it back on Back. */
  override historyState(state?: Record<string, unknown> | null): Record<string, unknown> | null {
    return this.returnFocus.historyState(this.tag('List') as VirtualList, this.items.map((item) => item.id), state)
  }

  protected focusedContent(): Lightning.Component | undefined {
    return this.tag(this.items.length ? 'List' : 'Empty') as Lightning.Component
  }
}
