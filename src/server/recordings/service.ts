// Recordings as the API answers them and the changes it makes, by the rules of
// domain/recordings (seed 004 TV §5.8–5.12). Deleted recordings stay as
// tombstones, so deleting twice answers the same and an unknown id is a 404.
//
// What every answer needs is indexed, so a request costs the same for 20 recordings
// as for 2 000 (issue 20): each row keeps its deletion day (`deletion_on`, from
// deletionDate when it is written; it depends only on the row), so expiry, the
// quota, the totals and automatic management's next candidates are a few indexed
// queries, and the list answers one page at a time (RECORDINGS_PAGE_MAX). The totals still
// pass over the account's index entries, so GET /v1/recordings keeps them (and the next
// candidates) until the account changes (http/account-cache.ts), as the overview does.
import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import {
  type AutoDeletionPreview,
  type Recording,
  type RecordingChange,
  type RecordingList,
  type RecordingListQuery,
  type RecordingQuota,
  type RecordingsOverview,
  type SimulatedRecording,
  type SimulatedRecordingResult,
  NEXT_TO_DELETE_COUNT,
  RECORDINGS_PAGE_DEFAULT,
} from '../../contract'
import { deletionDate, deletionOutlook, lastShownDeletionDay, planAutoDeletion, quotaUse, type RecordingFacts } from '../../domain/recordings'
import type { AccountCache } from '../http/account-cache'
import type { Session } from '../http/context'
import type { Db, RecordingTable } from '../store/db'
import { ApiError } from '../http/errors'
import { type Keyset, keysetPage, readCursor } from '../http/pages'

/** Quota of an account the operator set none for: 100 hours. */
export const DEFAULT_QUOTA_MINUTES = 100 * 60
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
  const outlook = deletionOutlook({ recordedOn: row.recorded_on, scheduledDeletion: row.scheduled_deletion }, today)
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
    deletionDate: outlook.date,
    lastViewingDay: outlook.lastViewingDay,
    deletionCause: outlook.cause,
    daysLeft: outlook.daysLeft,
    showDeletionDate: outlook.showsDate,
  }
}

function toQuota(totalMinutes: number, rows: readonly Pick<Row, 'size_minutes'>[]): RecordingQuota {
  const use = quotaUse(
    totalMinutes,
    rows.map((row) => ({ sizeMinutes: row.size_minutes })),
  )
  return { totalMinutes: use.totalMinutes, usedMinutes: use.usedMinutes, freeMinutes: use.freeMinutes, percent: use.percent, warning: use.warning }
}

/** The day a row is deleted (§5.9), kept in `deletion_on` whenever a recording is written. */
export function deletionOn(row: Pick<Row, 'recorded_on' | 'scheduled_deletion'>): string {
  return deletionDate({ recordedOn: row.recorded_on, scheduledDeletion: row.scheduled_deletion }).date
}

async function quotaMinutes(db: Db, accountId: string): Promise<number> {
  const row = await db.selectFrom('recording_quota').select('total_minutes').where('account_id', '=', accountId).executeTakeFirst()
  return row?.total_minutes ?? DEFAULT_QUOTA_MINUTES
}

/**
 * Deletes the account's recordings whose deletion day has come (§5.9: protected ones
 * too), so every answer shows the quota as the recorder sees it. One indexed query
 * when none has (isExpired: the deletion day is today or before).
 */
async function expireDue(db: Db, accountId: string, today: string): Promise<void> {
  const due = await db.selectFrom('recording').select('id').where('account_id', '=', accountId).where('deleted_on', 'is', null).where('deletion_on', '<=', today).execute()
  if (due.length > 0) {
    await markDeleted(
      db,
      due.map((row) => row.id),
      today,
      'expiry',
    )
  }
}

/** The account's kept recordings, every one: only for what needs them all (automatic management's plans). */
async function keptRecordings(db: Db, accountId: string, today: string): Promise<Row[]> {
  await expireDue(db, accountId, today)
  return db.selectFrom('recording').selectAll().where('account_id', '=', accountId).where('deleted_on', 'is', null).execute()
}

interface Totals {
  quota: RecordingQuota
  total: number
  expiringSoon: number
}

/** Quota, count and how many show their deletion date: one aggregate over the account's index. */
async function totals(db: Db, accountId: string, today: string): Promise<Totals> {
  const shownUntil = lastShownDeletionDay(today)
  const row = await db
    .selectFrom('recording')
    .select((eb) => [
      eb.fn.countAll().as('total'),
      eb.fn.sum<number | string | null>('size_minutes').as('used'),
      sql<number | string | null>`sum(case when ${eb.ref('deletion_on')} <= ${shownUntil} then 1 else 0 end)`.as('soon'),
    ])
    .where('account_id', '=', accountId)
    .where('deleted_on', 'is', null)
    .executeTakeFirstOrThrow()
  // PostgreSQL answers counts and sums as strings (bigint), SQLite as numbers. The sum stands for the rows (quotaUse adds sizes).
  return {
    quota: toQuota(await quotaMinutes(db, accountId), [{ size_minutes: Number(row.used ?? 0) }]),
    total: Number(row.total),
    expiringSoon: Number(row.soon ?? 0),
  }
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

/**
 * The first of automatic management's candidates, in its order (domain autoDeletionOrder,
 * §5.12): never protected nor being watched; watched before unwatched; oldest first; by id.
 */
async function nextToDelete(db: Db, accountId: string, today: string): Promise<Recording[]> {
  const rows = await db
    .selectFrom('recording')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('deleted_on', 'is', null)
    .where('protected', '=', 0)
    .where('watching_now', '=', 0)
    .orderBy('watched', 'desc')
    .orderBy('recorded_on', 'asc')
    .orderBy('id', 'asc')
    .limit(NEXT_TO_DELETE_COUNT)
    .execute()
  return rows.map((row) => toRecording(row, today))
}

/** The list's order (domain byDeletionDate: deletion day, then start, then id) over the account's kept recordings. */
function keptInOrder(db: Db, accountId: string): Keyset<Row> {
  const kept = () => db.selectFrom('recording').where('account_id', '=', accountId).where('deleted_on', 'is', null)
  return {
    columns: ['deletion_on', 'starts_at', 'id'],
    descending: false,
    keyOf: (row) => [row.deletion_on, row.starts_at, row.id],
    rows: (where, direction, limit) =>
      (where ? kept().where(where) : kept()).selectAll().orderBy('deletion_on', direction).orderBy('starts_at', direction).orderBy('id', direction).limit(limit).execute(),
    count: async (where) => Number((await (where ? kept().where(where) : kept()).select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow()).count),
  }
}

/** What every page of the list answers beside its items: the same for any cursor until the account changes. */
export type BesidePage = Pick<RecordingList, 'quota' | 'expiringSoon' | 'total' | 'nextToDelete'>

async function besidePage(db: Db, accountId: string, today: string): Promise<BesidePage> {
  const { quota, total, expiringSoon } = await totals(db, accountId, today)
  return { quota, expiringSoon, total, nextToDelete: await nextToDelete(db, accountId, today) }
}

/**
 * A page of the kept recordings, first to be deleted first, after or before a cursor;
 * with the quota, the totals and automatic management's next candidates. `kept`: where
 * those are kept between requests (the totals pass over every recording's index entry);
 * null for the answer of a write, which must see it.
 */
export async function listRecordings(
  db: Db,
  session: Session,
  today: string,
  query: RecordingListQuery = {},
  kept: AccountCache<BesidePage> | null = null,
): Promise<RecordingList> {
  const accountId = session.account.id
  const cursor = query.cursor === undefined ? null : readCursor(query.cursor, 3)
  // Every time, kept or not: no page lists a recording whose deletion day has come.
  await expireDue(db, accountId, today)
  const compute = () => besidePage(db, accountId, today)
  const beside = kept ? await kept.get(session, [], today, compute) : await compute()
  const page = await keysetPage(keptInOrder(db, accountId), cursor, query.limit ?? RECORDINGS_PAGE_DEFAULT, beside.total)
  return {
    ...beside,
    position: page.position,
    items: page.rows.map((row) => toRecording(row, today)),
    next: page.next,
    previous: page.previous,
  }
}

export async function recordingsOverview(db: Db, session: Session, today: string): Promise<RecordingsOverview> {
  await expireDue(db, session.account.id, today)
  const { quota, total, expiringSoon } = await totals(db, session.account.id, today)
  return { quota, count: total, expiringSoon }
}

async function changeAnswer(db: Db, session: Session, today: string, recordingId: string): Promise<RecordingChange> {
  const row = await findRow(db, session, recordingId)
  const kept = row && row.deleted_on === null ? row : null
  return {
    quota: (await totals(db, session.account.id, today)).quota,
    recording: kept ? toRecording(kept, today) : null,
    removedIds: kept ? [] : [recordingId],
    nextToDelete: await nextToDelete(db, session.account.id, today),
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
  await expireDue(db, session.account.id, today)
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
    deletion_on: deletionOn({ recorded_on: today, scheduled_deletion: input.scheduledDeletion ?? null }),
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
