// Initial activation of a service (seed 004 TV §6 a): "Maximum time for initial activation of the
// Service: 48 hours, from the time NOS confirms to the Customer the acceptance of the Form and the
// installation of the Service". The 48 h run from the later of the two; while the installation is
// only scheduled they have not started, so such a service is never late.
import { addDays, compareDates } from './dates'

export const ACTIVATION_HOURS = 48
/** Customer support line for services still not active after the 48 h (seed 000, 004 TV §7.1). */
export const SUPPORT_PHONE = '16990'

export interface ActivationFacts {
  /** Day the order (the Form) was accepted. */
  orderedOn: string
  /** Day the installation was done; null while it is only scheduled. */
  installedOn: string | null
}

export type PendingActivation = 'scheduled' | 'waiting' | 'late'

/** Last day the service may still be activated within the 48 h; null while the installation is to come. */
export function activationDueOn(facts: ActivationFacts): string | null {
  if (facts.installedOn === null) return null
  const from = compareDates(facts.installedOn, facts.orderedOn) > 0 ? facts.installedOn : facts.orderedOn
  return addDays(from, ACTIVATION_HOURS / 24)
}

/** A pending service on `today`: installation still to come, within the 48 h (wait), or past them (call 16990). */
export function activationState(facts: ActivationFacts, today: string): PendingActivation {
  const due = activationDueOn(facts)
  if (due === null) return 'scheduled'
  return compareDates(today, due) <= 0 ? 'waiting' : 'late'
}
