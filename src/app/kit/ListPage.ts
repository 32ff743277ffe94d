// The frame of a list page (invoices, notices, premium, recordings): a VirtualList
// of the page's items, the empty state when there are none, and focus back on the
// item a viewer opened when Back returns to the list.
import { Lightning } from '@lightningjs/sdk'
import { DataPage, type DataPageSpec } from './DataPage'
import { EmptyState } from './EmptyState'
import { PendingRow } from './PendingRow'
import { t } from './i18n'
import type { KeyHint } from './KeyHints'
import { type ListItems, VirtualList, type VirtualListConfig } from './VirtualList'

/** How a page lays its list out: everything but the items and where focus starts. */
export type ListLayout<T> = Omit<VirtualListConfig<T>, 'items' | 'index'>

/** A list page's Content: its list and empty state (listTemplate); a page's spec adds its own. */
export interface ListContent {
  List: typeof VirtualList
  Empty: typeof EmptyState
}

export interface ListPageSpec extends DataPageSpec {
  Content: ListContent
}

/**
 * The layout of a list read in pages: rows of `type` (given their `item`), `size` each, `spacing` apart in
 * `viewportHeight`, and the pending row while an item's page is on its way.
 */
export function pagedLayout<T>(type: Lightning.Component.Constructor, size: { w: number; h: number }, spacing: number, viewportHeight: number, spoken: (item: T) => string): ListLayout<T> {
  return {
    width: size.w,
    rowHeight: size.h,
    spacing,
    viewportHeight,
    row: (item) => ({ type, item }) as never,
    pending: () => ({ type: PendingRow }) as never,
    spoken,
  }
}

/** A long list read a page at a time around the focus (data/PagedWindow). */
interface PagedItems<T> extends ListItems<T> {
  around(index: number): Promise<boolean>
  readonly held: { pages: number; from: number; to: number }
}

function isPaged<T>(items: ListItems<T>): items is PagedItems<T> {
  return 'around' in items
}

export abstract class ListPage<D, T, S extends ListPageSpec = ListPageSpec> extends DataPage<D, S> {
  protected items: ListItems<T> = []
  private layout: ListLayout<T> | null = null
  private empty: string | null = null
  /** Back from an item's page: the page is rebuilt (lazyDestroy), focus returns to that item. */
  private readonly returnFocus = new ReturnFocus()

  /** The list and its empty state, both at (x, y): a page puts them in its Content. */
  static listTemplate(x: number, y: number) {
    return { List: { type: VirtualList, x, y }, Empty: { type: EmptyState, x, y } }
  }

  /** The id an item is found again by after Back. */
  protected abstract idOf(item: T): string

  /** Where focus starts when the list opens (not on Back): the first item unless a page knows better. */
  protected startIndex(_items: ListItems<T>): number {
    return 0
  }

  /** This page by the list frame's template (see FocusBox's `box`). */
  private get listFrame(): ListPage<D, T> {
    return this as ListPage<D, T>
  }

  /** Pages held now and the positions they cover, when the list is read in pages (tests and the benchmark read it). */
  get held(): PagedItems<T>['held'] | null {
    return isPaged(this.items) ? this.items.held : null
  }

  get list(): VirtualList {
    return this.listFrame.tag('Content.List')!
  }

  /**
   * Fills the list (focus on the item returned to, else startIndex); `empty` says what no
   * items means (null: the page has no empty state, see emptyFocus).
   */
  protected showList(items: ListItems<T>, layout: ListLayout<T>, empty: string | null): void {
    this.items = items
    this.layout = layout
    this.empty = empty
    this.showEmpty(empty)
    this.list.setup({ ...layout, items, index: this.returnFocus.index(this.ids(), this.startIndex(items)) })
    // Focus may start pages away from the first (the invoice the list opens on): its page is asked for.
    if (isPaged(items)) void this._focusMoved(this.list.index)
  }

  /**
   * Focus moved in the list (the List's indexChanged): a list read in pages asks for the pages around it,
   * one at a time until the focused item's has come, and draws the rows that waited for them.
   */
  async _focusMoved(index: number): Promise<void> {
    const items = this.items
    if (!isPaged(items)) return
    let changed = false
    while ((await items.around(index)) && items === this.items) {
      changed = true
      if (items.at(index) !== undefined) break
    }
    if (!changed || items !== this.items) return
    if (items.length === this.list.length) this.list.redraw()
    else this.replaceItems(items, this.empty)
  }

  /** New items (after the server's answer to a write): the same scroll, focus near where it was. */
  protected replaceItems(items: ListItems<T>, empty: string | null): void {
    if (!this.layout) return
    this.items = items
    this.showEmpty(empty)
    this.list.setup({ ...this.layout, items, index: Math.min(this.list.index, items.length - 1) }, this.list.scrollOffset)
  }

  /** The empty state, shown only while the list has no items. */
  protected showEmpty(empty: string | null): void {
    if (empty !== null) this.listFrame.tag('Content.Empty')!.show(this.items.length === 0 ? empty : null)
  }

  /** The SDK Router asks for the state to keep when the page is left, and gives it back on Back. */
  override historyState(state?: Record<string, unknown> | null): Record<string, unknown> | null {
    return this.returnFocus.historyState(this.list, this.ids(), state)
  }

  /** The items' ids by position ('' for one whose page is not loaded). */
  private ids(): string[] {
    return Array.from({ length: this.items.length }, (_, index) => {
      const item = this.items.at(index)
      return item === undefined ? '' : this.idOf(item)
    })
  }

  /** OK opens the focused item, Up/Down move along the list (a page names what OK does). */
  protected override keyHints(): KeyHint[] {
    if (!this.items.length) return super.keyHints()
    return [
      { key: 'ok', label: this.openLabel() },
      { key: 'upDown', label: t('keys.row') },
      { key: 'back', label: t('keys.back') },
    ]
  }

  /** What OK does on a focused item. */
  protected openLabel(): string {
    return t('keys.open')
  }

  protected focusedContent(): Lightning.Component | undefined {
    return this.items.length ? this.list : this.emptyFocus()
  }

  /** The rows in view, as voice guidance says each one, then the page's text panels (Info key). */
  protected override screenFacts(): string[] {
    return [...(this.items.length ? this.list.spokenInView : []), ...super.screenFacts()]
  }

  /** What has focus when the list is empty. */
  protected emptyFocus(): Lightning.Component | undefined {
    return this.listFrame.tag('Content.Empty')
  }
}

/**
 * Focus back on the item a viewer opened, when Back returns to a list page: the SDK Router
 * asks a page for its historyState when it is left and hands it back on Back, and the page
 * (rebuilt, lazyDestroy) starts its list at `index(ids)`. A list read in pages starts again
 * from its first page, so an item opened beyond it is not among the loaded ids: focus then
 * returns to the same place in the list, whose page the list asks for (issue 20). Invoices and
 * recordings keep their order, so that place holds the item opened; a notice opened unread has
 * moved down among the read ones, and its place holds the notice after it in the order, the next
 * one to read, as the viewer left the list.
 */
class ReturnFocus {
  private id: string | null = null
  private position = -1

  /** Where a list built from `ids` starts: the item returned to, else its place, else `start`. */
  index(ids: readonly string[], start: number): number {
    if (this.id === null) return start
    const found = ids.indexOf(this.id)
    if (found >= 0) return found
    return this.position >= 0 && this.position < ids.length ? this.position : start
  }

  /** A page's historyState, for its list of items with these ids. */
  historyState(list: Pick<VirtualList, 'index' | 'select'>, ids: readonly string[], state?: Record<string, unknown> | null): Record<string, unknown> | null {
    if (!state) {
      const focused = ids[list.index]
      return focused === undefined ? null : { focusedId: focused, focusedIndex: list.index }
    }
    this.id = typeof state.focusedId === 'string' ? state.focusedId : null
    this.position = typeof state.focusedIndex === 'number' ? state.focusedIndex : -1
    const index = this.index(ids, -1)
    if (index >= 0) list.select(index)
    return null
  }
}
