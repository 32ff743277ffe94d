// A long list as the server pages it (contract PageOf), for the API stubs of the list pages'
// tests: the cursors are the fixture's own ("after-N", "before-N"), opaque to the app as the
// server's are.
import type { Page } from '../../src/data/pagedWindow'

/** The page of `all` from `position`, `limit` items at most. */
export function pageAt<T>(all: readonly T[], position: number, limit: number): Page<T> & { items: T[] } {
  const items = all.slice(position, position + limit)
  const end = position + items.length
  return {
    total: all.length,
    position,
    items,
    next: end < all.length ? `after-${end - 1}` : null,
    previous: position > 0 ? `before-${position}` : null,
  }
}

/**
 * An account of `all` items in pages of `limit`: the first page (what the route loads) and the
 * answer to a cursor; `answerOf` adds what the route's answer carries besides the page.
 */
export function pagedList<T, P>(all: readonly T[], limit: number, answerOf: (page: Page<T> & { items: T[] }) => P) {
  const page = (position: number, size = limit) => answerOf(pageAt(all, position, size))
  return {
    all,
    first: page(0),
    /** The page after "after-N" or before "before-N". */
    answer(cursor: string): P {
      const [side, at] = cursor.split('-') as ['after' | 'before', string]
      const n = Number(at)
      if (side === 'after') return page(n + 1)
      const from = Math.max(0, n - limit)
      return page(from, n - from)
    },
  }
}
