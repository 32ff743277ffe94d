// Calendar dates travel as 'YYYY-MM-DD' strings. Arithmetic runs on whole UTC
// days, so no time zone or daylight-saving change can move a date by one.
import { parseIsoDate } from './format'

const DAY_MS = 86_400_000

function toIsoDate(utcMidnight: Date): string {
  return utcMidnight.toISOString().slice(0, 10)
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate()
}

export function addDays(isoDate: string, days: number): string {
  return toIsoDate(new Date(parseIsoDate(isoDate).getTime() + days * DAY_MS))
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseIsoDate(to).getTime() - parseIsoDate(from).getTime()) / DAY_MS)
}

/** Same day `months` later; a day the target month lacks becomes its last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const date = parseIsoDate(isoDate)
  const monthCount = date.getUTCFullYear() * 12 + date.getUTCMonth() + months
  const year = Math.floor(monthCount / 12)
  const monthIndex = monthCount - year * 12
  const day = Math.min(date.getUTCDate(), daysInMonth(year, monthIndex))
  return toIsoDate(new Date(Date.UTC(year, monthIndex, day)))
}

/** Negative, zero or positive, like a sort comparator. */
export function compareDates(a: string, b: string): number {
  return parseIsoDate(a).getTime() - parseIsoDate(b).getTime()
}

const lisbonCalendar = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Lisbon',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

const HOUR_MS = 3_600_000

/**
 * The instant a Lisbon calendar day begins (00:00 in Lisbon: UTC+0 in winter, UTC+1 in summer). On the last
 * Sunday of March the day that follows is 23 hours long, on the last Sunday of October 25: the clocks change at 01:00 UTC.
 */
export function lisbonDayStart(day: string): Date {
  const utcMidnight = parseIsoDate(day).getTime()
  const start = [utcMidnight - HOUR_MS, utcMidnight].find((ms) => lisbonDate(new Date(ms)) === day)
  if (start === undefined) throw new Error(`no Lisbon midnight for ${day}`)
  return new Date(start)
}

/** The calendar day an instant falls on in Portugal: every deadline is a Lisbon date. */
export function lisbonDate(instant: Date): string {
  const parts = Object.fromEntries(lisbonCalendar.formatToParts(instant).map((part) => [part.type, part.value]))
  return `${parts.year}-${parts.month}-${parts.day}`
}

/**
 * `lisbonDate(now())` for a clock asked again and again (the API asks on every request): the
 * day is worked out once, with the instants it spans, and again only when `now()` leaves them.
 */
export function lisbonToday(now: () => Date): () => string {
  let kept: { day: string; from: number; until: number } | null = null
  return () => {
    const instant = now().getTime()
    if (kept === null || instant < kept.from || instant >= kept.until) {
      const day = lisbonDate(new Date(instant))
      kept = { day, from: lisbonDayStart(day).getTime(), until: lisbonDayStart(addDays(day, 1)).getTime() }
    }
    return kept.day
  }
}
