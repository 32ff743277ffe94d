// What recordings says: each recording's line and marks, the quota, what automatic
// management deletes next (seed 004 TV §5.9–5.12), and the questions its dialogs ask.
import type { Recording, RecordingList, RecordingQuota } from '../../contract'
import { formatDayMonth, formatDayTime, formatDuration, formatHours, formatPercent } from '../../domain/format'
import type { ChoiceDialogSpec } from '../kit/ChoiceDialog'
import { t, uiLanguage } from '../kit/i18n'

/** "Vista", "Vista 40 %", "Protegida", "Indisponível", "A ser vista": what a subscriber needs to decide. */
export function recordingMarks(recording: Recording): string[] {
  const marks: string[] = []
  if (recording.watchingNow) marks.push(t('recordings.mark.watching'))
  else if (recording.watched) marks.push(t('recordings.mark.watched'))
  else if (recording.progressPercent > 0) marks.push(t('recordings.mark.progress', { percent: formatPercent(recording.progressPercent) }))
  if (recording.protected) marks.push(t('recordings.mark.protected'))
  if (recording.unavailable) marks.push(t('recordings.mark.unavailable'))
  return marks
}

/** "RTP1 · 12/11 21:00 · 1 h 30 min". */
export function recordingLine(recording: Recording): string {
  return t('recordings.line', { channel: recording.channel, date: formatDayTime(recording.startsAt), duration: formatDuration(recording.durationMinutes) })
}

/** "RTP1 · 12/11 21:00": a recording in the "próximas a apagar" column. */
export function channelAndTime(recording: Recording): string {
  return `${recording.channel} · ${formatDayTime(recording.startsAt)}`
}

/** How many recordings "Próximas a apagar" names: the side column holds five. */
const NEXT_SHOWN = 5

/**
 * "Próximas a apagar": first the next deletion by date (6 months old or the content's own
 * date, seed 004 TV §5.9), then automatic management's candidates in its order (§5.12),
 * each once (issue 21, 10: the next by date was missing when it was not a candidate).
 */
export function nextDeletions(list: Pick<RecordingList, 'items' | 'nextToDelete'>): { recording: Recording; line: string }[] {
  const byDate = list.items.reduce<Recording | null>((first, recording) => (!first || recording.deletionDate < first.deletionDate ? recording : first), null)
  const byId = new Map(list.items.map((recording) => [recording.id, recording]))
  const candidates = list.nextToDelete.map((id) => byId.get(id)).filter((recording): recording is Recording => !!recording && recording !== byDate)
  const first = byDate
    ? [{ recording: byDate, line: t(`recordings.next.byDate.${byDate.deletionCause}`, { date: formatDayMonth(byDate.deletionDate, uiLanguage()) }) }]
    : []
  return [...first, ...candidates.map((recording) => ({ recording, line: channelAndTime(recording) }))].slice(0, NEXT_SHOWN)
}

/** "Disponível até 05/12", shown in a recording's last 30 days (seed 004 TV §5.9); else empty. */
export function availableUntil(recording: Recording): string {
  return recording.showDeletionDate ? t('recordings.availableUntil', { date: formatDayMonth(recording.lastViewingDay, uiLanguage()) }) : ''
}

/** "12 h de 40 h (30 %)" and "28 h livres". */
export function quotaLines(quota: RecordingQuota): { used: string; free: string } {
  return {
    used: t('recordings.used', { used: formatHours(quota.usedMinutes), total: formatHours(quota.totalMinutes), percent: formatPercent(quota.percent) }),
    free: t('recordings.free', { free: formatHours(quota.freeMinutes) }),
  }
}

/** OK on a recording: protect or unprotect, delete, or cancel. */
export function actionsDialog(recording: Recording): ChoiceDialogSpec {
  return {
    title: recording.title,
    message: `${recordingLine(recording)}\n${t('recordings.protect.note')}`,
    choices: [
      recording.protected ? { id: 'unprotect', label: t('recordings.actions.unprotect') } : { id: 'protect', label: t('recordings.actions.protect') },
      { id: 'delete', label: t('recordings.actions.delete') },
      { id: 'cancel', label: t('recordings.actions.cancel') },
    ],
  }
}

/** Deleting cannot be undone: the recording is named, and OK right away keeps it. */
export function deleteDialog(recording: Recording): ChoiceDialogSpec {
  return {
    title: t('recordings.delete.title'),
    message: t('recordings.delete.message', { title: recording.title, channel: recording.channel, date: formatDayTime(recording.startsAt) }),
    choices: [
      { id: 'cancel', label: t('recordings.delete.cancel') },
      { id: 'confirm-delete', label: t('recordings.delete.confirm') },
    ],
    focusId: 'cancel',
  }
}
