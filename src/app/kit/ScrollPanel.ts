// A panel of text that may be taller than its box. It never takes focus (focus is
// for what a viewer can act on): the page scrolls it with Up/Down. It scrolls and
// cuts by whole rows, so no line is ever half shown, and a scroll bar on its right
// edge shows there is more and where the viewer is. The panel Up/Down move has a
// thin outline (`scrolling`) when a page has more than one.
import { Lightning } from '@lightningjs/sdk'
import { type Column, PANEL_STYLE } from './Column'
import { panelBackground } from './FocusBox'
import { COLOR } from './theme'

/** One press moves about four rows. */
const STEP = PANEL_STYLE.row * 4
const BAR = { w: 6, inset: 12 }

/** The Viewport's Content holds a column's rows, built at run time. */
export interface ScrollPanelSpec extends Lightning.Component.TemplateSpec {
  Background: object
  Viewport: { Content: typeof Lightning.Element }
  Bar: { Thumb: object }
}

export class ScrollPanel extends Lightning.Component<ScrollPanelSpec> {
  private lines: { top: number; bottom: number }[] = []
  /** How far the content is moved up: the top of a row, less the panel's padding. */
  private shift = 0

  static override _template(): Lightning.Component.Template<ScrollPanelSpec> {
    return {
      Background: panelBackground(COLOR.accent),
      Viewport: { clipping: true, Content: {} },
      Bar: { rect: true, color: COLOR.background, visible: false, Thumb: { rect: true, color: COLOR.muted, shader: null } },
    }
  }

  /** What voice guidance says of the panel (the feature's text.ts; else the texts it shows, in order). */
  announce: string[] = []

  /** Whether Up/Down move this panel now (pages with two panels): a thin outline says so. */
  set scrolling(active: boolean) {
    this.tag('Background')!.patch({ shader: { stroke: active ? 2 : 0 } })
  }

  fill(column: Pick<Column, 'rows' | 'lines' | 'texts'>, spoken?: string[]): void {
    this.announce = spoken ?? column.texts()
    this.lines = column.lines
    this.shift = 0
    const content = this.tag('Viewport.Content')!
    // A reused page (Router keeps it alive) must not keep rows of what it showed before:
    // an object patch only adds and updates children by ref, it never removes them.
    content.childList.clear()
    content.childList.patch(column.rows)
    this.layout()
  }

  /** Whether there is more below what is shown (or above, once scrolled). */
  get more(): { above: boolean; below: boolean } {
    const last = this.lines[this.lines.length - 1]
    return { above: this.shift > 0, below: !!last && last.bottom - this.shift > this.shownHeight() }
  }

  /** Moves by whole rows, about four at a time; false at the end (the key may serve something else). */
  scroll(direction: 1 | -1): boolean {
    const tops = this.lines.map((line) => line.top - PANEL_STYLE.pad).filter((top) => top >= 0)
    const current = this.shift
    let next = current
    if (direction > 0) {
      if (!this.more.below) return false
      const within = tops.filter((top) => top > current && top <= current + STEP)
      next = within.length ? within[within.length - 1]! : (tops.find((top) => top > current) ?? current)
      next = Math.min(next, this.lastShift(tops))
    } else {
      const within = tops.filter((top) => top < current && top >= current - STEP)
      next = within.length ? within[0]! : ([...tops].reverse().find((top) => top < current) ?? 0)
    }
    if (next === current) return false
    this.shift = next
    this.layout()
    return true
  }

  /** The first shift from which the rest of the content fits. */
  private lastShift(tops: number[]): number {
    const end = this.lines[this.lines.length - 1]?.bottom ?? 0
    return tops.find((top) => end - top <= this.h - PANEL_STYLE.pad) ?? tops[tops.length - 1] ?? 0
  }

  /** Height down to the end of the last row wholly inside the box. */
  private shownHeight(): number {
    let shown = PANEL_STYLE.pad
    for (const line of this.lines) {
      const bottom = line.bottom - this.shift
      if (line.top - this.shift >= 0 && bottom <= this.h) shown = Math.max(shown, bottom)
    }
    return shown
  }

  private layout(): void {
    const shown = this.shownHeight()
    this.tag('Background')!.patch({ w: this.w, h: this.h })
    // Scrolled, the padding above the first row shown stays empty: no sliver of the row before.
    const top = this.shift > 0 ? PANEL_STYLE.pad : 0
    this.tag('Viewport')!.patch({ y: top, w: this.w, h: shown - top })
    this.tag('Viewport.Content')!.patch({ y: 0 - this.shift - top })
    const end = this.lines[this.lines.length - 1]?.bottom ?? 0
    const track = this.h - 2 * BAR.inset
    const overflows = end > shown + this.shift || this.shift > 0
    this.tag('Bar')!.patch({ visible: overflows, x: this.w - BAR.inset - BAR.w, y: BAR.inset, w: BAR.w, h: track })
    if (overflows) {
      this.tag('Bar.Thumb')!.patch({
        w: BAR.w,
        y: Math.round((track * this.shift) / end),
        h: Math.max(BAR.w * 4, Math.round((track * shown) / end)),
      })
    }
  }
}
