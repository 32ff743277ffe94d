// The account card: not registered yet (opens the QR steps), or the commitment end
// and the points balance; a Utilizador is told why the account is not for them.
import type { Overview } from '../../../contract'
import { formatDate } from '../../../domain/format'
import { can, denialReason } from '../../../domain/permissions'
import { t, uiLanguage } from '../../i18n'
import { COLOR, TEXT } from '../../theme'
import { periodText } from '../accountPeriod'
import { type CardSpec, deniedCard } from './HomeCard'

export function accountCard(overview: Overview): CardSpec {
  const title = t('home.account')
  const glance = overview.accountGlance
  if (glance && !glance.registered) {
    return {
      ref: 'Account',
      route: 'registration',
      title,
      lines: [
        { text: t('home.account.unregistered'), color: COLOR.warning },
        { text: t('home.account.register'), size: TEXT.small },
      ],
    }
  }
  // Mirror of the server's table: a Utilizador gets a 403 for the account page.
  if (!can(overview.viewer.profile, 'account.read')) {
    return deniedCard('Account', title, t('home.account.denied'), denialReason('account.read'))
  }
  const lines: CardSpec['lines'] = []
  const commitment = glance?.commitment
  if (commitment === null) lines.push({ text: t('home.account.noCommitment'), color: COLOR.ok })
  else if (commitment && !('denied' in commitment)) {
    lines.push({ text: t('home.account.commitment', { date: formatDate(commitment.endDate, uiLanguage()) }) })
    lines.push({ text: t('home.account.left', { period: periodText(commitment.monthsLeft, commitment.daysLeft) }), size: TEXT.small })
  }
  const points = glance?.points
  if (points && !('denied' in points)) {
    lines.push({ text: t('home.account.points', { points: points.balance }) })
    if (points.expiringSoon > 0) lines.push({ text: t('home.account.expiring', { points: points.expiringSoon }), size: TEXT.small, color: COLOR.warning })
  }
  if (lines.length === 0) lines.push({ text: t('home.account.open') })
  return { ref: 'Account', route: 'account', title, lines }
}
