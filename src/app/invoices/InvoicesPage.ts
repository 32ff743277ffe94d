// invoices: every invoice, newest first, read a page at a time around the focus
// (invoicesWindow), and the last 12 months as bars. The bar of the focused invoice is
// highlighted; OK opens its detail. Focus starts on the most urgent invoice (the overdue
// one, not the newer one merely to pay), which the server names wherever its page is.
import { Lightning } from '@lightningjs/sdk'
import type { InvoiceList, InvoiceSummary } from '../../contract'
import { formatShortMonth } from '../../domain/format'
import { CONTENT_Y } from '../kit/DataPage'
import { t, uiLanguage } from '../kit/i18n'
import { type ListContent, ListPage, type ListPageSpec, pagedLayout } from '../kit/ListPage'
import { COLOR, SAFE, TEXT } from '../kit/theme'
import { textSpec } from '../kit/textSpec'
import { InvoiceRow, ROW } from './InvoiceRow'
import { invoicesWindow } from './actions'
import { invoicesArrival, invoiceSpoken, upcomingLines } from './text'

const LIST = { spacing: 14, viewportHeight: 770 }
const CHART = { x: 1180, w: 644, barsH: 360, bar: 36, months: 12 }
/** Under the chart's month labels. */
const UPCOMING_Y = 520

interface InvoicesPageSpec extends ListPageSpec {
  Content: ListContent & { Chart: { Heading: object; Bars: typeof Lightning.Element }; Upcoming: typeof Lightning.Element }
}

export class InvoicesPage extends ListPage<InvoiceList, InvoiceSummary, InvoicesPageSpec> {
  /** Where the list opens: the most urgent invoice's position in the whole list. */
  private opensOn = 0

  static override _template(): Lightning.Component.Template<InvoicesPageSpec> {
    const { List, Empty } = ListPage.listTemplate(SAFE.x, CONTENT_Y)
    return {
      ...super._template(),
      Content: {
        List: { ...List, signals: { indexChanged: '_highlightBar' } },
        Empty,
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

  protected idOf(invoice: InvoiceSummary): string {
    return invoice.id
  }

  protected override openLabel(): string {
    return t('invoices.keys.open')
  }

  protected override startIndex(): number {
    return this.opensOn
  }

  protected render(list: InvoiceList): void {
    this.title = t('invoices.title')
    this.arrival = [invoicesArrival(list)]
    this.opensOn = list.mostUrgent?.position ?? 0
    this.showList(
      invoicesWindow(list),
      pagedLayout(InvoiceRow, ROW, LIST.spacing, LIST.viewportHeight, invoiceSpoken),
      t('invoices.empty'),
    )
    this.renderChart(list.items)
    const upcoming = this.tag('Content.Upcoming')!
    upcoming.childList.clear()
    upcoming.children = upcomingLines(list.upcomingPremium).map((row, i) => ({ y: i * 44, ...textSpec(row.text, { ...row, width: CHART.w }) }))
    this._highlightBar(this.list.index)
  }

  /** The last 12 months, oldest on the left; bar height relative to the dearest month. */
  private renderChart(invoices: readonly InvoiceSummary[]): void {
    const months = invoices.slice(0, CHART.months).reverse()
    const max = Math.max(1, ...months.map((invoice) => invoice.totalCents))
    const pitch = CHART.w / CHART.months
    this.tag('Content.Chart.Heading')!.text!.text = t('invoices.chart')
    this.tag('Content.Chart.Bars')!.children = months.map((invoice, i) => {
      const h = Math.max(4, Math.round((invoice.totalCents / max) * CHART.barsH))
      return {
        ref: `Bar_${invoice.id}`,
        x: i * pitch + (pitch - CHART.bar) / 2,
        Bar: { y: CHART.barsH - h, w: CHART.bar, h, rect: true, color: COLOR.bar },
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
    void this._focusMoved(index)
    const focusedId = this.items.at(index)?.id
    for (const bar of this.tag('Content.Chart.Bars')!.children) {
      const focused = bar.ref === `Bar_${focusedId}`
      bar.tag('Bar').color = focused ? COLOR.text : COLOR.bar
    }
  }
}
