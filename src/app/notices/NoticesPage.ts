// notices: channel and contract changes, unread first and the most urgent first (the
// server's order), read a page at a time around the focus (noticesWindow). OK on a row
// opens the notice (and marks it read).
import { Lightning } from '@lightningjs/sdk'
import type { NoticeList, NoticeSummary } from '../../contract'
import { CONTENT_Y } from '../kit/DataPage'
import { t } from '../kit/i18n'
import { type ListContent, ListPage, type ListPageSpec, pagedLayout } from '../kit/ListPage'
import { COLOR, SAFE, TEXT } from '../kit/theme'
import { textSpec } from '../kit/textSpec'
import { noticesWindow } from './actions'
import { NoticeRow, ROW } from './NoticeRow'
import { noticesArrival, noticeSpoken, unreadCount } from './text'

const LIST = { spacing: 16, viewportHeight: SAFE.y + SAFE.h - CONTENT_Y - 50 }

interface NoticesPageSpec extends ListPageSpec {
  Content: ListContent & { Count: object }
}

export class NoticesPage extends ListPage<NoticeList, NoticeSummary, NoticesPageSpec> {
  static override _template(): Lightning.Component.Template<NoticesPageSpec> {
    const { List, Empty } = ListPage.listTemplate(SAFE.x, CONTENT_Y)
    return {
      ...super._template(),
      Content: {
        Count: { x: SAFE.x + SAFE.w, y: SAFE.y + 76, mountX: 1, ...textSpec('', { size: TEXT.body, color: COLOR.warning, align: 'right' }) },
        List: { ...List, signals: { indexChanged: '_focusMoved' } },
        Empty,
      },
    }
  }

  protected idOf(notice: NoticeSummary): string {
    return notice.id
  }

  protected render(list: NoticeList): void {
    this.title = t('notices.title')
    this.tag('Content.Count')!.text!.text = unreadCount(list.unread)
    this.arrival = [noticesArrival(list)]
    this.showList(
      noticesWindow(list),
      pagedLayout(NoticeRow, ROW, LIST.spacing, LIST.viewportHeight, noticeSpoken),
      t('notices.empty'),
    )
  }
}
