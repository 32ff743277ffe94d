// invoices/:id: what was billed on the left; how to pay, the QR code for the phone
// and, when late, the overdue timeline on the right (the words: ./text.ts). A profile
// that may complain gets "Reclamar" under them: part, reason, confirmation, then the
// server's answer (the write: ./actions.ts; 004 general §19.3–19.5, seed 002).
import { Lightning } from '@lightningjs/sdk'
import type { ComplaintReason, InvoiceDetail } from '../../contract'
import { newIdempotencyKey } from '../../data/client'
import { ActionButton } from '../kit/ActionButton'
import { ChoiceDialog } from '../kit/ChoiceDialog'
import { CONTENT_Y, DataPage, type DataPageSpec } from '../kit/DataPage'
import { describeFailure } from '../kit/ErrorPanel'
import { t } from '../kit/i18n'
import { ScrollPanel } from '../kit/ScrollPanel'
import { BADGE, statusBadge } from '../kit/StatusBadge'
import { SAFE } from '../kit/theme'
import { complainAboutInvoice } from './actions'
import { canComplain, COMPLAINT_REASONS, complaintDialog, complaintParts, type ComplaintStep } from './complaintText'
import { invoiceArrival, linesColumn, linesSpoken, paymentColumn, paymentSpoken } from './text'
import type { KeyHint } from '../kit/KeyHints'

const LEFT = { w: 1000, h: SAFE.y + SAFE.h - CONTENT_Y - 10 }
const RIGHT = { x: SAFE.x + LEFT.w + 40, w: SAFE.w - LEFT.w - 40 }
const BUTTON = { h: 84, gap: 24 }

interface InvoiceDetailPageSpec extends DataPageSpec {
  Content: { Badge: typeof Lightning.Element; Lines: typeof ScrollPanel; Payment: typeof ScrollPanel; Complain: typeof ActionButton }
  Dialog: typeof ChoiceDialog
}

export class InvoiceDetailPage extends DataPage<InvoiceDetail, InvoiceDetailPageSpec> {
  private invoice: InvoiceDetail | null = null
  private step: ComplaintStep | null = null
  private partIndex = 0
  private reasonIndex = 0
  private idempotencyKey = ''

  static override _template(): Lightning.Component.Template<InvoiceDetailPageSpec> {
    return {
      ...super._template(),
      Content: {
        Badge: { x: SAFE.x + SAFE.w, y: SAFE.y + 70, w: BADGE.w, mountX: 1 },
        Lines: { type: ScrollPanel, x: SAFE.x, y: CONTENT_Y, w: LEFT.w, h: LEFT.h },
        Payment: { type: ScrollPanel, x: RIGHT.x, y: CONTENT_Y, w: RIGHT.w, h: LEFT.h },
        Complain: { type: ActionButton, x: RIGHT.x, y: CONTENT_Y + LEFT.h - BUTTON.h, w: RIGHT.w, h: BUTTON.h, visible: false, signals: { pressed: '_askComplaint' } },
      },
      Dialog: { type: ChoiceDialog, signals: { chosen: '_dialogChosen', dismissed: '_dialogDismissed' } },
    }
  }

  get dialog(): ChoiceDialog {
    return this.tag('Dialog')!
  }

  protected render(invoice: InvoiceDetail): void {
    this.invoice = invoice
    this.title = t('invoice.title', { number: invoice.number })
    this.tag('Content.Badge')!.childList.patch({ Status: statusBadge(invoice.status) })
    this.arrival = [invoiceArrival(invoice)]
    const complain = canComplain(invoice)
    this.tag('Content.Complain')!.patch({ visible: complain, label: t('complaint.action') })
    this.tag('Content.Payment')!.patch({ h: complain ? LEFT.h - BUTTON.h - BUTTON.gap : LEFT.h })
    this.tag('Content.Lines')!.fill(linesColumn(invoice, LEFT.w), linesSpoken(invoice))
    this.tag('Content.Payment')!.fill(paymentColumn(invoice, RIGHT.w), paymentSpoken(invoice))
    this.markScrolled()
    if (this.dialog.isOpen && this.step?.kind !== 'done') this.closeDialog()
  }

  protected override scrollPanels(): ScrollPanel[] {
    return [this.tag('Content.Lines')!, this.tag('Content.Payment')!]
  }

  /**
   * The dialog while it is open; else the page holds focus and the arrows read the panels (voice guidance reads
   * the lines on arrival), and OK opens "Reclamar" when it is offered (the button under the panel says so).
   */
  protected focusedContent(): Lightning.Component | undefined {
    return this.dialog.isOpen ? this.dialog : undefined
  }

  override _handleEnter(): boolean {
    this._askComplaint()
    return true
  }

  private show(step: ComplaintStep): void {
    const invoice = this.invoice
    if (!invoice) return
    this.step = step
    const part = complaintParts(invoice)[this.partIndex]!
    this.dialog.open(complaintDialog(invoice, step, part, COMPLAINT_REASONS[this.reasonIndex]!))
    this._refocus()
  }

  private closeDialog(): void {
    this.step = null
    this.dialog.close()
    this._refocus()
  }

  /** A new flow: the whole invoice and the first reason, and a key of its own for every try of it. */
  _askComplaint(): void {
    if (!this.invoice || !canComplain(this.invoice)) return
    this.partIndex = 0
    this.reasonIndex = 0
    this.idempotencyKey = newIdempotencyKey()
    this.show({ kind: 'part' })
  }

  _dialogDismissed(): void {
    if (this.step?.kind !== 'sending') this.closeDialog()
  }

  _dialogChosen(id: string): void {
    const step = this.step
    if (!step || !this.invoice) return
    if (id === 'cancel' || id === 'close') return step.kind === 'sending' ? undefined : this.closeDialog()
    if (step.kind === 'part') {
      if (id === 'next') this.partIndex = (this.partIndex + 1) % complaintParts(this.invoice).length
      return this.show(id === 'next' ? step : { kind: 'reason' })
    }
    if (step.kind === 'reason') {
      if (id === 'next') this.reasonIndex = (this.reasonIndex + 1) % COMPLAINT_REASONS.length
      return this.show(id === 'next' ? step : { kind: 'confirm' })
    }
    if (id === 'send' && (step.kind === 'confirm' || step.kind === 'failed')) void this.send()
  }

  private async send(): Promise<void> {
    const invoice = this.invoice
    if (!invoice) return
    const part = complaintParts(invoice)[this.partIndex]!
    this.show({ kind: 'sending' })
    const sent = await complainAboutInvoice(invoice.id, part.line, COMPLAINT_REASONS[this.reasonIndex] as ComplaintReason, this.idempotencyKey)
    if (!sent.ok) return this.show({ kind: 'failed', problem: describeFailure(sent.failure) })
    // The server's complaint on the page at once; the status follows on the next load (the cache was cleared).
    this.render({ ...invoice, complaint: sent.data.complaint })
    this.show({ kind: 'done', complaint: sent.data.complaint })
  }

  /** Left/Right switch between the invoice's lines and how to pay it; OK opens "Reclamar" when it is offered. */
  protected override keyHints(): KeyHint[] {
    const hints = super.keyHints().map((hint) => (hint.key === 'leftRight' ? { ...hint, label: t('invoice.keys.panels') } : hint))
    return this.invoice && canComplain(this.invoice) ? [{ key: 'ok', label: t('complaint.action') }, ...hints] : hints
  }
}
