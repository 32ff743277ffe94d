// Premium subscriptions (seed 004 TV §2.1.1, §8.2; seed 001 §12): the catalogue, the
// account's subscriptions, and the writes behind the purchase PIN.
import Type from 'typebox'
import { ApiErrorBody, Cents, Denied, IsoDate, IsoDateTime, PendingService } from './common'

export const PremiumId = Type.String({ pattern: '^[a-z0-9-]{1,64}$' })

/** Carried by every write: the same key again replays the first answer instead of acting twice. */
export const IdempotencyKey = Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$', description: 'unique per intended write' })

export const PurchasePin = Type.String({ pattern: '^\\d{4}$', description: 'the 4-digit purchase PIN' })

/** Prices are monthly, with IVA at the account's rate. */
export const PremiumPromo = Type.Object({
  monthlyCents: Cents,
  /** Last day the promotional price applies. */
  until: IsoDate,
})
export type PremiumPromo = Type.Static<typeof PremiumPromo>

export const PremiumProduct = Type.Object({
  id: PremiumId,
  name: Type.String(),
  description: Type.String(),
  channels: Type.Array(Type.String()),
  monthlyCents: Cents,
  vatRatePercent: Type.Integer(),
  minimumDays: Type.Integer({ minimum: 1 }),
  promo: Type.Union([PremiumPromo, Type.Null()]),
  /** The account has an active subscription to it (possibly with a cancellation pending). */
  subscribed: Type.Boolean(),
})
export type PremiumProduct = Type.Static<typeof PremiumProduct>

export const PremiumCancellation = Type.Object({
  requestedOn: IsoDate,
  /** Last day the channel is active and charged. */
  endsOn: IsoDate,
  rule: Type.Union([Type.Literal('minimum-period'), Type.Literal('billing-cycle')]),
})
export type PremiumCancellation = Type.Static<typeof PremiumCancellation>

/**
 * A cancellation asked for today, before it is confirmed: the day it takes effect and what
 * the next invoice then charges, from the same computation the cancellation itself stores,
 * so the summary before the PIN says what the answer after it says.
 */
export const PremiumCancelQuote = Type.Object({
  requestedOn: IsoDate,
  endsOn: IsoDate,
  rule: PremiumCancellation.properties.rule,
  /** Date of the next invoice that would charge it; null when nothing more would be charged. */
  nextChargeOn: Type.Union([IsoDate, Type.Null()]),
  nextChargeCents: Cents,
})
export type PremiumCancelQuote = Type.Static<typeof PremiumCancelQuote>

export const PremiumSubscription = Type.Object({
  id: PremiumId,
  productId: PremiumId,
  name: Type.String(),
  /** What the subscriber pays a month now (promotional price while it lasts), with IVA. */
  monthlyCents: Cents,
  promo: Type.Union([PremiumPromo, Type.Null()]),
  startedOn: IsoDate,
  /** Last day of the minimum period. */
  minimumEndsOn: IsoDate,
  inMinimumPeriod: Type.Boolean(),
  /** Date of the next invoice that charges it; null when nothing more will be charged. */
  nextChargeOn: Type.Union([IsoDate, Type.Null()]),
  nextChargeCents: Cents,
  /** A cancellation already asked for, and the day it takes effect. */
  cancellation: Type.Union([PremiumCancellation, Type.Null()]),
  /** If cancelled today: the day it would take effect, why, and the next charge. Null once a cancellation is pending. */
  cancelToday: Type.Union([PremiumCancelQuote, Type.Null()]),
})
export type PremiumSubscription = Type.Static<typeof PremiumSubscription>

export const PinState = Type.Object({
  triesLeft: Type.Integer({ minimum: 0 }),
  /** Purchases refused until this instant after too many wrong PINs; null when not locked. */
  lockedUntil: Type.Union([IsoDateTime, Type.Null()]),
})
export type PinState = Type.Static<typeof PinState>

export const PremiumCatalogue = Type.Object({
  products: Type.Array(PremiumProduct),
  subscriptions: Type.Array(PremiumSubscription),
  /**
   * Premium services ordered with the contract and not yet active, with their 48 h from acceptance and
   * installation (seed 004 TV §6 a); optional so an operator's backend may leave it out.
   */
  pending: Type.Optional(Type.Array(PendingService)),
  /** Date of the next invoice: where new charges appear. */
  nextInvoiceDate: IsoDate,
  pin: PinState,
  /** Null when the viewer may subscribe and cancel; else why not and who may (seed 002). */
  manageDenied: Type.Union([Denied, Type.Null()]),
})
export type PremiumCatalogue = Type.Static<typeof PremiumCatalogue>

/** What subscribing today means, stated before anything is confirmed. */
export const SubscribeQuote = Type.Object({
  startsOn: IsoDate,
  minimumEndsOn: IsoDate,
  monthlyCents: Cents,
  promo: Type.Union([PremiumPromo, Type.Null()]),
  promoCode: Type.Union([Type.String(), Type.Null()]),
  /** The invoice of this date carries the first charge. */
  firstChargeOn: IsoDate,
  /** Amount of that first charge with IVA: the days left of this cycle pro rata, and the next one. */
  firstChargeCents: Cents,
})
export type SubscribeQuote = Type.Static<typeof SubscribeQuote>

export const PremiumProductDetail = Type.Object({
  product: PremiumProduct,
  subscription: Type.Union([PremiumSubscription, Type.Null()]),
  /** Null when already subscribed. */
  quote: Type.Union([SubscribeQuote, Type.Null()]),
  pin: PinState,
  manageDenied: Type.Union([Denied, Type.Null()]),
})
export type PremiumProductDetail = Type.Static<typeof PremiumProductDetail>

export const PremiumParams = Type.Object({ id: PremiumId })

export const PremiumDetailQuery = Type.Object(
  { promoCode: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{3,20}$' })) },
  { additionalProperties: false },
)

export const SubscribeRequest = Type.Object(
  {
    pin: PurchasePin,
    idempotencyKey: IdempotencyKey,
    promoCode: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{3,20}$' })),
  },
  { additionalProperties: false },
)
export type SubscribeRequest = Type.Static<typeof SubscribeRequest>

export const CancelRequest = Type.Object(
  { pin: PurchasePin, idempotencyKey: IdempotencyKey },
  { additionalProperties: false },
)
export type CancelRequest = Type.Static<typeof CancelRequest>

export const SetPinRequest = Type.Object(
  { currentPin: PurchasePin, newPin: Type.String({ description: '4 digits; one digit repeated (0000) or a straight run (1234, 9876) is refused' }) },
  { additionalProperties: false },
)
export type SetPinRequest = Type.Static<typeof SetPinRequest>

/** The answer to a subscribe or cancel: the subscription as it now stands. */
export const PremiumReceipt = Type.Object({
  action: Type.Union([Type.Literal('subscribed'), Type.Literal('cancelled')]),
  subscription: PremiumSubscription,
  /** True when this answer replays an earlier one for the same idempotency key. */
  replayed: Type.Boolean(),
  /** The purchase PIN after this write (a right PIN gives every try back). */
  pin: PinState,
})
export type PremiumReceipt = Type.Static<typeof PremiumReceipt>

export const PinChanged = Type.Object({ changed: Type.Literal(true) })

/** A refusal of a PIN-guarded write: wrong PIN (tries left) or locked (until when). */
export const PinRefusal = Type.Object({
  ...ApiErrorBody.properties,
  triesLeft: Type.Optional(Type.Integer({ minimum: 0 })),
  lockedUntil: Type.Optional(IsoDateTime),
})
export type PinRefusal = Type.Static<typeof PinRefusal>

/** Premium charges on the next invoice, not yet issued: shown with the invoices. */
export const UpcomingPremiumLine = Type.Object({
  description: Type.String(),
  from: IsoDate,
  to: IsoDate,
  netCents: Cents,
})
export const UpcomingPremium = Type.Object({
  invoiceDate: IsoDate,
  periodStart: IsoDate,
  periodEnd: IsoDate,
  lines: Type.Array(UpcomingPremiumLine),
  /** Sum of the lines with IVA. */
  totalCents: Cents,
})
export type UpcomingPremium = Type.Static<typeof UpcomingPremium>

/** Home card: the active subscriptions at a glance. */
export const PremiumOverview = Type.Object({
  active: Type.Array(
    Type.Object({
      name: Type.String(),
      monthlyCents: Cents,
      endsOn: Type.Union([IsoDate, Type.Null()]),
    }),
  ),
})
export type PremiumOverview = Type.Static<typeof PremiumOverview>
