// GET /v1/invoices and GET /v1/notices in pages (issue 20): an account whose invoices and
// notices grew (generated here, as years of a real account would) answers pages of at most
// 64 KB through the same cursors as the recordings, and the pages together are the whole
// list in its order; the totals the list page shows are the whole account's, and home's
// overview says the same.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { Value } from 'typebox/value'
import { INVOICES_PAGE_MAX, InvoiceList, NOTICES_PAGE_MAX, NoticeList, Overview, ROUTES } from '../../../src/contract'
import { compareNotices } from '../../../src/domain/notices'
import { addDays, addMonths, lisbonDayStart } from '../../../src/domain/dates'
import { bearer } from '../../../src/contract'
import { buildServer } from '../../../src/server/http/app'
import type { App } from '../../../src/server/http/context'
import { tokenDigest } from '../../../src/server/store/tokens'
import { APP_ORIGIN, get, SECRET, type TestServer, testServer, TOKENS, walkPages } from './helpers'

vi.setConfig({ testTimeout: 60_000 })

const GROWN_INVOICES = 600
const GROWN_NOTICES = 300
/** Channels of a generated notice: a line-up change of a whole package. */
const CHANNELS = 12

let server: TestServer
beforeAll(async () => {
  server = await testServer()
  await growInvoices(TOKENS.healthy)
  await growNotices(TOKENS.notices)
}, 60_000)
afterAll(() => server.close())

async function accountOf(token: string, table: 'invoice' | 'notice'): Promise<{ account_id: string }> {
  const list = (await get(server.app, table === 'invoice' ? ROUTES.invoices : ROUTES.notices, token)).body as { items: { id: string }[] }
  return server.db.selectFrom(table).select('account_id').where('id', '=', list.items[0]!.id).executeTakeFirstOrThrow()
}

/** 50 years of paid monthly invoices before the account's own, copies of its oldest with their own dates. */
async function growInvoices(token: string): Promise<void> {
  const { account_id } = await accountOf(token, 'invoice')
  const oldest = await server.db.selectFrom('invoice').selectAll().where('account_id', '=', account_id).orderBy('period_start', 'asc').executeTakeFirstOrThrow()
  const rows = Array.from({ length: GROWN_INVOICES }, (_, i) => {
    const start = addMonths(oldest.period_start, -(i + 1))
    const due = addDays(start, 22)
    return { ...oldest, id: `ft-grown-${String(i).padStart(4, '0')}`, number: `FT 1970/${String(i).padStart(7, '0')}`, atcud: `GROWN-${i}`, period_start: start, period_end: addDays(addMonths(start, 1), -1), invoice_date: start, issue_date: addDays(start, 2), due_date: due, paid_on: due, disputed_on: null, notice_sent_on: null }
  })
  for (let i = 0; i < rows.length; i += 100) await server.db.insertInto('invoice').values(rows.slice(i, i + 100)).execute()
}

/** Years of channel notices, each moving 12 channels with long names, read and unread. */
async function growNotices(token: string): Promise<void> {
  const { account_id } = await accountOf(token, 'notice')
  const notices = Array.from({ length: GROWN_NOTICES }, (_, i) => ({
    id: `av-grown-${String(i).padStart(4, '0')}`,
    account_id,
    kind: 'channel-renumbered' as const,
    title: `Reorganização da grelha de canais do pacote Fibra 150: ${CHANNELS} canais mudam de posição (aviso ${i + 1})`,
    details: '',
    announced_on: addDays('2020-01-01', i * 3),
    effective_on: addDays('2020-02-15', i * 3),
    unforeseeable: 0,
    contract_effect: null,
    read_at: i % 3 === 0 ? null : '2026-01-01T10:00:00Z',
  }))
  const channels = notices.flatMap((notice) =>
    Array.from({ length: CHANNELS }, (_, position) => ({ notice_id: notice.id, position, name: `Canal Temático Internacional ${position + 1} HD`, number_before: 100 + position, number_after: 200 + position })),
  )
  for (let i = 0; i < notices.length; i += 100) await server.db.insertInto('notice').values(notices.slice(i, i + 100)).execute()
  for (let i = 0; i < channels.length; i += 200) await server.db.insertInto('notice_channel').values(channels.slice(i, i + 200)).execute()
}

type NoticeItem = NoticeList['items'][number]

/** The ids of these notices in the list order, as each says it stands today for its viewer (unread, days left, free exit). */
function inListOrder(items: readonly NoticeItem[]): string[] {
  const ranked = (item: NoticeItem) => ({ ...item, read: item.readAt !== null, freeExitDaysLeft: item.freeExit?.daysLeft ?? null })
  return [...items].sort((a, b) => compareNotices(ranked(a), ranked(b))).map((item) => item.id)
}

/** The ids of a paged list walked forward to its end, then back to its start through the previous cursors, page by page. */
async function forwardAndBack<P extends { items: { id: string }[]; next: string | null; previous: string | null }>(route: string, limit: number, token: string, app: App = server.app): Promise<{ forward: P[]; items: P['items'][number][]; backward: string[] }> {
  const forward = (await walkPages<P>(app, route, limit, token)).map(({ page }) => page)
  const last = forward[forward.length - 1]!
  const backward: string[][] = [last.items.map((item) => item.id)]
  let back = last.previous
  while (back) {
    const page = (await get(app, `${route}?limit=${limit}&cursor=${back}`, token)).body as P
    backward.unshift(page.items.map((item) => item.id))
    back = page.previous
  }
  return { forward, items: forward.flatMap((page) => page.items), backward: backward.flat() }
}

/**
 * Every page of a paged list at its largest size: each as the contract says and at most 64 KB, together
 * `total` items, more than `atLeast`, none twice; the items in order.
 */
async function largestPages<P extends { items: { id: string }[]; next: string | null; total: number }>(route: string, max: number, token: string, schema: object, atLeast: number) {
  const pages = await walkPages<P>(server.app, route, max, token)
  for (const { page, bytes } of pages) {
    expect(Value.Check(schema as never, page)).toBe(true)
    expect(bytes).toBeLessThanOrEqual(64_000)
  }
  const items: P['items'][number][] = pages.flatMap(({ page }) => page.items)
  expect(items.length).toBe(pages[0]!.page.total)
  expect(items.length).toBeGreaterThan(atLeast)
  expect(new Set(items.map((item) => item.id)).size).toBe(items.length)
  return { pages: pages.map(({ page }) => page), items }
}

describe('GET /v1/invoices, paged (an account with 50 years of invoices)', () => {
  it('answers pages of at most 64 KB that are, together, every invoice newest first', async () => {
    const { pages, items } = await largestPages<InvoiceList>(ROUTES.invoices, INVOICES_PAGE_MAX, TOKENS.healthy, InvoiceList, GROWN_INVOICES)
    const starts = items.map((item) => item.periodStart)
    expect(starts).toEqual([...starts].sort().reverse())
    expect(pages.map((page) => page.position)).toEqual(pages.map((_, i) => i * INVOICES_PAGE_MAX))
  })

  it('walks back from the last page to the first through the previous cursors', async () => {
    const { items, backward } = await forwardAndBack<InvoiceList>(ROUTES.invoices, 50, TOKENS.healthy)
    expect(backward).toEqual(items.map((item) => item.id))
  })

  it('says what is to pay and where the most urgent is on every page, as home’s overview counts it', async () => {
    const pages = await walkPages<InvoiceList>(server.app, ROUTES.invoices, INVOICES_PAGE_MAX, TOKENS.overdue)
    const items = pages.flatMap(({ page }) => page.items)
    const toPay = items.filter((item) => item.status === 'unpaid' || item.status === 'overdue')
    const overview = (await get(server.app, ROUTES.overview, TOKENS.overdue)).body as Overview
    for (const { page } of pages) {
      expect(page.unpaidCount).toBe(toPay.length)
      expect(page.unpaidTotalCents).toBe(toPay.reduce((sum, item) => sum + item.totalCents, 0))
      expect(overview.invoices).toMatchObject({ unpaidCount: page.unpaidCount, unpaidTotalCents: page.unpaidTotalCents })
    }
    const urgent = pages[0]!.page.mostUrgent!
    expect(items[urgent.position]!.id).toBe(urgent.id)
    expect(items[urgent.position]!.status).toBe('overdue')
    const longest = Math.max(...items.map((item) => item.daysOverdue))
    expect(items[urgent.position]!.daysOverdue).toBe(longest)
  })

  it('refuses a cursor it did not write, and a page over the maximum', async () => {
    expect((await get(server.app, `${ROUTES.invoices}?cursor=bm90LWEtY3Vyc29y`, TOKENS.healthy)).status).toBe(400)
    expect((await get(server.app, `${ROUTES.invoices}?limit=${INVOICES_PAGE_MAX + 1}`, TOKENS.healthy)).status).toBe(400)
  })
})

describe('GET /v1/notices, paged (an account with 300 more notices of 12 channels)', () => {
  it('answers pages of at most 64 KB that are, together, every notice in the list order', async () => {
    const { items } = await largestPages<NoticeList>(ROUTES.notices, NOTICES_PAGE_MAX, TOKENS.notices, NoticeList, GROWN_NOTICES)
    expect(items.map((item) => item.id)).toEqual(inListOrder(items))
  })

  it('walks back through the previous cursors, and counts the unread of every page as home does', async () => {
    const { forward, items, backward } = await forwardAndBack<NoticeList>(ROUTES.notices, 30, TOKENS.notices)
    expect(backward).toEqual(items.map((item) => item.id))
    const unread = items.filter((item) => item.readAt === null && !item.restricted).length
    expect(forward.every((page) => page.unread === unread)).toBe(true)
    const overview = (await get(server.app, ROUTES.overview, TOKENS.notices)).body as Overview
    expect(overview.notices).toMatchObject({ unread, total: items.length })
  })

  it('refuses a cursor it did not write, and a page over the maximum', async () => {
    expect((await get(server.app, `${ROUTES.notices}?cursor=bm90LWEtY3Vyc29y`, TOKENS.notices)).status).toBe(400)
    expect((await get(server.app, `${ROUTES.notices}?limit=${NOTICES_PAGE_MAX + 1}`, TOKENS.notices)).status).toBe(400)
  })
})

describe('GET /v1/notices as the days pass in Lisbon, and after opening one (issue 20: the order is kept, not computed per request)', () => {
  /** The day the grown notices' dates gather around: summer, so a Lisbon midnight is 23:00 UTC. */
  const DAY = '2026-07-10'
  /** Pages of 12 of the 60-odd notices: a notice moves across pages as the days pass. */
  const PAGE = 12
  let clock = NOW_IN(DAY)
  let app: App

  function NOW_IN(day: string): Date {
    return new Date(lisbonDayStart(day).getTime() + 10 * 3_600_000)
  }

  beforeAll(async () => {
    app = await buildServer({ tokenSecret: SECRET, db: server.db, now: () => clock, demo: true, corsOrigins: [APP_ORIGIN] })
    // The household of every profile but the Utilizador: the Técnico sees no contract terms, so no free exit.
    const { account_id } = await server.db.selectFrom('device_token').select('account_id').where('token', '=', tokenDigest(SECRET, TOKENS.admin)).executeTakeFirstOrThrow()
    // Contract changes whose free exit (announced + 30 days, general §5.2) ends before, on and after the
    // change, adverse and not, and channel changes on the same days: ties of date, announcement and kind.
    const notices = Array.from({ length: 60 }, (_, i) => {
      const contract = i % 2 === 0
      return {
        id: `av-day-${String(i).padStart(3, '0')}`,
        account_id,
        kind: contract ? ('contract-change' as const) : ('channel-added' as const),
        title: `Aviso ${i}`,
        details: '',
        announced_on: addDays(DAY, -30 - (i % 5)),
        effective_on: addDays(DAY, (i % 7) - 3),
        unforeseeable: 0,
        contract_effect: contract ? (i % 4 === 0 ? ('adverse' as const) : ('beneficial' as const)) : null,
        read_at: i % 3 === 0 ? '2026-07-01T10:00:00Z' : null,
      }
    })
    await server.db.insertInto('notice').values(notices).execute()
  })
  afterAll(() => app.close())

  /** Every page forward and back for the viewer: the old order of them all, and the unread it counts. */
  async function expectListOrder(token: string): Promise<NoticeItem[]> {
    const { forward, items, backward } = await forwardAndBack<NoticeList>(ROUTES.notices, PAGE, token, app)
    expect(items.map((item) => item.id)).toEqual(inListOrder(items))
    expect(backward).toEqual(items.map((item) => item.id))
    expect(items.length).toBe(forward[0]!.total)
    const unread = items.filter((item) => item.readAt === null && !item.restricted).length
    expect(forward.every((page) => page.unread === unread)).toBe(true)
    return items
  }

  // The last instant of the day before, the first of the day itself, and the first of the day after, for
  // the days the free exits and the changes fall on; then the same instants back in time.
  const days = [-3, 0, 1, 3].map((offset) => addDays(DAY, offset))
  const instants = days.flatMap((day) => [new Date(lisbonDayStart(day).getTime() - 1), lisbonDayStart(day), lisbonDayStart(addDays(day, 1))])

  // 24 instants × 2 viewers × every page both ways: a minute or more on PostgreSQL on a loaded machine.
  it('pages in the order of the day at each Lisbon midnight around the notices’ dates, forward and back in time', { timeout: 300_000 }, async () => {
    for (const instant of [...instants, ...[...instants].reverse()]) {
      clock = instant
      for (const token of [TOKENS.admin, TOKENS.tecnico]) await expectListOrder(token)
    }
  })

  it('moves a notice opened beyond the first page among the read ones, the pages still in order', async () => {
    clock = NOW_IN(DAY)
    const before = await expectListOrder(TOKENS.admin)
    const unread = before.filter((item) => item.readAt === null)
    const opened = unread[unread.length - 2]!
    expect(before.indexOf(opened)).toBeGreaterThanOrEqual(PAGE)
    const response = await app.inject({ method: 'POST', url: `/v1/notices/${opened.id}/read`, headers: { authorization: bearer(TOKENS.admin) } })
    expect(response.statusCode).toBe(200)
    const after = await expectListOrder(TOKENS.admin)
    const at = after.findIndex((item) => item.id === opened.id)
    expect(after[at]!.readAt).not.toBeNull()
    expect(after.slice(0, at).filter((item) => item.readAt !== null)).not.toEqual([])
    expect(after.slice(at).every((item) => item.readAt !== null)).toBe(true)
  })
})
