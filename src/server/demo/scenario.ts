// The shape of scenarios.json, the demo accounts as data: checked when the data is read,
// so a mistyped profile or a product that does not exist stops the seeding with the place.
import Type from 'typebox'
import { Value } from 'typebox/value'
import { Profile, ServiceKind, VatRegion } from '../../contract'
import data from './scenarios.json'

const DaysAgo = Type.Integer({ minimum: 0 })
const Note = Type.Optional(Type.String({ description: 'why the figures are what they are' }))

const Product = Type.Object({ description: Type.String(), netCents: Type.Integer({ minimum: 1 }) })
export type Product = Type.Static<typeof Product>

const MonthlyBilling = Type.Object({
  note: Note,
  /**
   * The billing cycle: a period that started `startedDaysAgo` days before the seeding day, the
   * newest billed being `newestIndex` periods after it; or the newest period whose invoice is
   * already issued on the cycle day `day`.
   */
  cycle: Type.Union([Type.Object({ startedDaysAgo: DaysAgo, newestIndex: Type.Integer({ minimum: 0 }) }), Type.Object({ day: Type.Integer({ minimum: 1, maximum: 28 }) })]),
  months: Type.Integer({ minimum: 1 }),
  /** Keys of `products`; the base package's price is the oldest invoice's, updated each March. */
  basePackage: Type.String(),
  rentals: Type.Array(Type.String()),
  premium: Type.Optional(Type.Object({ product: Type.String(), fromMonthsAgo: DaysAgo, toMonthsAgo: DaysAgo })),
  /** Chance of VoD rentals in a month (seed 001 §12: billed with the monthly fee). */
  vodChance: Type.Number({ minimum: 0, maximum: 1 }),
  /**
   * Time without service in the period that many months ago, credited on its invoice when it exceeds 24 h (seed 004
   * general §8.3): from `fromHour` on day `fromDay` of the period to `toHour` on day `toDay` (0: its first day), Lisbon
   * hours after midnight; the hours counted are the ones that really passed (domain/billing outageHours).
   */
  outage: Type.Optional(
    Type.Object({
      monthsAgo: DaysAgo,
      fromDay: DaysAgo,
      fromHour: Type.Integer({ minimum: 0, maximum: 23 }),
      toDay: DaysAgo,
      toHour: Type.Integer({ minimum: 0, maximum: 23 }),
    }),
  ),
  /** The newest invoices still unpaid; one under complaint since some days after its issue. */
  unpaidNewest: Type.Optional(Type.Integer({ minimum: 1 })),
  disputed: Type.Optional(Type.Object({ monthsAgo: DaysAgo, daysAfterIssue: DaysAgo })),
  /** The written notice of consequences of a late invoice goes out this many days after its due date (004 TV §8.4: within 10). */
  noticeDaysAfterDue: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
  randomSeed: Type.Integer(),
})
export type MonthlyBilling = Type.Static<typeof MonthlyBilling>

const FirstInvoice = Type.Object({
  note: Note,
  /** The first full cycle starts this many days after the seeding day; the invoice runs from the activation to its eve. */
  cycleStartsInDays: Type.Integer({ minimum: 1 }),
  basePackage: Type.String(),
  rentals: Type.Array(Type.String()),
})
export type FirstInvoice = Type.Static<typeof FirstInvoice>

const Viewer = Type.Object({ name: Type.String(), profile: Profile })
const Common = { id: Type.String(), description: Type.String(), token: Type.String({ minLength: 8 }), viewer: Viewer }

/** An account of its own, with its services and invoices. */
const AccountScenario = Type.Object({
  ...Common,
  account: Type.Object({
    id: Type.String(),
    holderName: Type.String(),
    contractNumber: Type.String(),
    nif: Type.String(),
    region: VatRegion,
    paymentMethod: Type.Union([Type.Literal('multibanco'), Type.Literal('direct-debit')]),
    iban: Type.Union([Type.String(), Type.Null()]),
    activatedDaysAgo: DaysAgo,
  }),
  /** Days before the seeding day; `activatedDaysAgo` null: not yet active. */
  /** `installedDaysAgo`: null while the installation is scheduled; absent, installed the day it was ordered (004 TV §6 a). */
  services: Type.Array(
    Type.Object({
      name: Type.String(),
      kind: ServiceKind,
      requestedDaysAgo: DaysAgo,
      installedDaysAgo: Type.Optional(Type.Union([DaysAgo, Type.Null()])),
      activatedDaysAgo: Type.Union([DaysAgo, Type.Null()]),
    }),
  ),
  billing: Type.Optional(MonthlyBilling),
  firstInvoice: Type.Optional(FirstInvoice),
})
export type AccountScenario = Type.Static<typeof AccountScenario>

/** Another person of a household (seed 002: each with their own profile) watching the account of scenario `watches`. */
const ViewerScenario = Type.Object({ ...Common, watches: Type.String() })
export type ViewerScenario = Type.Static<typeof ViewerScenario>

const Scenarios = Type.Object({
  products: Type.Record(Type.String(), Product),
  scenarios: Type.Array(Type.Union([AccountScenario, ViewerScenario])),
})

export const DEMO = Value.Parse(Scenarios, data)

export function isAccountScenario(scenario: AccountScenario | ViewerScenario): scenario is AccountScenario {
  return 'account' in scenario
}

/** A product of the data by its key, or an error naming it. */
export function product(key: string): Product {
  const found = DEMO.products[key]
  if (!found) throw new Error(`scenarios.json: no product «${key}»`)
  return found
}
