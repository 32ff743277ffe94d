// What recordings says: each recording's line and marks, the quota, what automatic
// management deletes next (seed 004 TV §5.9–5.12), and the questions its dialogs ask.
import type { Recording, RecordingQuota } from '../../contract'
import type { Formats } from '../../domain/format'
import type { ChoiceDialogSpec } from '../kit/ChoiceDialog'
import type { KeyHint } from '../kit/KeyHints'
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

/** How many recordings "Próximas a apagar" names: the side column holds five. */
const NEXT_SHOWN = 5

/**
 * "Próximas a apagar": first the next deletion by date (`first`, the head of the list sorted
 * by deletion date: 6 months old or the content's own date, seed 004 TV §5.9), then automatic
 * management's candidates in its order (§5.12), each once (issue 21, 10: the next by date
 * was missing when it was not a candidate).
 */
export function nextDeletions(first: Recording | undefined, candidates: readonly Recording[], f: Formats = formats()): { recording: Recording; line: string }[] {
  const byDate = first ? [{ recording: first, line: t(`recordings.next.byDate.${first.deletionCause}`, { date: f.dayMonth(first.deletionDate) }) }] : []
  const others = candidates.filter((recording) => recording.id !== first?.id).map((recording) => ({ recording, line: channelAndTime(recording) }))
  return [...byDate, ...others].slice(0, NEXT_SHOWN)
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

/** What protecting means, said as it is for this recording: protected already, or what protecting it would do. */
function protectNote(recording: Recording): string {
  return recording.protected ? 'recordings.protect.note' : 'recordings.protect.offer'
}

/** Every answer the recordings dialogs give (ChoiceDialog's `chosen`). */
export type RecordingChoice = 'protect' | 'unprotect' | 'delete' | 'cancel' | 'confirm-delete'

/** OK on a recording: protect or unprotect, delete, or cancel. */
export function actionsDialog(recording: Recording): ChoiceDialogSpec<RecordingChoice> {
  return {
    title: recording.title,
    message: `${recordingLine(recording)}\n${t(protectNote(recording))}`,
    spokenMessage: `${spoken(recordingLine(recording, formats('spoken')))}. ${t(protectNote(recording))}`,
    choices: [
      recording.protected ? { id: 'unprotect', label: t('recordings.actions.unprotect') } : { id: 'protect', label: t('recordings.actions.protect') },
      { id: 'delete', label: t('recordings.actions.delete') },
      { id: 'cancel', label: t('recordings.actions.cancel') },
    ],
    back: t('keys.closeUnchanged'),
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
    back: t('recordings.keys.keep'),
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

/** What the keys do on recordings (issue 21, 9): OK options, Yellow protects, Red deletes. */
export function recordingsKeys(): KeyHint[] {
  return [
    { key: 'ok', label: t('recordings.keys.options') },
    { key: 'upDown', label: t('keys.row') },
    { key: 'yellow', label: t('recordings.keys.protect') },
    { key: 'red', label: t('recordings.keys.delete') },
    { key: 'back', label: t('keys.back') },
  ]
}

/** The short confirmation of a done change: "Gravação protegida", "Proteção retirada", "Gravação apagada". */
export function doneMessage(change: 'protect' | 'unprotect' | 'delete'): string {
  return t(`recordings.done.${change}`)
}
