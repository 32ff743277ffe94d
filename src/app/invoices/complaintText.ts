// What invoices/:id says of a complaint (004 general §19.3–19.5; 001 G; who may make
// one: seed 002): what can be disputed, the steps of the "Reclamar" dialog, and a
// complaint's state once the server has judged it.
import type { ComplaintReason, InvoiceComplaint, InvoiceDetail } from '../../contract'
import { formatDate, formatMoney } from '../../domain/format'
import { vatCents } from '../../domain/money'
import type { ChoiceDialogSpec } from '../kit/ChoiceDialog'
import type { Column } from '../kit/Column'
import { t, uiLanguage } from '../kit/i18n'
import { COLOR, TEXT } from '../kit/theme'

/** What a complaint can be about: the whole invoice, or one charged line, each with its amount with IVA. */
export interface ComplaintPart {
  line: number | null
  label: string
  amountCents: number
}

export const COMPLAINT_REASONS: readonly ComplaintReason[] = ['wrong-amount', 'not-contracted', 'service-unavailable', 'already-paid', 'other']

export function complaintParts(invoice: InvoiceDetail): ComplaintPart[] {
  const lines = invoice.lines.flatMap((line, index) =>
    line.netCents > 0 ? [{ line: index, label: line.description, amountCents: line.netCents + vatCents(line.netCents, invoice.vatRatePercent) }] : [],
  )
  return [{ line: null, label: t('complaint.whole'), amountCents: invoice.totalCents }, ...lines]
}

/** A complaint as the server judged it: what, why, and whether payment of that part waits for the decision (001 G). */
export function complaintLines(invoice: InvoiceDetail, complaint: InvoiceComplaint): string[] {
  const lang = uiLanguage()
  const part = complaint.line === null ? t('complaint.whole') : (invoice.lines[complaint.line]?.description ?? '')
  const lines = [t('complaint.filed', { date: formatDate(complaint.filedOn, lang), part, amount: formatMoney(complaint.disputedCents), reason: t(`complaint.reason.${complaint.reason}`) })]
  if (complaint.decidedOn) return [...lines, t('complaint.decided', { date: formatDate(complaint.decidedOn, lang) })]
  return [...lines, t(complaint.suspendsPayment ? 'complaint.suspends' : 'complaint.noSuspension', { date: formatDate(complaint.decisionBy, lang) })]
}

/** The invoice's complaint and its state, or until when one can be made and, for a profile that may not, who can. */
export function complaintBlock(column: Column, invoice: InvoiceDetail): void {
  if (invoice.complaint) {
    column.gap().text(t('complaint.title'), { size: TEXT.heading, bold: true })
    for (const line of complaintLines(invoice, invoice.complaint)) column.text(line, { size: TEXT.small, maxLines: 3 })
    return
  }
  if (!invoice.complaintBy) return
  column.gap().text(t('complaint.until', { date: formatDate(invoice.complaintBy, uiLanguage()) }), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
  if (invoice.complainDenied) {
    column.text(t('denied.whoCanHelp', { profiles: invoice.complainDenied.allowedProfiles.map((p) => t(`profile.${p}`)).join(', ') }), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
  }
}

/** Whether the viewer is offered "Reclamar": no complaint yet, a last day known, and a profile that may (seed 002). */
export function canComplain(invoice: InvoiceDetail): boolean {
  return !invoice.complaint && !!invoice.complaintBy && !invoice.complainDenied
}

export type ComplaintStep =
  | { kind: 'part' }
  | { kind: 'reason' }
  | { kind: 'confirm' }
  | { kind: 'sending' }
  | { kind: 'done'; complaint: InvoiceComplaint }
  | { kind: 'failed'; problem: string }

/** The dialog of each step: choose the part, then the reason (a button moves to the next), confirm, and the answer. */
export function complaintDialog(invoice: InvoiceDetail, step: ComplaintStep, part: ComplaintPart, reason: ComplaintReason): ChoiceDialogSpec {
  const cancel = { id: 'cancel', label: t('complaint.cancel') }
  // Back leaves the flow with nothing sent at every step but while the complaint is on its way.
  const back = t('complaint.keys.leave')
  const amount = formatMoney(part.amountCents)
  switch (step.kind) {
    case 'part':
      return { title: t('complaint.ask.part'), message: `${part.label}: ${amount}`, choices: [cancel, { id: 'next', label: t('complaint.next.part') }, { id: 'continue', label: t('complaint.continue') }], focusId: 'continue', back }
    case 'reason':
      return { title: t('complaint.ask.reason'), message: t(`complaint.reason.${reason}`), choices: [cancel, { id: 'next', label: t('complaint.next.reason') }, { id: 'continue', label: t('complaint.continue') }], focusId: 'continue', back }
    case 'confirm':
    case 'sending':
      return {
        title: t('complaint.ask.confirm'),
        message: step.kind === 'sending' ? t('complaint.sending') : t('complaint.confirm', { part: part.label, amount, reason: t(`complaint.reason.${reason}`), due: formatDate(invoice.dueDate, uiLanguage()) }),
        choices: [cancel, { id: 'send', label: t('complaint.send') }],
        focusId: 'cancel',
        ...(step.kind === 'sending' ? { back: null, choosing: false } : { back }),
      }
    case 'done':
      return { title: t('complaint.done'), message: complaintLines(invoice, step.complaint).join(' '), choices: [{ id: 'close', label: t('complaint.ok') }], back: t('keys.close') }
    case 'failed':
      return { title: t('complaint.failed'), message: step.problem, choices: [cancel, { id: 'send', label: t('complaint.retry') }], focusId: 'send', back }
  }
}
