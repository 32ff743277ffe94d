// access/:section: a section home refused, explained in full (issue 21, 8). Left:
// the whole reason and who may see the section; right: how the Administrador gives
// access in the Área de Cliente (seed 002) and how to register there (seed 000).
// Nothing to act on: the page holds focus, Left/Right choose the panel the arrows
// scroll, Back returns home to the card that opened it.
import type { Lightning } from '@lightningjs/sdk'
import { Column, type Paragraph } from '../kit/Column'
import { CONTENT_Y, DataPage } from '../kit/DataPage'
import { ScrollPanel } from '../kit/ScrollPanel'
import { SAFE } from '../kit/theme'
import { ref } from '../kit/ref'
import { howToGetAccess, refusalTitle, whoMaySee, type Refusal } from './text'

const GAP = 40
const HEIGHT = SAFE.y + SAFE.h - CONTENT_Y - 10
const HALF = Math.round((SAFE.w - GAP) / 2)

function panelColumn(paragraphs: Paragraph[]): Column {
  return paragraphs.reduce((column, paragraph) => column.paragraph(paragraph), new Column(HALF))
}

export class AccessPage extends DataPage<Refusal> {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
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
    ref(this, 'Who', ScrollPanel).fill(panelColumn(whoMaySee(refusal)))
    ref(this, 'How', ScrollPanel).fill(panelColumn(howToGetAccess()))
    this.markScrolled()
  }

  protected override scrollPanels(): ScrollPanel[] {
    return [ref(this, 'Who', ScrollPanel), ref(this, 'How', ScrollPanel)]
  }

  protected focusedContent(): undefined {
    return undefined
  }
}
