// A home card: a section at a glance. Focusable even when it opens nothing, so a
// refusal or a pending state is read, not skipped (seed 002 profiles).
import { type Lightning, Router } from '@lightningjs/sdk'
import { COLOR, focusGrowth, largeText, SAFE, TEXT } from '../kit/theme'
import { FocusBox } from '../kit/FocusBox'
import { textSpec } from '../kit/textSpec'
import type { CardSpec } from './text'

const CARD_W = 544
/** Cards in a row of home's grid. */
export const COLUMNS = 3

/**
 * A card's size; 52 px taller with large text (issue 18), so a refusal's three lines stay inside it; the grid still ends inside the safe area.
 * The grid starts `inset` in from the safe area's edge and its gaps leave as much at the other end, so a focused card's growth stays inside.
 */
export const CARD = {
  w: CARD_W,
  get h(): number {
    return largeText() ? 352 : 300
  },
  inset: focusGrowth(CARD_W),
  gap: (SAFE.w - COLUMNS * CARD_W - 2 * focusGrowth(CARD_W)) / (COLUMNS - 1),
}

/**
 * The flex margin that leaves `gap` px between a text's last line and the next text: a
 * text's drawn box is its lines plus half its font size below the last baseline (Lightning's
 * text texture), which the margin takes back.
 */
function below(size: number, gap: number): number {
  return gap - Math.round(Math.max(size, TEXT.min) / 2)
}

export class HomeCard extends FocusBox {
  route: string | null = null

  /** Voice guidance: the card's title and lines, each as it is best heard. */
  announce: string[] = []

  set spec(spec: CardSpec) {
    this.route = spec.route
    this.announce = [spec.title, ...spec.lines.map((line) => line.spoken ?? line.text)]
    // A column laid out by the texts' drawn heights (flex), so a line that wraps onto a
    // second one pushes the next line down instead of running into it (issue 21, 4).
    const lines: Record<string, unknown> = {
      Title: { ...textSpec(spec.title, { size: TEXT.body, color: COLOR.muted, width: CARD.w - 72 }), flexItem: { marginBottom: below(TEXT.body, 19) } },
    }
    let lastMargin = 0
    spec.lines.forEach((line, i) => {
      const size = line.size ?? TEXT.body
      lastMargin = below(size, Math.round(size * 0.2))
      lines[`Line${i}`] = { ...textSpec(line.text, { size, color: line.color ?? COLOR.text, width: CARD.w - 72, maxLines: 2 }), flexItem: { marginBottom: lastMargin } }
    })
    if (spec.meter) {
      // In the column, right under the last line's drawn box (its margin taken back): where it
      // always stood with normal text, and pushed down with large text instead of touching it (issue 18).
      const w = CARD.w - 72
      lines.Meter = {
        w,
        h: 16,
        rect: true,
        color: COLOR.background,
        flexItem: { marginTop: -lastMargin },
        Fill: { w: Math.round((w * Math.min(100, Math.max(0, spec.meter.percent))) / 100), h: 16, rect: true, color: spec.meter.color },
      }
    }
    // The card's spec before (its frame, laid out before the overview came): the title keeps its
    // drawn text, the lines and meter are laid anew after it.
    const column = this.tag('Content')!.tag('Lines')
    if (column) for (const old of column.children.filter((child: Lightning.Element) => child.ref !== 'Title')) column.childList.remove(old)
    const content: Record<string, Lightning.Element.PatchTemplate> = { Lines: { x: 36, y: 32, w: CARD.w - 72, flex: { direction: 'column', alignItems: 'flex-start' }, ...lines } }
    this.fillContent(content)
  }

  override _handleEnter(): void {
    if (this.route) Router.navigate(this.route)
  }
}

