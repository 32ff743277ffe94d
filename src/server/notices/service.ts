// Notices as the API answers them: stored facts plus the rules of the day (lead
// time, free exit, days left) computed by domain/notices for `today`, and the
// viewer's right to see contract details (domain/permissions 'notices.contract').
import { type NoticeDetail, type NoticeList, type NoticeListQuery, NOTICES_PAGE_DEFAULT, type NoticesOverview, type NoticeSummary } from '../../contract'
import { assessNotice, compareNotices, noticeTiming } from '../../domain/notices'
import { can } from '../../domain/permissions'
import type { Session } from '../http/context'
import { pageEdges, readCursor } from '../http/pages'
import type { Db, NoticeChannelTable, NoticeTable } from '../store/db'

/** What a viewer without 'notices.contract' reads instead of the operator's headline. */
export const RESTRICTED_TITLE = 'Alteração às condições do contrato'

function toDetail(row: NoticeTable, channels: NoticeChannelTable[], session: Session, today: string): NoticeDetail {
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

async function noticesOf(db: Db, session: Session, today: string, id?: string): Promise<NoticeDetail[]> {
  let query = db.selectFrom('notice').selectAll().where('account_id', '=', session.account.id)
  if (id !== undefined) query = query.where('id', '=', id)
  const rows = await query.execute()
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
  return rows
    .map((row) => toDetail(row, channels, session, today))
    .sort((a, b) =>
      compareNotices(
        { ...a, read: a.readAt !== null, freeExitDaysLeft: a.freeExit?.daysLeft ?? null },
        { ...b, read: b.readAt !== null, freeExitDaysLeft: b.freeExit?.daysLeft ?? null },
      ),
    )
}

/** Unread first, then the most urgent. */
export async function listNotices(db: Db, session: Session, today: string): Promise<NoticeSummary[]> {
  return (await noticesOf(db, session, today)).map(toSummary)
}

/**
 * A page of the notices in the list's order, after or before a cursor (the id of a page's edge notice),
 * with the unread count of them all. The order is the day's (urgency counts days from today, and reading
 * moves a notice down), so it is kept nowhere: the account's notices are ordered, then one page of them is
 * answered; a cursor whose notice is gone starts the list again (issue 20).
 */
export async function noticesPage(db: Db, session: Session, today: string, query: NoticeListQuery): Promise<NoticeList> {
  const all = await listNotices(db, session, today)
  const cursor = query.cursor === undefined ? null : readCursor(query.cursor, 1)
  const limit = query.limit ?? NOTICES_PAGE_DEFAULT
  const at = cursor ? all.findIndex((notice) => notice.id === cursor.key[0]) : -1
  const start = at < 0 ? 0 : cursor?.before ? Math.max(0, at - limit) : at + 1
  const end = at >= 0 && cursor?.before ? at : start + limit
  const page = pageEdges(all.slice(start, end), start, all.length, (notice) => [notice.id])
  return { total: all.length, position: page.position, items: page.rows, next: page.next, previous: page.previous, unread: unreadCount(all) }
}

export async function noticeDetail(db: Db, session: Session, id: string, today: string): Promise<NoticeDetail | null> {
  return (await noticesOf(db, session, today, id))[0] ?? null
}

/**
 * Marks a notice read for the whole account: the first opening is kept, so marking twice changes nothing.
 * Returns the notice as read, or null when the account has no such notice.
 */
export async function markNoticeRead(db: Db, session: Session, id: string, now: Date, today: string): Promise<NoticeDetail | null> {
  await db
    .updateTable('notice')
    .set({ read_at: now.toISOString() })
    .where('id', '=', id)
    .where('account_id', '=', session.account.id)
    .where('read_at', 'is', null)
    .execute()
  return noticeDetail(db, session, id, today)
}

/**
 * Unread notices the viewer can open (a restricted viewer cannot open a contract change, so the banner
 * never points at one) and the most urgent of them.
 */
export function noticesOverview(items: NoticeSummary[]): NoticesOverview {
  const unread = items.filter((notice) => notice.readAt === null && !notice.restricted)
  return { unread: unread.length, total: items.length, mostUrgent: unread[0] ?? null }
}

export function unreadCount(items: NoticeSummary[]): number {
  return noticesOverview(items).unread
}
