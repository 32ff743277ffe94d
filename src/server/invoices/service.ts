// Invoices as the API answers them: stored facts plus the rules of the day
// (status, days overdue, timeline) computed by domain/ for `today`.
import type { InvoiceDetail, InvoicesOverview, InvoiceSummary, Payment } from '../../contract'
import { assessInvoice, type InvoiceAssessment } from '../../domain/billing'
import { maskIban } from '../../domain/iban'
import type { Session } from '../http/context'
import type { Db, InvoiceTable } from '../store/db'
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
  'disputed_on',
  'notice_sent_on',
] as const

type SummaryRow = Pick<InvoiceTable, (typeof SUMMARY_COLUMNS)[number]>

function assess(row: SummaryRow, session: Session, today: string): InvoiceAssessment {
  return assessInvoice(
    {
      dueDate: row.due_date,
      totalCents: row.total_cents,
      paidOn: row.paid_on,
      disputedOn: row.disputed_on,
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

/** Newest first. */
export async function listInvoices(db: Db, session: Session, limit: number, today: string): Promise<InvoiceSummary[]> {
  const rows = await db
    .selectFrom('invoice')
    .select(SUMMARY_COLUMNS)
    .where('account_id', '=', session.account.id)
    .orderBy('period_start', 'desc')
    .limit(limit)
    .execute()
  return rows.map((row) => toSummary(row, assess(row, session, today)))
}

/** The invoice to act on next (the oldest unpaid one, else the latest) and how many are unpaid. */
export async function invoicesOverview(db: Db, session: Session, today: string): Promise<InvoicesOverview> {
  const notYetPaid = await db
    .selectFrom('invoice')
    .select(SUMMARY_COLUMNS)
    .where('account_id', '=', session.account.id)
    .where((eb) => eb.or([eb('paid_on', 'is', null), eb('paid_on', '>', today)]))
    .orderBy('period_start', 'asc')
    .execute()
  const unpaid = notYetPaid
    .map((row) => toSummary(row, assess(row, session, today)))
    .filter((invoice) => invoice.status === 'unpaid' || invoice.status === 'overdue')
  if (unpaid.length > 0) return { next: unpaid[0], unpaidCount: unpaid.length }
  const [latest] = await listInvoices(db, session, 1, today)
  return { next: latest ?? null, unpaidCount: 0 }
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
  const [lines, previous] = await Promise.all([
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
  ])
  const assessment = assess(row, session, today)
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
  }
}
