// The dated tariff table: the collection fee (seed 004 general §10.5: "the amount foreseen in the
// tariff in force at each moment"), the default interest rate (§10.12: "the legal rate applicable to
// commercial operations", fixed each semester) and the reactivation fee (§12.7: "in accordance with the
// conditions that are in force on the date of the lifting of the restrictions") and the minimum monthly
// wage the shared debtors' database threshold is a share of (§18.10). The figures live in
// config/tariffs.json with their source and validity; these functions pick the entry in force on a day.
import table from '../../config/tariffs.json'
import { addDays, compareDates, daysBetween } from './dates'
import { divideRounded } from './money'

export interface Tariff {
  /** First day the entry applies. */
  validFrom: string
  /** Last day the entry applies. */
  validUntil: string
  interestBasisPoints: number
  interestSource: string
  collectionFeeCents: number
  reactivationFeeCents: number
  feesSource: string
  /** The minimum monthly wage (retribuição mínima mensal garantida), for the debtors' database threshold (general §18.10). */
  minimumWageCents: number
  minimumWageSource: string
}

/** The tariff in force on a day, and whether the table covers that day or the last entry is carried on. */
export interface TariffInForce {
  tariff: Tariff
  /** False when the day is after the newest entry: the last published figures apply until the table is updated. */
  published: boolean
}

export const TARIFFS: readonly Tariff[] = table.entries

/**
 * The entry whose validity holds `day`. Past the newest entry its figures stay in force, flagged as not
 * published for that day (a semester's interest notice may not be in the table yet); before the oldest, an
 * error: the table must cover every day an invoice can be late.
 */
export function tariffOn(day: string, tariffs: readonly Tariff[] = TARIFFS): TariffInForce {
  const covering = tariffs.find((entry) => compareDates(entry.validFrom, day) <= 0 && compareDates(day, entry.validUntil) <= 0)
  if (covering) return { tariff: covering, published: true }
  const newest = tariffs.reduce<Tariff | null>((latest, entry) => (latest === null || compareDates(entry.validFrom, latest.validFrom) > 0 ? entry : latest), null)
  if (newest === null || compareDates(day, newest.validUntil) <= 0) throw new Error(`no tariff in force on ${day}`)
  return { tariff: newest, published: false }
}

/**
 * Default interest (general §10.12) on `principalCents` for each day late: from the day after `dueDate` to
 * `today` inclusive, each day at the rate in force that day (the rate changes each semester), simple
 * interest on a 365-day year, rounded once.
 */
export function defaultInterestCents(principalCents: number, dueDate: string, today: string, tariffs: readonly Tariff[] = TARIFFS): number {
  let basisPointDays = 0
  let day = addDays(dueDate, 1)
  while (compareDates(day, today) <= 0) {
    const { tariff } = tariffOn(day, tariffs)
    const lastDay = compareDates(tariff.validUntil, today) < 0 && compareDates(tariff.validUntil, day) >= 0 ? tariff.validUntil : today
    const days = daysBetween(day, lastDay) + 1
    basisPointDays += tariff.interestBasisPoints * days
    day = addDays(lastDay, 1)
  }
  return divideRounded(principalCents * basisPointDays, 10_000 * 365)
}
