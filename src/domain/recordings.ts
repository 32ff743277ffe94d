// Recordings in the cloud quota, by the rules of seed 004 (TV specific
// conditions §5.8–5.12): pure functions the server applies and tests pin down.
//
// - §5.9: a recording is deleted when it is 6 months old, protected ones too,
//   or on the content's scheduled deletion date if that comes first; in the 30
//   days before, the date it stops being available is shown with it.
// - §5.10: rights holders may make a recording unavailable (it still counts).
// - §5.11: each customer has a quota, which the operator may change.
// - §5.12: when the quota is full and a new recording needs space, automatic
//   management deletes the older and already-watched recordings first.
import { addDays, addMonths, compareDates, daysBetween } from './dates'

/** §5.9: recordings are deleted 6 months after they were made. */
export const RETENTION_MONTHS = 6
/** §5.9: the deletion date is shown in the 30 days before it. */
export const DELETION_NOTICE_DAYS = 30
/** DESIGN §3: the meter turns to the warning colour above this share of the quota. */
export const QUOTA_WARNING_PERCENT = 90

export interface RecordingFacts {
  id: string
  /** Lisbon calendar day the recording was made. */
  recordedOn: string
  /** The content's own deletion date, set by the operator or rights holder (§5.9), if any. */
  scheduledDeletion: string | null
  /** Quota units it takes (minutes of quota: a 4K recording can take more than its duration). */
  sizeMinutes: number
  watched: boolean
  /** Being played on a box right now: never deleted under the viewer's feet. */
  watchingNow: boolean
  protected: boolean
}

export type DeletionCause = 'age' | 'scheduled'

/** The day a recording stops existing (§5.9): 6 months after it was made, or its scheduled date if earlier. */
export function deletionDate(recording: Pick<RecordingFacts, 'recordedOn' | 'scheduledDeletion'>): { date: string; cause: DeletionCause } {
  const byAge = addMonths(recording.recordedOn, RETENTION_MONTHS)
  if (recording.scheduledDeletion !== null && compareDates(recording.scheduledDeletion, byAge) < 0) {
    return { date: recording.scheduledDeletion, cause: 'scheduled' }
  }
  return { date: byAge, cause: 'age' }
}

/** Deleted on its deletion day: by then it is gone, protected or not (§5.9). */
export function isExpired(recording: Pick<RecordingFacts, 'recordedOn' | 'scheduledDeletion'>, today: string): boolean {
  return compareDates(deletionDate(recording).date, today) <= 0
}

/** What a recording's deletion day means on `today` (§5.9), all of it from one deletionDate. */
export interface DeletionOutlook {
  date: string
  cause: DeletionCause
  /**
   * The last day it can be watched: the eve of its deletion day (§5.9: "the information of the date
   * when it will no longer be available for viewing" — on the deletion day itself it is already gone).
   * What "disponível até" names.
   */
  lastViewingDay: string
  /** Whole days left before deletion (0 or less: gone). */
  daysLeft: number
  /** §5.9: in the 30 days before deletion the recording carries the date it stops being available. */
  showsDate: boolean
}

/** The API answers all of it for every recording of a page: the deletion day is worked out once. */
export function deletionOutlook(recording: Pick<RecordingFacts, 'recordedOn' | 'scheduledDeletion'>, today: string): DeletionOutlook {
  const { date, cause } = deletionDate(recording)
  const daysLeft = daysBetween(today, date)
  return { date, cause, lastViewingDay: addDays(date, -1), daysLeft, showsDate: daysLeft > 0 && daysLeft <= DELETION_NOTICE_DAYS }
}

/**
 * The last deletion day whose recording shows its date on `today` (§5.9, "nos 30 dias
 * anteriores"): a kept recording shows it exactly when its deletion day is on or before
 * this one, so a store that keeps deletion days can count them with one comparison.
 */
export function lastShownDeletionDay(today: string): string {
  return addDays(today, DELETION_NOTICE_DAYS)
}

export interface QuotaUse {
  totalMinutes: number
  usedMinutes: number
  /** Whole percent, rounded down so 89.9 % does not show as the warning's 90 %; may pass 100 when the quota was lowered. */
  percent: number
  /** Above QUOTA_WARNING_PERCENT. */
  warning: boolean
  /** Minutes still free (0 when full or over). */
  freeMinutes: number
}

export function quotaUse(totalMinutes: number, recordings: readonly Pick<RecordingFacts, 'sizeMinutes'>[]): QuotaUse {
  const usedMinutes = recordings.reduce((sum, recording) => sum + recording.sizeMinutes, 0)
  const exact = totalMinutes > 0 ? (usedMinutes / totalMinutes) * 100 : 100
  return {
    totalMinutes,
    usedMinutes,
    percent: Math.floor(exact),
    warning: exact > QUOTA_WARNING_PERCENT,
    freeMinutes: Math.max(0, totalMinutes - usedMinutes),
  }
}

/**
 * The order automatic management deletes in (§5.12): never a protected recording
 * (those go only by the 6-month rule) nor one being watched now; watched ones
 * before unwatched ones, and within each the oldest first.
 */
export function autoDeletionOrder<T extends RecordingFacts>(recordings: readonly T[]): T[] {
  return recordings
    .filter((recording) => !recording.protected && !recording.watchingNow)
    .sort(
      (a, b) =>
        Number(b.watched) - Number(a.watched) || compareDates(a.recordedOn, b.recordedOn) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
}

export interface AutoDeletionPlan<T> {
  /** What automatic management deletes, in order, to make room. */
  deletions: T[]
  /** Whether the new recording fits once they are gone. */
  fits: boolean
  /** Free minutes once they are gone. */
  freeAfter: number
}

/**
 * What automatic management would delete so that `neededMinutes` more fit in
 * the quota (§5.12): nothing while there is room; else candidates in
 * `autoDeletionOrder` until there is. If even all of them are not enough,
 * nothing is deleted and `fits` is false: deleting would lose recordings and
 * still not make the room.
 */
export function planAutoDeletion<T extends RecordingFacts>(totalMinutes: number, recordings: readonly T[], neededMinutes: number): AutoDeletionPlan<T> {
  const used = recordings.reduce((sum, recording) => sum + recording.sizeMinutes, 0)
  let free = totalMinutes - used
  if (free >= neededMinutes) return { deletions: [], fits: true, freeAfter: free }
  const deletions: T[] = []
  for (const candidate of autoDeletionOrder(recordings)) {
    deletions.push(candidate)
    free += candidate.sizeMinutes
    if (free >= neededMinutes) return { deletions, fits: true, freeAfter: free }
  }
  return { deletions: [], fits: false, freeAfter: totalMinutes - used }
}

/** The list order of the recordings page: first to go first; then by start time. */
export function byDeletionDate<T extends Pick<RecordingFacts, 'id' | 'recordedOn' | 'scheduledDeletion'> & { startsAt: string }>(a: T, b: T): number {
  return compareDates(deletionDate(a).date, deletionDate(b).date) || (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0) || (a.id < b.id ? -1 : 1)
}
