// A panel whose content may be taller than the screen: Up/Down scroll it. Its
// rows come from a Column (kit/Column.ts).
import { Lightning } from '@lightningjs/sdk'
import { type Column, PANEL_STYLE } from './Column'
import { FocusBox } from './FocusBox'

/** One press of Up/Down moves the content four rows. */
const STEP = PANEL_STYLE.row * 4

export class ScrollPanel extends FocusBox {
  private contentHeight = 0
  /** Where the content is heading: a held key repeats faster than the animation. */
  private offset = 0

  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return { ...super._template(), clipping: true }
  }

  fill(column: Pick<Column, 'rows' | 'height'>): void {
    this.contentHeight = column.height
    this.offset = 0
    this.tag('Content').setSmooth('y', 0, { duration: 0 })
    // A reused page (Router keeps it alive) must not keep rows of what it showed before:
    // an object patch only adds and updates children by ref, it never removes them.
    this.tag('Content').childList.clear()
    this.tag('Content').children = column.rows
  }

  override _handleUp(): boolean {
    return this.scroll(-STEP)
  }

  override _handleDown(): boolean {
    return this.scroll(STEP)
  }

  private scroll(by: number): boolean {
    const limit = Math.min(0, this.h - this.contentHeight - PANEL_STYLE.pad)
    const y = Math.max(limit, Math.min(0, this.offset - by))
    if (y === this.offset) return false
    this.offset = y
    this.tag('Content').setSmooth('y', y, { duration: 0.15 })
    return true
  }
}
