// The account page: holder, contract, services and equipment, commitment and the
// early-termination estimate (seed 001 F.1.1), TV termination date (seed 004 TV §8.2),
// e-invoice, points (seed 003) and registration in the Área de Cliente (seed 000).
// Sections a profile may not see come as Denied, with the reason and who can help.
import Type from 'typebox'
import { Cents, Denied, IsoDate, PendingService } from './common'
import { Viewer } from './account'

export const ActivationState = Type.Union([Type.Literal('active'), Type.Literal('scheduled'), Type.Literal('waiting'), Type.Literal('late')])
export type ActivationState = Type.Static<typeof ActivationState>

export const AccountService = Type.Object({
  name: Type.String(),
  kind: Type.String({ description: 'tv, internet, voice, mobile, premium, equipment' }),
  /**
   * active; scheduled: installation still to come, the 48 h have not started; waiting: within the 48 h from
   * acceptance and installation, expected by `expectedBy`; late: past them (seed 004 TV §6 a).
   */
  activation: ActivationState,
  /** Day the order was accepted. */
  orderedOn: IsoDate,
  /** Day it was installed; null while the installation is scheduled. */
  installedOn: Type.Union([IsoDate, Type.Null()]),
  expectedBy: Type.Union([IsoDate, Type.Null()]),
})
export type AccountService = Type.Static<typeof AccountService>

export const Equipment = Type.Object({
  kind: Type.String({ description: 'box, router' }),
  model: Type.String(),
  /** Only the last characters: enough to match the sticker on the box. */
  serialMasked: Type.String(),
})
export type Equipment = Type.Static<typeof Equipment>

export const ServicesSection = Type.Object({
  services: Type.Array(AccountService),
  equipment: Type.Array(Equipment),
  supportPhone: Type.String(),
})
export type ServicesSection = Type.Static<typeof ServicesSection>

export const TerminationInfo = Type.Object({
  /** The day the question is answered for (the server's today). */
  askedOn: IsoDate,
  cycleStart: IsoDate,
  cycleEnd: IsoDate,
  /** Last day a request still counts for this cycle (10 days before its end). */
  deadline: IsoDate,
  /** Last day of service if the request were made today. */
  effectiveDate: IsoDate,
  inThisCycle: Type.Boolean(),
  noticeDays: Type.Integer(),
  /** Last day to return the equipment: 30 days after the last day of service; after it, its replacement value is charged (004 general §9.10–9.11). */
  equipmentReturnBy: IsoDate,
})
export type TerminationInfo = Type.Static<typeof TerminationInfo>

export const CommitmentSection = Type.Object({
  startDate: IsoDate,
  endDate: IsoDate,
  minimumMonths: Type.Integer({ minimum: 1 }),
  /** What is left from today: whole months, then days (domain/account periodLeft). */
  monthsLeft: Type.Integer({ minimum: 0 }),
  daysLeft: Type.Integer({ minimum: 0, maximum: 30 }),
  advantageCents: Cents,
  /** What is still to run after the day a termination asked today would take effect: whole months, then days. */
  monthsLeftAtTermination: Type.Integer({ minimum: 0 }),
  daysLeftAtTermination: Type.Integer({ minimum: 0, maximum: 30 }),
  /** advantage ÷ minimum period × period left at termination, the days as their share of a month (seed 001 F.1.1). */
  earlyTerminationCents: Cents,
})
export type CommitmentSection = Type.Static<typeof CommitmentSection>

export const ExchangeEligibility = Type.Object({
  allowed: Type.Boolean(),
  blockedBy: Type.Array(Type.Union([Type.Literal('unpaid-invoices'), Type.Literal('too-soon'), Type.Literal('commitment')])),
  possibleFrom: Type.Union([IsoDate, Type.Null()]),
  lastExchange: Type.Union([IsoDate, Type.Null()]),
})
export type ExchangeEligibility = Type.Static<typeof ExchangeEligibility>

export const PointsReward = Type.Object({
  name: Type.String(),
  kind: Type.Union([Type.Literal('equipment'), Type.Literal('accessory')]),
  points: Type.Integer(),
  missing: Type.Integer({ minimum: 0 }),
  missingCostCents: Cents,
})
export type PointsReward = Type.Static<typeof PointsReward>

export const PointsSection = Type.Object({
  balance: Type.Integer({ minimum: 0 }),
  expiring: Type.Array(Type.Object({ expiresOn: IsoDate, points: Type.Integer() })),
  validityMonths: Type.Integer(),
  equipment: ExchangeEligibility,
  accessory: ExchangeEligibility,
  /** Price of one point in tenths of a cent (271 = €0.271, seed 003 §17). */
  pointPriceMills: Type.Integer(),
  rewards: Type.Array(PointsReward),
})
export type PointsSection = Type.Static<typeof PointsSection>

/** The right of withdrawal while it runs (seed 004 general §6.1–6.5): only a consumer's distance or off-premises contract has it. */
export const WithdrawalSection = Type.Object({
  channel: Type.Union([Type.Literal('distance'), Type.Literal('off-premises')]),
  concludedOn: IsoDate,
  /** 14 days for a distance contract, 30 for one made at home or on a visit (§6.1). */
  days: Type.Integer({ minimum: 1 }),
  /** Last day to withdraw. */
  until: IsoDate,
  daysLeft: Type.Integer({ minimum: 0 }),
  /** Withdrawn today, the service used so far is paid pro rata (§6.3). */
  serviceUsedCents: Cents,
  /** Withdrawn today: the refund is due and the equipment goes back by this day (§6.5, §6.2). */
  settleBy: IsoDate,
})
export type WithdrawalSection = Type.Static<typeof WithdrawalSection>

export const EInvoice = Type.Object({
  enabled: Type.Boolean(),
  /** Whether the viewer's profile may switch it (domain/permissions 'einvoice.write'). */
  canChange: Type.Boolean(),
})
export type EInvoice = Type.Static<typeof EInvoice>

export const AccountPage = Type.Object({
  viewer: Viewer,
  holderName: Type.String(),
  /** "*****1234": checked by its check digit on the server. */
  nifMasked: Type.String(),
  nifValid: Type.Boolean(),
  contractNumber: Type.String(),
  address: Type.String(),
  registered: Type.Boolean(),
  services: Type.Union([ServicesSection, Denied]),
  /** null: no commitment in force. */
  commitment: Type.Union([CommitmentSection, Type.Null(), Denied]),
  termination: TerminationInfo,
  /** null: no right of withdrawal today (a shop contract, a business, or its days have run); optional for an operator's backend. */
  withdrawal: Type.Optional(Type.Union([WithdrawalSection, Type.Null(), Denied])),
  einvoice: EInvoice,
  points: Type.Union([PointsSection, Denied]),
})
export type AccountPage = Type.Static<typeof AccountPage>

export const EInvoiceChange = Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false })
export type EInvoiceChange = Type.Static<typeof EInvoiceChange>

/** Registration in the Área de Cliente (seed 000) and services still being activated (seed 004 TV §6). */
export const Registration = Type.Object({
  registered: Type.Boolean(),
  /** Where a phone registers: encoded in the QR code. */
  registerUrl: Type.String(),
  supportPhone: Type.String(),
  pending: Type.Union([Type.Array(PendingService), Denied]),
})
export type Registration = Type.Static<typeof Registration>
