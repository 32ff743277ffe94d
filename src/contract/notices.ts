// Notices (seed 004 TV §2.1.3, general §5, §5.7, §10.2): channel changes and contract
// changes announced to the account, with the lead time and free exit the server judged.
import Type from 'typebox'
import { IsoDate, IsoDateTime, Literals, PageOf, PageQuery } from './common'

export const NoticeKind = Type.Union([
  Type.Literal('channel-added'),
  Type.Literal('channel-removed'),
  Type.Literal('channel-replaced'),
  Type.Literal('channel-renumbered'),
  Type.Literal('contract-change'),
  /** The yearly update by the consumer price index (general §10.2): not a contract change (§5.5). */
  Type.Literal('price-update'),
  /** A service or functionality the operator stops providing, with at least 15 days' notice (general §5.7). */
  Type.Literal('service-withdrawn'),
])
export type NoticeKind = Type.Static<typeof NoticeKind>

/** How a contract change affects the customer (general §5.6): only `adverse` gives the free exit. */
export const ContractEffect = Literals('adverse', 'beneficial', 'neutral', 'legal')
export type ContractEffect = Type.Static<typeof ContractEffect>

/** A channel involved: its number before the change (null if it is new) and after (null if it goes). */
export const NoticeChannel = Type.Object({
  name: Type.String(),
  before: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  after: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
})
export type NoticeChannel = Type.Static<typeof NoticeChannel>

export const NoticeId = Type.String({ pattern: '^[a-z0-9-]{1,64}$' })

export const NoticeSummary = Type.Object({
  id: NoticeId,
  kind: NoticeKind,
  /** Operator's headline, pt-PT. For a viewer who may not see contract details, a generic one. */
  title: Type.String(),
  channels: Type.Array(NoticeChannel),
  announcedOn: IsoDate,
  effectiveOn: IsoDate,
  /** Days until it takes effect, by the server's clock: 0 on the day, negative once in force. */
  daysLeft: Type.Integer(),
  /** A channel change that could not be foreseen 30 days ahead (TV §2.1.3). */
  unforeseeable: Type.Boolean(),
  /** Announced with less notice than the seed requires. */
  late: Type.Boolean(),
  /** The last day the notice was due; null when no lead time applies. */
  noticeDueBy: Type.Union([IsoDate, Type.Null()]),
  /** Whether general §5 applies (the yearly price update is not a contract change, §5.5). */
  contractChange: Type.Boolean(),
  /** Right to terminate free of charge, until when, and whether it is still open today (general §5.2, §5.6). */
  freeExit: Type.Union([
    Type.Object({ until: IsoDate, open: Type.Boolean(), daysLeft: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]) }),
    Type.Null(),
  ]),
  readAt: Type.Union([IsoDateTime, Type.Null()]),
  /** The viewer's profile may not see the details of this contract change (seed 002). */
  restricted: Type.Boolean(),
})
export type NoticeSummary = Type.Static<typeof NoticeSummary>

export const NoticeDetail = Type.Object({
  ...NoticeSummary.properties,
  contractEffect: Type.Union([ContractEffect, Type.Null()]),
  /** What changes, in the operator's words (pt-PT), one paragraph each. */
  details: Type.Array(Type.String()),
})
export type NoticeDetail = Type.Static<typeof NoticeDetail>

/**
 * Notices a page holds at most: 50 notices moving 12 channels each, with long names and titles, are
 * 62.6 KB of JSON, so 40 leave room under the 64 KB a low box parses at once (issue 20;
 * test/unit/server/lists-pages.test.ts).
 */
export const NOTICES_PAGE_MAX = 40
/** A page when the box asks for no size. */
export const NOTICES_PAGE_DEFAULT = 20

export const NoticeListQuery = PageQuery(NOTICES_PAGE_MAX, NOTICES_PAGE_DEFAULT, 'notices')
export type NoticeListQuery = Type.Static<typeof NoticeListQuery>

/** A page of the notices, unread first, then the most urgent, with the unread count of them all. */
export const NoticeList = Type.Object({
  ...PageOf(NoticeSummary, NOTICES_PAGE_MAX),
  /** Unread notices the viewer can open, on every page. */
  unread: Type.Integer({ minimum: 0 }),
})
export type NoticeList = Type.Static<typeof NoticeList>

/** For home: how many are unread and the most urgent unread one (the banner names it). */
export const NoticesOverview = Type.Object({
  unread: Type.Integer({ minimum: 0 }),
  total: Type.Integer({ minimum: 0 }),
  mostUrgent: Type.Union([NoticeSummary, Type.Null()]),
})
export type NoticesOverview = Type.Static<typeof NoticesOverview>

export const NoticeParams = Type.Object({ id: NoticeId })
