// A long list read a page at a time around the focus (issue 20): what the box holds stays
// bounded, the pages join into the list's order, and a list that changed on the server
// meanwhile is taken from the page that says so.
import { describe, expect, test, vi } from 'vitest'
import type { Loaded } from '../../../src/data/load'
import { type Page, PagedWindow } from '../../../src/data/pagedWindow'

type Item = { id: string }
const items = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `i${i}` }))

/** A server of `all` in pages of `limit`, its cursors "after-N" / "before-N". */
function server(all: Item[], limit = 10) {
  const page = (position: number, size = limit): Page<Item> => {
    const slice = all.slice(position, position + size)
    return { items: slice, position, total: all.length, next: position + slice.length < all.length ? `after-${position + slice.length - 1}` : null, previous: position > 0 ? `before-${position}` : null }
  }
  const fetch = vi.fn(async (cursor: string): Promise<Loaded<Page<Item>>> => {
    const [side, at] = cursor.split('-')
    const n = Number(at)
    const data = side === 'after' ? page(n + 1) : page(Math.max(0, n - limit), Math.min(limit, n))
    return { ok: true, data, fetchedAt: 0 }
  })
  return { page, fetch }
}

describe('PagedWindow', () => {
  test('asks for the next page only near the edge, once for a held key, and lets go of the farthest past `keep`', async () => {
    const { page, fetch } = server(items(100))
    const window = new PagedWindow(page(0), fetch, 3, 4)
    expect(await window.around(5)).toBe(false)
    expect(window.at(11)).toBeUndefined()
    const [a, b] = await Promise.all([window.around(6), window.around(7)])
    expect([a, b]).toEqual([true, true])
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(window.at(19)).toEqual({ id: 'i19' })
    await window.around(16)
    await window.around(26)
    expect(window.held).toEqual({ pages: 3, from: 10, to: 40 })
    expect(window.at(9)).toBeUndefined()
    // Back up: the page before comes again through the first held page's cursor, and the last goes.
    await window.around(12)
    expect(window.held).toEqual({ pages: 3, from: 0, to: 30 })
    expect(window.at(0)).toEqual({ id: 'i0' })
    expect(window.length).toBe(100)
  })

  test('a deletion closes the list up: positions after it move back one, the total goes down', async () => {
    const { page, fetch } = server(items(30))
    const window = new PagedWindow(page(0), fetch, 3, 4)
    await window.around(8)
    window.remove('i3')
    expect(window.length).toBe(29)
    expect(window.at(3)).toEqual({ id: 'i4' })
    expect(window.held).toEqual({ pages: 2, from: 0, to: 19 })
    window.replace({ id: 'i4', ...{ mark: true } } as Item)
    expect(window.at(3)).toMatchObject({ mark: true })
  })

  test('a page saying the list changed on the server meanwhile starts the window again from it', async () => {
    const all = items(40)
    const { page, fetch } = server(all)
    const window = new PagedWindow(page(0), fetch, 3, 4)
    all.splice(2, 1)
    expect(await window.around(8)).toBe(true)
    expect(window.length).toBe(39)
    expect(window.held).toEqual({ pages: 1, from: 10, to: 20 })
    expect(window.at(10)).toEqual({ id: 'i11' })
  })

  test('a failed page changes nothing, and is asked for again on the next move', async () => {
    const { page } = server(items(30))
    const fetch = vi.fn(async (): Promise<Loaded<Page<Item>>> => ({ ok: false, failure: { kind: 'offline' } as never, lastKnown: null }))
    const window = new PagedWindow(page(0), fetch, 3, 4)
    expect(await window.around(8)).toBe(false)
    expect(await window.around(9)).toBe(false)
    expect(fetch).toHaveBeenCalledTimes(2)
    expect(window.held).toEqual({ pages: 1, from: 0, to: 10 })
  })
})
