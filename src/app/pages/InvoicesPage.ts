// invoices: the 24 months, newest first, and the last 12 months as bars. The bar
// of the focused invoice is highlighted; OK opens its detail.
import { Lightning, Router } from '@lightningjs/sdk'
import type { InvoiceList, InvoiceSummary, UpcomingPremium } from '../../contract'
import { formatDate, formatDayMonth, formatMoney, formatMonthYear, formatShortMonth } from '../../domain/format'
import { t, uiLanguage } from '../i18n'
import { COLOR, SAFE, TEXT } from '../theme'
import { FocusBox } from '../widgets/FocusBox'
import { EmptyState } from '../widgets/EmptyState'
import { ReturnFocus, VirtualList } from '../widgets/VirtualList'
import { BADGE, statusBadge } from '../widgets/StatusBadge'
import { textSpec } from '../widgets/text'
import { CONTENT_Y, DataPage } from './DataPage'

const LIST = { w: 1000, rowHeight: 96, spacing: 14, viewportHeight: 760 }
const CHART = { x: 1180, w: 644, barsH: 360, bar: 36, months: 12 }
/** Under the chart's month labels. */
const UPCOMING_Y = 520
const UPCOMING_LINES = 3

export class InvoiceRow extends FocusBox {
  invoice: InvoiceSummary | null = null

  set item(invoice: InvoiceSummary) {
    this.invoice = invoice
    const lang = uiLanguage()
    this.tag('Content').children = {
      Period: { x: 32, y: 30, ...textSpec(formatMonthYear(invoice.periodStart, lang), { width: 420 }) },
      Amount: { x: 700, y: 30, mountX: 1, ...textSpec(formatMoney(invoice.totalCents), { bold: true, align: 'right' }) },
      Badge: { x: LIST.w - BADGE.w - 28, y: (LIST.rowHeight - BADGE.h) / 2, ...statusBadge(invoice.status) },
    }
  }

  override _handleEnter(): void {
    if (this.invoice) Router.navigate(`invoices/${this.invoice.id}`)
  }
}

export class InvoicesPage extends DataPage<InvoiceList> {
  private items: InvoiceSummary[] = []
  /** Back from a detail: the page is rebuilt (lazyDestroy), focus returns to this invoice. */
  private readonly returnFocus = new ReturnFocus()

  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      ...super._template(),
      Content: {
        List: { type: VirtualList, x: SAFE.x, y: CONTENT_Y, signals: { indexChanged: '_highlightBar' } },
        Empty: { type: EmptyState, x: SAFE.x, y: CONTENT_Y },
        Chart: {
          x: CHART.x,
          y: CONTENT_Y,
          Heading: { ...textSpec('', { size: TEXT.body, color: COLOR.muted, width: CHART.w }) },
          Bars: { y: 70 },
        },
        Upcoming: { x: CHART.x, y: CONTENT_Y + UPCOMING_Y },
      },
    }
  }

  protected render(list: InvoiceList): void {
    this.title = t('invoices.title')
    this.items = list.items
    ;(this.tag('Empty') as EmptyState).show(list.items.length === 0 ? t('invoices.empty') : null)
    const listElement = this.tag('List') as VirtualList<InvoiceSummary>
    listElement.setup({
      items: list.items,
      width: LIST.w,
      rowHeight: LIST.rowHeight,
      spacing: LIST.spacing,
      viewportHeight: LIST.viewportHeight,
      index: this.returnFocus.index(list.items.map((item) => item.id)),
      row: (invoice) => ({ type: InvoiceRow, item: invoice }) as never,
    })
    this.renderChart()
    this.renderUpcoming(list.upcomingPremium)
    this._highlightBar(listElement.index)
  }

  /** Premium charges the next invoice will carry, before it is issued (seed 001 §12: charged in advance). */
  private renderUpcoming(upcoming: UpcomingPremium | undefined): void {
    const element = this.tag('Upcoming')
    element.childList.clear()
    if (!upcoming || upcoming.lines.length === 0) return
    const lang = uiLanguage()
    const rows: { text: string; size?: number; color?: number; bold?: boolean }[] = [
      { text: t('invoices.upcoming', { date: formatDate(upcoming.invoiceDate, lang) }), color: COLOR.muted },
      ...upcoming.lines.slice(0, UPCOMING_LINES).map((line) => ({
        text: t('invoices.upcoming.line', { description: line.description, from: formatDayMonth(line.from, lang), to: formatDayMonth(line.to, lang) }),
        size: TEXT.small,
      })),
    ]
    if (upcoming.lines.length > UPCOMING_LINES) rows.push({ text: t('premium.more', { count: upcoming.lines.length - UPCOMING_LINES }), size: TEXT.small, color: COLOR.muted })
    rows.push({ text: t('invoices.upcoming.total', { total: formatMoney(upcoming.totalCents) }), bold: true })
    element.children = rows.map((row, i) => ({ y: i * 44, ...textSpec(row.text, { size: row.size, color: row.color, bold: row.bold, width: CHART.w }) }))
  }

  /** The SDK Router asks for the state to keep when the page is left, and gives it back on Back. */
  override historyState(state?: Record<string, unknown> | null): Record<string, unknown> | null {
    return this.returnFocus.historyState(this.tag('List') as VirtualList, this.items.map((item) => item.id), state)
  }

  /** The last 12 months, oldest on the left; bar height relative to the dearest month. */
  private renderChart(): void {
    const months = this.items.slice(0, CHART.months).reverse()
    const max = Math.max(1, ...months.map((invoice) => invoice.totalCents))
    const pitch = CHART.w / CHART.months
    this.tag('Chart.Heading').text.text = t('invoices.chart')
    this.tag('Chart.Bars').children = months.map((invoice, i) => {
      const h = Math.max(4, Math.round((invoice.totalCents / max) * CHART.barsH))
      return {
        ref: `Bar_${invoice.id}`,
        x: i * pitch + (pitch - CHART.bar) / 2,
        Bar: { y: CHART.barsH - h, w: CHART.bar, h, rect: true, color: COLOR.surface },
        Month: {
          x: CHART.bar / 2,
          y: CHART.barsH + 12,
          mountX: 0.5,
          ...textSpec(formatShortMonth(invoice.periodStart, uiLanguage()), { size: TEXT.min, color: COLOR.muted }),
        },
      }
    })
  }

  _highlightBar(index: number): void {
    const focusedId = this.items[index]?.id
    for (const bar of this.tag('Chart.Bars').children) {
      const focused = bar.ref === `Bar_${focusedId}`
      bar.tag('Bar').color = focused ? COLOR.accent : COLOR.surface
    }
  }

  protected focusedContent(): Lightning.Component | undefined {
    return this.tag(this.items.length ? 'List' : 'Empty') as Lightning.Component
  }
}
