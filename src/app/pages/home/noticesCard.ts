// The notices card: how many are unread and the most urgent one, or that all were read.
import type { Overview } from '../../../contract'
import { t } from '../../i18n'
import { COLOR, TEXT } from '../../theme'
import { whenShort } from '../noticeText'
import type { CardSpec } from './HomeCard'

export function noticesCard(overview: Overview): CardSpec {
  const { unread, total, mostUrgent } = overview.notices
  const title = t('home.notices')
  if (unread === 0 || !mostUrgent) {
    return {
      ref: 'Notices',
      route: 'notices',
      title,
      lines: [{ text: t('home.notices.none'), color: COLOR.ok }, ...(total > 0 ? [{ text: t('home.notices.total', { count: total }), size: TEXT.small }] : [])],
    }
  }
  return {
    ref: 'Notices',
    route: 'notices',
    title,
    lines: [
      { text: unread === 1 ? t('home.notices.unread.one') : t('home.notices.unread.many', { count: unread }), color: COLOR.warning, size: TEXT.heading },
      { text: mostUrgent.title, size: TEXT.small },
      { text: whenShort(mostUrgent), size: TEXT.small, color: COLOR.muted },
    ],
  }
}
