// notices: a list that grew is read a page at a time around the focus (issue 20), and the
// unread count is the whole account's, not the page's.
import { beforeEach, describe, expect, test, vi } from 'vitest'
import { NoticeList, type NoticeListQuery, type NoticeSummary } from '../../src/contract'
import { Value } from 'typebox/value'
import type { Fetched } from '../../src/data/client'
import type { Loaded } from '../../src/data/load'
import { provideServices } from '../../src/app/shell/services'
import { NoticeRow } from '../../src/app/notices/NoticeRow'
import { NoticesPage } from '../../src/app/notices/NoticesPage'
import { mount, shownTexts } from './helpers'
import { pagedList } from './pageFixtures'

const NOW = Date.parse('2026-11-23T10:00:00Z')
const api = { notices: vi.fn<(page: NoticeListQuery) => Promise<Fetched<NoticeList>>>() }
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

beforeEach(() => {
  api.notices.mockReset()
  provideServices({ launch: {} as never, launchProblems: [], api: api as never, version: 'test' })
})

/** The `index`-th notice in the list's order: a channel leaving, the first 40 unread. */
function notice(index: number): NoticeSummary {
  return {
    id: `av-${String(index).padStart(4, '0')}`,
    kind: 'channel-removed',
    title: `Canal ${index + 1} deixa a grelha`,
    channels: [{ name: `Canal ${index + 1}`, before: 100 + index, after: null }],
    announcedOn: '2026-11-01',
    effectiveOn: '2026-12-05',
    daysLeft: 12,
    unforeseeable: false,
    late: false,
    noticeDueBy: '2026-11-05',
    contractChange: false,
    freeExit: null,
    readAt: index < 40 ? null : '2026-11-02T10:00:00Z',
    restricted: false,
  }
}

describe('NoticesPage with 300 notices, read in pages (issue 20)', () => {
  test('scrolls to the last notice and back to the first, holding at most 4 pages of 20, the unread count of them all shown', async () => {
    const all = Array.from({ length: 300 }, (_, i) => notice(i))
    const grown = pagedList(all, 20, (page) => ({ ...page, unread: 40 }))
    expect(Value.Check(NoticeList, grown.first)).toBe(true)
    api.notices.mockImplementation(async ({ cursor }) => ({ data: grown.answer(cursor!), fetchedAt: NOW }))
    const harness = mount(NoticesPage)
    harness.component.result = { ok: true, data: grown.first, fetchedAt: NOW } satisfies Loaded<NoticeList>
    const page = harness.component
    const list = page.tag('Content.List')!
    expect(list.length).toBe(300)
    expect(shownTexts(page.tag('Content.Count')!)).toEqual(['40 avisos por ler'])
    let most = 0
    const step = async (key: 'Down' | 'Up', expected: number) => {
      harness.press(key)
      await flush()
      const focused = harness.focused()
      expect(focused).toBeInstanceOf(NoticeRow)
      expect((focused as NoticeRow).notice?.id).toBe(all[expected]!.id)
      most = Math.max(most, page.held!.pages)
    }
    for (let i = 1; i < 300; i++) await step('Down', i)
    expect(page.held).toMatchObject({ to: 300 })
    for (let i = 298; i >= 0; i--) await step('Up', i)
    expect(page.held).toMatchObject({ from: 0 })
    expect(most).toBe(4)
    expect(api.notices.mock.calls.every(([query]) => query.limit === 20)).toBe(true)
  }, 120_000)
})
