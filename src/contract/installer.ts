// The installer's diagnostics: the account the box is bound to, its services
// active or pending activation, and the premium entitlements, in one request.
import Type from 'typebox'
import { Denied, IsoDate, Literals } from './common'
import { AccountBinding, Viewer } from './account'

export const ServiceKind = Literals('tv', 'internet', 'voice', 'mobile', 'premium', 'equipment')
export type ServiceKind = Type.Static<typeof ServiceKind>

export const InstalledService = Type.Object({
  name: Type.String(),
  kind: ServiceKind,
  status: Type.Union([Type.Literal('active'), Type.Literal('pending')]),
  requestedOn: IsoDate,
  /** Day it was installed; null while the installation is scheduled. */
  installedOn: Type.Union([IsoDate, Type.Null()]),
  activatedOn: Type.Union([IsoDate, Type.Null()]),
  /** Pending and installed: the last day of the 48 h from acceptance and installation (seed 004 TV §6 a). */
  activationDueOn: Type.Union([IsoDate, Type.Null()]),
  /** Pending past that limit: the installer should escalate. */
  activationLate: Type.Boolean(),
})
export type InstalledService = Type.Static<typeof InstalledService>

export const Entitlement = Type.Object({
  name: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('pending')]),
  since: Type.Union([IsoDate, Type.Null()]),
})
export type Entitlement = Type.Static<typeof Entitlement>

export const ServicesDiagnostics = Type.Object({
  services: Type.Array(InstalledService),
  entitlements: Type.Array(Entitlement),
})
export type ServicesDiagnostics = Type.Static<typeof ServicesDiagnostics>

export const Diagnostics = Type.Object({
  account: AccountBinding,
  viewer: Viewer,
  /** The box's token is known, so the box is bound; `active` once no service waits for activation. */
  registration: Type.Object({
    state: Type.Union([Type.Literal('active'), Type.Literal('pending-activation')]),
    accountActivatedOn: IsoDate,
  }),
  /** Technical services: Responsável Técnico and full-access profiles (seed 002). */
  services: Type.Union([ServicesDiagnostics, Denied]),
  /** The server's calendar day (Europe/Lisbon): a wrong box clock shows here. */
  serverDate: IsoDate,
  serverVersion: Type.String(),
})
export type Diagnostics = Type.Static<typeof Diagnostics>
