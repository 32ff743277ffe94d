// One invoice in the list: its month, total and status badge; OK opens it.
import { Router } from '@lightningjs/sdk'
import type { InvoiceSummary } from '../../contract'
import { formatMoney, formatMonthYear } from '../../domain/format'
import { FocusBox } from '../kit/FocusBox'
import { uiLanguage } from '../kit/i18n'
import { BADGE, statusBadge } from '../kit/StatusBadge'
import { textSpec } from '../kit/textSpec'

export const ROW = { w: 1000, h: 96 }

export class InvoiceRow extends FocusBox {
  invoice: InvoiceSummary | null = null

  set item(invoice: InvoiceSummary) {
    this.invoice = invoice
    const lang = uiLanguage()
    this.fillContent({
      Period: { x: 32, y: 30, ...textSpec(formatMonthYear(invoice.periodStart, lang), { width: 420 }) },
      Amount: { x: 700, y: 30, mountX: 1, ...textSpec(formatMoney(invoice.totalCents), { bold: true, align: 'right' }) },
      Badge: { x: this.w - BADGE.w - 28, y: (this.h - BADGE.h) / 2, ...statusBadge(invoice.status) },
    })
  }

  override _handleEnter(): void {
    if (this.invoice) Router.navigate(`invoices/${this.invoice.id}`)
  }
}
