// Money in integer euro cents: IVA by region and invoice totals, rounded once,
// half away from zero, as an invoice prints them.
import type { VatRegion } from '../contract/invoices'

/** Normal IVA rates: mainland, Madeira and the Azores each set their own. */
export const VAT_RATE_PERCENT: Readonly<Record<VatRegion, number>> = {
  continente: 23,
  madeira: 22,
  acores: 16,
}

/** `numerator / denominator` to the nearest integer, halves away from zero (integers only, so exact). */
export function divideRounded(numerator: number, denominator: number): number {
  const quotient = Math.floor((Math.abs(numerator) * 2 + denominator) / (denominator * 2))
  return numerator < 0 ? -quotient : quotient
}

export function vatCents(netCents: number, ratePercent: number): number {
  return divideRounded(netCents * ratePercent, 100)
}

export interface InvoiceAmounts {
  netCents: number
  vatRatePercent: number
  vatCents: number
  totalCents: number
}

/** One IVA rate per invoice, applied to the sum of the lines (credits are negative lines). */
export function invoiceAmounts(lineNetCents: readonly number[], region: VatRegion): InvoiceAmounts {
  const netCents = lineNetCents.reduce((sum, cents) => sum + cents, 0)
  const vatRatePercent = VAT_RATE_PERCENT[region]
  const vat = vatCents(netCents, vatRatePercent)
  return { netCents, vatRatePercent, vatCents: vat, totalCents: netCents + vat }
}
