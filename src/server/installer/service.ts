// The installer's diagnostics, read from the account's services. Premium
// entitlements are the subscriptions running today and the premium services
// ordered with the contract that wait for activation (seed 004 TV §2.1.1).
import type { Diagnostics, Entitlement, InstalledService, ServicesDiagnostics } from '../../contract'
import { activationDueOn, activationState } from '../../domain/activation'
import { can, denial } from '../../domain/permissions'
import type { Session } from '../http/context'
import type { Db } from '../store/db'
import { activeRows, premiumLineName } from '../premium/billing'
import { accountBinding } from '../account/service'

async function servicesOf(db: Db, accountId: string) {
  return db.selectFrom('account_service').selectAll().where('account_id', '=', accountId).orderBy('position').execute()
}

export async function servicesDiagnostics(db: Db, accountId: string, today: string): Promise<ServicesDiagnostics> {
  const rows = await servicesOf(db, accountId)
  const services: InstalledService[] = rows.map((row) => ({
    name: row.name,
    kind: row.kind,
    status: row.status,
    requestedOn: row.requested_on,
    installedOn: row.installed_on,
    activatedOn: row.activated_on,
    activationDueOn: row.status === 'pending' ? activationDueOn({ orderedOn: row.requested_on, installedOn: row.installed_on }) : null,
    activationLate: row.status === 'pending' && activationState({ orderedOn: row.requested_on, installedOn: row.installed_on }, today) === 'late',
  }))
  const subscribed: Entitlement[] = (await activeRows(db, accountId, today)).map((row) => ({
    name: premiumLineName(row.name),
    status: 'active',
    since: row.started_on,
  }))
  // A subscription made in the app is not an installed service, and one ordered with the contract is both.
  const named = new Set(subscribed.map((entitlement) => entitlement.name))
  const ordered: Entitlement[] = rows
    .filter((row) => row.kind === 'premium' && !named.has(row.name))
    .map((row) => ({ name: row.name, status: row.status, since: row.activated_on }))
  return { services, entitlements: [...subscribed, ...ordered] }
}

export async function diagnostics(db: Db, session: Session, today: string, serverVersion: string): Promise<Diagnostics> {
  const account = await db.selectFrom('account').select(['activated_on']).where('id', '=', session.account.id).executeTakeFirstOrThrow()
  const pending = await db
    .selectFrom('account_service')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('account_id', '=', session.account.id)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow()
  return {
    account: accountBinding(session),
    viewer: session.viewer,
    // The registration state is not a secret: every profile sees whether the box is ready.
    registration: { state: Number(pending.count) > 0 ? 'pending-activation' : 'active', accountActivatedOn: account.activated_on },
    services: can(session.viewer.profile, 'services.read')
      ? await servicesDiagnostics(db, session.account.id, today)
      : { denied: true as const, ...denial('services.read') },
    serverDate: today,
    serverVersion,
  }
}
