// Premium answers as the reference API gives them on Monday 23 November 2026: the
// account's cycle runs 16 Nov – 15 Dec, its next invoice is dated 15 December.
import type { PremiumCatalogue, PremiumProduct, PremiumProductDetail, PremiumReceipt, PremiumSubscription } from '../../src/contract'

export const NOW = Date.parse('2026-11-23T10:00:00Z')

export function product(id: string, name: string, monthlyCents: number, overrides: Partial<PremiumProduct> = {}): PremiumProduct {
  return {
    id,
    name,
    description: `${name}: canais em direto.`,
    channels: [`${name} 1`, `${name} 2`],
    monthlyCents,
    vatRatePercent: 23,
    minimumDays: 30,
    promo: null,
    subscribed: false,
    ...overrides,
  }
}

export const tvcine = product('tvcine', 'TVCine', 1499)
export const sportTv = product('sport-tv', 'Sport TV', 2999, { subscribed: true })
export const documentaries = product('pack-documentarios', 'Pack Documentários', 599, { promo: { monthlyCents: 299, until: '2026-12-13' } })

export const sportSubscription: PremiumSubscription = {
  id: 'sub-sport',
  productId: 'sport-tv',
  name: 'Sport TV',
  monthlyCents: 2999,
  promo: null,
  startedOn: '2025-03-16',
  minimumEndsOn: '2025-04-14',
  inMinimumPeriod: false,
  nextChargeOn: '2026-12-15',
  nextChargeCents: 2999,
  cancellation: null,
  // Cancelled today it ends with this cycle: the 15 December invoice charges nothing more for it.
  cancelToday: { requestedOn: '2026-11-23', endsOn: '2026-12-15', rule: 'billing-cycle', nextChargeOn: null, nextChargeCents: 0 },
}

const pin = { triesLeft: 3, lockedUntil: null }

export const catalogue: PremiumCatalogue = {
  products: [sportTv, tvcine, documentaries],
  subscriptions: [sportSubscription],
  nextInvoiceDate: '2026-12-15',
  pin,
  manageDenied: null,
}

export const tvcineDetail: PremiumProductDetail = {
  product: tvcine,
  subscription: null,
  quote: {
    startsOn: '2026-11-23',
    minimumEndsOn: '2026-12-22',
    monthlyCents: 1499,
    promo: null,
    promoCode: null,
    firstChargeOn: '2026-12-15',
    firstChargeCents: 2599,
  },
  pin,
  manageDenied: null,
}

export const sportDetail: PremiumProductDetail = { product: sportTv, subscription: sportSubscription, quote: null, pin, manageDenied: null }

export const tvcineSubscribed: PremiumReceipt = {
  action: 'subscribed',
  subscription: {
    id: 'sub-tvcine',
    productId: 'tvcine',
    name: 'TVCine',
    monthlyCents: 1499,
    promo: null,
    startedOn: '2026-11-23',
    minimumEndsOn: '2026-12-22',
    inMinimumPeriod: true,
    nextChargeOn: '2026-12-15',
    nextChargeCents: 2599,
    cancellation: null,
    // Cancelled today it ends with the minimum period, 22 December: the next invoice charges 23 Nov – 22 Dec, not a month more.
    cancelToday: { requestedOn: '2026-11-23', endsOn: '2026-12-22', rule: 'minimum-period', nextChargeOn: '2026-12-15', nextChargeCents: 1487 },
  },
  replayed: false,
  pin,
}

export const sportCancelled: PremiumReceipt = {
  action: 'cancelled',
  subscription: {
    ...sportSubscription,
    nextChargeOn: null,
    nextChargeCents: 0,
    cancellation: { requestedOn: '2026-11-23', endsOn: '2026-12-15', rule: 'billing-cycle' },
    cancelToday: null,
  },
  replayed: false,
  pin,
}

export const billingOnly = {
  denied: true as const,
  reason: 'Os serviços premium só podem ser subscritos ou cancelados pelo Administrador ou Responsável Delegado da conta.',
  allowedProfiles: ['administrador' as const, 'responsavel-delegado' as const],
}
