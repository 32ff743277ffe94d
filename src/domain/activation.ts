// Initial activation of a service: at most 48 hours from the confirmation of the
// order (seed 004 TV §6 a). The installer screen shows the limit of each pending
// service and flags those past it.
import { addDays, compareDates } from './dates'

export const ACTIVATION_LIMIT_DAYS = 2

/** Last day the service may still be activated within the 48 h limit. */
export function activationDueOn(requestedOn: string): string {
  return addDays(requestedOn, ACTIVATION_LIMIT_DAYS)
}

/** A pending service whose 48 h have run out by `today`. */
export function activationLate(requestedOn: string, today: string): boolean {
  return compareDates(today, activationDueOn(requestedOn)) > 0
}
