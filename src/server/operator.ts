// Who the reference server bills as. An operator's own backend replaces all of this.

/** The entity of SIBS's own specification example; an operator uses the one SIBS assigned to it. */
export const MULTIBANCO_ENTITY = '90150'
export const MULTIBANCO_BENEFICIARY = 'NOS Comunicações, S.A.'

/** Where a phone opens the invoice (shown on the box as a QR code). */
export function invoiceDocumentUrl(invoiceId: string): string {
  return `https://www.example-operador.pt/fatura/${invoiceId}`
}

/** Where a phone registers in the Área de Cliente (seed 000: "Quero registar-me"); shown as a QR code. */
export const REGISTER_URL = 'https://www.example-operador.pt/area-cliente/registo'

/** A few rewards of the points catalogue (seed 003), to show what the balance buys and what is missing. */
export const POINTS_REWARDS = [
  { name: 'Comando de voz para a box', kind: 'accessory', points: 1500 },
  { name: 'Router Wi-Fi 6 Mesh', kind: 'equipment', points: 4500 },
  { name: 'Smartphone Android 128 GB', kind: 'equipment', points: 9000 },
] as const
