// Boundary checks in Lisbon time: a rule with a time limit is asked about the day before,
// the day itself and the day after, each at its first and its last minute in Lisbon, so a
// rule fed the wrong time zone or a daylight-saving offset is off by a day and fails.
import { expect } from 'vitest'
import { addDays, lisbonDate, lisbonDayStart } from '../../../src/domain/dates'

const MINUTE_MS = 60_000

/** The UTC instants of 00:00 and 23:59 of a Lisbon calendar day (Lisbon is UTC+0 in winter, UTC+1 in summer). */
export function lisbonDayEdges(day: string): [Date, Date] {
  const start = lisbonDayStart(day)
  const end = new Date(lisbonDayStart(addDays(day, 1)).getTime() - MINUTE_MS)
  if (lisbonDate(new Date(start.getTime() - MINUTE_MS)) === day || lisbonDate(end) !== day) throw new Error(`no Lisbon edges for ${day}`)
  return [start, end]
}

/**
 * Asks `rule` on the day before `boundary`, the day itself and the day after, at both edges of each
 * Lisbon day (the instant turned into the Lisbon date as the server does), and expects the three answers.
 */
export function expectAtBoundary<T>(rule: (today: string) => T, boundary: string, answers: { before: T; on: T; after: T }): void {
  const cases: [string, T][] = [
    [addDays(boundary, -1), answers.before],
    [boundary, answers.on],
    [addDays(boundary, 1), answers.after],
  ]
  for (const [day, expected] of cases) {
    for (const instant of lisbonDayEdges(day)) {
      expect(rule(lisbonDate(instant)), `${instant.toISOString()} (Lisbon ${day})`).toEqual(expected)
    }
  }
}

/** Daylight-saving changes in Lisbon used by the boundary tests: last Sunday of March and of October. */
export const DST_2026 = { spring: '2026-03-29', autumn: '2026-10-25' } as const
