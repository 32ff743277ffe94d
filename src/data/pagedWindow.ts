// A long list read a page at a time (issue 20): the pages around the focus, never
// more than `keep` of them, so a low box holds a bounded slice of a 2 000-item list
// and never parses it whole. Positions are the whole list's: `at(i)` is undefined
// while item i's page is not loaded. Pages are joined through the cursors the API
// gave (each page knows the one before and after it), so the loaded pages are
// always one run of items.
import type { Fetched } from './client'
import { type Loaded, load } from './load'

/** A page as the API answers it: its items, where the first is in the list, and the cursors on each side. */
export interface Page<T> {
  items: readonly T[]
  position: number
  total: number
  next: string | null
  previous: string | null
}

interface Held {
  count: number
  next: string | null
  previous: string | null
}

export class PagedWindow<T extends { id: string }, P extends Page<T> = Page<T>> {
  private start: number
  private items: T[]
  private pages: Held[]
  private size: number
  private loading: Promise<boolean> | null = null

  /**
   * `first`: a page already had (the route's); `fetch`: a page from a cursor; `keep`: pages held at most;
   * `margin`: how near the loaded run's edge the focus may come before the next page is asked for.
   */
  constructor(
    first: P,
    private readonly fetch: (cursor: string) => Promise<Loaded<P>>,
    readonly keep = 4,
    private readonly margin = 20,
  ) {
    this.start = first.position
    this.items = [...first.items]
    this.pages = [held(first)]
    this.size = first.total
  }

  /** Items in the whole list. */
  get length(): number {
    return this.size
  }

  /** The item at a position of the whole list, if its page is loaded. */
  at(index: number): T | undefined {
    return index >= this.start ? this.items[index - this.start] : undefined
  }

  /** Pages held now, and the positions they cover (tests and the benchmark read it). */
  get held(): { pages: number; from: number; to: number } {
    return { pages: this.pages.length, from: this.start, to: this.start + this.items.length }
  }

  /**
   * The focus is at `index`: loads the page after or before the held run when the focus comes within
   * `margin` of its edge (or outside it), then lets go of the farthest pages past `keep`. True when the
   * items changed; one page at a time, so a held key never asks twice for the same page.
   */
  async around(index: number): Promise<boolean> {
    if (this.loading) {
      const earlier = await this.loading
      return (await this.around(index)) || earlier
    }
    const end = this.start + this.items.length
    const after = this.pages[this.pages.length - 1]!.next
    const before = this.pages[0]!.previous
    const cursor = index >= end - this.margin && after ? { value: after, forward: true } : index < this.start + this.margin && before ? { value: before, forward: false } : null
    if (!cursor) return false
    this.loading = this.fetch(cursor.value).then((result) => result.ok && this.add(result.data, cursor.forward))
    try {
      return await this.loading
    } finally {
      this.loading = null
    }
  }

  /** Takes a change the API answered: the item as it is now. */
  replace(item: T): void {
    const at = this.items.findIndex((held) => held.id === item.id)
    if (at >= 0) this.items[at] = item
  }

  /** Takes a deletion the API answered: the list closes up behind it. */
  remove(id: string): void {
    const at = this.items.findIndex((held) => held.id === id)
    if (at < 0) return
    this.items.splice(at, 1)
    this.size -= 1
    let seen = 0
    for (const page of this.pages) {
      seen += page.count
      if (at < seen) {
        page.count -= 1
        break
      }
    }
  }

  private add(page: P, forward: boolean): boolean {
    const expected = forward ? this.start + this.items.length : this.start - page.items.length
    if (page.position !== expected || page.total !== this.size) {
      // The list changed on the server meanwhile (a recording added or deleted elsewhere): start again from this page.
      this.start = page.position
      this.items = [...page.items]
      this.pages = [held(page)]
      this.size = page.total
      return true
    }
    if (forward) {
      this.items.push(...page.items)
      this.pages.push(held(page))
    } else {
      this.items.unshift(...page.items)
      this.pages.unshift(held(page))
      this.start = page.position
    }
    while (this.pages.length > this.keep) {
      if (forward) {
        const dropped = this.pages.shift()!
        this.items.splice(0, dropped.count)
        this.start += dropped.count
      } else {
        const dropped = this.pages.pop()!
        this.items.splice(this.items.length - dropped.count, dropped.count)
      }
    }
    return true
  }
}

/**
 * Pages of a list held at once: 4 pages (4 × 50 recordings, 4 × 24 invoices, 4 × 20 notices) whatever
 * the account holds (issue 20: a 2 000-item list never lives whole on the box).
 */
export const PAGES_HELD = 4

/** A list from its first page on, read `limit` items at a time through `read` (an API client's list method). */
export function pagesOf<T extends { id: string }, P extends Page<T>>(first: P, read: (page: { cursor: string; limit: number }) => Promise<Fetched<P>>, limit: number): PagedWindow<T, P> {
  return new PagedWindow(first, (cursor) => load(() => read({ cursor, limit })), PAGES_HELD)
}

function held(page: Page<unknown>): Held {
  return { count: page.items.length, next: page.next, previous: page.previous }
}
