// Lead time and free exit of notices (seed 004 TV §2.1.3, general §5.1–5.6, §10.2).
import { describe, expect, it } from 'vitest'
import { addDays, compareDates, daysBetween } from '../../../src/domain/dates'
import { actionDaysLeft, assessNotice, compareNotices, isYearlyPriceUpdate, type NoticeFacts, noticeOrder, noticeTiming } from '../../../src/domain/notices'
import { DST_2026, expectAtBoundary } from './lisbon-boundary'

const channel = (announcedOn: string, effectiveOn: string, unforeseeable = false): NoticeFacts => ({
  kind: 'channel-removed',
  announcedOn,
  effectiveOn,
  unforeseeable,
  contractEffect: null,
})

const contract = (announcedOn: string, effectiveOn: string, contractEffect: NoticeFacts['contractEffect'] = 'adverse'): NoticeFacts => ({
  kind: 'contract-change',
  announcedOn,
  effectiveOn,
  unforeseeable: false,
  contractEffect,
})

describe('channel changes: 30 days ahead unless unforeseeable (TV §2.1.3)', () => {
  it('is in time with exactly 30 days of notice, late with 29', () => {
    expect(assessNotice(channel('2026-11-01', '2026-12-01'))).toMatchObject({ late: false, noticeDueBy: '2026-11-01', noticeDays: 30 })
    expect(assessNotice(channel('2026-11-02', '2026-12-01'))).toMatchObject({ late: true, noticeDueBy: '2026-11-01', noticeDays: 29 })
  })

  it('counts calendar days across month ends and leap days', () => {
    expect(assessNotice(channel('2028-02-01', '2028-03-02')).late).toBe(false)
    expect(assessNotice(channel('2028-02-02', '2028-03-02')).late).toBe(true)
  })

  it('an unforeseeable change told the day before is not late, and has no due date', () => {
    expect(assessNotice(channel('2026-11-30', '2026-12-01', true))).toMatchObject({ late: false, noticeDueBy: null })
  })

  it('never gives a free exit and is not a contract change', () => {
    for (const kind of ['channel-added', 'channel-removed', 'channel-replaced', 'channel-renumbered'] as const) {
      expect(assessNotice({ ...channel('2026-10-01', '2026-12-01'), kind })).toMatchObject({ contractChange: false, freeExitUntil: null })
    }
  })
})

describe('contract changes: one month ahead, free exit for 30 days after the notice (general §5.1, §5.2)', () => {
  it('is in time a calendar month ahead, late a day less', () => {
    expect(assessNotice(contract('2026-11-15', '2026-12-15'))).toMatchObject({ late: false, noticeDueBy: '2026-11-15' })
    expect(assessNotice(contract('2026-11-16', '2026-12-15')).late).toBe(true)
    // One month before 31 March is the last day of February.
    expect(assessNotice(contract('2027-02-28', '2027-03-31')).late).toBe(false)
    expect(assessNotice(contract('2027-03-01', '2027-03-31')).late).toBe(true)
  })

  it('an "unforeseeable" flag does not excuse a contract change: §5.1 has no such exception', () => {
    expect(assessNotice({ ...contract('2026-12-10', '2026-12-15'), unforeseeable: true }).late).toBe(true)
  })

  it('gives the free exit until 30 days after the notice when the change is adverse', () => {
    expect(assessNotice(contract('2026-11-13', '2026-12-18')).freeExitUntil).toBe('2026-12-13')
    // Unknown effect: the customer keeps the right.
    expect(assessNotice(contract('2026-11-13', '2026-12-18', null)).freeExitUntil).toBe('2026-12-13')
  })

  it.each(['beneficial', 'neutral', 'legal'] as const)('gives no free exit for a %s change (§5.6)', (effect) => {
    expect(assessNotice(contract('2026-11-13', '2026-12-18', effect))).toMatchObject({ contractChange: true, freeExitUntil: null })
  })
})

describe('the yearly price update is not a contract change (general §5.5, §10.2)', () => {
  it('between February and April: no lead time, no free exit, never late', () => {
    for (const effectiveOn of ['2027-02-01', '2027-03-01', '2027-04-30']) {
      expect(isYearlyPriceUpdate(effectiveOn)).toBe(true)
      expect(assessNotice({ ...contract('2027-01-20', effectiveOn), kind: 'price-update', contractEffect: null })).toMatchObject({
        contractChange: false,
        late: false,
        freeExitUntil: null,
        noticeDueBy: null,
      })
    }
  })

  it('outside February–April it is an ordinary contract change: a month ahead and the free exit', () => {
    expect(isYearlyPriceUpdate('2027-05-01')).toBe(false)
    expect(isYearlyPriceUpdate('2027-01-31')).toBe(false)
    expect(assessNotice({ ...contract('2027-04-20', '2027-05-01'), kind: 'price-update', contractEffect: null })).toMatchObject({
      contractChange: true,
      late: true,
      freeExitUntil: '2027-05-20',
    })
  })
})

describe('timing by today', () => {
  const assessment = assessNotice(contract('2026-11-13', '2026-12-18'))

  it('counts days left to the change and to the end of the free exit, 0 on the last day', () => {
    expect(noticeTiming(assessment, '2026-12-18', '2026-11-23')).toEqual({ daysLeft: 25, freeExitOpen: true, freeExitDaysLeft: 20 })
    expect(noticeTiming(assessment, '2026-12-18', '2026-12-13')).toEqual({ daysLeft: 5, freeExitOpen: true, freeExitDaysLeft: 0 })
  })

  it('closes the free exit the day after its last day; the change then is still ahead', () => {
    expect(noticeTiming(assessment, '2026-12-18', '2026-12-14')).toEqual({ daysLeft: 4, freeExitOpen: false, freeExitDaysLeft: null })
  })

  it('goes negative once the change is in force', () => {
    expect(noticeTiming(assessment, '2026-12-18', '2026-12-20').daysLeft).toBe(-2)
  })
})

describe('order: unread first, then the nearest thing to act on', () => {
  const notice = (id: string, read: boolean, daysLeft: number, freeExitDaysLeft: number | null = null) => ({
    id,
    read,
    daysLeft,
    freeExitDaysLeft,
    effectiveOn: `2026-12-${String(Math.max(1, Math.min(28, 10 + daysLeft))).padStart(2, '0')}`,
    announcedOn: '2026-11-01',
  })

  it('ranks a closing free exit before a later change, read ones last, changes in force after upcoming ones', () => {
    const list = [
      notice('read-soon', true, 1),
      notice('in-force', false, -3),
      notice('far', false, 30),
      notice('exit-closing', false, 25, 4),
      notice('soon', false, 12),
    ]
    expect([...list].sort(compareNotices).map((item) => item.id)).toEqual(['exit-closing', 'soon', 'far', 'in-force', 'read-soon'])
  })

  it('the action date is the nearer of the free-exit end and the change; none once both passed', () => {
    expect(actionDaysLeft(notice('a', false, 25, 4))).toBe(4)
    expect(actionDaysLeft(notice('b', false, 3, null))).toBe(3)
    expect(actionDaysLeft(notice('c', false, -1, null))).toBeNull()
  })
})

describe('the order as a stored key (issue 20): the same order as compareNotices, on every day', () => {
  // Every shape a notice's dates take: no free exit; a free exit ending before, on, after the change
  // (a late notice, a short month); announced the same day as another; read and unread; ids that tie the rest.
  const shapes = [
    { announcedOn: '2026-05-01', effectiveOn: '2026-06-15', freeExitUntil: '2026-05-31' },
    { announcedOn: '2026-05-01', effectiveOn: '2026-05-20', freeExitUntil: '2026-05-31' },
    { announcedOn: '2026-05-16', effectiveOn: '2026-06-15', freeExitUntil: '2026-06-15' },
    { announcedOn: '2026-05-01', effectiveOn: '2026-05-31', freeExitUntil: null },
    { announcedOn: '2026-05-10', effectiveOn: '2026-05-31', freeExitUntil: null },
    { announcedOn: '2026-05-10', effectiveOn: '2026-06-15', freeExitUntil: null },
    { announcedOn: '2026-04-01', effectiveOn: '2026-05-02', freeExitUntil: null },
  ]
  const notices = shapes.flatMap((shape, i) => [false, true].flatMap((read) => ['a', 'b'].map((copy) => ({ ...shape, read, id: `n${i}-${read ? 'read' : 'unread'}-${copy}` }))))
  const days = Array.from({ length: 90 }, (_, i) => addDays('2026-04-20', i))
  const ranked = (notice: (typeof notices)[number], today: string, withExit: boolean) => {
    const exit = withExit ? notice.freeExitUntil : null
    return { ...notice, daysLeft: daysBetween(today, notice.effectiveOn), freeExitDaysLeft: exit && compareDates(today, exit) <= 0 ? daysBetween(today, exit) : null }
  }

  for (const withExit of [true, false]) {
    it(`sorts as compareNotices on each of 90 days, ${withExit ? 'with the free exit' : 'for a viewer who does not see it (seed 002)'}`, () => {
      for (const today of days) {
        const byKey = [...notices].sort((a, b) => {
          const ka = noticeOrder({ ...a, freeExitUntil: withExit ? a.freeExitUntil : null }, today).key
          const kb = noticeOrder({ ...b, freeExitUntil: withExit ? b.freeExitUntil : null }, today).key
          return ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : 1
        })
        const byRule = [...notices].sort((a, b) => compareNotices(ranked(a, today, withExit), ranked(b, today, withExit)))
        expect(byKey.map((notice) => notice.id), today).toEqual(byRule.map((notice) => notice.id))
      }
    })
  }

  it('holds the same key on every day from `from` to `until`, and a key without the free exit holds on those days too', () => {
    const broken: string[] = []
    for (const notice of notices) {
      const orders = days.map((day) => noticeOrder(notice, day))
      const plain = days.map((day) => noticeOrder({ ...notice, freeExitUntil: null }, day).key)
      days.forEach((today, i) => {
        const { from, until } = orders[i]!
        if (compareDates(from, today) > 0 || compareDates(today, until) > 0) broken.push(`${notice.id} ${today}: ${from}..${until}`)
        days.forEach((day, j) => {
          const within = compareDates(from, day) <= 0 && compareDates(day, until) <= 0
          if (within && (orders[j]!.key !== orders[i]!.key || plain[j] !== plain[i])) broken.push(`${notice.id} ${today} vs ${day}`)
        })
      })
    }
    expect(broken).toEqual([])
  })
})

describe('a service or functionality withdrawn: "at least fifteen (15) days\' notice" (general §5.7)', () => {
  const withdrawn = (announcedOn: string, effectiveOn: string): NoticeFacts => ({
    kind: 'service-withdrawn',
    announcedOn,
    effectiveOn,
    unforeseeable: false,
    contractEffect: null,
  })

  it('is due 15 days before it takes effect, late from the next day: across the spring change and a month end', () => {
    expect(assessNotice(withdrawn('2026-03-01', '2026-04-13'))).toMatchObject({ noticeDueBy: DST_2026.spring, contractChange: false, freeExitUntil: null })
    expectAtBoundary((announcedOn) => assessNotice(withdrawn(announcedOn, '2026-04-13')).late, DST_2026.spring, { before: false, on: false, after: true })
    expectAtBoundary((announcedOn) => assessNotice(withdrawn(announcedOn, '2026-04-15')).late, '2026-03-31', { before: false, on: false, after: true })
  })

  it('needs neither the month of §5.1 nor gives the free exit of §5.2', () => {
    expect(assessNotice(withdrawn('2026-11-10', '2026-11-25'))).toMatchObject({ late: false, noticeDays: 15, freeExitUntil: null })
  })
})
