// Who the reference server bills as. An operator's own backend replaces all of this.

/** The entity of SIBS's own specification example; an operator uses the one SIBS assigned to it. */
export const MULTIBANCO_ENTITY = '90150'
export const MULTIBANCO_BENEFICIARY = 'NOS Comunicações, S.A.'

/** Where a phone opens the invoice (shown on the box as a QR code). */
export function invoiceDocumentUrl(invoiceId: string): string {
  return `https://www.example-operador.pt/fatura/${invoiceId}`
}
