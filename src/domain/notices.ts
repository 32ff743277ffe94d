// Channel-change and contract-change notices (seed 004): how much notice each
// change needs, when one came too late, and whether it gives the right to leave
// the contract free of charge. Pure rules on 'YYYY-MM-DD' dates; the server
// applies them, the app only shows what the server answered.
import type { ContractEffect, NoticeKind } from '../contract/notices'
import { addDays, addMonths, compareDates, daysBetween } from './dates'

/** Channels are added, replaced or removed with at least 30 days' notice, "on the screen of the equipment" among other ways (TV §2.1.3). */
export const CHANNEL_NOTICE_DAYS = 30
/** Contract changes are notified at least one month before they take effect (general §5.1, §4.4). */
export const CONTRACT_NOTICE_MONTHS = 1
/** The customer who does not accept a contract change may terminate free of charge within 30 days of the notice (general §5.2). */
export const FREE_EXIT_DAYS = 30
/** The yearly update by the consumer price index happens between February and April (general §10.2). */
export const PRICE_UPDATE_MONTHS: readonly number[] = [2, 3, 4]

/**
 * General §5.7: "NOS reserves the right to cease providing some of the services or functionalities that may be
 * accessed through the Service, upon written notice sent to the Customer under clause 5.1. with at least
 * fifteen (15) days' notice."
 */
export const SERVICE_WITHDRAWAL_NOTICE_DAYS = 15

export const CHANNEL_KINDS: readonly NoticeKind[] = ['channel-added', 'channel-removed', 'channel-replaced', 'channel-renumbered']

export function isChannelChange(kind: NoticeKind): boolean {
  return CHANNEL_KINDS.includes(kind)
}

/**
 * The yearly price update is not a contract change (general §5.5) only when it is the update of §10.2:
 * between February and April, by the index or at least 0,50 €. A "price update" outside those months is
 * an ordinary contract change and needs a month's notice and the free exit.
 */
export function isYearlyPriceUpdate(effectiveOn: string): boolean {
  return PRICE_UPDATE_MONTHS.includes(Number(effectiveOn.slice(5, 7)))
}

/** What the rules make of a notice's stored facts. */
export interface NoticeFacts {
  kind: NoticeKind
  announcedOn: string
  effectiveOn: string
  /** A channel change that could not be foreseen 30 days ahead: told as soon as known (TV §2.1.3). */
  unforeseeable: boolean
  /** For contract changes: how it affects the customer (general §5.6). */
  contractEffect: ContractEffect | null
}

export interface NoticeAssessment {
  /** Whether general §5 applies: a contract change, or a price change that is not the yearly update. */
  contractChange: boolean
  /** The last day the notice could be given; null when no lead time applies. */
  noticeDueBy: string | null
  /** Announced after `noticeDueBy` (and not excused as unforeseeable). */
  late: boolean
  /** Days of notice actually given (effective date minus announcement date). */
  noticeDays: number
  /** Last day to terminate free of charge (general §5.2, §5.6); null when there is no such right. */
  freeExitUntil: string | null
}

/** Lead time and free exit, independent of today. */
export function assessNotice(facts: NoticeFacts): NoticeAssessment {
  const noticeDays = daysBetween(facts.announcedOn, facts.effectiveOn)
  if (isChannelChange(facts.kind)) {
    // An unforeseeable change has no lead time to miss: it is disclosed "as soon as it becomes known".
    const noticeDueBy = facts.unforeseeable ? null : addDays(facts.effectiveOn, -CHANNEL_NOTICE_DAYS)
    return { contractChange: false, noticeDueBy, late: noticeDueBy !== null && compareDates(facts.announcedOn, noticeDueBy) > 0, noticeDays, freeExitUntil: null }
  }
  if (facts.kind === 'service-withdrawn') {
    // §5.7 is a lead time of its own: not the month of §5.1, and no free exit of §5.2.
    const noticeDueBy = addDays(facts.effectiveOn, -SERVICE_WITHDRAWAL_NOTICE_DAYS)
    return { contractChange: false, noticeDueBy, late: compareDates(facts.announcedOn, noticeDueBy) > 0, noticeDays, freeExitUntil: null }
  }
  if (facts.kind === 'price-update' && isYearlyPriceUpdate(facts.effectiveOn)) {
    // §5.5: not an amendment of the contract, so neither §5.1's month nor §5.2's free exit applies.
    return { contractChange: false, noticeDueBy: null, late: false, noticeDays, freeExitUntil: null }
  }
  // §5.1 has no "unforeseeable" exception: a contract change always needs the month.
  const noticeDueBy = addMonths(facts.effectiveOn, -CONTRACT_NOTICE_MONTHS)
  // §5.6: no free exit for changes only to the customer's benefit, neutral ones, or those imposed by law.
  const effect = facts.contractEffect ?? 'adverse'
  const freeExitUntil = effect === 'adverse' ? addDays(facts.announcedOn, FREE_EXIT_DAYS) : null
  return { contractChange: true, noticeDueBy, late: compareDates(facts.announcedOn, noticeDueBy) > 0, noticeDays, freeExitUntil }
}

export interface NoticeTiming {
  /** Days until the change takes effect; 0 on the day, negative once in force. */
  daysLeft: number
  /** Whether the free exit can still be used today. */
  freeExitOpen: boolean
  /** Days left to use the free exit (0 on its last day); null when closed or absent. */
  freeExitDaysLeft: number | null
}

export function noticeTiming(assessment: NoticeAssessment, effectiveOn: string, today: string): NoticeTiming {
  const daysLeft = daysBetween(today, effectiveOn)
  const until = assessment.freeExitUntil
  const freeExitOpen = until !== null && compareDates(today, until) <= 0
  return { daysLeft, freeExitOpen, freeExitDaysLeft: freeExitOpen && until ? daysBetween(today, until) : null }
}

export interface RankedNotice {
  id: string
  read: boolean
  effectiveOn: string
  daysLeft: number
  freeExitDaysLeft: number | null
  announcedOn: string
}

/** The nearest date the subscriber must act or be ready by: a closing free exit, else the change itself; null once both passed. */
export function actionDaysLeft(notice: RankedNotice): number | null {
  const candidates = [notice.freeExitDaysLeft, notice.daysLeft >= 0 ? notice.daysLeft : null].filter((days): days is number => days !== null)
  return candidates.length ? Math.min(...candidates) : null
}

/**
 * List order (DESIGN §3 "unread first"): unread first; within each, the most urgent first (the nearest
 * deadline still ahead: the free exit of general §5.2, the change itself), then changes already in force,
 * newest first; then the latest announced; notices alike in all that by id, so every request and every page agree.
 */
export function compareNotices(a: RankedNotice, b: RankedNotice): number {
  if (a.read !== b.read) return a.read ? 1 : -1
  const da = actionDaysLeft(a)
  const db = actionDaysLeft(b)
  if (da !== null && db !== null && da !== db) return da - db
  if ((da === null) !== (db === null)) return da === null ? 1 : -1
  // In force: the latest change first. Then, as for a date still ahead, the latest announced first.
  const dates = (da === null ? compareDates(b.effectiveOn, a.effectiveOn) : 0) || compareDates(b.announcedOn, a.announcedOn)
  return dates || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** What a notice's place in the list depends on: the free exit's last day only when the viewer sees it (general §5.2, seed 002). */
export interface OrderFacts {
  read: boolean
  announcedOn: string
  effectiveOn: string
  freeExitUntil: string | null
}

/** A notice's place in the list as a text that sorts as `compareNotices` does (then by id), and the days it holds on. */
export interface NoticeOrder {
  key: string
  from: string
  until: string
}

/** Before and after any date a notice has. */
export const FIRST_DAY = '0000-01-01'
export const LAST_DAY = '9999-12-31'

/**
 * The list order of `compareNotices` as a key the store can index (issue 20). Days left count from today,
 * so between two of a notice's own dates the order among notices is that of their fixed dates: the
 * action date is the nearest of the free exit's end and the change still ahead, and it is the same date
 * from the day after the previous one passed until its own day. A key therefore holds for a run of days
 * (`from`..`until`) and changes at most twice: when the nearer date passes, and when both have.
 */
export function noticeOrder(notice: OrderFacts, today: string): NoticeOrder {
  const dates = [notice.effectiveOn, ...(notice.freeExitUntil ? [notice.freeExitUntil] : [])].sort(compareDates)
  const ahead = dates.filter((date) => compareDates(date, today) >= 0)
  const passed = dates.filter((date) => compareDates(date, today) < 0)
  const from = passed.length ? addDays(passed[passed.length - 1]!, 1) : FIRST_DAY
  const read = notice.read ? '1' : '0'
  // The nearest action date first, then the latest announced; in force: the latest change first, then the latest announced.
  if (ahead.length) return { key: `${read}0${ahead[0]}${later(notice.announcedOn)}`, from, until: ahead[0]! }
  return { key: `${read}1${later(notice.effectiveOn)}${later(notice.announcedOn)}`, from, until: LAST_DAY }
}

/** A date as a text that sorts the later first: each digit d becomes 9 − d. */
function later(date: string): string {
  return date.replace(/\d/g, (digit) => String(9 - Number(digit)))
}
