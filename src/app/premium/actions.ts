// Premium's one write, through the API client (DESIGN §2: pages never call the API):
// subscribe or cancel with the purchase PIN and the flow's idempotency key, so an
// answer lost on the way and a second try never act twice.
import type { PremiumReceipt } from '../../contract'
import { type Loaded, load } from '../../data/load'
import { services } from '../shell/services'

export type PremiumAction = 'subscribe' | 'cancel'

export function changePremium(action: PremiumAction, productId: string, pin: string, idempotencyKey: string): Promise<Loaded<PremiumReceipt>> {
  return load(() => services().api.changePremium(action, productId, { pin, idempotencyKey }))
}
