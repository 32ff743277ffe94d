// invoices/:id: what was billed on the left; how to pay, the QR code for the phone
// and, when late, the overdue timeline on the right (the words: ./text.ts).
import { Lightning } from '@lightningjs/sdk'
import type { InvoiceDetail } from '../../contract'
import { CONTENT_Y, DataPage } from '../kit/DataPage'
import { t } from '../kit/i18n'
import { ScrollPanel } from '../kit/ScrollPanel'
import { BADGE, statusBadge } from '../kit/StatusBadge'
import { SAFE } from '../kit/theme'
import { invoiceArrival, linesColumn, linesSpoken, paymentColumn, paymentSpoken } from './text'
import { ref } from '../kit/ref'
import type { KeyHint } from '../kit/KeyHints'

const LEFT = { w: 1000, h: SAFE.y + SAFE.h - CONTENT_Y - 10 }
const RIGHT = { x: SAFE.x + LEFT.w + 40, w: SAFE.w - LEFT.w - 40 }

export class InvoiceDetailPage extends DataPage<InvoiceDetail> {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      ...super._template(),
      Content: {
        Badge: { x: SAFE.x + SAFE.w, y: SAFE.y + 70, w: BADGE.w, mountX: 1 },
        Lines: { type: ScrollPanel, x: SAFE.x, y: CONTENT_Y, w: LEFT.w, h: LEFT.h },
        Payment: { type: ScrollPanel, x: RIGHT.x, y: CONTENT_Y, w: RIGHT.w, h: LEFT.h },
      },
    }
  }

  protected render(invoice: InvoiceDetail): void {
    this.title = t('invoice.title', { number: invoice.number })
    this.tag('Badge').patch({ children: { Status: statusBadge(invoice.status) } })
    this.arrival = [invoiceArrival(invoice)]
    ref(this, 'Lines', ScrollPanel).fill(linesColumn(invoice, LEFT.w), linesSpoken(invoice))
    ref(this, 'Payment', ScrollPanel).fill(paymentColumn(invoice, RIGHT.w), paymentSpoken(invoice))
    this.markScrolled()
  }

  protected override scrollPanels(): ScrollPanel[] {
    return [ref(this, 'Lines', ScrollPanel), ref(this, 'Payment', ScrollPanel)]
  }

  /** Nothing here to act on: the page itself holds focus, and the arrows read the panels. */
  /** Left/Right switch between the invoice's lines and how to pay it. */
  protected override keyHints(): KeyHint[] {
    return super.keyHints().map((hint) => (hint.key === 'leftRight' ? { ...hint, label: t('invoice.keys.panels') } : hint))
  }

  protected focusedContent(): undefined {
    return undefined
  }
}
