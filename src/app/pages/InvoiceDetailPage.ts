// invoices/:id: what was billed (lines by group, totals, change from last month)
// on the left; how to pay (Multibanco or direct debit), a QR code for the phone
// and, when late, the overdue timeline dated by the server on the right.
import { Lightning } from '@lightningjs/sdk'
import type { InvoiceDetail, InvoiceLine, LineGroup, OverdueTimeline, Payment } from '../../contract'
import { formatDate, formatMoney, formatPercent } from '../../domain/format'
import { t, uiLanguage } from '../i18n'
import { COLOR, SAFE, TEXT } from '../theme'
import { FocusBox } from '../widgets/FocusBox'
import { qrImage } from '../widgets/QrCode'
import { BADGE, statusBadge } from '../widgets/StatusBadge'
import { textSpec } from '../widgets/text'
import { CONTENT_Y, DataPage } from './DataPage'

const GROUPS: readonly LineGroup[] = ['base', 'monthly', 'extra', 'credit']
const LEFT = { w: 1000, h: SAFE.y + SAFE.h - CONTENT_Y - 10, pad: 32 }
const RIGHT = { x: SAFE.x + LEFT.w + 40, w: SAFE.w - LEFT.w - 40 }
const LINE = 44

type Rows = Record<string, unknown>

/** A panel whose content may be taller than the screen: Up/Down scroll it. */
export class ScrollPanel extends FocusBox {
  private contentHeight = 0
  /** Where the content is heading: a held key repeats faster than the animation. */
  private offset = 0

  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return { ...super._template(), clipping: true }
  }

  fill(rows: Rows, contentHeight: number): void {
    this.contentHeight = contentHeight
    this.offset = 0
    this.tag('Content').setSmooth('y', 0, { duration: 0 })
    // A reused page (Router keeps it alive) must not keep rows of what it showed before:
    // an object patch only adds and updates children by ref, it never removes them.
    this.tag('Content').childList.clear()
    this.tag('Content').children = rows
  }

  override _handleUp(): boolean {
    return this.scroll(-LINE * 4)
  }

  override _handleDown(): boolean {
    return this.scroll(LINE * 4)
  }

  private scroll(by: number): boolean {
    const limit = Math.min(0, this.h - this.contentHeight - LEFT.pad)
    const y = Math.max(limit, Math.min(0, this.offset - by))
    if (y === this.offset) return false
    this.offset = y
    this.tag('Content').setSmooth('y', y, { duration: 0.15 })
    return true
  }
}

export class InvoiceDetailPage extends DataPage<InvoiceDetail> {
  private focusRight = false

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
    const lines = linesColumn(invoice)
    ;(this.tag('Lines') as ScrollPanel).fill(lines.rows, lines.height)
    const payment = paymentColumn(invoice)
    ;(this.tag('Payment') as ScrollPanel).fill(payment.rows, payment.height)
  }

  override _handleLeft(): void {
    this.focusRight = false
  }

  override _handleRight(): void {
    this.focusRight = true
  }

  protected focusedContent(): Lightning.Component {
    return this.tag(this.focusRight ? 'Payment' : 'Lines') as Lightning.Component
  }
}

/** Stacks rows of text top to bottom and reports the height used. */
export class Column {
  readonly rows: Rows = {}
  height = LEFT.pad
  private count = 0

  constructor(private readonly width: number) {}

  text(text: string, options: { size?: number; color?: number; bold?: boolean; maxLines?: number } = {}): this {
    const size = options.size ?? TEXT.body
    const maxLines = options.maxLines ?? 1
    this.rows[`R${this.count++}`] = { x: LEFT.pad, y: this.height, ...textSpec(text, { ...options, width: this.width - 2 * LEFT.pad, maxLines }) }
    this.height += Math.round(size * 1.3) * maxLines + 10
    return this
  }

  /** Label on the left, amount right-aligned. */
  pair(label: string, value: string, options: { bold?: boolean; color?: number } = {}): this {
    const y = this.height
    this.rows[`R${this.count++}`] = { x: LEFT.pad, y, ...textSpec(label, { width: this.width - 320, ...options }) }
    this.rows[`R${this.count++}`] = { x: this.width - LEFT.pad, y, mountX: 1, ...textSpec(value, { align: 'right', ...options }) }
    this.height += LINE
    return this
  }

  image(src: string, size: number): this {
    this.rows[`R${this.count++}`] = { x: LEFT.pad, y: this.height, w: size, h: size, src }
    this.height += size + 10
    return this
  }

  gap(px = 20): this {
    this.height += px
    return this
  }
}

function linesColumn(invoice: InvoiceDetail): Column {
  const lang = uiLanguage()
  const column = new Column(LEFT.w)
  column
    .pair(t('invoice.period'), `${formatDate(invoice.periodStart, lang)} – ${formatDate(invoice.periodEnd, lang)}`)
    .pair(t('invoice.invoiceDate'), formatDate(invoice.invoiceDate, lang))
    .pair(t('invoice.issueDate'), formatDate(invoice.issueDate, lang))
    .pair(t('invoice.dueDate'), formatDate(invoice.dueDate, lang), { bold: true })
    .pair(t('invoice.atcud'), invoice.atcud)
  if (invoice.partialPeriod) column.text(t('invoice.partial'), { size: TEXT.small, color: COLOR.muted })
  for (const group of GROUPS) {
    const lines = invoice.lines.filter((line: InvoiceLine) => line.group === group)
    if (lines.length === 0) continue
    column.gap().text(t(`group.${group}`), { size: TEXT.small, color: COLOR.muted, bold: true })
    for (const line of lines) column.pair(line.description, formatMoney(line.netCents))
  }
  column
    .gap()
    .pair(t('invoice.net'), formatMoney(invoice.netCents))
    .pair(t('invoice.vat', { rate: formatPercent(invoice.vatRatePercent) }), formatMoney(invoice.vatCents))
    .pair(t('invoice.total'), formatMoney(invoice.totalCents), { bold: true })
    .gap(10)
    .text(comparison(invoice), { size: TEXT.small, color: COLOR.muted })
  return column
}

function comparison(invoice: InvoiceDetail): string {
  if (invoice.previousTotalCents === null) return t('invoice.previous.none')
  const difference = invoice.totalCents - invoice.previousTotalCents
  if (difference === 0) return t('invoice.previous.same')
  return t(difference > 0 ? 'invoice.previous.more' : 'invoice.previous.less', { amount: formatMoney(Math.abs(difference)) })
}

function paymentColumn(invoice: InvoiceDetail): Column {
  const column = new Column(RIGHT.w)
  column.text(t('payment.title'), { size: TEXT.heading, bold: true })
  if (invoice.status === 'paid') column.text(t('payment.paid'), { color: COLOR.ok })
  else paymentBlock(column, invoice.payment)
  if (invoice.timeline) timelineBlock(column.gap(), invoice.timeline)
  const qr = qrImage(invoice.documentUrl)
  column.gap().text(t('payment.qr'), { size: TEXT.small, color: COLOR.muted }).image(qr.src, qr.size)
  return column
}

function paymentBlock(column: Column, payment: Payment): void {
  const lang = uiLanguage()
  if (payment.method === 'multibanco') {
    column
      .text(t('payment.multibanco'), { bold: true })
      .pair(t('payment.entity'), payment.entity, { bold: true })
      // Grouped 3-3-3 as printed on ATM screens and invoices.
      .pair(t('payment.reference'), payment.reference.replace(/(\d{3})(?=\d)/g, '$1 '), { bold: true })
      .pair(t('payment.amount'), formatMoney(payment.amountCents), { bold: true })
      .text(`${t('payment.beneficiary')}: ${payment.beneficiary}`, { size: TEXT.small, color: COLOR.muted })
  } else {
    column
      .text(t('payment.directDebit'), { bold: true })
      .text(t('payment.iban', { iban: payment.ibanMasked }))
      .text(t('payment.collection', { date: formatDate(payment.collectionDate, lang) }))
  }
}

function timelineBlock(column: Column, timeline: OverdueTimeline): void {
  const lang = uiLanguage()
  column
    .text(t('timeline.title'), { bold: true, color: COLOR.danger })
    .text(t(`timeline.status.${timeline.serviceStatus}`), { size: TEXT.small, maxLines: 2, color: COLOR.warning })
    .text(t('timeline.notice', { date: formatDate(timeline.noticeBy, lang) }), { size: TEXT.small, maxLines: 2 })
    .text(t('timeline.suspension', { date: formatDate(timeline.suspensionFrom, lang) }), { size: TEXT.small, maxLines: 2 })
    .text(t('timeline.termination', { date: formatDate(timeline.terminationFrom, lang) }), { size: TEXT.small, maxLines: 2 })
    .text(t('timeline.fees', { fee: formatMoney(timeline.collectionFeeCents), interest: formatMoney(timeline.interestCents) }), {
      size: TEXT.small,
      maxLines: 2,
    })
    .text(t('timeline.payBy', { date: formatDate(timeline.payBy, lang) }), { bold: true, maxLines: 2 })
}

