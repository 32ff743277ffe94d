// access/:section: a section home refused, explained in full (issue 21, 8). Left:
// the whole reason and who may see the section; right: how the Administrador gives
// access in the Área de Cliente (seed 002) and how to register there (seed 000).
// Nothing to act on: the page holds focus, Left/Right choose the panel the arrows
// scroll, Back returns home to the card that opened it.
import type { Lightning } from '@lightningjs/sdk'
import { Column, type Paragraph } from '../kit/Column'
import { CONTENT_Y, DataPage, type DataPageSpec } from '../kit/DataPage'
import { ScrollPanel } from '../kit/ScrollPanel'
import { SAFE } from '../kit/theme'
import { howToGetAccess, refusalTitle, whoMaySee, type Refusal } from './text'

const GAP = 40
const HEIGHT = SAFE.y + SAFE.h - CONTENT_Y - 10
const HALF = Math.round((SAFE.w - GAP) / 2)

function panelColumn(paragraphs: Paragraph[]): Column {
  return paragraphs.reduce((column, paragraph) => column.paragraph(paragraph), new Column(HALF))
}

interface AccessPageSpec extends DataPageSpec {
  Content: { Who: typeof ScrollPanel; How: typeof ScrollPanel }
}

export class AccessPage extends DataPage<Refusal, AccessPageSpec> {
  static override _template(): Lightning.Component.Template<AccessPageSpec> {
    return {
      ...super._template(),
      Content: {
        Who: { type: ScrollPanel, x: SAFE.x, y: CONTENT_Y, w: HALF, h: HEIGHT },
        How: { type: ScrollPanel, x: SAFE.x + HALF + GAP, y: CONTENT_Y, w: HALF, h: HEIGHT },
      },
    }
  }

  protected render(refusal: Refusal): void {
    this.title = refusalTitle(refusal)
    this.arrival = [refusal.denied.reason]
    this.tag('Content.Who')!.fill(panelColumn(whoMaySee(refusal)))
    this.tag('Content.How')!.fill(panelColumn(howToGetAccess()))
    this.markScrolled()
  }

  protected override scrollPanels(): ScrollPanel[] {
    return [this.tag('Content.Who')!, this.tag('Content.How')!]
  }

  protected focusedContent(): undefined {
    return undefined
  }
}
