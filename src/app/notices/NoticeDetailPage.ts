// notices/:id: one notice in plain pt-PT (the words: ./text.ts). Left: what changes
// and when; right: what the subscriber can do. Opening it marked it read on the
// server (the route's provider). Back returns where the viewer was: the list, or home
// when the notice was opened from the start-up banner (the Router's history).
import { Lightning } from '@lightningjs/sdk'
import type { NoticeDetail } from '../../contract'
import { Column, type Paragraph } from '../kit/Column'
import { CONTENT_Y, DataPage, type DataPageSpec } from '../kit/DataPage'
import { ScrollPanel } from '../kit/ScrollPanel'
import { COLOR, SAFE, TEXT } from '../kit/theme'
import { textSpec } from '../kit/textSpec'
import { kindLabel, noticePanelsSpoken, whatAndWhen, whatYouCanDo } from './text'

const PANEL = { h: SAFE.y + SAFE.h - CONTENT_Y - 10, gap: 40 }
const LEFT_W = Math.round((SAFE.w - PANEL.gap) * 0.55)
const RIGHT = { x: SAFE.x + LEFT_W + PANEL.gap, w: SAFE.w - LEFT_W - PANEL.gap }

function stack(paragraphs: Paragraph[], width: number): Column {
  const column = new Column(width)
  for (const paragraph of paragraphs) column.paragraph(paragraph)
  return column
}

interface NoticeDetailPageSpec extends DataPageSpec {
  Content: { Kind: object; What: typeof ScrollPanel; Do: typeof ScrollPanel }
}

export class NoticeDetailPage extends DataPage<NoticeDetail, NoticeDetailPageSpec> {
  static override _template(): Lightning.Component.Template<NoticeDetailPageSpec> {
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
    this.tag('Content.Kind')!.text!.text = kindLabel(notice)
    // The kind, unless the title already says it ("Atualização anual de preços").
    this.arrival = kindLabel(notice) === notice.title ? [] : [kindLabel(notice)]
    const heard = noticePanelsSpoken(notice)
    this.tag('Content.What')!.fill(stack(whatAndWhen(notice), LEFT_W), heard.what)
    this.tag('Content.Do')!.fill(stack(whatYouCanDo(notice), RIGHT.w), heard.toDo)
    this.markScrolled()
  }

  protected override scrollPanels(): ScrollPanel[] {
    return [this.tag('Content.What')!, this.tag('Content.Do')!]
  }

  /** Nothing here to act on: the page itself holds focus, and the arrows read the panels. */
  protected focusedContent(): undefined {
    return undefined
  }
}
