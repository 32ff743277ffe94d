// Issue 21 (1): a focused row grows by FOCUS_SCALE; the list that clips its rows must
// keep room for that growth, or the focus ring loses its sides and the badges are cut.
import { describe, expect, test } from 'vitest'
import type { Lightning } from '@lightningjs/sdk'
import { InvoicesPage } from '../../src/app/invoices/InvoicesPage'
import { ListPage } from '../../src/app/kit/ListPage'
import { FOCUS_SCALE } from '../../src/app/kit/theme'
import { NoticesPage } from '../../src/app/notices/NoticesPage'
import { PremiumPage } from '../../src/app/premium/PremiumPage'
import { RecordingsPage } from '../../src/app/recordings/RecordingsPage'
import type { NoticeList } from '../../src/contract'
import { invoiceList } from './fixtures'
import { mount, target } from './helpers'
import { catalogue } from './premiumFixtures'
import { manyRecordings } from './recordingFixtures'

const NOW = Date.parse('2026-11-23T10:00:00Z')

function noticeList(count: number): NoticeList {
  const items = Array.from({ length: count }, (_, i) => ({
    id: `n${i}`,
    kind: 'channel-removed' as const,
    title: `Aviso ${i}`,
    channels: [{ name: 'Fox Life', before: 25, after: null }],
    announcedOn: '2026-11-01',
    effectiveOn: '2026-12-05',
    daysLeft: 12,
    readAt: null,
    late: true,
    freeExit: null,
  }))
  return { items, unread: count, total: count, position: 0, next: null, previous: null } as unknown as NoticeList
}

/** The focused row's box once grown by its scale (from its centre), in the list's own coordinates. */
function grownBox(list: Lightning.Element, row: Lightning.Element) {
  const rows = list.tag('Rows')! as Lightning.Element
  const scale = target(row, 'scale')
  const x = target(rows, 'x') + row.x - (row.w * (scale - 1)) / 2
  const y = target(rows, 'y') + row.y - (row.h * (scale - 1)) / 2
  return { x, y, right: x + row.w * scale, bottom: y + row.h * scale, scale }
}

type Fed = ListPage<unknown, unknown> & { result: unknown }

const CASES: { name: string; page: new (...args: never[]) => Lightning.Component; data: unknown; downs: number }[] = [
  { name: 'invoices', page: InvoicesPage, data: invoiceList(24), downs: 23 },
  { name: 'notices', page: NoticesPage, data: noticeList(9), downs: 8 },
  { name: 'premium', page: PremiumPage, data: catalogue, downs: 2 },
  { name: 'recordings', page: RecordingsPage, data: manyRecordings(30), downs: 29 },
]

/** The list page mounted with its data shown. */
function showList(page: (typeof CASES)[number]['page'], data: unknown) {
  const harness = mount(page)
  const component = harness.component as unknown as Fed
  component.result = { ok: true, data, fetchedAt: NOW }
  harness.settle()
  return { harness, list: component.list }
}

describe.each(CASES)('$name', ({ page, data, downs }) => {
  test('the focused row, grown, stays inside the list: first, every one after Down, the last', () => {
    const { harness, list } = showList(page, data)
    const check = () => {
      const row = harness.focused()
      expect(list.tag('Rows')!.children.includes(row)).toBe(true)
      const box = grownBox(list, row)
      expect(box.scale).toBeCloseTo(FOCUS_SCALE)
      expect(box.x).toBeGreaterThanOrEqual(0)
      expect(box.y).toBeGreaterThanOrEqual(0)
      expect(box.right).toBeLessThanOrEqual(list.w)
      expect(box.bottom).toBeLessThanOrEqual(list.h)
    }
    check()
    for (let i = 0; i < downs; i++) {
      harness.pressSlowly('Down')
      check()
    }
    expect(list.index).toBe(downs)
  })
})

describe.each(CASES)('$name', ({ page, data, downs }) => {
  test('no row is shown cut by the list: each is wholly inside its clip or wholly outside, at the top and after scrolling', () => {
    const { harness, list } = showList(page, data)
    const check = () => {
      const rows = list.tag('Rows')! as Lightning.Element
      for (const row of rows.children) {
        const top = target(rows, 'y') + row.y
        const bottom = top + row.h
        const inside = top >= 0 && bottom <= list.h
        const outside = bottom <= 0 || top >= list.h
        expect(inside || outside).toBe(true)
      }
    }
    check()
    for (let i = 0; i < downs; i++) harness.pressSlowly('Down')
    check()
  })
})
