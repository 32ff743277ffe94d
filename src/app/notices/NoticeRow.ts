// One notice in the list: headline, kind, channels, effective date and days left,
// the free-exit deadline, "Por ler" and "Aviso tardio" pills. OK opens it.
import { Router } from '@lightningjs/sdk'
import type { NoticeSummary } from '../../contract'
import { FocusBox } from '../kit/FocusBox'
import { t } from '../kit/i18n'
import { PILL, pill } from '../kit/StatusBadge'
import { COLOR, SAFE, TEXT } from '../kit/theme'
import { textSpec } from '../kit/textSpec'
import { freeExitLine, noticeFacts } from './text'

export const ROW = { w: SAFE.w, h: 150 }

export class NoticeRow extends FocusBox {
  notice: NoticeSummary | null = null

  set item(notice: NoticeSummary) {
    this.notice = notice
    const unread = notice.readAt === null
    const textWidth = this.w - PILL.w - 100
    this.fillContent({
      Title: { x: 32, y: 20, ...textSpec(notice.title, { bold: unread, width: textWidth }) },
      Facts: { x: 32, y: 66, ...textSpec(noticeFacts(notice), { size: TEXT.small, color: COLOR.muted, width: textWidth }) },
      Exit: {
        x: 32,
        y: 104,
        visible: !!notice.freeExit?.open,
        ...textSpec(freeExitLine(notice), {
          size: TEXT.small,
          color: COLOR.warning,
          width: textWidth,
        }),
      },
      Unread: { x: this.w - PILL.w - 28, y: 20, visible: unread, ...pill(t('notices.badge.unread'), COLOR.accent) },
      Late: { x: this.w - PILL.w - 28, y: 20 + PILL.h + 12, visible: notice.late, ...pill(t('notices.badge.late'), COLOR.warning) },
    })
  }

  override _handleEnter(): void {
    if (this.notice) Router.navigate(`notices/${this.notice.id}`)
  }
}
