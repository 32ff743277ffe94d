// Notices as the API answers them: stored facts plus the rules of the day (lead
// time, free exit, days left) computed by domain/notices for `today`, and the
// viewer's right to see contract details (domain/permissions 'notices.contract').
import { type NoticeDetail, type NoticeList, type NoticeListQuery, NOTICES_PAGE_DEFAULT, type NoticesOverview, type NoticeSummary } from '../../contract'
import { assessNotice, CHANNEL_KINDS, noticeOrder, noticeTiming } from '../../domain/notices'
import { can } from '../../domain/permissions'
import type { Session } from '../http/context'
import { type Keyset, keysetPage, readCursor } from '../http/pages'
import type { Selectable } from 'kysely'
import type { Db, NoticeChannelTable, NoticeTable } from '../store/db'

type NoticeRow = Selectable<NoticeTable>

/** What a viewer without 'notices.contract' reads instead of the operator's headline. */
export const RESTRICTED_TITLE = 'Alteração às condições do contrato'

function toDetail(row: NoticeRow, channels: NoticeChannelTable[], session: Session, today: string): NoticeDetail {
  const assessment = assessNotice({
    kind: row.kind,
    announcedOn: row.announced_on,
    effectiveOn: row.effective_on,
    unforeseeable: row.unforeseeable === 1,
    contractEffect: row.contract_effect,
  })
  const timing = noticeTiming(assessment, row.effective_on, today)
  // Price and terms are contract data; the channel line-up is everyone's (seed 002, see permissions).
  const restricted = !row.kind.startsWith('channel-') && !can(session.viewer.profile, 'notices.contract')
  return {
    id: row.id,
    kind: row.kind,
    title: restricted ? RESTRICTED_TITLE : row.title,
    channels: channels
      .filter((channel) => channel.notice_id === row.id)
      .sort((a, b) => a.position - b.position)
      .map((channel) => ({ name: channel.name, before: channel.number_before, after: channel.number_after })),
    announcedOn: row.announced_on,
    effectiveOn: row.effective_on,
    daysLeft: timing.daysLeft,
    unforeseeable: row.unforeseeable === 1,
    late: assessment.late,
    noticeDueBy: assessment.noticeDueBy,
    contractChange: assessment.contractChange,
    // The free-exit window is a term of the contract change: withheld like its details (seed 002).
    freeExit: !restricted && assessment.freeExitUntil ? { until: assessment.freeExitUntil, open: timing.freeExitOpen, daysLeft: timing.freeExitDaysLeft } : null,
    readAt: row.read_at,
    restricted,
    contractEffect: restricted ? null : row.contract_effect,
    details: restricted ? [] : row.details.split('\n\n').filter((paragraph) => paragraph.trim() !== ''),
  }
}

function toSummary(detail: NoticeDetail): NoticeSummary {
  const { contractEffect: _effect, details: _details, ...summary } = detail
  return summary
}

/** The channels of these notices, in their order on each notice (seed 004 TV §2.1.3). */
async function detailsOf(db: Db, rows: NoticeRow[], session: Session, today: string): Promise<NoticeDetail[]> {
  if (rows.length === 0) return []
  const channels = await db
    .selectFrom('notice_channel')
    .selectAll()
    .where(
      'notice_id',
      'in',
      rows.map((row) => row.id),
    )
    .execute()
  return rows.map((row) => toDetail(row, channels, session, today))
}

/** Whether this viewer sees contract terms, so the free exit counts in the order (general §5.2, seed 002). */
function seesContract(session: Session): boolean {
  return can(session.viewer.profile, 'notices.contract')
}

/** A notice's order on `today`: with its free exit for viewers who see it, without for the others. */
function orderOf(row: NoticeRow, read: boolean, today: string) {
  const { freeExitUntil } = assessNotice({
    kind: row.kind,
    announcedOn: row.announced_on,
    effectiveOn: row.effective_on,
    unforeseeable: row.unforeseeable === 1,
    contractEffect: row.contract_effect,
  })
  const facts = { read, announcedOn: row.announced_on, effectiveOn: row.effective_on }
  const full = noticeOrder({ ...facts, freeExitUntil }, today)
  // Without the free exit a key changes on fewer days, so the full key's days hold for both.
  return { order_key: full.key, order_key_restricted: noticeOrder({ ...facts, freeExitUntil: null }, today).key, order_from: full.from, order_until: full.until }
}

/**
 * Keys the account's notices whose stored order does not hold on `today` (issue 20): a notice's key
 * changes on at most two days of its life (noticeOrder), so on most requests no row is stale and this
 * is one indexed look-up (notice_order_until, notice_order_from). A notice inserted without a key holds
 * on no day and is keyed here. A notice read meanwhile keeps the key its opening wrote.
 */
async function keepOrder(db: Db, accountId: string, today: string): Promise<void> {
  // Two range look-ups: an OR of the two would read every notice of the account.
  const account = () => db.selectFrom('notice').selectAll().where('account_id', '=', accountId)
  const [ended, ahead] = await Promise.all([account().where('order_until', '<', today).execute(), account().where('order_from', '>', today).execute()])
  if (ended.length + ahead.length === 0) return
  // Once each (a notice never keyed is in both), in the order of their ids, so two requests keying the
  // same notices never wait on each other's rows.
  const stale = [...new Map([...ended, ...ahead].map((row) => [row.id, row])).values()].sort((a, b) => (a.id < b.id ? -1 : 1))
  await db.transaction().execute(async (trx) => {
    for (const row of stale) {
      await trx
        .updateTable('notice')
        .set(orderOf(row, row.read_at !== null, today))
        .where('id', '=', row.id)
        .where('read_at', row.read_at === null ? 'is' : 'is not', null)
        .execute()
    }
  })
}

/** The list's order for this viewer: its key, then id, over the account's notices. */
function listOrder(db: Db, session: Session): Keyset<NoticeRow> {
  const column = seesContract(session) ? 'order_key' : 'order_key_restricted'
  const account = () => db.selectFrom('notice').where('account_id', '=', session.account.id)
  return {
    columns: [column, 'id'],
    descending: false,
    keyOf: (row) => [row[column], row.id],
    rows: (where, direction, limit) => (where ? account().where(where) : account()).selectAll().orderBy(column, direction).orderBy('id', direction).limit(limit).execute(),
    count: async (where) => Number((await (where ? account().where(where) : account()).select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow()).count),
  }
}

/** Unread notices the viewer can open: a restricted viewer cannot open a contract change (seed 002). Indexed (notice_unread). */
function openableUnread(db: Db, session: Session) {
  const unread = db.selectFrom('notice').where('account_id', '=', session.account.id).where('read_at', 'is', null)
  return seesContract(session) ? unread : unread.where('kind', 'in', CHANNEL_KINDS)
}

async function unreadCount(db: Db, session: Session): Promise<number> {
  return Number((await openableUnread(db, session).select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow()).count)
}

/**
 * A page of the notices in the list's order (unread first, then the most urgent), after or before a
 * cursor (the key of a page's edge notice), with the unread count of them all. The order is the day's,
 * kept per notice in a key that holds for a run of days (keepOrder), so a page is one indexed range query
 * like the invoices' and the recordings' (issue 20).
 */
export async function noticesPage(db: Db, session: Session, today: string, query: NoticeListQuery): Promise<NoticeList> {
  const cursor = query.cursor === undefined ? null : readCursor(query.cursor, 2)
  await keepOrder(db, session.account.id, today)
  const order = listOrder(db, session)
  const [total, unread] = await Promise.all([order.count(null), unreadCount(db, session)])
  const page = await keysetPage(order, cursor, query.limit ?? NOTICES_PAGE_DEFAULT, total)
  const items = (await detailsOf(db, page.rows, session, today)).map(toSummary)
  return { total, position: page.position, items, next: page.next, previous: page.previous, unread }
}

/**
 * Home's card: the unread notices the viewer can open (so the banner never points at one it cannot open),
 * how many there are in all, and the first of them in the list's order.
 */
export async function noticesOverview(db: Db, session: Session, today: string): Promise<NoticesOverview> {
  await keepOrder(db, session.account.id, today)
  const column = seesContract(session) ? 'order_key' : 'order_key_restricted'
  const [total, unread, first] = await Promise.all([
    listOrder(db, session).count(null),
    unreadCount(db, session),
    openableUnread(db, session).selectAll().orderBy(column).orderBy('id').limit(1).executeTakeFirst(),
  ])
  const mostUrgent = first ? (await detailsOf(db, [first], session, today)).map(toSummary)[0]! : null
  return { unread, total, mostUrgent }
}

export async function noticeDetail(db: Db, session: Session, id: string, today: string): Promise<NoticeDetail | null> {
  const row = await db.selectFrom('notice').selectAll().where('account_id', '=', session.account.id).where('id', '=', id).executeTakeFirst()
  return row ? ((await detailsOf(db, [row], session, today))[0] ?? null) : null
}

/**
 * Marks a notice read for the whole account, and moves it among the read ones in the list: the first
 * opening is kept, so marking twice changes nothing. Returns the notice as read, or null when the
 * account has no such notice.
 */
export async function markNoticeRead(db: Db, session: Session, id: string, now: Date, today: string): Promise<NoticeDetail | null> {
  const row = await db.selectFrom('notice').selectAll().where('account_id', '=', session.account.id).where('id', '=', id).executeTakeFirst()
  if (!row) return null
  await db
    .updateTable('notice')
    .set({ read_at: now.toISOString(), ...orderOf(row, true, today) })
    .where('id', '=', id)
    .where('account_id', '=', session.account.id)
    .where('read_at', 'is', null)
    .execute()
  return noticeDetail(db, session, id, today)
}
