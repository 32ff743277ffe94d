// What invoices/:id says: the billed lines by group with totals and the change from
// last month; how to pay (Multibanco or direct debit), the QR code and, when late,
// the overdue timeline dated by the server (seed 004 general §10).
import type { InvoiceDetail, InvoiceLine, LineGroup, OverdueTimeline, Payment, UpcomingPremium } from '../../contract'
import { formatDate, formatDayMonth, formatMoney, formatPercent } from '../../domain/format'
import { Column, type Paragraph } from '../kit/Column'
import { t, uiLanguage } from '../kit/i18n'
import { qrImage } from '../kit/QrCode'
import { COLOR, TEXT } from '../kit/theme'

const GROUPS: readonly LineGroup[] = ['base', 'monthly', 'extra', 'credit']

export function linesColumn(invoice: InvoiceDetail, width: number): Column {
  const lang = uiLanguage()
  const column = new Column(width)
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

export function comparison(invoice: InvoiceDetail): string {
  if (invoice.previousTotalCents === null) return t('invoice.previous.none')
  const difference = invoice.totalCents - invoice.previousTotalCents
  if (difference === 0) return t('invoice.previous.same')
  return t(difference > 0 ? 'invoice.previous.more' : 'invoice.previous.less', { amount: formatMoney(Math.abs(difference)) })
}

export function paymentColumn(invoice: InvoiceDetail, width: number): Column {
  const column = new Column(width)
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


/** How many premium lines the list's side shows before "+N more". */
const UPCOMING_LINES = 3

/** Premium charges the next invoice will carry, before it is issued (seed 001 §12: charged in advance). */
export function upcomingLines(upcoming: UpcomingPremium | undefined): Paragraph[] {
  if (!upcoming || upcoming.lines.length === 0) return []
  const lang = uiLanguage()
  const lines: Paragraph[] = [
    { text: t('invoices.upcoming', { date: formatDate(upcoming.invoiceDate, lang) }), color: COLOR.muted },
    ...upcoming.lines.slice(0, UPCOMING_LINES).map((line) => ({
      text: t('invoices.upcoming.line', { description: line.description, from: formatDayMonth(line.from, lang), to: formatDayMonth(line.to, lang) }),
      size: TEXT.small,
    })),
  ]
  if (upcoming.lines.length > UPCOMING_LINES) lines.push({ text: t('premium.more', { count: upcoming.lines.length - UPCOMING_LINES }), size: TEXT.small, color: COLOR.muted })
  lines.push({ text: t('invoices.upcoming.total', { total: formatMoney(upcoming.totalCents) }), bold: true })
  return lines
}
