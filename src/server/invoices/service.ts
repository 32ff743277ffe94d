// Invoices as the API answers them: stored facts plus the rules of the day
// (status, days overdue, timeline) computed by domain/ for `today`.
import {
  type ComplaintReceipt,
  type ComplaintRequest,
  type InvoiceComplaint,
  type InvoiceDetail,
  type InvoiceList,
  type InvoiceListQuery,
  type InvoicesOverview,
  type InvoiceSummary,
  INVOICES_PAGE_DEFAULT,
  type Payment,
} from '../../contract'
import { assessInvoice, COMPLAINT_DAYS, complaintTerms, type InvoiceAssessment, mostUrgentInvoice } from '../../domain/billing'
import { addDays } from '../../domain/dates'
import { formatDate } from '../../domain/format'
import { vatCents } from '../../domain/money'
import { can, denial } from '../../domain/permissions'
import { maskIban } from '../../domain/iban'
import type { Session } from '../http/context'
import { ApiError } from '../http/errors'
import { type Keyset, keysetPage, positionOf, readCursor } from '../http/pages'
import type { Db, InvoiceComplaintTable, InvoiceTable } from '../store/db'
import { oncePerKey } from '../store/receipts'
import { invoiceDocumentUrl, MULTIBANCO_BENEFICIARY } from '../operator'

const SUMMARY_COLUMNS = [
  'id',
  'number',
  'period_start',
  'period_end',
  'invoice_date',
  'issue_date',
  'due_date',
  'total_cents',
  'paid_on',
  'notice_sent_on',
] as const

type SummaryRow = Pick<InvoiceTable, (typeof SUMMARY_COLUMNS)[number]>

/** The complaints about these invoices, by invoice. */
async function complaintsOf(db: Db, invoiceIds: readonly string[]): Promise<Map<string, InvoiceComplaintTable>> {
  if (invoiceIds.length === 0) return new Map()
  const rows = await db.selectFrom('invoice_complaint').selectAll().where('invoice_id', 'in', invoiceIds).execute()
  return new Map(rows.map((row) => [row.invoice_id, row]))
}

function toComplaint(row: InvoiceComplaintTable, invoice: Pick<InvoiceTable, 'issue_date' | 'due_date'>): InvoiceComplaint {
  const terms = complaintTerms({ issueDate: invoice.issue_date, dueDate: invoice.due_date }, row.filed_on)
  return {
    filedOn: row.filed_on,
    line: row.line,
    reason: row.reason,
    disputedCents: row.disputed_cents,
    suspendsPayment: terms.suspendsPayment,
    decisionBy: terms.decisionBy,
    decidedOn: row.decided_on,
  }
}

function assess(row: SummaryRow, complaint: InvoiceComplaintTable | undefined, session: Session, today: string): InvoiceAssessment {
  return assessInvoice(
    {
      dueDate: row.due_date,
      totalCents: row.total_cents,
      paidOn: row.paid_on,
      complaint: complaint ? { filedOn: complaint.filed_on, disputedCents: complaint.disputed_cents, decidedOn: complaint.decided_on } : null,
      noticeSentOn: row.notice_sent_on,
      periodEnd: row.period_end,
      consumer: session.consumer,
    },
    today,
  )
}

function toSummary(row: SummaryRow, { status, daysOverdue }: InvoiceAssessment): InvoiceSummary {
  return {
    id: row.id,
    number: row.number,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    invoiceDate: row.invoice_date,
    issueDate: row.issue_date,
    dueDate: row.due_date,
    totalCents: row.total_cents,
    status,
    daysOverdue,
  }
}

function stored<T>(value: T | null, column: string, invoiceId: string): T {
  if (value === null) throw new Error(`invoice ${invoiceId} has no ${column}`)
  return value
}

function toPayment(row: InvoiceTable): Payment {
  if (row.payment_method === 'multibanco') {
    return {
      method: 'multibanco',
      entity: stored(row.multibanco_entity, 'multibanco_entity', row.id),
      reference: stored(row.multibanco_reference, 'multibanco_reference', row.id),
      amountCents: row.total_cents,
      beneficiary: MULTIBANCO_BENEFICIARY,
    }
  }
  // The debit is collected on the due date; the full IBAN never leaves the server.
  return { method: 'direct-debit', ibanMasked: maskIban(stored(row.debit_iban, 'debit_iban', row.id)), collectionDate: row.due_date }
}

/** The list's order, newest first (period start, then id), over the account's invoices. */
function newestFirst(db: Db, session: Session): Keyset<SummaryRow> {
  const account = () => db.selectFrom('invoice').where('account_id', '=', session.account.id)
  return {
    columns: ['period_start', 'id'],
    descending: true,
    keyOf: (row) => [row.period_start, row.id],
    rows: (where, direction, limit) =>
      (where ? account().where(where) : account()).select(SUMMARY_COLUMNS).orderBy('period_start', direction).orderBy('id', direction).limit(limit).execute(),
    count: async (where) => Number((await (where ? account().where(where) : account()).select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow()).count),
  }
}

/** The newest `limit` invoices. */
async function listInvoices(db: Db, session: Session, limit: number, today: string): Promise<InvoiceSummary[]> {
  const rows = await newestFirst(db, session).rows(null, 'desc', limit)
  return summaries(db, rows, session, today)
}

/**
 * A page of the invoices, newest first, after or before a cursor; with what is to pay on every page and
 * where the most urgent invoice is, so the list opens on it without the whole list (issue 20).
 */
export async function invoicesPage(db: Db, session: Session, query: InvoiceListQuery, today: string): Promise<Omit<InvoiceList, 'upcomingPremium'>> {
  const cursor = query.cursor === undefined ? null : readCursor(query.cursor, 2)
  const order = newestFirst(db, session)
  const [total, toPay] = await Promise.all([order.count(null), unpaidInvoices(db, session, today)])
  const page = await keysetPage(order, cursor, query.limit ?? INVOICES_PAGE_DEFAULT, total)
  const urgent = mostUrgentInvoice(toPay)
  return {
    total,
    position: page.position,
    items: await summaries(db, page.rows, session, today),
    next: page.next,
    previous: page.previous,
    unpaidCount: toPay.length,
    unpaidTotalCents: toPay.reduce((sum, invoice) => sum + invoice.totalCents, 0),
    mostUrgent: urgent ? { id: urgent.id, position: await positionOf(order, [urgent.periodStart, urgent.id]) } : null,
  }
}

async function summaries(db: Db, rows: SummaryRow[], session: Session, today: string): Promise<InvoiceSummary[]> {
  const complaints = await complaintsOf(db, rows.map((row) => row.id))
  return rows.map((row) => toSummary(row, assess(row, complaints.get(row.id), session, today)))
}

/**
 * Whether an invoice is late today as its own page says: a complaint made "até à data limite de
 * pagamento" suspends only the part it disputes, and a later one suspends nothing (001 G).
 */
export async function hasOverdueInvoice(db: Db, session: Session, today: string): Promise<boolean> {
  const pastDue = await db
    .selectFrom('invoice')
    .select(SUMMARY_COLUMNS)
    .where('account_id', '=', session.account.id)
    .where('paid_on', 'is', null)
    .where('due_date', '<', today)
    .execute()
  return (await summaries(db, pastDue, session, today)).some((invoice) => invoice.status === 'overdue')
}

/** The invoices to pay today (unpaid or overdue), oldest first. */
async function unpaidInvoices(db: Db, session: Session, today: string): Promise<InvoiceSummary[]> {
  const notYetPaid = await db
    .selectFrom('invoice')
    .select(SUMMARY_COLUMNS)
    .where('account_id', '=', session.account.id)
    .where((eb) => eb.or([eb('paid_on', 'is', null), eb('paid_on', '>', today)]))
    .orderBy('period_start', 'asc')
    .execute()
  return (await summaries(db, notYetPaid, session, today)).filter((invoice) => invoice.status === 'unpaid' || invoice.status === 'overdue')
}

/** The invoice to act on next (the oldest unpaid one, else the latest), how many are unpaid and what they add up to. */
export async function invoicesOverview(db: Db, session: Session, today: string): Promise<InvoicesOverview> {
  const unpaid = await unpaidInvoices(db, session, today)
  if (unpaid.length > 0) {
    return { next: unpaid[0], unpaidCount: unpaid.length, unpaidTotalCents: unpaid.reduce((sum, invoice) => sum + invoice.totalCents, 0) }
  }
  const [latest] = await listInvoices(db, session, 1, today)
  return { next: latest ?? null, unpaidCount: 0, unpaidTotalCents: 0 }
}

/** Undefined when the invoice does not exist or belongs to another account. */
export async function invoiceDetail(db: Db, session: Session, id: string, today: string): Promise<InvoiceDetail | undefined> {
  const row = await db
    .selectFrom('invoice')
    .selectAll()
    .where('id', '=', id)
    .where('account_id', '=', session.account.id)
    .executeTakeFirst()
  if (!row) return undefined
  const [lines, previous, complaints] = await Promise.all([
    db
      .selectFrom('invoice_line')
      .select(['line_group', 'description', 'net_cents'])
      .where('invoice_id', '=', row.id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('invoice')
      .select('total_cents')
      .where('account_id', '=', session.account.id)
      .where('period_start', '<', row.period_start)
      .orderBy('period_start', 'desc')
      .limit(1)
      .executeTakeFirst(),
    complaintsOf(db, [row.id]),
  ])
  const complaint = complaints.get(row.id)
  const assessment = assess(row, complaint, session, today)
  return {
    ...toSummary(row, assessment),
    atcud: row.atcud,
    region: row.region,
    vatRatePercent: row.vat_rate_percent,
    netCents: row.net_cents,
    vatCents: row.vat_cents,
    lines: lines.map((line) => ({ group: line.line_group, description: line.description, netCents: line.net_cents })),
    previousTotalCents: previous?.total_cents ?? null,
    partialPeriod: row.partial_period === 1,
    payment: toPayment(row),
    documentUrl: invoiceDocumentUrl(row.id),
    timeline: assessment.timeline,
    complaint: complaint ? toComplaint(complaint, row) : null,
    complaintBy: addDays(row.issue_date, COMPLAINT_DAYS),
    complainDenied: can(session.viewer.profile, 'invoices.complain') ? null : { denied: true, ...denial('invoices.complain') },
  }
}

const refused = (status: number, error: string, reason: string) => new ApiError(status, { error, reason })

/**
 * Records a complaint about an invoice of the account (004 general §19.3–19.5; 001 G), once per idempotency
 * key: a line or the whole invoice, within 30 days of its issue, one per invoice. Undefined: no such invoice.
 */
export async function fileComplaint(db: Db, session: Session, id: string, request: ComplaintRequest, today: string, now: Date): Promise<{ status: number; body: ComplaintReceipt } | undefined> {
  const invoice = await db.selectFrom('invoice').selectAll().where('id', '=', id).where('account_id', '=', session.account.id).executeTakeFirst()
  if (!invoice) return undefined
  const fingerprint = `complaint:${id}:${request.line ?? 'all'}:${request.reason}`
  return oncePerKey(db, session.account.id, request.idempotencyKey, fingerprint, now, async (trx) => {
    const terms = complaintTerms({ issueDate: invoice.issue_date, dueDate: invoice.due_date }, today)
    // §19.4: "The deadline to present the complaint … is 30 (thirty) days, as of the knowledge of the facts".
    if (!terms.inTime) {
      throw refused(422, 'complaint-too-late', `O prazo para reclamar da fatura ${invoice.number} terminou a ${formatDate(terms.deadline)}: 30 dias desde a emissão. Pode reclamar no Livro de Reclamações ou ligar 16990.`)
    }
    const earlier = await trx.selectFrom('invoice_complaint').select('filed_on').where('invoice_id', '=', id).executeTakeFirst()
    if (earlier) throw refused(409, 'already-disputed', `A fatura ${invoice.number} já está em reclamação desde ${formatDate(earlier.filed_on)}.`)
    let disputedCents = invoice.total_cents
    if (request.line !== null) {
      const line = await trx.selectFrom('invoice_line').select('net_cents').where('invoice_id', '=', id).where('position', '=', request.line).executeTakeFirst()
      if (!line) throw refused(422, 'no-such-line', `A fatura ${invoice.number} não tem a linha ${request.line + 1}.`)
      disputedCents = line.net_cents + vatCents(line.net_cents, invoice.vat_rate_percent)
    }
    if (disputedCents <= 0) throw refused(422, 'nothing-disputed', 'Um crédito a seu favor não pode ser reclamado: escolha uma linha cobrada ou a fatura toda.')
    const row: InvoiceComplaintTable = { invoice_id: id, account_id: session.account.id, filed_on: today, line: request.line, reason: request.reason, disputed_cents: disputedCents, decided_on: null }
    await trx.insertInto('invoice_complaint').values(row).execute()
    await trx.updateTable('invoice').set({ disputed_on: today }).where('id', '=', id).execute()
    return { status: 201, body: { complaint: toComplaint(row, invoice), replayed: false } }
  })
}
