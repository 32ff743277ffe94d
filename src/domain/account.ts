// The account's contract rules: commitment (fidelização) and the early-termination
// charge (seed 001 F.1.1), when a TV termination would take effect (seed 004 TV
// §8.2), activation service level (seed 004 TV §6 a), and the points programme
// (seed 003). Pure: dates are 'YYYY-MM-DD' Lisbon calendar days.
import { monthlyPeriod, proratedCents, type BillingPeriod } from './billing'
import { addDays, addMonths, compareDates, daysBetween } from './dates'
import { divideRounded } from './money'

// ---------------------------------------------------------------- commitment

export interface Commitment {
  startDate: string
  minimumMonths: number
  /** Last day of the minimum period. */
  endDate: string
  /** Total advantage granted for the commitment (installation, discounts, equipment…), in cents. */
  advantageCents: number
}

/** The minimum period runs `months` from its first day: 1 Mar + 24 months ends on the last day of February two years on. */
export function commitmentEnd(startDate: string, months: number): string {
  return addDays(addMonths(startDate, months), -1)
}

/** What is still to run of a commitment: whole months, then the days of the month under way. */
export interface PeriodLeft {
  months: number
  /** Days after the whole months, 0 to `monthDays` - 1. */
  days: number
  /** Length in days (28–31) of the month those days belong to: their share of a month is days ÷ monthDays. */
  monthDays: number
}

/**
 * The period still to run after `from` (the last day of service, or today) until the commitment ends
 * on `endDate`: whole months counted from the day after `from`, then the days left over.
 * 31 Dec 2026 → 31 Dec 2027 is 12 months; 23 Nov 2026 → 31 Dec 2027 is 13 months and 8 days.
 */
export function periodLeft(from: string, endDate: string): PeriodLeft {
  const start = addDays(from, 1)
  const firstDayAfter = addDays(endDate, 1)
  if (compareDates(start, firstDayAfter) >= 0) return { months: 0, days: 0, monthDays: daysBetween(start, addMonths(start, 1)) }
  let months = 0
  // Each step from `start` itself, so a 31st clamped to the 28th does not drift to the 28th for good.
  while (compareDates(addMonths(start, months + 1), firstDayAfter) <= 0) months++
  const monthStart = addMonths(start, months)
  return { months, days: daysBetween(monthStart, firstDayAfter), monthDays: daysBetween(monthStart, addMonths(start, months + 1)) }
}

/**
 * Early-termination charge, seed 001 F.1.1: the advantage "que, na proporção do período da duração do
 * contrato fixada, ainda esteja por recuperar ... na data em que produz efeitos a cessação", by "valor
 * total da vantagem conferida : período mínimo de vigência x período em falta". In proportion: a month
 * under way counts by its days (days ÷ length of that month), not as a whole month. Rounded to the cent.
 */
export function earlyTerminationCents(advantageCents: number, minimumMonths: number, left: PeriodLeft | number): number {
  const { months, days, monthDays } = typeof left === 'number' ? { months: left, days: 0, monthDays: 1 } : left
  if (minimumMonths <= 0 || (months <= 0 && days <= 0)) return 0
  return divideRounded(advantageCents * (months * monthDays + days), minimumMonths * monthDays)
}

// ---------------------------------------------------------------- TV termination

/** A TV termination must arrive at least this many days before the cycle ends to take effect at its end (TV §8.2). */
export const TERMINATION_NOTICE_DAYS = 10

/** The billing period (cycle anchored on `cycleStart`) that contains `day`. */
export function cycleContaining(cycleStart: string, day: string): BillingPeriod {
  // Start from an estimate by calendar months, then step to the period that holds the day.
  let index = (Number(day.slice(0, 4)) - Number(cycleStart.slice(0, 4))) * 12 + Number(day.slice(5, 7)) - Number(cycleStart.slice(5, 7))
  let period = monthlyPeriod(cycleStart, index)
  while (compareDates(day, period.periodStart) < 0) period = monthlyPeriod(cycleStart, --index)
  while (compareDates(day, period.periodEnd) > 0) period = monthlyPeriod(cycleStart, ++index)
  return period
}

export interface TerminationDate {
  /** The cycle in progress on the day asked. */
  cycle: BillingPeriod
  /** Last day a request counts for this cycle: its end minus 10 days. */
  deadline: string
  /** Last day of service: the end of this cycle, or of the next one if asked too late (billed in full). */
  effectiveDate: string
  inThisCycle: boolean
}

/** Seed 004 TV §8.2: asked by `deadline` (10 days before the cycle ends), at the end of this cycle; else at the end of the next. */
export function tvTerminationDate(cycleStart: string, askedOn: string): TerminationDate {
  const cycle = cycleContaining(cycleStart, askedOn)
  const deadline = addDays(cycle.periodEnd, -TERMINATION_NOTICE_DAYS)
  const inThisCycle = compareDates(askedOn, deadline) <= 0
  const effectiveDate = inThisCycle ? cycle.periodEnd : cycleContaining(cycleStart, addDays(cycle.periodEnd, 1)).periodEnd
  return { cycle, deadline, effectiveDate, inThisCycle }
}

/**
 * General §9.10: "Once the Contract is terminated, the Client is obliged to return to NOS the equipment assigned …
 * within 30 (thirty) days following the termination of the Contract"; §9.11: if not, "the customer is obliged to
 * compensate NOS in the amount equivalent to the value of substitution of the infrastructure/equipment".
 */
export const EQUIPMENT_RETURN_DAYS = 30

/** Last day to return the equipment when the last day of service is `lastServiceDay`: the 30 days following it. */
export function equipmentReturnBy(lastServiceDay: string): string {
  return addDays(lastServiceDay, EQUIPMENT_RETURN_DAYS)
}

// ---------------------------------------------------------------- right of withdrawal (general §6)

/** Where the contract was made: in a shop, at a distance (phone, web), or away from a shop (at home, a visit by the operator). */
export type ContractChannel = 'shop' | 'distance' | 'off-premises'

/**
 * General §6.1: a consumer "may exercise the right of withdrawal within 14 (fourteen) days or, when the subscription
 * to the service is made at the Customer's home or during a visit organized by NOS … outside the respective commercial
 * establishment, within 30 (thirty) days from the date of conclusion of the Contract". Only distance and off-premises
 * contracts have it.
 */
export const WITHDRAWAL_DAYS: Readonly<Record<Exclude<ContractChannel, 'shop'>, number>> = { distance: 14, 'off-premises': 30 }
/** §6.5: NOS reimburses "within 14 (fourteen) days from the date it is informed"; §6.2: the goods go back "within 14 (fourteen) days from the date he/she has communicated his/her decision". */
export const WITHDRAWAL_SETTLEMENT_DAYS = 14

export interface WithdrawalFacts {
  concludedOn: string
  channel: ContractChannel
  consumer: boolean
  /** First day of service: from it the service used is paid (§6.3). */
  activatedOn: string
  /** Monthly value of the services contracted, with IVA. */
  monthlyCents: number
  /** A day the billing cycle starts on. */
  cycleStart: string
}

export interface Withdrawal {
  /** Last day the contract can be withdrawn from. */
  until: string
  /** Days left after today (0 on the last day). */
  daysLeft: number
  /** §6.3: the service provided so far, paid pro rata (none before activation). */
  serviceUsedCents: number
  /** Withdrawn today: the refund is due by this day (§6.5) and the equipment goes back by the same day (§6.2). */
  settleBy: string
}

/** The right of withdrawal on `today`, or null when there is none (a shop contract, a non-consumer) or it has run out. */
export function withdrawal(facts: WithdrawalFacts, today: string): Withdrawal | null {
  if (!facts.consumer || facts.channel === 'shop') return null
  // Civil Code art. 279 b: the day of conclusion is not counted.
  const until = addDays(facts.concludedOn, WITHDRAWAL_DAYS[facts.channel])
  if (compareDates(today, facts.concludedOn) < 0 || compareDates(today, until) > 0) return null
  return { until, daysLeft: daysBetween(today, until), serviceUsedCents: serviceUsedCents(facts, today), settleBy: addDays(today, WITHDRAWAL_SETTLEMENT_DAYS) }
}

/** The monthly value for the days from activation to `today` inclusive, each cycle month pro rata by its own length. */
function serviceUsedCents(facts: WithdrawalFacts, today: string): number {
  let total = 0
  let day = facts.activatedOn
  while (compareDates(day, today) <= 0) {
    const cycle = cycleContaining(facts.cycleStart, day)
    const last = compareDates(cycle.periodEnd, today) < 0 ? cycle.periodEnd : today
    total += proratedCents(facts.monthlyCents, { periodStart: day, periodEnd: last }, cycle)
    day = addDays(last, 1)
  }
  return total
}

// ---------------------------------------------------------------- points (seed 003)

/** Points are valid 3 years from their award (seed 003 §7). */
export const POINTS_VALIDITY_MONTHS = 36
/** A missing point can be bought for €0.271 (seed 003 §17): prices in tenths of a cent. */
export const POINT_PRICE_MILLS = 271
/** Equipment exchanges: one per 18 months per active card (seed 003 §6). */
export const EQUIPMENT_EXCHANGE_MONTHS = 18
/** Exchanging points for equipment binds the customer to the network and tariff for 18 months (seed 003 §9). */
export const EXCHANGE_COMMITMENT_MONTHS = 18
/** Accessories: every 6 months (seed 003 §18). */
export const ACCESSORY_EXCHANGE_MONTHS = 6
/** How far ahead the account page warns about expiring points. */
export const EXPIRY_WARNING_DAYS = 90

export interface PointsAward {
  awardedOn: string
  points: number
}

export interface PointsRedemption {
  redeemedOn: string
  points: number
  kind: 'equipment' | 'accessory'
}

/** The first day an award can no longer be used: 3 years on (an award on 29 Feb expires on 28 Feb). */
export function pointsExpireOn(awardedOn: string): string {
  return addMonths(awardedOn, POINTS_VALIDITY_MONTHS)
}

export interface PointsLot {
  awardedOn: string
  expiresOn: string
  remaining: number
}

/**
 * Lots still usable on `today`. Redemptions spend the oldest valid points first, so the points
 * closest to expiry go first; points not spent before their expiry are lost.
 */
export function pointsLots(awards: PointsAward[], redemptions: PointsRedemption[], today: string): PointsLot[] {
  const lots: PointsLot[] = [...awards]
    .sort((a, b) => compareDates(a.awardedOn, b.awardedOn))
    .map((award) => ({ awardedOn: award.awardedOn, expiresOn: pointsExpireOn(award.awardedOn), remaining: award.points }))
  for (const redemption of [...redemptions].sort((a, b) => compareDates(a.redeemedOn, b.redeemedOn))) {
    let toSpend = redemption.points
    for (const lot of lots) {
      if (toSpend === 0) break
      const usable = compareDates(lot.awardedOn, redemption.redeemedOn) <= 0 && compareDates(redemption.redeemedOn, lot.expiresOn) < 0
      if (!usable) continue
      const spent = Math.min(lot.remaining, toSpend)
      lot.remaining -= spent
      toSpend -= spent
    }
  }
  return lots.filter((lot) => lot.remaining > 0 && compareDates(lot.awardedOn, today) <= 0 && compareDates(today, lot.expiresOn) < 0)
}

export interface PointsBalance {
  balance: number
  /** Points lost within the next 90 days, by the day they expire, soonest first. */
  expiring: { expiresOn: string; points: number }[]
}

export function pointsBalance(awards: PointsAward[], redemptions: PointsRedemption[], today: string): PointsBalance {
  const lots = pointsLots(awards, redemptions, today)
  const horizon = addDays(today, EXPIRY_WARNING_DAYS)
  const expiring = new Map<string, number>()
  for (const lot of lots) {
    if (compareDates(lot.expiresOn, horizon) <= 0) expiring.set(lot.expiresOn, (expiring.get(lot.expiresOn) ?? 0) + lot.remaining)
  }
  return {
    balance: lots.reduce((sum, lot) => sum + lot.remaining, 0),
    expiring: [...expiring.entries()].sort(([a], [b]) => compareDates(a, b)).map(([expiresOn, points]) => ({ expiresOn, points })),
  }
}

/** Price of buying `points` missing points at €0.271 each (seed 003 §17), rounded to the cent. */
export function missingPointsCostCents(points: number): number {
  return points <= 0 ? 0 : divideRounded(points * POINT_PRICE_MILLS, 10)
}

export type ExchangeBlock = 'unpaid-invoices' | 'too-soon' | 'commitment'

export interface ExchangeEligibility {
  allowed: boolean
  /** Why not, first reason first; empty when allowed. */
  blockedBy: ExchangeBlock[]
  /** The first day the waiting period allows another exchange; null when there is none to wait for. */
  possibleFrom: string | null
}

interface ExchangeFacts {
  lastExchange: string | null
  /** Overdue invoices stop every exchange (seed 003 §5). */
  hasUnpaidOverdue: boolean
  /** Equipment (not accessories) needs no commitment in force (seed 003 §4). */
  inCommitment: boolean
}

function eligibility(months: number, facts: ExchangeFacts, today: string, commitmentBlocks: boolean): ExchangeEligibility {
  const blockedBy: ExchangeBlock[] = []
  if (facts.hasUnpaidOverdue) blockedBy.push('unpaid-invoices')
  const possibleFrom = facts.lastExchange ? addMonths(facts.lastExchange, months) : null
  if (possibleFrom && compareDates(today, possibleFrom) < 0) blockedBy.push('too-soon')
  if (commitmentBlocks && facts.inCommitment) blockedBy.push('commitment')
  return { allowed: blockedBy.length === 0, blockedBy, possibleFrom: possibleFrom && compareDates(today, possibleFrom) < 0 ? possibleFrom : null }
}

/** Equipment: 18 months since the last equipment exchange, no overdue invoices, no commitment in force (seed 003 §4–6). */
export function equipmentExchange(facts: ExchangeFacts, today: string): ExchangeEligibility {
  return eligibility(EQUIPMENT_EXCHANGE_MONTHS, facts, today, true)
}

/** Accessories: 6 months since the last accessory exchange, no overdue invoices (seed 003 §5, §18). */
export function accessoryExchange(facts: ExchangeFacts, today: string): ExchangeEligibility {
  return eligibility(ACCESSORY_EXCHANGE_MONTHS, facts, today, false)
}

