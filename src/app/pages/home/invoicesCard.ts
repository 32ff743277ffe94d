// The invoices card: the next invoice to pay, how late, or who may see invoices.
import type { Overview } from '../../../contract'
import { formatDate, formatMoney } from '../../../domain/format'
import { t, uiLanguage } from '../../i18n'
import { COLOR, TEXT } from '../../theme'
import { type CardSpec, deniedCard } from './HomeCard'

export function invoicesCard(overview: Overview): CardSpec {
  const section = overview.invoices
  const title = t('home.invoices')
  if ('denied' in section) return deniedCard('Invoices', title, t('home.invoices.denied'), section.reason)
  const next = section.next
  if (!next || next.status === 'paid') {
    return { ref: 'Invoices', route: 'invoices', title, lines: [{ text: t('home.invoices.none'), color: COLOR.ok }] }
  }
  const late = next.status === 'overdue'
  return {
    ref: 'Invoices',
    route: 'invoices',
    title,
    lines: [
      { text: formatMoney(next.totalCents), size: TEXT.title },
      {
        text: late ? t('home.invoices.late', { days: next.daysOverdue }) : t('home.invoices.due', { date: formatDate(next.dueDate, uiLanguage()) }),
        color: late ? COLOR.danger : COLOR.text,
      },
      ...(section.unpaidCount > 1 ? [{ text: t('home.invoices.unpaid', { count: section.unpaidCount }), size: TEXT.small }] : []),
    ],
  }
}
