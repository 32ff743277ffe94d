// What recordings says: each recording's line and marks, the quota, what automatic
// management deletes next (seed 004 TV §5.9–5.12), and the questions its dialogs ask.
import type { Recording, RecordingQuota } from '../../contract'
import type { Formats } from '../../domain/format'
import type { ChoiceDialogSpec } from '../kit/ChoiceDialog'
import { formats, spoken, t } from '../kit/i18n'

/** "Vista", "Vista 40 %", "Protegida", "Indisponível", "A ser vista": what a subscriber needs to decide. */
export function recordingMarks(recording: Recording, f: Formats = formats()): string[] {
  const marks: string[] = []
  if (recording.watchingNow) marks.push(t('recordings.mark.watching'))
  else if (recording.watched) marks.push(t('recordings.mark.watched'))
  else if (recording.progressPercent > 0) marks.push(t('recordings.mark.progress', { percent: f.percent(recording.progressPercent) }))
  if (recording.protected) marks.push(t('recordings.mark.protected'))
  if (recording.unavailable) marks.push(t('recordings.mark.unavailable'))
  return marks
}

/** "RTP1 · 12/11 21:00 · 1 h 30 min". */
export function recordingLine(recording: Recording, f: Formats = formats()): string {
  return t('recordings.line', { channel: recording.channel, date: f.dayTime(recording.startsAt), duration: f.duration(recording.durationMinutes) })
}

/** "RTP1 · 12/11 21:00": a recording in the "próximas a apagar" column. */
export function channelAndTime(recording: Recording): string {
  return `${recording.channel} · ${formats().dayTime(recording.startsAt)}`
}

/** "Disponível até 05/12", shown in a recording's last 30 days (seed 004 TV §5.9); else empty. */
export function availableUntil(recording: Recording, f: Formats = formats()): string {
  return recording.showDeletionDate ? t('recordings.availableUntil', { date: f.dayMonth(recording.lastViewingDay) }) : ''
}

/** "12 h de 40 h (30 %)" and "28 h livres". */
export function quotaLines(quota: RecordingQuota, f: Formats = formats()): { used: string; free: string } {
  return {
    used: t('recordings.used', { used: f.hours(quota.usedMinutes), total: f.hours(quota.totalMinutes), percent: f.percent(quota.percent) }),
    free: t('recordings.free', { free: f.hours(quota.freeMinutes) }),
  }
}

/** Every answer the recordings dialogs give (ChoiceDialog's `chosen`). */
export type RecordingChoice = 'protect' | 'unprotect' | 'delete' | 'cancel' | 'confirm-delete'

/** OK on a recording: protect or unprotect, delete, or cancel. */
export function actionsDialog(recording: Recording): ChoiceDialogSpec<RecordingChoice> {
  return {
    title: recording.title,
    message: `${recordingLine(recording)}\n${t('recordings.protect.note')}`,
    spokenMessage: `${spoken(recordingLine(recording, formats('spoken')))}. ${t('recordings.protect.note')}`,
    choices: [
      recording.protected ? { id: 'unprotect', label: t('recordings.actions.unprotect') } : { id: 'protect', label: t('recordings.actions.protect') },
      { id: 'delete', label: t('recordings.actions.delete') },
      { id: 'cancel', label: t('recordings.actions.cancel') },
    ],
  }
}

/** Deleting cannot be undone: the recording is named, and OK right away keeps it. */
export function deleteDialog(recording: Recording): ChoiceDialogSpec<RecordingChoice> {
  return {
    title: t('recordings.delete.title'),
    message: t('recordings.delete.message', { title: recording.title, channel: recording.channel, date: formats().dayTime(recording.startsAt) }),
    spokenMessage: t('recordings.delete.message', { title: recording.title, channel: recording.channel, date: formats('spoken').dayTime(recording.startsAt) }),
    choices: [
      { id: 'cancel', label: t('recordings.delete.cancel') },
      { id: 'confirm-delete', label: t('recordings.delete.confirm') },
    ],
    focusId: 'cancel',
  }
}

// What voice guidance says (issue 18): the same words, hours, dates and percentages in words (domain/spoken).

/** A row: title, channel, when and how long, its last day when shown, its marks. */
export function recordingSpoken(recording: Recording): string {
  const f = formats('spoken')
  return [recording.title, spoken(recordingLine(recording, f)), availableUntil(recording, f), ...recordingMarks(recording, f)].filter(Boolean).join('. ')
}

/** The page's main fact on arrival: the quota used and free, and the warning when it is nearly full. */
export function recordingsArrival(quota: RecordingQuota): string[] {
  const lines = quotaLines(quota, formats('spoken'))
  return [lines.used, lines.free, quota.warning ? t('recordings.nearlyFull') : ''].filter(Boolean)
}
