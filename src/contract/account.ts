// Who is looking, at which account, and the home overview.
import Type from 'typebox'
import { Denied, IsoDate, Profile } from './common'
import { InvoiceSummary } from './invoices'
import { NoticesOverview } from './notices'
import { RecordingsOverview } from './recordings'
import { PremiumOverview } from './premium'

export const Viewer = Type.Object({
  name: Type.String(),
  profile: Profile,
})
export type Viewer = Type.Static<typeof Viewer>

export const AccountHeader = Type.Object({
  id: Type.String(),
  holderName: Type.String(),
  contractNumber: Type.String(),
})
export type AccountHeader = Type.Static<typeof AccountHeader>

/**
 * The account a box is bound to, as home and the installer screen show it: the holder's name
 * and the contract number only to profiles that may read account data ('account.read', seed 002);
 * for a Utilizador, who sees only the service assigned, all three are null (an operator's account
 * id may carry the contract number, as the demo's do).
 */
export const AccountBinding = Type.Object({
  id: Type.Union([Type.String(), Type.Null()]),
  holderName: Type.Union([Type.String(), Type.Null()]),
  contractNumber: Type.Union([Type.String(), Type.Null()]),
})
export type AccountBinding = Type.Static<typeof AccountBinding>

export const InvoicesOverview = Type.Object({
  /** The invoice the subscriber should act on next: the oldest unpaid one, else the latest. */
  next: Type.Union([InvoiceSummary, Type.Null()]),
  unpaidCount: Type.Integer({ minimum: 0 }),
  /** What the unpaid invoices add up to, in cents: what the account owes in all (issue 21, 10). */
  unpaidTotalCents: Type.Integer({ minimum: 0 }),
})
export type InvoicesOverview = Type.Static<typeof InvoicesOverview>

/** The account card on home (account section): registration, commitment end, points. */
export const AccountGlance = Type.Object({
  registered: Type.Boolean(),
  commitment: Type.Union([Type.Object({ endDate: IsoDate, monthsLeft: Type.Integer(), daysLeft: Type.Integer() }), Type.Null(), Denied]),
  points: Type.Union([Type.Object({ balance: Type.Integer(), expiringSoon: Type.Integer() }), Denied]),
})
export type AccountGlance = Type.Static<typeof AccountGlance>

/** The home screen in one request: a low-memory box should not open a socket per card. */
export const Overview = Type.Object({
  account: AccountBinding,
  viewer: Viewer,
  invoices: Type.Union([InvoicesOverview, Denied]),
  /** Every profile sees notices (domain/permissions 'notices.read'). */
  notices: NoticesOverview,
  /** Recording quota meter; optional so an operator's backend without cloud recordings can leave it out. */
  recordings: Type.Optional(Type.Union([RecordingsOverview, Denied])),
  premium: Type.Optional(Type.Union([PremiumOverview, Denied])),
  /** Account card; optional so an operator's backend may leave it out. */
  accountGlance: Type.Optional(AccountGlance),
})
export type Overview = Type.Static<typeof Overview>

/** Demo accounts (reference server only): scenario name → device token. */
export const DemoScenario = Type.Object({
  id: Type.String(),
  description: Type.String(),
  token: Type.String(),
  /** The demo account's purchase PIN, for premium subscriptions. */
  purchasePin: Type.Optional(Type.String()),
})
export const DemoScenarioList = Type.Object({ items: Type.Array(DemoScenario) })
export type DemoScenarioList = Type.Static<typeof DemoScenarioList>

export const Health = Type.Object({
  status: Type.Literal('ok'),
  version: Type.String(),
})
