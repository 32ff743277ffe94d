// The invoices' one write, through the API client (DESIGN §2: pages never call the API):
// a complaint about an invoice with the flow's idempotency key, so an answer lost on the
// way and a second try never file twice.
import type { ComplaintReason, ComplaintReceipt } from '../../contract'
import { type Loaded, load } from '../../data/load'
import { services } from '../shell/services'

/** `line`: the disputed line's index, or null for the whole invoice. */
export function complainAboutInvoice(invoiceId: string, line: number | null, reason: ComplaintReason, idempotencyKey: string): Promise<Loaded<ComplaintReceipt>> {
  return load(() => services().api.complainAboutInvoice(invoiceId, { line, reason, idempotencyKey }))
}
