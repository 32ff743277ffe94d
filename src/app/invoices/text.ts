// What invoices/:id says: the billed lines by group with totals and the change from
// last month; how to pay (Multibanco or direct debit), the QR code and, when late,
// the overdue timeline dated by the server (seed 004 general §10).
import type { InvoiceDetail, InvoiceLine, InvoiceList, InvoiceSummary, LineGroup, OverdueTimeline, Payment, UpcomingPremium } from '../../contract'
import { formatDate, formatDayMonth, formatMoney, formatPercent } from '../../domain/format'
import { spokenCount, spokenDate, spokenMoney, spokenMonthYear, spokenMultibanco, type Gender } from '../../domain/spoken'
import { Column, type Paragraph } from '../kit/Column'
import { t, uiLanguage } from '../kit/i18n'
import { qrImage } from '../kit/QrCode'
import { COLOR, TEXT } from '../kit/theme'
import { complaintBlock } from './complaintText'

const GROUPS: readonly LineGroup[] = ['base', 'monthly', 'extra', 'credit']

export function linesColumn(invoice: InvoiceDetail, width: number): Column {
  const lang = uiLanguage()
  const column = new Column(width)
  column
    .pair(t('invoice.period'), `${formatDate(invoice.periodStart, lang)} – ${formatDate(invoice.periodEnd, lang)}`)
    .pair(t('invoice.invoiceDate'), formatDate(invoice.invoiceDate, lang))
    .pair(t('invoice.issueDate'), formatDate(invoice.issueDate, lang))
    // Late, the invoice's own due date has passed: said so, not to be read as the date to pay by (the timeline's).
    .pair(t(invoice.status === 'overdue' ? 'invoice.dueDate.passed' : 'invoice.dueDate'), formatDate(invoice.dueDate, lang), { bold: true })
    .pair(t('invoice.atcud'), invoice.atcud)
  if (invoice.partialPeriod) column.text(t('invoice.partial'), { size: TEXT.small, color: COLOR.muted })
  // The operator bills in Portuguese: in another language the lines stay as billed, and the screen says so.
  if (lang !== 'pt') column.text(t('invoice.asBilled'), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
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
  complaintBlock(column, invoice)
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

/**
 * The overdue timeline as the server dated it (004 TV §8.4–8.7, general §10.5, §10.12, §12.2–12.7, §18.10):
 * what happens when, what is added and on which invoice, and what to pay by when — to keep the service while
 * it is active, to reactivate it (with the reactivation fee, §12.7) while suspended, nothing once terminated.
 */
function timelineBlock(column: Column, timeline: OverdueTimeline): void {
  const lang = uiLanguage()
  const small = { size: TEXT.small, maxLines: 2 }
  const notice = timeline.noticeSentOn
    ? t('timeline.noticeSent', { date: formatDate(timeline.noticeSentOn, lang) })
    : t('timeline.notice', { date: formatDate(timeline.noticeBy, lang) })
  const fee = formatMoney(timeline.collectionFeeCents)
  const interest = formatMoney(timeline.interestCents)
  const rate = formatRate(timeline.interestBasisPoints)
  column
    .text(t('timeline.title'), { bold: true, color: COLOR.danger })
    .text(t(`timeline.status.${timeline.serviceStatus}`), { ...small, color: COLOR.warning })
    .text(notice, small)
    .text(t('timeline.suspension', { date: formatDate(timeline.suspensionFrom, lang) }), small)
    .text(t('timeline.termination', { date: formatDate(timeline.terminationFrom, lang) }), small)
    .text(
      timeline.feeInvoiceDate
        ? t('timeline.feesOnInvoice', { fee, invoice: formatDate(timeline.feeInvoiceDate, lang), interest, rate })
        : t('timeline.fees', { fee, interest, rate }),
      small,
    )
  if (timeline.nonConsumerTerminationFrom) {
    column.text(t('timeline.nonConsumer', { date: formatDate(timeline.nonConsumerTerminationFrom, lang) }), small)
  }
  if (timeline.debtorsDatabaseReportable) {
    column.text(t('timeline.debtors', { amount: formatMoney(timeline.debtorsDatabaseThresholdCents) }), small)
  }
  if (timeline.payBy === null) return
  column.text(t('timeline.partial'), small)
  column.text(
    timeline.serviceStatus === 'suspended'
      ? t('timeline.reactivateBy', { date: formatDate(timeline.payBy, lang), fee: formatMoney(timeline.reactivationFeeCents) })
      : t('timeline.payBy', { date: formatDate(timeline.payBy, lang) }),
    { bold: true, maxLines: 3 },
  )
}

/** "10,15 %": a yearly rate in basis points. */
function formatRate(basisPoints: number): string {
  return `${(basisPoints / 100).toFixed(2).replace('.', ',')} %`
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

// What voice guidance says (issue 18): amounts, dates and references in words (domain/spoken).

/** An invoice's row: "Fatura de novembro de dois mil e vinte e seis, setenta euros e vinte e sete cêntimos, Por pagar". */
export function invoiceSpoken(invoice: InvoiceSummary): string {
  const lang = uiLanguage()
  return t('voice.invoice.row', {
    period: spokenMonthYear(invoice.periodStart, lang),
    amount: spokenMoney(invoice.totalCents, lang),
    status: t(`status.${invoice.status}`),
  })
}

/** The list's main fact on arrival: how many are to pay and how much, on every page. */
export function invoicesArrival(list: InvoiceList): string {
  const lang = uiLanguage()
  if (list.unpaidCount === 0) return t('voice.invoices.unpaid.none')
  const noun = { one: t('voice.noun.invoice.one'), other: t('voice.noun.invoice.other'), gender: t('voice.noun.invoice.gender') as Gender }
  return t('voice.invoices.unpaid', { count: spokenCount(list.unpaidCount, noun, lang), amount: spokenMoney(list.unpaidTotalCents, lang) })
}

/** An invoice's main fact on arrival: its total, status and due date. */
export function invoiceArrival(invoice: InvoiceDetail): string {
  const lang = uiLanguage()
  const amount = spokenMoney(invoice.totalCents, lang)
  if (invoice.status === 'paid') return t('voice.invoice.arrival.paid', { amount })
  return t('voice.invoice.arrival', { amount, status: t(`status.${invoice.status}`), date: spokenDate(invoice.dueDate, lang) })
}

/** The billed lines, read when the lines panel has focus. */
export function linesSpoken(invoice: InvoiceDetail): string[] {
  const lang = uiLanguage()
  return [
    ...invoice.lines.map((line) => t('voice.invoice.line', { description: line.description, amount: spokenMoney(line.netCents, lang) })),
    t('voice.invoice.total', { amount: spokenMoney(invoice.totalCents, lang) }),
  ]
}

/** How to pay, read when the payment panel has focus: the Multibanco numbers digit by digit. */
export function paymentSpoken(invoice: InvoiceDetail): string[] {
  const lang = uiLanguage()
  const { payment } = invoice
  if (invoice.status === 'paid') return [t('payment.title'), t('payment.paid')]
  if (payment.method === 'multibanco') {
    const digits = spokenMultibanco(payment.entity, payment.reference, lang)
    return [t('voice.payment.multibanco', { ...digits, amount: spokenMoney(payment.amountCents, lang) })]
  }
  return [t('voice.payment.directDebit', { date: spokenDate(payment.collectionDate, lang) })]
}
