// The account's writes and reloads, through the API client (DESIGN §2: pages never
// call the API). Each answers as a provider does: the data, or why not.
import type { EInvoice, Registration } from '../../contract'
import { type Loaded, load } from '../../data/load'
import { services } from '../shell/services'

/** Turns the electronic invoice on or off; the server answers with the switch as it now is. */
export function setEInvoice(enabled: boolean): Promise<Loaded<EInvoice>> {
  return load(() => services().api.setEInvoice(enabled))
}

/** Asks the server again whether the account is registered in the Área de Cliente (no cache). */
export function checkRegistration(): Promise<Loaded<Registration>> {
  return load(() => services().api.registration({ reload: true }))
}
