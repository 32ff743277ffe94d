// Issue 20: a list read in pages starts again from its first page when Back rebuilds it, so
// Back from an item opened beyond that page landed at the top of the list. It lands where the
// viewer left it: on the invoice opened, and on a notice's place (the notice opened, read now,
// has moved down among the read ones; its place holds the next one in the order).
import { afterAll, beforeAll, expect, test } from 'vitest'
import { Router } from '@lightningjs/sdk'
// @ts-expect-error: a plain ES module of the SDK, without types
import { initSettings } from '@lightningjs/sdk/src/Settings/index.js'
import { HomeCard } from '../../src/app/home/HomeCard'
import { InvoiceRow } from '../../src/app/invoices/InvoiceRow'
import { NoticeRow } from '../../src/app/notices/NoticeRow'
import { addDays, addMonths } from '../../src/domain/dates'
import { DEVICES } from '../../src/platform/devices'
import { SECRET, testServer, type TestServer, TOKENS } from '../unit/server/helpers'
import { tokenDigest } from '../../src/server/store/tokens'
import { shownTexts } from './helpers'
import { startShell } from './shell'

let server: TestServer
beforeAll(async () => {
  server = await testServer()
  initSettings({}, { router: DEVICES.uma.router })
  const { account_id } = await server.db.selectFrom('device_token').select('account_id').where('token', '=', tokenDigest(SECRET, TOKENS.notices)).executeTakeFirstOrThrow()
  // Years of paid invoices before the account's own, and 60 channel changes still to come, unread.
  const oldest = await server.db.selectFrom('invoice').selectAll().where('account_id', '=', account_id).orderBy('period_start', 'asc').executeTakeFirstOrThrow()
  const invoices = Array.from({ length: 60 }, (_, i) => {
    const start = addMonths(oldest.period_start, -(i + 1))
    return { ...oldest, id: `ft-back-${i}`, number: `FT 1999/${i}`, atcud: `BACK-${i}`, period_start: start, period_end: addDays(addMonths(start, 1), -1), invoice_date: start, issue_date: start, due_date: addDays(start, 20), paid_on: addDays(start, 20), disputed_on: null, notice_sent_on: null }
  })
  await server.db.insertInto('invoice').values(invoices).execute()
  const notices = Array.from({ length: 60 }, (_, i) => ({
    id: `av-back-${String(i).padStart(2, '0')}`,
    account_id,
    kind: 'channel-added' as const,
    title: `Novo canal ${i + 1}`,
    details: '',
    announced_on: '2026-03-01',
    effective_on: addDays('2026-04-20', i),
    unforeseeable: 0,
    contract_effect: null,
    read_at: null,
  }))
  await server.db.insertInto('notice').values(notices).execute()
})
afterAll(() => server.close())

test('Back from an invoice, then a notice, opened beyond the first page lands where the viewer left the list', { timeout: 120_000 }, async () => {
  const app = startShell(server, TOKENS.notices)
  /** The page of `route` on screen, the Router done with it (keys wait while a page loads). */
  const opened = (route: string) => app.route() === route && Router.getActiveHash() === route && !Router.isNavigating()
  const shown = (start: string) => shownTexts(app.app).some((text) => text.startsWith(start))
  const focusedCard = () => (app.focused() instanceof HomeCard ? app.focused().ref : null)
  await app.until('home with the banner', () => app.onHome() && app.banner.visible)
  app.press('Back')
  await app.until('the invoices card', () => focusedCard() === 'Invoices')

  /** Down until the focused row is the `index`-th of the list, its page loaded. */
  const downTo = async <R>(type: new (...args: never[]) => R, index: number, idOf: (row: R) => string | undefined) => {
    const list = () => app.focusPath().find((element) => 'renderedCount' in element) as unknown as { index: number }
    while (list().index < index) {
      app.press('Down')
      await app.until(`row ${list().index}`, () => app.focused() instanceof type && idOf(app.focused() as R) !== undefined)
    }
    return idOf(app.focused() as R)!
  }

  app.press('Enter')
  await app.until('invoices', () => app.route() === 'invoices' && app.focused() instanceof InvoiceRow)
  // The first page holds 24; the 41st invoice is two pages on.
  const invoice = await downTo(InvoiceRow, 40, (row) => row.invoice?.id)
  app.press('Enter')
  await app.until('the invoice', () => opened(`invoices/${invoice}`) && shown('Fatura FT 1999/'))
  app.settle()
  app.press('Back')
  await app.until('the invoice opened, focused in the list', () => app.route() === 'invoices' && app.focused() instanceof InvoiceRow && (app.focused() as InvoiceRow).invoice?.id === invoice)

  app.press('Back')
  await app.until('home', () => focusedCard() === 'Invoices')
  app.press('Right', 'Enter')
  await app.until('notices', () => app.route() === 'notices' && app.focused() instanceof NoticeRow)
  // The first page holds 20; the 31st notice is unread, and so is the one after it.
  const opening = await downTo(NoticeRow, 30, (row) => row.notice?.id)
  app.press('Down')
  await app.until('the next notice', () => app.focused() instanceof NoticeRow && (app.focused() as NoticeRow).notice !== null && (app.focused() as NoticeRow).notice!.id !== opening)
  const next = (app.focused() as NoticeRow).notice!.id
  app.press('Up', 'Enter')
  await app.until('the notice', () => opened(`notices/${opening}`) && shown('O que muda'))
  app.settle()
  app.press('Back')
  const list = () => app.focusPath().find((element) => 'renderedCount' in element) as unknown as { index: number }
  await app.until('the notice after it, in the place of the one read', () => app.route() === 'notices' && app.focused() instanceof NoticeRow && (app.focused() as NoticeRow).notice?.id === next)
  expect(list().index).toBe(30)
})
