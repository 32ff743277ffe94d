// Invoices (seed 004 general §10, TV §7–8; seed 001): wire shapes.
import Type from 'typebox'
import { Cents, Denied, IsoDate, PageOf, PageQuery } from './common'
import { IdempotencyKey, UpcomingPremium } from './premium'

export const InvoiceStatus = Type.Union([
  Type.Literal('paid'), // paga
  Type.Literal('unpaid'), // por pagar
  Type.Literal('overdue'), // em atraso
  Type.Literal('disputed'), // em reclamação
])
export type InvoiceStatus = Type.Static<typeof InvoiceStatus>

/** VAT region: mainland 23 %, Madeira 22 %, Azores 16 %. */
export const VatRegion = Type.Union([Type.Literal('continente'), Type.Literal('madeira'), Type.Literal('acores')])
export type VatRegion = Type.Static<typeof VatRegion>

export const InvoiceSummary = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }),
  number: Type.String({ description: 'invoice number, e.g. FT 2026/1234567' }),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  /** "Data da fatura": the first day of the billed period. */
  invoiceDate: IsoDate,
  issueDate: IsoDate,
  dueDate: IsoDate,
  totalCents: Cents,
  status: InvoiceStatus,
  /** Days past the due date while unpaid; 0 otherwise. */
  daysOverdue: Type.Integer({ minimum: 0 }),
})
export type InvoiceSummary = Type.Static<typeof InvoiceSummary>

export const LineGroup = Type.Union([
  Type.Literal('base'), // Pacote base
  Type.Literal('monthly'), // Mensalidades (equipment rental, premium)
  Type.Literal('extra'), // Consumos adicionais (VoD rentals, calls)
  Type.Literal('credit'), // Créditos (unavailability > 24 h, seed 004 general §8.3; adjustments)
])
export type LineGroup = Type.Static<typeof LineGroup>

export const InvoiceLine = Type.Object({
  group: LineGroup,
  description: Type.String(),
  /** Before IVA; negative for credits. */
  netCents: Cents,
})
export type InvoiceLine = Type.Static<typeof InvoiceLine>

export const MultibancoPayment = Type.Object({
  method: Type.Literal('multibanco'),
  entity: Type.String({ pattern: '^\\d{5}$' }),
  /** 9 digits; the last two are the SIBS check digits. */
  reference: Type.String({ pattern: '^\\d{9}$' }),
  amountCents: Cents,
  beneficiary: Type.String(),
})

export const DirectDebitPayment = Type.Object({
  method: Type.Literal('direct-debit'),
  /** Only the country code and the last four digits are ever sent. */
  ibanMasked: Type.String(),
  collectionDate: IsoDate,
})

export const Payment = Type.Union([MultibancoPayment, DirectDebitPayment])
export type Payment = Type.Static<typeof Payment>

/** What happens to a late invoice, dated by the server (seed 004 TV §8.4–8.7, general §10.5, §10.12, §12.2 c, §12.7). */
export const OverdueTimeline = Type.Object({
  /** Last day allowed for the written notice of consequences: 10 days after the due date (TV §8.4). */
  noticeBy: IsoDate,
  /** Day the notice actually went out; null when none is recorded (the dates then assume `noticeBy`). */
  noticeSentOn: Type.Union([IsoDate, Type.Null()]),
  /** Suspension 30 days after the notice for consumers, 20 for non-consumers (general §12.2 c). */
  suspensionFrom: IsoDate,
  /** Automatic termination if still unpaid 30 days into the suspension (TV §8.6–8.7). */
  terminationFrom: IsoDate,
  /** What is due now: the total, less a disputed part a complaint made by the due date holds (seed 001 G). */
  amountDueCents: Cents,
  /** Collection fee of the tariff in force (general §10.5). */
  collectionFeeCents: Cents,
  /** Date of the invoice that will charge the fee (the next one); null when not known. */
  feeInvoiceDate: Type.Union([IsoDate, Type.Null()]),
  /** Where the fee comes from (the tariff table's source). */
  feesSource: Type.String(),
  /** Default interest accrued so far at the legal commercial rate of each day (§10.12). */
  interestCents: Cents,
  /** Yearly rate in force today, in basis points (1015 = 10,15 %). */
  interestBasisPoints: Type.Integer({ minimum: 0 }),
  interestSource: Type.String(),
  /** False when today is past the table's newest entry: the last published rate is carried on. */
  interestPublished: Type.Boolean(),
  /** Reactivation fee in force today, paid on top of the debt to lift a suspension (general §12.7). */
  reactivationFeeCents: Cents,
  /** Non-consumers only: the earliest day the contract may be terminated, 20 days late plus 8 days' notice (general §12.6 b). */
  nonConsumerTerminationFrom: Type.Union([IsoDate, Type.Null()]),
  /** 20 % of the minimum monthly wage in force: a debt from this amount may be reported to the shared debtors' database (general §18.10). */
  debtorsDatabaseThresholdCents: Cents,
  /** Whether the amount due reaches that threshold. */
  debtorsDatabaseReportable: Type.Boolean(),
  /**
   * Last day to pay (Civil Code art. 279: the day before the consequence): before the suspension, keeps the
   * service; during it, restores it; null once the contract has ended (nothing keeps or restores it then).
   */
  payBy: Type.Union([IsoDate, Type.Null()]),
  /** The service today, judged by the server's clock (a box's clock may be wrong). */
  serviceStatus: Type.Union([Type.Literal('active'), Type.Literal('suspended'), Type.Literal('terminated')]),
})
export type OverdueTimeline = Type.Static<typeof OverdueTimeline>

/** Why an invoice is disputed: a short list the remote can choose from. */
export const ComplaintReason = Type.Union([
  Type.Literal('not-contracted'), // serviço não contratado
  Type.Literal('wrong-amount'), // valor diferente do contratado
  Type.Literal('service-unavailable'), // serviço sem funcionar
  Type.Literal('already-paid'), // já paga
  Type.Literal('other'), // outro motivo
])
export type ComplaintReason = Type.Static<typeof ComplaintReason>

/** A complaint about an invoice (seed 004 general §10.11, §19.3–19.5; seed 001 G), as the server judged it. */
export const InvoiceComplaint = Type.Object({
  filedOn: IsoDate,
  /** The disputed line (its index in the invoice's `lines`), or null for the whole invoice. */
  line: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  reason: ComplaintReason,
  /** The disputed part, with IVA. */
  disputedCents: Cents,
  /** Made by the due date: payment of the disputed part waits for the decision (seed 001 G). */
  suspendsPayment: Type.Boolean(),
  /** Last day for the decision: 30 days after it was received (§19.5). */
  decisionBy: IsoDate,
  /** Day it was decided; null while pending. */
  decidedOn: Type.Union([IsoDate, Type.Null()]),
})
export type InvoiceComplaint = Type.Static<typeof InvoiceComplaint>

export const InvoiceDetail = Type.Object({
  ...InvoiceSummary.properties,
  atcud: Type.String({ description: 'ATCUD: series validation code - sequential number' }),
  region: VatRegion,
  vatRatePercent: Type.Integer(),
  netCents: Cents,
  vatCents: Cents,
  lines: Type.Array(InvoiceLine),
  /** The previous month's total, for comparison; null on the first invoice. */
  previousTotalCents: Type.Union([Cents, Type.Null()]),
  /** First invoice of a contract: billed from the activation day, not a whole month. */
  partialPeriod: Type.Boolean(),
  payment: Payment,
  /** Address of the invoice for a phone (shown as a QR code). */
  documentUrl: Type.String(),
  timeline: Type.Union([OverdueTimeline, Type.Null()]),
  /** The complaint about this invoice, with its state; null: none. Optional for an operator's backend. */
  complaint: Type.Optional(Type.Union([InvoiceComplaint, Type.Null()])),
  /** Last day to complain about it: 30 days after its issue (004 general §19.4). */
  complaintBy: Type.Optional(IsoDate),
  /** Null when the viewer may complain (Administrador, Responsável Delegado; seed 002); else why not and who may. */
  complainDenied: Type.Optional(Type.Union([Denied, Type.Null()])),
})
export type InvoiceDetail = Type.Static<typeof InvoiceDetail>

/**
 * Invoices a page holds at most: 60 summaries are about 15 KB of JSON, far under the 64 KB a low
 * box parses at once (issue 20).
 */
export const INVOICES_PAGE_MAX = 60
/** A page when the box asks for no size: two years of monthly invoices. */
export const INVOICES_PAGE_DEFAULT = 24

export const InvoiceListQuery = PageQuery(INVOICES_PAGE_MAX, INVOICES_PAGE_DEFAULT, 'invoices')
export type InvoiceListQuery = Type.Static<typeof InvoiceListQuery>

/** A page of the invoices, newest first, with what the list says of all of them. */
export const InvoiceList = Type.Object({
  ...PageOf(InvoiceSummary, INVOICES_PAGE_MAX),
  /** Invoices to pay (unpaid or overdue) on every page, and what they add up to. */
  unpaidCount: Type.Integer({ minimum: 0 }),
  unpaidTotalCents: Cents,
  /**
   * The invoice the list opens on (issue 21, 10: the most urgent gets focus), wherever its page is:
   * the one longest overdue, else the unpaid one due first; null when none is to pay (it opens on the newest).
   */
  mostUrgent: Type.Union([Type.Object({ id: InvoiceSummary.properties.id, position: Type.Integer({ minimum: 0 }) }), Type.Null()]),
  /** Premium charges the next invoice will carry (not yet issued). */
  upcomingPremium: Type.Optional(UpcomingPremium),
})
export type InvoiceList = Type.Static<typeof InvoiceList>

export const InvoiceParams = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }),
})

export const ComplaintRequest = Type.Object(
  {
    /** A line's index in the invoice's `lines`, or null for the whole invoice (null first: the server's type coercion would read it as 0). */
    line: Type.Union([Type.Null(), Type.Integer({ minimum: 0 })]),
    reason: ComplaintReason,
    idempotencyKey: IdempotencyKey,
  },
  { additionalProperties: false },
)
export type ComplaintRequest = Type.Static<typeof ComplaintRequest>

/** The answer to a complaint: the complaint recorded (or the one recorded before under the same key). */
export const ComplaintReceipt = Type.Object({
  complaint: InvoiceComplaint,
  replayed: Type.Boolean(),
})
export type ComplaintReceipt = Type.Static<typeof ComplaintReceipt>
