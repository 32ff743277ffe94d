// GET /v1/recordings in pages (issue 20): a box never parses the whole list of a heavy
// account, and the pages together are the list the rules of seed 004 TV §5.9–5.12 give.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { Value } from 'typebox/value'
import { Overview, RECORDINGS_PAGE_MAX, RecordingList, ROUTES } from '../../../src/contract'
import { autoDeletionOrder, byDeletionDate } from '../../../src/domain/recordings'
import { addDays } from '../../../src/domain/dates'
import { get, heavyKeptRecordings, NOW, type TestServer, testServer, TOKENS } from './helpers'

vi.setConfig({ testTimeout: 60_000 })

let server: TestServer
beforeAll(async () => {
  server = await testServer()
}, 60_000)
afterAll(() => server.close())

async function page(query: string, token: string = TOKENS.heavy): Promise<{ list: RecordingList; bytes: number }> {
  const { status, body, text } = await get(server.app, `${ROUTES.recordings}${query}`, token)
  expect(status).toBe(200)
  expect(Value.Check(RecordingList, body)).toBe(true)
  return { list: body as RecordingList, bytes: Buffer.byteLength(text) }
}

const keptRows = () => heavyKeptRecordings(server.db)

describe('GET /v1/recordings, paged (heavy account)', () => {
  it('answers a first page of at most 64 KB with the totals of the whole list', async () => {
    const rows = await keptRows()
    expect(rows.length).toBeGreaterThan(1000)
    const { list, bytes } = await page(`?limit=${RECORDINGS_PAGE_MAX}`)
    expect(bytes).toBeLessThanOrEqual(64_000)
    expect(list.items).toHaveLength(RECORDINGS_PAGE_MAX)
    expect(list.total).toBe(rows.length)
    expect(list.position).toBe(0)
    expect(list.previous).toBeNull()
    expect(list.next).not.toBeNull()
    expect(list.quota.usedMinutes).toBe(rows.reduce((sum, row) => sum + row.sizeMinutes, 0))
  })

  it('walks forward to the end and back to the start through the cursors: the pages are the whole list in order', async () => {
    const expected = (await keptRows()).sort(byDeletionDate).map((row) => row.id)
    const forward: string[][] = []
    let cursor: string | null = null
    let position = 0
    do {
      const { list } = await page(`?limit=97${cursor ? `&cursor=${cursor}` : ''}`)
      expect(list.position).toBe(position)
      forward.push(list.items.map((item) => item.id))
      position += list.items.length
      cursor = list.next
      if (!cursor) {
        // Back from the last page: the same pages, the other way.
        const backward: string[][] = [list.items.map((item) => item.id)]
        let back = list.previous
        while (back) {
          const previous = (await page(`?limit=97&cursor=${back}`)).list
          backward.unshift(previous.items.map((item) => item.id))
          back = previous.previous
        }
        expect(backward.flat()).toEqual(expected)
      }
    } while (cursor)
    expect(forward.flat()).toEqual(expected)
    expect(forward.slice(0, -1).every((ids) => ids.length === 97)).toBe(true)
  })

  it('names automatic management’s next candidates as the domain orders every kept recording (§5.12)', async () => {
    const { list } = await page('')
    expect(list.nextToDelete.map((item) => item.id)).toEqual(
      autoDeletionOrder(await keptRows())
        .slice(0, 5)
        .map((row) => row.id),
    )
  })

  it('counts what shows its deletion date as the items say, and the overview says the same', async () => {
    let shown = 0
    let cursor: string | null = null
    let total = 0
    do {
      const { list } = await page(`?limit=${RECORDINGS_PAGE_MAX}${cursor ? `&cursor=${cursor}` : ''}`)
      shown += list.items.filter((item) => item.showDeletionDate).length
      total = list.total
      cursor = list.next
    } while (cursor)
    const { list } = await page('')
    expect(list.expiringSoon).toBe(shown)
    expect(shown).toBeGreaterThan(0)
    const overview = (await get(server.app, ROUTES.overview, TOKENS.heavy)).body
    expect(Value.Check(Overview, overview)).toBe(true)
    expect(overview.recordings).toMatchObject({ count: total, expiringSoon: shown, quota: list.quota })
  })

  it('refuses a cursor it did not write, and a page over the maximum', async () => {
    expect((await get(server.app, `${ROUTES.recordings}?cursor=bm90LWEtY3Vyc29y`, TOKENS.heavy)).status).toBe(400)
    expect((await get(server.app, `${ROUTES.recordings}?limit=${RECORDINGS_PAGE_MAX + 1}`, TOKENS.heavy)).status).toBe(400)
  })
})

describe('deletion days kept with each recording (§5.9: "6 meses" or the scheduled date)', () => {
  it('deletes a recording on its deletion day, not the day before (Lisbon days)', async () => {
    const [first] = (await page('?limit=1')).list.items
    for (const [day, kept] of [
      [addDays(first.deletionDate, -1), true],
      [first.deletionDate, false],
      [addDays(first.deletionDate, 1), false],
    ] as const) {
      const later = await testServer({ now: NOW, askedAt: new Date(`${day}T10:00:00Z`) })
      try {
        const ids: string[] = []
        let cursor: string | null = null
        do {
          const { body } = await get(later.app, `${ROUTES.recordings}?limit=${RECORDINGS_PAGE_MAX}${cursor ? `&cursor=${cursor}` : ''}`, TOKENS.heavy)
          ids.push(...(body as RecordingList).items.map((item) => item.id))
          cursor = (body as RecordingList).next
        } while (cursor)
        expect(ids.includes(first.id)).toBe(kept)
      } finally {
        await later.close()
      }
    }
  })
})
