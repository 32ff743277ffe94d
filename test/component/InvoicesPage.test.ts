// invoices: the list of months, the 12-month chart and the remote.
import { beforeEach, describe, expect, test, vi } from 'vitest'
import type { InvoiceList, InvoiceListQuery } from '../../src/contract'
import type { Fetched } from '../../src/data/client'
import { provideServices } from '../../src/app/shell/services'
import type { Loaded } from '../../src/data/load'
import { COLOR } from '../../src/app/kit/theme'
import { InvoiceRow } from '../../src/app/invoices/InvoiceRow'
import { InvoicesPage } from '../../src/app/invoices/InvoicesPage'
import { invoiceList, invoicePage, invoiceSummary, overdueSummary } from './fixtures'
import { pagedList } from './pageFixtures'
import { childrenOf, elementWithText, eur, isShown, mount, shownTexts, spyRouter, target, textOf } from './helpers'

const NOW = Date.parse('2026-11-23T10:00:00Z')

function open(list: InvoiceList) {
  const harness = mount(InvoicesPage)
  harness.component.result = { ok: true, data: list, fetchedAt: NOW } satisfies Loaded<InvoiceList>
  const page = harness.component
  const listElement = page.tag('Content.List')!
  const focusedRow = () => {
    const focused = harness.focused()
    expect(focused).toBeInstanceOf(InvoiceRow)
    return focused as InvoiceRow
  }
  /** Colour of each chart bar, oldest month first. */
  const bars = () => childrenOf(page.tag('Content.Chart.Bars')!).map((bar) => ({ ref: bar.ref, color: bar.tag('Bar')!.color }))
  const highlighted = () => bars().filter((bar) => bar.color === COLOR.text).map((bar) => bar.ref)
  return { ...harness, page, listElement, focusedRow, bars, highlighted }
}

const api = { invoices: vi.fn<(page: InvoiceListQuery) => Promise<Fetched<InvoiceList>>>() }
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

let router: ReturnType<typeof spyRouter>
beforeEach(() => {
  router = spyRouter()
  api.invoices.mockReset()
  provideServices({ launch: {} as never, launchProblems: [], api: api as never, version: 'test' })
})

describe('InvoicesPage with 24 invoices', () => {
  test('shows the title, the newest month first with amount and status, and the chart heading', () => {
    const { page } = open(invoiceList(24))
    const texts = shownTexts(page)
    expect(texts[0]).toBe('Faturas')
    expect(texts).toContain('novembro de 2026')
    expect(texts).toContain('Últimos 12 meses')
    const first = invoiceList(1).items[0]!
    // The first row reads period, amount, status, as the subscriber scans it.
    const row = page.tag('Content.List')!.tag('Rows')!.children[0]!
    expect(shownTexts(row)).toEqual(['novembro de 2026', eur(`${(first.totalCents / 100).toFixed(2).replace('.', ',')} €`), 'Por pagar'])
    const second = page.tag('Content.List')!.tag('Rows')!.children[1]!
    expect(shownTexts(second)).toContain('Paga')
    expect(shownTexts(second)[0]).toBe('outubro de 2026')
    expect(isShown(page.tag('Content.Empty')!)).toBe(false)
  })

  test('the first row is focused and looks focused', () => {
    const { focusedRow, listElement, focusPath, page } = open(invoiceList(24))
    const row = focusedRow()
    expect(row.invoice?.id).toBe('ft-2026-11')
    expect(listElement.index).toBe(0)
    expect(focusPath()).toContain(page)
    expect(target(row, 'scale')).toBeGreaterThan(1)
    expect(row.tag('Background')!?.color).toBe(COLOR.focusFill)
  })

  test('Down moves focus to the next row, Up back; the previous row loses its focus look', () => {
    const { press, focusedRow, listElement } = open(invoiceList(24))
    const first = focusedRow()
    press('Down')
    const second = focusedRow()
    expect(second).not.toBe(first)
    expect(second.invoice?.id).toBe('ft-2026-10')
    expect(listElement.index).toBe(1)
    expect(target(first, 'scale')).toBe(1)
    expect(first.tag('Background')!?.color).toBe(COLOR.surface)
    press('Up')
    expect(focusedRow().invoice?.id).toBe('ft-2026-11')
  })

  test('Up on the first row and Down on the last row keep focus in place', () => {
    const { press, focusedRow } = open(invoiceList(24))
    press('Up')
    expect(focusedRow().invoice?.id).toBe('ft-2026-11')
    for (let i = 0; i < 30; i++) press('Down')
    // 24 months back from November 2026: December 2024 is the oldest.
    expect(focusedRow().invoice?.id).toBe('ft-2024-12')
  })

  test('the chart shows the last 12 months oldest first and highlights the focused month', () => {
    const { press, bars, highlighted, page } = open(invoiceList(24))
    expect(bars().map((bar) => bar.ref)).toEqual(invoiceList(12).items.map((item) => `Bar_${item.id}`).reverse())
    const months = childrenOf(page.tag('Content.Chart.Bars')!).map((bar) => textOf(bar.tag('Month')))
    expect(months[0]).toBe('dez.')
    expect(months[11]).toBe('nov.')
    expect(highlighted()).toEqual(['Bar_ft-2026-11'])
    press('Down', 'Down')
    expect(highlighted()).toEqual(['Bar_ft-2026-09'])
  })

  test('bars are as tall as their month is dear', () => {
    const { page } = open(invoiceList(24))
    const items = invoiceList(12).items.slice().reverse()
    const heights = childrenOf(page.tag('Content.Chart.Bars')!).map((bar) => bar.tag('Bar')!.h)
    const dearest = items.reduce((best, item, i) => (item.totalCents > items[best]!.totalCents ? i : best), 0)
    const cheapest = items.reduce((best, item, i) => (item.totalCents < items[best]!.totalCents ? i : best), 0)
    expect(Math.max(...heights)).toBe(heights[dearest])
    expect(Math.min(...heights)).toBe(heights[cheapest])
  })

  test('a month older than the chart highlights no bar', () => {
    const { press, highlighted, focusedRow } = open(invoiceList(24))
    for (let i = 0; i < 12; i++) press('Down')
    expect(focusedRow().invoice?.id).toBe('ft-2025-11')
    expect(highlighted()).toEqual([])
  })

  test('only the rows on screen plus a small buffer exist, and the list scrolls to keep focus visible', () => {
    const { press, listElement, focusedRow, page } = open(invoiceList(24))
    const rows = page.tag('Content.List')!.tag('Rows')!
    expect(listElement.renderedCount).toBeLessThanOrEqual(11)
    expect(rows.children.length).toBe(listElement.renderedCount)
    for (let i = 0; i < 15; i++) press('Down')
    const row = focusedRow()
    expect(row.invoice?.id).toBe(invoiceList(16).items[15]!.id)
    expect(listElement.renderedCount).toBeLessThanOrEqual(11)
    expect(rows.children.length).toBe(listElement.renderedCount)
    // The focused row lies inside the clipped window once the scroll ends.
    const top = row.y + target(rows, 'y')
    expect(top).toBeGreaterThanOrEqual(0)
    expect(top + row.h).toBeLessThanOrEqual(listElement.h)
    // Rows scrolled far above are gone.
    expect(childrenOf(rows).some((child) => (child as InvoiceRow).invoice?.id === 'ft-2026-11')).toBe(false)
  })

  test('OK on a row opens that invoice', () => {
    const { press } = open(invoiceList(24))
    press('Down', 'Down', 'Enter')
    expect(router.navigate).toHaveBeenCalledTimes(1)
    expect(router.navigate).toHaveBeenCalledWith('invoices/ft-2026-09')
  })
})

describe('InvoicesPage with no invoices', () => {
  test('says so instead of showing an empty list, with Voltar focused: OK goes back', () => {
    const { page, listElement, focused, press } = open(invoiceList(0))
    expect(isShown(elementWithText(page, 'Ainda não há faturas nesta conta.'))).toBe(true)
    expect(listElement.renderedCount).toBe(0)
    expect(page.tag('Content.Chart.Bars')!.children).toHaveLength(0)
    expect(shownTexts(focused())).toEqual(['Voltar'])
    press('Down', 'Enter')
    expect(router.navigate).not.toHaveBeenCalled()
    expect(router.back).toHaveBeenCalledTimes(1)
  })
})

describe('InvoicesPage data changes', () => {
  test('a new answer replaces the rows and focus lands on the first row again', () => {
    const { page, press, focusedRow, listElement } = open(invoiceList(24))
    press('Down', 'Down', 'Down')
    page.result = { ok: true, data: invoiceList(5), fetchedAt: NOW }
    expect(listElement.length).toBe(5)
    expect(focusedRow().invoice?.id).toBe('ft-2026-11')
    expect(page.tag('Content.List')!.tag('Rows')!.children).toHaveLength(5)
  })
})

describe('premium charges on the next invoice', () => {
  const upcomingPremium = {
    invoiceDate: '2026-12-15',
    periodStart: '2026-12-16',
    periodEnd: '2027-01-15',
    lines: [
      { description: 'Canal premium Sport TV', from: '2026-12-16', to: '2027-01-15', netCents: 2438 },
      { description: 'Canal premium TVCine', from: '2026-11-23', to: '2026-12-15', netCents: 905 },
      { description: 'Canal premium TVCine', from: '2026-12-16', to: '2027-01-15', netCents: 1219 },
      { description: 'Canal premium BTV', from: '2026-12-16', to: '2027-01-15', netCents: 812 },
    ],
    totalCents: 6609,
  }

  test('are listed under the chart before the invoice is issued, with their total with IVA', () => {
    const { page } = open({ ...invoiceList(24), upcomingPremium })
    expect(shownTexts(page.tag('Content.Upcoming')!)).toEqual([
      'Na próxima fatura, de 15/12/2026:',
      'Canal premium Sport TV, 16/12 a 15/01',
      'Canal premium TVCine, 23/11 a 15/12',
      'Canal premium TVCine, 16/12 a 15/01',
      'e mais 1',
      eur('Premium: 66,09 € com IVA'),
    ])
  })

  test('say nothing when there are none', () => {
    const { page } = open({ ...invoiceList(24), upcomingPremium: { ...upcomingPremium, lines: [], totalCents: 0 } })
    expect(shownTexts(page.tag('Content.Upcoming')!)).toEqual([])
  })
})

describe('InvoicesPage: where focus starts (issue 21, 10)', () => {
  test('on the overdue October, not on the newer November merely to pay', () => {
    const list = invoiceList(24)
    const items = [list.items[0]!, overdueSummary, ...list.items.slice(2)]
    const { focusedRow, highlighted } = open(invoicePage(items))
    expect(shownTexts(focusedRow())).toEqual(['outubro de 2026', eur('83,64 €'), 'Em atraso'])
    expect(highlighted()).toEqual([`Bar_${overdueSummary.id}`])
  })

  test('with nothing late, on the unpaid one due first; with all paid, on the newest', () => {
    const unpaid = [invoiceSummary(0), invoiceSummary(1, { status: 'unpaid' }), invoiceSummary(2)]
    expect(shownTexts(open(invoicePage(unpaid)).focusedRow())[0]).toBe('outubro de 2026')
    const paid = [invoiceSummary(0, { status: 'paid' }), invoiceSummary(1)]
    expect(shownTexts(open(invoicePage(paid)).focusedRow())[0]).toBe('novembro de 2026')
  })
})

describe('InvoicesPage with 2 000 invoices, read in pages (issue 20)', () => {
  /** An account that grew: 2 000 monthly invoices, the oldest ones `overdueAt` overdue, served 24 at a time. */
  function openGrown(overdueAt: number | null = null) {
    const all = Array.from({ length: 2000 }, (_, i) => invoiceSummary(i, i === overdueAt ? { status: 'overdue', daysOverdue: 40 } : {}))
    const totals = invoicePage(all)
    const grown = pagedList(all, 24, (page) => ({ ...totals, ...page }))
    const bytes: number[] = []
    api.invoices.mockImplementation(async ({ cursor }) => {
      const data = grown.answer(cursor!)
      bytes.push(JSON.stringify(data).length)
      return { data, fetchedAt: NOW }
    })
    return { ...open(grown.first), all, bytes }
  }

  test('scrolls to the oldest invoice and back to the newest, holding at most 4 pages, each answer under 64 KB', async () => {
    const { page, press, focusedRow, all, bytes, listElement } = openGrown()
    expect(listElement.length).toBe(2000)
    let most = 0
    const step = async (key: 'Down' | 'Up', expected: number) => {
      press(key)
      await flush()
      expect(focusedRow().invoice?.id).toBe(all[expected]!.id)
      most = Math.max(most, page.held!.pages)
      expect(listElement.renderedCount).toBeLessThanOrEqual(11)
    }
    for (let i = 1; i < 2000; i++) await step('Down', i)
    expect(page.held).toMatchObject({ to: 2000 })
    for (let i = 1998; i >= 0; i--) await step('Up', i)
    expect(page.held).toMatchObject({ from: 0 })
    expect(most).toBe(4)
    expect(page.held!.to - page.held!.from).toBeLessThanOrEqual(4 * 24)
    // Each page asked for once down and once up: pages around the focus, never the list.
    expect(api.invoices.mock.calls.length).toBeLessThanOrEqual(2 * Math.ceil(2000 / 24))
    expect(api.invoices.mock.calls.every(([query]) => query.limit === 24)).toBe(true)
    expect(Math.max(...bytes)).toBeLessThanOrEqual(64_000)
  }, 120_000)

  test('opens on the overdue invoice pages away from the newest, and says the whole account’s amount to pay', async () => {
    const { focusedRow, all, page } = openGrown(130)
    await flush()
    expect(focusedRow().invoice?.id).toBe(all[130]!.id)
    expect(page.held!.from).toBeLessThanOrEqual(130)
    // Not on the first page, yet counted: the totals are the whole account's.
    expect(page.announce.join(' ')).toContain('por pagar')
  })
})
