// Recordings answers as the reference server sends them ("today" is 23/11/2026),
// checked against the contract in RecordingsPage.test.ts.
import type { Recording, RecordingChange, RecordingList, RecordingQuota } from '../../src/contract'
import type { Page } from '../../src/data/pagedWindow'
import { pageAt, pagedList } from './pageFixtures'

const DAY = 86_400_000
const TODAY = Date.parse('2026-11-23T00:00:00Z')
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** The `index`-th recording to be deleted, `daysLeft` days from today (its deletion date shown in the last 30). */
export function recording(index: number, overrides: Partial<Recording> = {}): Recording {
  const daysLeft = overrides.daysLeft ?? 3 + index
  const deletion = TODAY + daysLeft * DAY
  const start = new Date(deletion)
  start.setUTCMonth(start.getUTCMonth() - 6)
  return {
    id: `rec-${String(index).padStart(4, '0')}`,
    channel: ['RTP1', 'SIC', 'TVI', 'Sport TV1'][index % 4]!,
    title: `Programa ${index + 1}`,
    startsAt: `${iso(start.getTime())}T20:30:00Z`,
    durationMinutes: 60,
    sizeMinutes: 60,
    watched: index % 2 === 0,
    progressPercent: index % 2 === 0 ? 100 : 0,
    watchingNow: false,
    protected: false,
    unavailable: false,
    scheduledDeletion: null,
    deletionDate: iso(deletion),
    lastViewingDay: iso(deletion - DAY),
    deletionCause: 'age',
    daysLeft,
    showDeletionDate: daysLeft <= 30,
    ...overrides,
  }
}

export function quota(totalHours: number, usedMinutes: number): RecordingQuota {
  const total = totalHours * 60
  const exact = (usedMinutes / total) * 100
  return { totalMinutes: total, usedMinutes, freeMinutes: Math.max(0, total - usedMinutes), percent: Math.floor(exact), warning: exact > 90 }
}

/** One page of `all` as the server answers it, from `position`. */
function pageOf(all: readonly Recording[], quotaNow: RecordingQuota, nextToDelete: Recording[], position: number, limit: number): RecordingList {
  return withTotals(pageAt(all, position, limit), all, quotaNow, nextToDelete)
}

function withTotals(page: Page<Recording> & { items: Recording[] }, all: readonly Recording[], quotaNow: RecordingQuota, nextToDelete: Recording[]): RecordingList {
  return { ...page, quota: quotaNow, expiringSoon: all.filter((r) => r.showDeletionDate).length, nextToDelete }
}

/** quota-full: 98 h of 100 h; Telejornal leaves in 5 days, a protected match in 13, one unavailable, one being watched. */
export function quotaFullList(): RecordingList {
  const items = [
    recording(0, { title: 'Gladiador', channel: 'Hollywood', daysLeft: 5, deletionCause: 'scheduled', watched: false, progressPercent: 0, durationMinutes: 155, sizeMinutes: 155 }),
    recording(1, { title: 'Telejornal', channel: 'RTP1', daysLeft: 9, watched: true, progressPercent: 100 }),
    recording(2, { title: 'Liga Portugal: Benfica x FC Porto', channel: 'Sport TV1', daysLeft: 13, watched: true, progressPercent: 100, protected: true }),
    recording(3, { title: 'Anatomia de Grey', channel: 'AXN', daysLeft: 80, unavailable: true, watched: false, progressPercent: 20 }),
    recording(4, { title: 'Festival da Canção', channel: 'RTP1', daysLeft: 160, watchingNow: true, watched: false, progressPercent: 40 }),
    recording(5, { title: 'Jornal da Noite', channel: 'SIC', daysLeft: 170, watched: true, progressPercent: 100 }),
  ]
  return pageOf(items, quota(100, 5880), [items[1]!, items[5]!, items[0]!, items[3]!], 0, items.length)
}

/**
 * An account of `count` recordings as the server pages them: the first page (what the route
 * loads) and the answer to a cursor, for the API stub.
 */
export function pagedRecordings(count: number, limit = 50) {
  const all = Array.from({ length: count }, (_, i) => recording(i, { daysLeft: 1 + Math.floor(i / 12) }))
  return pagedList(all, limit, (page) => withTotals(page, all, quota(4500, 195_000), []))
}

/** The first page of an account of `count` recordings. */
export function manyRecordings(count: number): RecordingList {
  return pagedRecordings(count).first
}

/** The server's answer to deleting `id` from `list`. */
export function deletedAnswer(list: RecordingList, id: string): RecordingChange {
  const gone = list.items.find((r) => r.id === id)!
  const kept = list.items.filter((r) => r.id !== id)
  return {
    quota: quota(list.quota.totalMinutes / 60, list.quota.usedMinutes - gone.sizeMinutes),
    recording: null,
    removedIds: [id],
    nextToDelete: list.nextToDelete.filter((next) => next.id !== id && kept.some((r) => r.id === next.id)),
  }
}

export function protectedAnswer(list: RecordingList, id: string, protect: boolean): RecordingChange {
  const target = list.items.find((r) => r.id === id)!
  return {
    quota: list.quota,
    recording: { ...target, protected: protect },
    removedIds: [],
    nextToDelete: protect ? list.nextToDelete.filter((next) => next.id !== id) : list.nextToDelete,
  }
}
