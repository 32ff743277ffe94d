// A commitment's time left as a viewer reads it: "13 meses e 8 dias", "1 mês", "20 dias".
import { t } from '../i18n'

export function periodText(months: number, days: number): string {
  const monthsText = t(months === 1 ? 'account.period.month' : 'account.period.months', { count: months })
  if (days === 0) return monthsText
  const daysText = t(days === 1 ? 'account.period.day' : 'account.period.days', { count: days })
  return months === 0 ? daysText : t('account.period.monthsAndDays', { months: monthsText, days: daysText })
}
