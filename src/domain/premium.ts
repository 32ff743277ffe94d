// Premium subscriptions: minimum period, when a cancellation takes effect, what the
// next invoice charges, and the purchase PIN (seed 004 TV §2.1.1, §8.2; seed 001 §12).
// Pure rules: the server applies them, the app only shows their results.
import { type BillingPeriod, monthlyPeriod, proratedCents } from './billing'
import { addDays, addMonths, compareDates, daysBetween } from './dates'

/** "The subscription to Premium Products … may imply a minimum period of 30 (thirty) days" (004 TV §2.1.1). */
export const MINIMUM_PERIOD_DAYS = 30
/** A TV termination received at least 10 days before the end of the billing cycle ends with it (004 TV §8.2). */
export const CANCELLATION_NOTICE_DAYS = 10

export const PIN_LENGTH = 4
/** Wrong purchase PINs in a row before purchases are locked. */
export const PIN_MAX_TRIES = 3
export const PIN_LOCK_MINUTES = 15
/**
 * The first PINs anyone tries, never accepted as a purchase PIN: one digit repeated (0000, 7777)
 * and straight runs up or down (1234, 3456, 9876, 3210).
 */
export function isTrivialPin(pin: string): boolean {
  const steps = [...pin].slice(1).map((digit, index) => Number(digit) - Number(pin[index]))
  return steps.every((step) => step === 0) || steps.every((step) => step === 1) || steps.every((step) => step === -1)
}

/** Last day the subscriber is bound: a 30-day minimum started on 1 March runs to 30 March inclusive. */
export function minimumPeriodEnd(startedOn: string, minimumDays: number = MINIMUM_PERIOD_DAYS): string {
  return addDays(startedOn, Math.max(1, minimumDays) - 1)
}

export function inMinimumPeriod(startedOn: string, minimumDays: number, today: string): boolean {
  return compareDates(today, minimumPeriodEnd(startedOn, minimumDays)) <= 0
}

/** The monthly billing period containing `day`, on the cycle that has a period starting on `anchor`. */
export function cycleContaining(anchor: string, day: string): BillingPeriod {
  let index = (Number(day.slice(0, 4)) - Number(anchor.slice(0, 4))) * 12 + Number(day.slice(5, 7)) - Number(anchor.slice(5, 7))
  while (compareDates(addMonths(anchor, index), day) > 0) index--
  while (compareDates(addMonths(anchor, index + 1), day) <= 0) index++
  return monthlyPeriod(anchor, index)
}

/**
 * End of the billing cycle a cancellation asked for on `requestedOn` reaches (004 TV §8.2): the cycle in
 * progress when at least 10 days of it remain, otherwise the next one.
 */
export function cycleCancellationEnd(anchor: string, requestedOn: string): string {
  const cycle = cycleContaining(anchor, requestedOn)
  if (daysBetween(requestedOn, cycle.periodEnd) >= CANCELLATION_NOTICE_DAYS) return cycle.periodEnd
  return cycleContaining(anchor, addDays(cycle.periodEnd, 1)).periodEnd
}

export type CancellationRule = 'minimum-period' | 'billing-cycle'

export interface CancellationDate {
  /** Last day the channel is active and charged (it stops at the end of that day). */
  endsOn: string
  /** Which rule set the date: the minimum period still to run, or the billing cycle's notice. */
  rule: CancellationRule
}

/**
 * When a cancellation asked for on `requestedOn` takes effect: the later of the end of the minimum period
 * (004 TV §2.1.1) and the end of the billing cycle the notice reaches (§8.2). Never earlier for a later
 * request, so waiting never shortens what the subscriber owes.
 */
export function cancellationDate(
  subscription: { startedOn: string; minimumDays: number },
  cycleAnchor: string,
  requestedOn: string,
): CancellationDate {
  const minimumEnd = minimumPeriodEnd(subscription.startedOn, subscription.minimumDays)
  const byCycle = cycleCancellationEnd(cycleAnchor, requestedOn)
  return compareDates(minimumEnd, byCycle) > 0 ? { endsOn: minimumEnd, rule: 'minimum-period' } : { endsOn: byCycle, rule: 'billing-cycle' }
}

export interface ChargeableSubscription {
  startedOn: string
  /** Last active day of a cancelled subscription; null while it runs. */
  endsOn: string | null
  monthlyNetCents: number
  promoNetCents: number | null
  /** Last day the promotional price applies. */
  promoUntil: string | null
}

export interface PremiumCharge {
  from: string
  to: string
  netCents: number
}

/** Whether the promotional price applies on `day`: a promotion "até" a day includes that day and ends with it (004 TV §2.1.1). */
function promoOn(subscription: ChargeableSubscription, day: string): boolean {
  return subscription.promoNetCents !== null && subscription.promoUntil !== null && compareDates(day, subscription.promoUntil) <= 0
}

/** The monthly price on `day`: the promotional one up to and including its last day. */
export function monthlyNetOn(subscription: ChargeableSubscription, day: string): number {
  return promoOn(subscription, day) ? (subscription.promoNetCents as number) : subscription.monthlyNetCents
}

/**
 * Last day of a promotional code's price for a subscription made on `startedOn`: `months` months, and never past
 * the code's own last day (a promotion ends on its last day, 004 TV §2.1.1 and §7.4: "does not give the Client any
 * right to demand access … beyond the period").
 */
export function promotionUntil(startedOn: string, months: number, codeValidUntil: string): string {
  const byMonths = addDays(addMonths(startedOn, months), -1)
  return compareDates(byMonths, codeValidUntil) < 0 ? byMonths : codeValidUntil
}

/** The days of `period` the subscription is active, split where the promotion ends: each part at its own monthly price, pro rata. */
function segments(subscription: ChargeableSubscription, period: BillingPeriod): PremiumCharge[] {
  const from = compareDates(subscription.startedOn, period.periodStart) > 0 ? subscription.startedOn : period.periodStart
  const end = subscription.endsOn
  const to = end !== null && compareDates(end, period.periodEnd) < 0 ? end : period.periodEnd
  if (compareDates(from, to) > 0) return []
  const promoEnd = subscription.promoUntil
  const parts: BillingPeriod[] =
    promoOn(subscription, from) && promoEnd !== null && compareDates(promoEnd, to) < 0
      ? [
          { periodStart: from, periodEnd: promoEnd },
          { periodStart: addDays(promoEnd, 1), periodEnd: to },
        ]
      : [{ periodStart: from, periodEnd: to }]
  return parts.map((part) => ({ from: part.periodStart, to: part.periodEnd, netCents: proratedCents(monthlyNetOn(subscription, part.periodStart), part, period) }))
}

/**
 * What the invoice of `period` charges for a subscription. Premium is billed monthly with the monthly fee
 * (seed 001 §12), in advance: an invoice charges its whole period for a subscription active at its start.
 * A subscription started during the previous period was not on that invoice, so its days there are
 * charged pro rata on this one; a cancellation ending inside the period is charged pro rata, and so are
 * the days at the promotional price and those after it.
 */
export function chargesOnInvoice(subscription: ChargeableSubscription, period: BillingPeriod): PremiumCharge[] {
  const previous: BillingPeriod = { periodStart: addMonths(period.periodStart, -1), periodEnd: addDays(period.periodStart, -1) }
  const earlier = compareDates(subscription.startedOn, previous.periodStart) > 0 ? segments(subscription, previous) : []
  return [...earlier, ...segments(subscription, period)]
}

/** Why a PIN may not be stored as the purchase PIN (pt-PT), or null when it may. */
export function pinProblem(pin: string): string | null {
  if (!new RegExp(`^\\d{${PIN_LENGTH}}$`).test(pin)) return `O PIN de compras tem ${PIN_LENGTH} algarismos.`
  if (isTrivialPin(pin)) return `O PIN ${pin} é demasiado fácil de adivinhar (algarismos repetidos ou seguidos): escolha outro.`
  return null
}

/**
 * How long each lock in a row lasts (issue 15; judgement, no seed sets it): 15 minutes, then
 * 1 hour, then 24 hours for the third and every later one, until a right PIN (or a new PIN set
 * at the Área de Cliente or on 16990) ends the series. Throttling that grows with repeated
 * failures is what NIST SP 800-63B §5.2.2 asks of a short secret: at 3 tries a day a guesser
 * needs years to try half of the 10 000 PINs, while a viewer who mistypes waits 15 minutes.
 */
export const PIN_LOCK_STEPS_MINUTES = [PIN_LOCK_MINUTES, 60, 24 * 60] as const

/** The length of the `n`-th lock in a row (1 = the first). */
export function lockMinutes(n: number): number {
  return PIN_LOCK_STEPS_MINUTES[Math.min(Math.max(n, 1), PIN_LOCK_STEPS_MINUTES.length) - 1]
}

export interface PinAttempts {
  /** Wrong PINs in a row since the last right one or the last lock. */
  failedAttempts: number
  /** ISO instant until which purchases are locked; null when not locked. */
  lockedUntil: string | null
  /** Locks in a row since the last right PIN: each one lasts longer (PIN_LOCK_STEPS_MINUTES). */
  locks: number
}

export interface PinStatus {
  locked: boolean
  lockedUntil: string | null
  triesLeft: number
  /** Locks in a row since the last right PIN. */
  locks: number
  /** The current lock's length; null when not locked. */
  lockMinutes: number | null
  /** How long the next lock would last. */
  nextLockMinutes: number
}

/** Locked until the instant passes; once it has, all tries are back, and the series of locks goes on. */
export function pinStatus(attempts: PinAttempts, now: Date): PinStatus {
  const series = { locks: attempts.locks, nextLockMinutes: lockMinutes(attempts.locks + 1) }
  if (attempts.lockedUntil !== null && now.getTime() < Date.parse(attempts.lockedUntil)) {
    return { locked: true, lockedUntil: attempts.lockedUntil, triesLeft: 0, lockMinutes: lockMinutes(attempts.locks), ...series }
  }
  const failed = attempts.lockedUntil !== null ? 0 : attempts.failedAttempts
  return { locked: false, lockedUntil: null, triesLeft: Math.max(0, PIN_MAX_TRIES - failed), lockMinutes: null, ...series }
}

/** After a wrong PIN: one try fewer; the last one locks purchases, each lock in a row longer than the one before. */
export function afterWrongPin(attempts: PinAttempts, now: Date): PinAttempts {
  const failed = PIN_MAX_TRIES - pinStatus(attempts, now).triesLeft + 1
  if (failed >= PIN_MAX_TRIES) {
    const locks = attempts.locks + 1
    return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + lockMinutes(locks) * 60_000).toISOString(), locks }
  }
  return { failedAttempts: failed, lockedUntil: null, locks: attempts.locks }
}

/** A right PIN resets the count and ends the series of locks. */
export const PIN_RESET: PinAttempts = { failedAttempts: 0, lockedUntil: null, locks: 0 }
