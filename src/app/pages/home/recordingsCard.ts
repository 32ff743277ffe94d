// The recordings card: the quota meter (warning colour over 90 %), how many go
// within 30 days (seed 004 TV §5.9), or who may see recordings (seed 002).
import type { Overview } from '../../../contract'
import { formatHours, formatPercent } from '../../../domain/format'
import { t } from '../../i18n'
import { COLOR, TEXT } from '../../theme'
import { type CardSpec, deniedCard } from './HomeCard'

export function recordingsCard(overview: Overview): CardSpec {
  const section = overview.recordings
  const title = t('home.recordings')
  if (!section) return { ref: 'Recordings', route: null, title, lines: [] }
  if ('denied' in section) return deniedCard('Recordings', title, t('home.recordings.denied'), section.reason)
  const { quota } = section
  const colour = quota.warning ? COLOR.warning : COLOR.accent
  return {
    ref: 'Recordings',
    route: 'recordings',
    title,
    lines: [
      { text: formatPercent(quota.percent), size: TEXT.title, color: quota.warning ? COLOR.warning : COLOR.text },
      { text: t('recordings.used', { used: formatHours(quota.usedMinutes), total: formatHours(quota.totalMinutes), percent: formatPercent(quota.percent) }), size: TEXT.small },
      section.expiringSoon > 0
        ? { text: t('home.recordings.expiring', { count: section.expiringSoon }), size: TEXT.small, color: COLOR.warning }
        : { text: t('home.recordings.count', { count: section.count }), size: TEXT.small },
    ],
    meter: { percent: quota.percent, color: colour },
  }
}
