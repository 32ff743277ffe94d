// Recordings rules of seed 004 TV §5.9–5.12.
import { describe, expect, it } from 'vitest'
import { addDays, compareDates } from '../../../src/domain/dates'
import {
  autoDeletionOrder,
  deletionDate,
  deletionOutlook,
  isExpired,
  planAutoDeletion,
  quotaUse,
  type RecordingFacts,
  lastShownDeletionDay,
} from '../../../src/domain/recordings'
import { DST_2026, expectAtBoundary } from './lisbon-boundary'

/** Any day: the last viewing day does not depend on it. */
const TODAY = '2026-03-16'

function recording(id: string, overrides: Partial<RecordingFacts> = {}): RecordingFacts {
  return { id, recordedOn: '2026-03-16', scheduledDeletion: null, sizeMinutes: 60, watched: false, watchingNow: false, protected: false, ...overrides }
}

describe('deletion date (§5.9)', () => {
  it('is 6 months after the recording day', () => {
    expect(deletionDate(recording('a'))).toEqual({ date: '2026-09-16', cause: 'age' })
    // A day the sixth month lacks becomes its last day.
    expect(deletionDate(recording('b', { recordedOn: '2026-08-31' })).date).toBe('2027-02-28')
  })

  it('is the scheduled date when that comes first, and ignores a later one', () => {
    expect(deletionDate(recording('a', { scheduledDeletion: '2026-05-01' }))).toEqual({ date: '2026-05-01', cause: 'scheduled' })
    expect(deletionDate(recording('a', { scheduledDeletion: '2026-12-01' }))).toEqual({ date: '2026-09-16', cause: 'age' })
  })

  it('deletes protected recordings too, on the deletion day itself', () => {
    const kept = recording('a', { protected: true })
    expect(isExpired(kept, '2026-09-15')).toBe(false)
    expect(isExpired(kept, '2026-09-16')).toBe(true)
    expect(isExpired(recording('b', { scheduledDeletion: '2026-04-01' }), '2026-04-01')).toBe(true)
  })

  it('shows the date only in the last 30 days', () => {
    const r = recording('a')
    expect(deletionOutlook(r, '2026-08-16').daysLeft).toBe(31)
    expect(deletionOutlook(r, '2026-08-16').showsDate).toBe(false)
    expect(deletionOutlook(r, '2026-08-17').showsDate).toBe(true)
    expect(deletionOutlook(r, '2026-09-15').showsDate).toBe(true)
    expect(deletionOutlook(r, '2026-09-16').showsDate).toBe(false)
  })

  it('shows the date exactly when the deletion day is on or before lastShownDeletionDay (a kept recording)', () => {
    // Deleted on 2026-09-16: the day before the 30 days, the first of them, and the day after that.
    const r = recording('a')
    for (const today of ['2026-08-16', '2026-08-17', '2026-08-18', '2026-09-15']) {
      expect(compareDates(deletionDate(r).date, lastShownDeletionDay(today)) <= 0).toBe(deletionOutlook(r, today).showsDate)
    }
    expect(lastShownDeletionDay('2026-08-16')).toBe('2026-09-15')
    expect(lastShownDeletionDay('2026-08-17')).toBe('2026-09-16')
  })

  it('is available until the eve of its deletion: "disponível até" names the last day it can be watched', () => {
    expect(deletionOutlook(recording('a'), TODAY).lastViewingDay).toBe('2026-09-15')
    expect(deletionOutlook(recording('b', { scheduledDeletion: '2026-05-01' }), TODAY).lastViewingDay).toBe('2026-04-30')
    expect(deletionOutlook(recording('c', { protected: true, recordedOn: '2025-10-01' }), TODAY).lastViewingDay).toBe('2026-03-31')
  })

  it('is gone on its deletion day, in Lisbon time: a month end and the spring change', () => {
    // Recorded 1 October 2025: deleted 1 April 2026, watchable until 31 March.
    const monthEnd = recording('a', { recordedOn: '2025-10-01', protected: true })
    expectAtBoundary((today) => isExpired(monthEnd, today), '2026-04-01', { before: false, on: true, after: true })
    // Recorded 29 September 2025: deleted on Sunday 29 March 2026, the day the clocks go forward.
    const spring = recording('b', { recordedOn: '2025-09-29' })
    expect(deletionOutlook(spring, TODAY).lastViewingDay).toBe('2026-03-28')
    expectAtBoundary((today) => isExpired(spring, today), DST_2026.spring, { before: false, on: true, after: true })
  })

  it('carries the date "in the thirty (30) days prior to the deletion date", from the 30th day before', () => {
    // Deleted 25 October 2026 (autumn change): the date shows from 25 September.
    const autumn = recording('a', { recordedOn: '2026-05-01', scheduledDeletion: DST_2026.autumn })
    expectAtBoundary((today) => deletionOutlook(autumn, today).showsDate, '2026-09-25', { before: false, on: true, after: true })
    expectAtBoundary((today) => deletionOutlook(autumn, today).showsDate, DST_2026.autumn, { before: true, on: false, after: false })
    // Deleted 1 April 2026: shows from 2 March, so 1 March (after the end of February) does not.
    expectAtBoundary((today) => deletionOutlook(recording('b', { recordedOn: '2025-10-01' }), today).showsDate, '2026-03-02', { before: false, on: true, after: true })
  })

  it('counts the days left from the deletion day, and shows the date exactly on the last 30 of them', () => {
    const cases = [
      recording('a'),
      recording('b', { scheduledDeletion: '2026-05-01' }),
      recording('c', { recordedOn: '2026-05-01', scheduledDeletion: DST_2026.autumn }),
      recording('d', { recordedOn: '2025-10-01', protected: true }),
      // Scheduled on the very day it turns 6 months old: deleted for its age.
      recording('e', { recordedOn: '2026-03-16', scheduledDeletion: '2026-09-16' }),
    ]
    for (const r of cases) {
      const deletion = deletionDate(r)
      for (const daysLeft of [31, 30, 29, 1, 0, -1]) {
        expect(deletionOutlook(r, addDays(deletion.date, -daysLeft))).toEqual({
          ...deletion,
          lastViewingDay: addDays(deletion.date, -1),
          daysLeft,
          showsDate: daysLeft >= 1 && daysLeft <= 30,
        })
      }
    }
    expect(deletionOutlook(recording('e', { recordedOn: '2026-03-16', scheduledDeletion: '2026-09-16' }), '2026-08-17')).toEqual({
      date: '2026-09-16',
      cause: 'age',
      lastViewingDay: '2026-09-15',
      daysLeft: 30,
      showsDate: true,
    })
  })
})

describe('quota (§5.11)', () => {
  it('adds the sizes, rounds the percentage down and warns above 90 %', () => {
    expect(quotaUse(6000, [{ sizeMinutes: 5400 }])).toEqual({ totalMinutes: 6000, usedMinutes: 5400, percent: 90, warning: false, freeMinutes: 600 })
    expect(quotaUse(6000, [{ sizeMinutes: 5399 }, { sizeMinutes: 2 }])).toMatchObject({ percent: 90, warning: true })
    expect(quotaUse(6000, [{ sizeMinutes: 5880 }])).toMatchObject({ percent: 98, warning: true, freeMinutes: 120 })
  })

  it('may run over 100 % when the operator lowers the quota', () => {
    expect(quotaUse(3000, [{ sizeMinutes: 4500 }])).toMatchObject({ percent: 150, warning: true, freeMinutes: 0 })
  })
})

describe('automatic management (§5.12)', () => {
  const recordings = [
    recording('new-unwatched', { recordedOn: '2026-03-10' }),
    recording('old-unwatched', { recordedOn: '2026-01-10' }),
    recording('new-watched', { recordedOn: '2026-03-01', watched: true }),
    recording('old-watched', { recordedOn: '2026-02-01', watched: true }),
    recording('oldest-protected', { recordedOn: '2025-12-01', watched: true, protected: true }),
    recording('being-watched', { recordedOn: '2025-12-02', watched: true, watchingNow: true }),
  ]

  it('deletes watched recordings before unwatched ones, oldest first, never protected or playing ones', () => {
    expect(autoDeletionOrder(recordings).map((r) => r.id)).toEqual(['old-watched', 'new-watched', 'old-unwatched', 'new-unwatched'])
  })

  it('deletes nothing while there is room', () => {
    expect(planAutoDeletion(600, recordings, 240)).toEqual({ deletions: [], fits: true, freeAfter: 240 })
  })

  it('deletes only as much as the new recording needs', () => {
    const plan = planAutoDeletion(360, recordings, 90)
    expect(plan.deletions.map((r) => r.id)).toEqual(['old-watched', 'new-watched'])
    expect(plan).toMatchObject({ fits: true, freeAfter: 120 })
  })

  it('deletes nothing when even every candidate would not make room', () => {
    expect(planAutoDeletion(360, recordings, 400)).toEqual({ deletions: [], fits: false, freeAfter: 0 })
  })

  it('after the quota is lowered, the next recording deletes enough to fit under the new quota', () => {
    // 360 min stored, quota cut to 200: 160 over, plus 30 for the new one.
    const plan = planAutoDeletion(200, recordings, 30)
    expect(plan.deletions.map((r) => r.id)).toEqual(['old-watched', 'new-watched', 'old-unwatched', 'new-unwatched'])
    expect(plan.fits).toBe(true)
    expect(planAutoDeletion(100, recordings, 30).fits).toBe(false)
  })
})
