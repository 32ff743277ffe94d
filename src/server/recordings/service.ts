// Recordings as the API answers them and the changes it makes, by the rules of
// domain/recordings (seed 004 TV §5.8–5.12). Deleted recordings stay as
// tombstones, so deleting twice answers the same and an unknown id is a 404.
import { randomUUID } from 'node:crypto'
import type {
  AutoDeletionPreview,
  Recording,
  RecordingChange,
  RecordingList,
  RecordingQuota,
  RecordingsOverview,
  SimulatedRecording,
  SimulatedRecordingResult,
} from '../../contract'
import { autoDeletionOrder, deletionDate, isExpired, lastViewingDay, planAutoDeletion, quotaUse, type RecordingFacts, showsDeletionDate } from '../../domain/recordings'
import { daysBetween } from '../../domain/dates'
import type { Session } from '../http/context'
import type { Db, RecordingTable } from '../store/db'
import { ApiError } from '../http/errors'

/** Quota of an account the operator set none for: 100 hours. */
export const DEFAULT_QUOTA_MINUTES = 100 * 60
/** How many of automatic management's next candidates the list names ("próximas a apagar"). */
export const NEXT_TO_DELETE_COUNT = 5

type Row = RecordingTable

interface Facts extends RecordingFacts {
  row: Row
}

function facts(row: Row): Facts {
  return {
    id: row.id,
    recordedOn: row.recorded_on,
    scheduledDeletion: row.scheduled_deletion,
    sizeMinutes: row.size_minutes,
    watched: row.watched === 1,
    watchingNow: row.watching_now === 1,
    protected: row.protected === 1,
    row,
  }
}

export function toRecording(row: Row, today: string): Recording {
  const deletion = deletionDate({ recordedOn: row.recorded_on, scheduledDeletion: row.scheduled_deletion })
  return {
    id: row.id,
    channel: row.channel,
    title: row.title,
    startsAt: row.starts_at,
    durationMinutes: row.duration_minutes,
    sizeMinutes: row.size_minutes,
    watched: row.watched === 1,
    progressPercent: row.progress_percent,
    watchingNow: row.watching_now === 1,
    protected: row.protected === 1,
    unavailable: row.unavailable === 1,
    scheduledDeletion: row.scheduled_deletion,
    deletionDate: deletion.date,
    lastViewingDay: lastViewingDay({ recordedOn: row.recorded_on, scheduledDeletion: row.scheduled_deletion }),
    deletionCause: deletion.cause,
    daysLeft: daysBetween(today, deletion.date),
    showDeletionDate: showsDeletionDate({ recordedOn: row.recorded_on, scheduledDeletion: row.scheduled_deletion }, today),
  }
}

function toQuota(totalMinutes: number, rows: readonly Row[]): RecordingQuota {
  const use = quotaUse(
    totalMinutes,
    rows.map((row) => ({ sizeMinutes: row.size_minutes })),
  )
  return { totalMinutes: use.totalMinutes, usedMinutes: use.usedMinutes, freeMinutes: use.freeMinutes, percent: use.percent, warning: use.warning }
}

async function quotaMinutes(db: Db, accountId: string): Promise<number> {
  const row = await db.selectFrom('recording_quota').select('total_minutes').where('account_id', '=', accountId).executeTakeFirst()
  return row?.total_minutes ?? DEFAULT_QUOTA_MINUTES
}

/**
 * The account's recordings still kept on `today`. Those whose deletion day has
 * come are deleted first (§5.9: protected ones too), so every answer shows the
 * quota as the recorder sees it.
 */
async function keptRecordings(db: Db, accountId: string, today: string): Promise<Row[]> {
  const rows = await db.selectFrom('recording').selectAll().where('account_id', '=', accountId).where('deleted_on', 'is', null).execute()
  const expired = rows.filter((row) => isExpired({ recordedOn: row.recorded_on, scheduledDeletion: row.scheduled_deletion }, today))
  if (expired.length === 0) return rows
  await markDeleted(
    db,
    expired.map((row) => row.id),
    today,
    'expiry',
  )
  const gone = new Set(expired.map((row) => row.id))
  return rows.filter((row) => !gone.has(row.id))
}

async function markDeleted(db: Db, ids: string[], today: string, by: NonNullable<Row['deleted_by']>): Promise<void> {
  // Chunks keep the statement under SQLite's and PostgreSQL's parameter limits.
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .updateTable('recording')
      .set({ deleted_on: today, deleted_by: by, watching_now: 0 })
      .where('id', 'in', ids.slice(i, i + 500))
      .execute()
  }
}

function nextToDelete(rows: readonly Row[]): string[] {
  return autoDeletionOrder(rows.map(facts))
    .slice(0, NEXT_TO_DELETE_COUNT)
    .map((candidate) => candidate.id)
}

/** Every kept recording, first to be deleted first, with the quota and automatic management's next candidates. */
export async function listRecordings(db: Db, session: Session, today: string): Promise<RecordingList> {
  const rows = await keptRecordings(db, session.account.id, today)
  const items = rows.map((row) => toRecording(row, today))
  items.sort((a, b) =>
    a.deletionDate !== b.deletionDate ? (a.deletionDate < b.deletionDate ? -1 : 1) : a.startsAt !== b.startsAt ? (a.startsAt < b.startsAt ? -1 : 1) : a.id < b.id ? -1 : 1,
  )
  return { quota: toQuota(await quotaMinutes(db, session.account.id), rows), items, nextToDelete: nextToDelete(rows) }
}

export async function recordingsOverview(db: Db, session: Session, today: string): Promise<RecordingsOverview> {
  const rows = await keptRecordings(db, session.account.id, today)
  return {
    quota: toQuota(await quotaMinutes(db, session.account.id), rows),
    count: rows.length,
    expiringSoon: rows.filter((row) => showsDeletionDate({ recordedOn: row.recorded_on, scheduledDeletion: row.scheduled_deletion }, today)).length,
  }
}

async function changeAnswer(db: Db, session: Session, today: string, recordingId: string): Promise<RecordingChange> {
  const rows = await keptRecordings(db, session.account.id, today)
  const row = rows.find((candidate) => candidate.id === recordingId)
  return {
    quota: toQuota(await quotaMinutes(db, session.account.id), rows),
    recording: row ? toRecording(row, today) : null,
    removedIds: row ? [] : [recordingId],
    nextToDelete: nextToDelete(rows),
  }
}

async function findRow(db: Db, session: Session, id: string): Promise<Row | undefined> {
  return db.selectFrom('recording').selectAll().where('account_id', '=', session.account.id).where('id', '=', id).executeTakeFirst()
}

/**
 * Protects or unprotects; doing it twice answers the same. A recording that was
 * deleted (or never existed) cannot be protected: `null`, answered as 404.
 */
export async function setProtection(db: Db, session: Session, id: string, protect: boolean, today: string): Promise<RecordingChange | null> {
  await keptRecordings(db, session.account.id, today)
  const row = await findRow(db, session, id)
  if (!row || row.deleted_on !== null) return null
  if ((row.protected === 1) !== protect) {
    await db
      .updateTable('recording')
      .set({ protected: protect ? 1 : 0 })
      .where('id', '=', id)
      .execute()
  }
  return changeAnswer(db, session, today, id)
}

/** Deletes at the viewer's request. Deleting a deleted recording answers the same; an id never seen is `null` (404). */
export async function deleteRecording(db: Db, session: Session, id: string, today: string): Promise<RecordingChange | null> {
  const row = await findRow(db, session, id)
  if (!row) return null
  if (row.deleted_on === null) await markDeleted(db, [id], today, 'viewer')
  return changeAnswer(db, session, today, id)
}

/** What automatic management would delete to make room for `hours` more (§5.12); deletes nothing. */
export async function previewAutoDeletion(db: Db, session: Session, hours: number, today: string): Promise<AutoDeletionPreview> {
  const rows = await keptRecordings(db, session.account.id, today)
  const total = await quotaMinutes(db, session.account.id)
  const plan = planAutoDeletion(total, rows.map(facts), hours * 60)
  return { hours, quota: toQuota(total, rows), fits: plan.fits, items: plan.deletions.map((candidate) => toRecording(candidate.row, today)) }
}

/**
 * QA: the recorder finished `recording`. If the quota has no room, automatic
 * management deletes what `planAutoDeletion` says first (§5.12); if even that
 * is not enough the recording is refused (409) and nothing is deleted.
 */
export async function simulateRecording(db: Db, session: Session, input: SimulatedRecording, today: string): Promise<SimulatedRecordingResult> {
  const rows = await keptRecordings(db, session.account.id, today)
  const total = await quotaMinutes(db, session.account.id)
  const size = input.sizeMinutes ?? input.durationMinutes
  const plan = planAutoDeletion(total, rows.map(facts), size)
  if (!plan.fits) {
    throw new ApiError(409, {
      error: 'conflict',
      reason: `Não há espaço para gravar «${input.title}»: mesmo apagando as gravações não protegidas, a quota de ${Math.floor(total / 60)} h não chega.`,
    })
  }
  const row: Row = {
    id: `rec-${randomUUID()}`,
    account_id: session.account.id,
    channel: input.channel,
    title: input.title,
    // The server's clock gives the day; the recorder's own start time is not simulated.
    starts_at: `${today}T12:00:00Z`,
    recorded_on: today,
    duration_minutes: input.durationMinutes,
    size_minutes: size,
    watched: 0,
    progress_percent: 0,
    watching_now: 0,
    protected: 0,
    unavailable: 0,
    scheduled_deletion: input.scheduledDeletion ?? null,
    deleted_on: null,
    deleted_by: null,
  }
  await db.transaction().execute(async (trx) => {
    await markDeleted(
      trx,
      plan.deletions.map((candidate) => candidate.id),
      today,
      'auto',
    )
    await trx.insertInto('recording').values(row).execute()
  })
  const kept = [...rows.filter((candidate) => !plan.deletions.some((deleted) => deleted.id === candidate.id)), row]
  return {
    quota: toQuota(total, kept),
    recording: toRecording(row, today),
    autoDeleted: plan.deletions.map((candidate) => toRecording(candidate.row, today)),
  }
}

/** QA: the operator changes the quota (§5.11). Nothing is deleted until a new recording needs room (§5.12). */
export async function changeQuota(db: Db, session: Session, totalHours: number, today: string): Promise<RecordingList> {
  const accountId = session.account.id
  const existing = await db.selectFrom('recording_quota').select('account_id').where('account_id', '=', accountId).executeTakeFirst()
  if (existing) {
    await db
      .updateTable('recording_quota')
      .set({ total_minutes: totalHours * 60 })
      .where('account_id', '=', accountId)
      .execute()
  } else {
    await db.insertInto('recording_quota').values({ account_id: accountId, total_minutes: totalHours * 60 }).execute()
  }
  return listRecordings(db, session, today)
}
