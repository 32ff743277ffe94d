// Badges: an invoice's status as a coloured pill (paga / por pagar / em atraso / em
// reclamação) and a notice's pills (por ler, aviso tardio).
import type { InvoiceStatus } from '../../contract'
import { t } from './i18n'
import { COLOR, TEXT } from './theme'
import { textSpec } from './textSpec'
import { roundedShape, shaped } from './shape'

/** Read when a badge is built, so the theme chosen at launch applies. */
const STATUS_COLOUR: Record<InvoiceStatus, keyof typeof COLOR> = {
  paid: 'ok',
  unpaid: 'warning',
  overdue: 'danger',
  disputed: 'accent',
}

export const BADGE = { w: 230, h: 48 }

export function statusBadge(status: InvoiceStatus): Record<string, unknown> {
  return shaped(BADGE, roundedShape(COLOR[STATUS_COLOUR[status]], BADGE.h / 2), {
    Label: {
      x: BADGE.w / 2,
      y: BADGE.h / 2 + 2,
      mount: 0.5,
      ...textSpec(t(`status.${status}`), { size: TEXT.min, bold: true, color: COLOR.background }),
    },
  })
}

export const PILL = { w: 220, h: 46 }

/** A label on a rounded pill of `color`, in the background colour. */
export function pill(label: string, color: number): Record<string, unknown> {
  return shaped(PILL, roundedShape(color, PILL.h / 2), {
    Label: { x: PILL.w / 2, y: PILL.h / 2 + 2, mount: 0.5, ...textSpec(label, { size: TEXT.min, bold: true, color: COLOR.background }) },
  })
}
