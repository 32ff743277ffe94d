// API answers as the reference server sends them, typed by the contract (and
// checked against its schemas in fixtures.test.ts). "Today" is 23/11/2026.
import type { Denied, InvoiceDetail, InvoiceList, InvoiceSummary, InvoicesOverview, Overview } from '../../src/contract'
import { mostUrgentInvoice } from '../../src/domain/billing'

const iso = (date: Date): string => date.toISOString().slice(0, 10)
const addDays = (isoDate: string, days: number): string => iso(new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000))

/** The `index`-th invoice counting back from November 2026 (index 0 is the newest). */
export function invoiceSummary(index: number, overrides: Partial<InvoiceSummary> = {}): InvoiceSummary {
  const start = new Date(Date.UTC(2026, 10 - index, 1))
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0))
  const periodStart = iso(start)
  const issueDate = addDays(periodStart, 2)
  const year = start.getUTCFullYear()
  const month = String(start.getUTCMonth() + 1).padStart(2, '0')
  return {
    id: `ft-${year}-${month}`,
    number: `FT ${year}/${String(4_512_000 + (year * 12 + start.getUTCMonth()) % 1_000_000).padStart(7, '0')}`,
    periodStart,
    periodEnd: iso(end),
    invoiceDate: periodStart,
    issueDate,
    dueDate: addDays(issueDate, 20),
    // 54,90 € a month plus what was rented on top: every month a different bar.
    totalCents: 5490 + ((index * 733) % 2900),
    status: index === 0 ? 'unpaid' : 'paid',
    daysOverdue: 0,
    ...overrides,
  }
}

/** The first page of an account whose invoices are `items` (newest first), as the server answers it. */
export function invoicePage(items: InvoiceSummary[]): InvoiceList {
  const toPay = items.filter((invoice) => invoice.status === 'unpaid' || invoice.status === 'overdue')
  const urgent = mostUrgentInvoice(toPay)
  return {
    total: items.length,
    position: 0,
    items,
    next: null,
    previous: null,
    unpaidCount: toPay.length,
    unpaidTotalCents: toPay.reduce((sum, invoice) => sum + invoice.totalCents, 0),
    mostUrgent: urgent ? { id: urgent.id, position: items.indexOf(urgent) } : null,
  }
}

export function invoiceList(count: number): InvoiceList {
  return invoicePage(Array.from({ length: count }, (_, i) => invoiceSummary(i)))
}

/** October 2026, due 11/11/2026, 12 days late on 23/11/2026. */
export const overdueSummary: InvoiceSummary = invoiceSummary(1, {
  totalCents: 8364,
  dueDate: '2026-11-11',
  status: 'overdue',
  daysOverdue: 12,
})

/**
 * An invoice with every line group, paid by Multibanco: entity 90150, reference
 * 4172039 + SIBS check digits 95 for 83,64 €.
 */
export const multibancoInvoice: InvoiceDetail = {
  ...invoiceSummary(0, { totalCents: 8364 }),
  atcud: 'JJ4TGW2K-4512301',
  region: 'continente',
  vatRatePercent: 23,
  netCents: 6800,
  vatCents: 1564,
  lines: [
    { group: 'base', description: 'Pacote TV Fibra 150 canais', netCents: 3699 },
    { group: 'monthly', description: 'Aluguer de box UMA adicional', netCents: 325 },
    { group: 'monthly', description: 'Sport TV Premium', netCents: 2195 },
    { group: 'extra', description: 'Aluguer VoD: Oppenheimer', netCents: 325 },
    { group: 'extra', description: 'Aluguer VoD: Duna – Parte Dois', netCents: 406 },
    { group: 'credit', description: 'Crédito: serviço indisponível mais de 24 h', netCents: -150 },
  ],
  previousTotalCents: 7990,
  partialPeriod: false,
  payment: {
    method: 'multibanco',
    entity: '90150',
    reference: '417203995',
    amountCents: 8364,
    beneficiary: 'Operador TV, S.A.',
  },
  documentUrl: 'https://conta.example.pt/faturas/ft-2026-11',
  timeline: null,
}

export const directDebitInvoice: InvoiceDetail = {
  ...multibancoInvoice,
  payment: { method: 'direct-debit', ibanMasked: 'PT** **** 0154', collectionDate: '2026-11-23' },
}

/** The overdue scenario's invoice: late, with the server's dates for notice, suspension and termination. */
export const overdueInvoice: InvoiceDetail = {
  ...multibancoInvoice,
  ...overdueSummary,
  previousTotalCents: 8364,
  payment: { ...multibancoInvoice.payment, reference: '417204046' } as InvoiceDetail['payment'],
  documentUrl: 'https://conta.example.pt/faturas/ft-2026-10',
  timeline: {
    noticeBy: '2026-11-21',
    noticeSentOn: null,
    suspensionFrom: '2026-12-21',
    terminationFrom: '2027-01-20',
    amountDueCents: 8364,
    collectionFeeCents: 500,
    feeInvoiceDate: '2026-12-01',
    feesSource: 'Tarifário de demonstração',
    interestCents: 28,
    interestBasisPoints: 1015,
    interestSource: 'Aviso da DGTF',
    interestPublished: true,
    reactivationFeeCents: 1000,
    nonConsumerTerminationFrom: null,
    debtorsDatabaseThresholdCents: 18400,
    debtorsDatabaseReportable: false,
    payBy: '2026-12-20',
    serviceStatus: 'active',
  },
}

/** Thirty VoD rentals, paid by direct debit: the lines panel is taller than the screen. */
export const longInvoice: InvoiceDetail = {
  ...directDebitInvoice,
  lines: [
    ...multibancoInvoice.lines.filter((line) => line.group !== 'extra'),
    ...Array.from({ length: 30 }, (_, i) => ({ group: 'extra' as const, description: `Aluguer VoD: filme ${i + 1}`, netCents: 399 })),
  ],
  netCents: 18039,
  vatCents: 4149,
  totalCents: 22188,
}

export const account = { id: 'acc-overdue', holderName: 'Maria Fernandes', contractNumber: 'C-2019-004512' }

/** An account whose notices have all been read: home opens without the banner. */
export const readNotices: Overview['notices'] = { unread: 0, total: 3, mostUrgent: null }

export function overview(invoices: InvoicesOverview | Denied, viewer: Overview['viewer'] = { name: 'Maria', profile: 'administrador' }): Overview {
  return { account, viewer, invoices, notices: readNotices }
}

export const overdueOverview = overview({ next: overdueSummary, unpaidCount: 1, unpaidTotalCents: 8364 })
export const unpaidOverview = overview({ next: invoiceSummary(0, { totalCents: 43211 }), unpaidCount: 2, unpaidTotalCents: 43211 + 6223 })
export const paidOverview = overview({ next: invoiceSummary(0, { status: 'paid' }), unpaidCount: 0, unpaidTotalCents: 0 })

/** A Utilizador: the server withholds the account's id, holder and contract (seed 002). */
export const restrictedOverview: Overview = {
  ...overview(
    {
      denied: true,
      reason: 'O perfil Utilizador não dá acesso às faturas da conta.',
      allowedProfiles: ['administrador', 'responsavel-delegado', 'responsavel-faturacao'],
    },
    { name: 'Tiago', profile: 'utilizador' },
  ),
  account: { id: null, holderName: null, contractNumber: null },
}
