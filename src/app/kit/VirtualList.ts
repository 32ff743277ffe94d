// A vertical list that keeps only the rows on screen (plus a small buffer) as
// Lightning elements: on a low-memory box a 2 000-row list must cost what ten
// rows cost (DESIGN §5–6). ui-components' Column creates every item, hence this.
import { Lightning } from '@lightningjs/sdk'
import { spokenPosition } from '../../domain/spoken'
import { shownTexts } from './announce'
import { uiLanguage } from './i18n'
import { focusGrowth } from './theme'

/** The items a list shows: an array, or a longer list read a page at a time (data/PagedWindow: undefined while its page is away). */
export interface ListItems<T> {
  readonly length: number
  at(index: number): T | undefined
}

export interface VirtualListConfig<T> {
  items: ListItems<T>
  rowHeight: number
  spacing: number
  /** Height of the visible window. */
  viewportHeight: number
  width: number
  /** Builds the template of one row. */
  row: (item: T, index: number) => Lightning.Component.NewPatchTemplate<Lightning.Component.Constructor>
  /** The row shown while an item's page is on its way (paged lists only). */
  pending?: (index: number) => Lightning.Component.NewPatchTemplate<Lightning.Component.Constructor>
  /** Extra rows kept above and below the window so a key press never shows a gap. */
  buffer?: number
  index?: number
  /** What voice guidance says when an item's row gets focus (the feature's text.ts); its position follows ("1 de 12"). */
  spoken?: (item: T) => string
}

/**
 * Room the list keeps round its rows for the focused row's growth (FOCUS_SCALE, from
 * the row's centre), so its clip never cuts the focus ring, corners or badges.
 */
export function focusRoom(width: number, rowHeight: number): { x: number; y: number } {
  return { x: focusGrowth(width) + 1, y: focusGrowth(rowHeight) + 1 }
}

type RowTemplate = ReturnType<VirtualListConfig<unknown>['row']>

/** What the list keeps of a setup: the layout, how many items, and how to build the row of one. */
type Shown = Omit<VirtualListConfig<unknown>, 'items' | 'row' | 'pending' | 'index' | 'spoken'> & {
  length: number
  /** The row of an item; null while the item's page is away. */
  row: (index: number) => RowTemplate | null
  pending: (index: number) => RowTemplate
  spoken: (index: number) => string
  room: { x: number; y: number }
}

/** The Announcer reads these off the focused row: what it is, then where it is. */
interface Announced {
  announce?: string | (() => string[])
  announceContext?: string
}

/** Rows holds the rows in the window, built and recycled at run time. */
export interface VirtualListSpec extends Lightning.Component.TemplateSpec {
  Rows: typeof Lightning.Element
}

export class VirtualList extends Lightning.Component<VirtualListSpec> {
  private config: Shown | null = null
  private selected = 0
  private offset = 0
  private rows = new Map<number, Lightning.Element>()
  /** Rows drawn as pending: redraw() builds them once their items are there. */
  private waiting = new Set<number>()

  static override _template(): Lightning.Component.Template<VirtualListSpec> {
    return { clipping: true, Rows: {} }
  }

  get index(): number {
    return this.selected
  }

  get length(): number {
    return this.config?.length ?? 0
  }

  /** Number of row elements alive now (the benchmark and tests read it). */
  get renderedCount(): number {
    return this.rows.size
  }

  /** Where the list is scrolled to: setup(…, scrollOffset) keeps it, so nothing jumps when items change. */
  get scrollOffset(): number {
    return this.offset
  }

  /** `offset`: the scroll position to start from. */
  setup<T>(config: VirtualListConfig<T>, offset = 0): void {
    const { items, row, pending, index, spoken, ...layout } = config
    const room = focusRoom(layout.width, layout.rowHeight)
    const rowAt = (at: number) => {
      const item = items.at(at)
      return item === undefined ? null : row(item, at)
    }
    const spokenAt = (at: number) => {
      const item = items.at(at)
      return item === undefined || !spoken ? '' : spoken(item)
    }
    this.config = { ...layout, length: items.length, row: rowAt, pending: pending ?? (() => ({ type: Lightning.Component })), spoken: spokenAt, room }
    // The clip ends where the row after the last whole one begins: that row, kept ready
    // below, is never shown cut in half, and the whole rows keep their focus room.
    const pitch = layout.rowHeight + layout.spacing
    this.patch({ w: config.width, h: Math.min(config.viewportHeight, room.y + this.visibleRows() * pitch) })
    this.tag('Rows')!.childList.clear()
    this.rows.clear()
    this.waiting.clear()
    this.offset = offset
    this.selected = Math.max(0, Math.min(index ?? 0, items.length - 1))
    this.scrollTo(this.selected, false)
  }

  /** Builds the rows drawn as pending whose items have come (a page loaded); the rest stay as they are. */
  redraw(): void {
    const rowsElement = this.tag('Rows')!
    for (const index of this.waiting) {
      const element = this.rows.get(index)
      if (element) rowsElement.childList.remove(element)
      this.rows.delete(index)
    }
    this.waiting.clear()
    const config = this.config
    if (!config) return
    this.renderWindow(Math.floor(this.offset / (config.rowHeight + config.spacing)), this.visibleRows())
    this._refocus()
  }

  select(index: number): void {
    if (!this.config || index < 0 || index >= this.config.length || index === this.selected) return
    this.selected = index
    this.scrollTo(index, true)
    this._refocus()
    this.signal('indexChanged', index)
  }

  /** What voice guidance reads of the list with the whole screen: the rows in view, in order. */
  get spokenInView(): string[] {
    const config = this.config
    if (!config) return []
    const pitch = config.rowHeight + config.spacing
    const first = Math.round(this.offset / pitch)
    const visible = Math.max(1, Math.floor((config.viewportHeight + config.spacing) / pitch))
    const shown = Array.from({ length: Math.min(visible, config.length - first) }, (_, i) => config.spoken(first + i))
    return shown.filter(Boolean)
  }

  override _handleUp(): boolean {
    if (this.selected === 0) return false
    this.select(this.selected - 1)
    return true
  }

  override _handleDown(): boolean {
    if (!this.config || this.selected >= this.config.length - 1) return false
    this.select(this.selected + 1)
    return true
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.rows.get(this.selected) as Lightning.Component | undefined
  }

  /** Whole rows that fit in the viewport once the focus room is kept above and below. */
  private visibleRows(): number {
    const config = this.config
    if (!config) return 0
    const pitch = config.rowHeight + config.spacing
    return Math.max(1, Math.floor((config.viewportHeight - 2 * config.room.y + config.spacing) / pitch))
  }

  private scrollTo(index: number, animate: boolean): void {
    const config = this.config
    if (!config) return
    const pitch = config.rowHeight + config.spacing
    const visible = this.visibleRows()
    // Keep the focused row one row away from the edge while there is more to see.
    const firstVisible = Math.floor(this.offset / pitch)
    let first = firstVisible
    if (index < firstVisible + 1) first = index - 1
    else if (index > firstVisible + visible - 2) first = index - visible + 2
    first = Math.max(0, Math.min(first, config.length - visible))
    this.offset = first * pitch
    this.renderWindow(first, visible)
    const rowsElement = this.tag('Rows')!
    const y = config.room.y - this.offset
    if (animate) rowsElement.setSmooth('y', y, { duration: 0.15 })
    else rowsElement.patch({ x: config.room.x, y })
  }

  private renderWindow(first: number, visible: number): void {
    const config = this.config
    if (!config) return
    const buffer = config.buffer ?? 2
    const from = Math.max(0, first - buffer)
    const to = Math.min(config.length - 1, first + visible - 1 + buffer)
    const rowsElement = this.tag('Rows')!
    // Rows that left the window are kept to show the rows coming in: a held key moves
    // rows, it does not build and collect them (issue 20).
    const spare: Lightning.Element[] = []
    for (const [index, element] of this.rows) {
      if (index < from || index > to) {
        spare.push(element)
        this.rows.delete(index)
        this.waiting.delete(index)
      }
    }
    const pitch = config.rowHeight + config.spacing
    for (let index = from; index <= to; index++) {
      if (this.rows.has(index)) continue
      const template = config.row(index)
      if (!template) this.waiting.add(index)
      const { type, ...settings } = template ?? config.pending(index)
      const place = { y: index * pitch, w: config.width - 2 * config.room.x, h: config.rowHeight }
      const reused = spare.findIndex((element) => element.constructor === type)
      let element: Lightning.Element
      // Size first: a row lays its content out when its item is set, from its own width.
      if (reused >= 0) {
        element = spare.splice(reused, 1)[0]!
        element.patch({ ...place, ...settings })
      } else {
        element = rowsElement.childList.a({ ...place, type, ...settings } as Lightning.Component.NewPatchTemplate<Lightning.Component.Constructor>)
      }
      const announced = element as Announced
      // Without the feature's words, the row says what it shows.
      const spoken = config.spoken(index)
      announced.announce = spoken || (() => shownTexts(element as Lightning.Element))
      announced.announceContext = spokenPosition(index + 1, config.length, uiLanguage())
      this.rows.set(index, element as Lightning.Element)
    }
    for (const element of spare) rowsElement.childList.remove(element)
  }
}
