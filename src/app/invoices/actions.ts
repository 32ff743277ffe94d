// The invoices' reads past the first page and their one write, through the API client
// (DESIGN §2: pages never call the API): a complaint about an invoice with the flow's
// idempotency key, so an answer lost on the way and a second try never file twice.
import { type ComplaintReason, type ComplaintReceipt, INVOICES_PAGE_DEFAULT, type InvoiceList } from '../../contract'
import { type Loaded, load } from '../../data/load'
import { type PagedWindow, pagesOf } from '../../data/pagedWindow'
import { services } from '../shell/services'

/** The first page, as the route asks for it. */
export function firstInvoicesPage() {
  return services().api.invoices({ limit: INVOICES_PAGE_DEFAULT })
}

/** The list from its first page on: further pages are asked for around the focus. */
export function invoicesWindow(first: InvoiceList): PagedWindow<InvoiceList['items'][number], InvoiceList> {
  return pagesOf(first, (page) => services().api.invoices(page), INVOICES_PAGE_DEFAULT)
}

/** `line`: the disputed line's index, or null for the whole invoice. */
export function complainAboutInvoice(invoiceId: string, line: number | null, reason: ComplaintReason, idempotencyKey: string): Promise<Loaded<ComplaintReceipt>> {
  return load(() => services().api.complainAboutInvoice(invoiceId, { line, reason, idempotencyKey }))
}
