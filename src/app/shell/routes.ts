// Routes and their data providers: the only place pages get data from (DESIGN §2).
import { Router } from '@lightningjs/sdk'
import { load } from '../../data/load'
import type { DataPage } from '../kit/DataPage'
import { ApiError, type Fetched } from '../../data/client'
import { AccessPage } from '../access/AccessPage'
import { REFUSABLE, type Refusable, type Refusal, refusalOf } from '../access/text'
import { AccountPage } from '../account/AccountPage'
import { RegistrationPage } from '../account/RegistrationPage'
import { HomePage } from '../home/HomePage'
import { installerReport } from '../installer/actions'
import { InstallerPage } from '../installer/InstallerPage'
import { InvoiceDetailPage } from '../invoices/InvoiceDetailPage'
import { InvoicesPage } from '../invoices/InvoicesPage'
import { firstInvoicesPage } from '../invoices/actions'
import { NoticeDetailPage } from '../notices/NoticeDetailPage'
import { NoticesPage } from '../notices/NoticesPage'
import { firstNoticesPage } from '../notices/actions'
import { PremiumDetailPage } from '../premium/PremiumDetailPage'
import { PremiumPage } from '../premium/PremiumPage'
import { firstRecordingsPage } from '../recordings/actions'
import { RecordingsPage } from '../recordings/RecordingsPage'
import type { NoticesOverview, Overview } from '../../contract'
import { INSTALLER_ROUTE } from './installerKeys'
import { BootPage, CrashPage, NotFoundPage } from './MessagePage'
import { services } from './services'
import { resolveToken } from './boot'
import type { DeviceProfile } from '../../platform/devices'

/** A page the route feeds: it declares the data it receives (DataPage<T>). */
type FedPage<T> = Router.PageConstructor<DataPage<T>>

/**
 * A route whose provider loads its page's data; the token is looked for again first
 * when the API was down at boot. The request's type is the page's: nothing unknown.
 */
function fed<T>(path: string, component: FedPage<T>, request: (params: Router.PageParams) => Promise<Fetched<T>>): Router.RouteDefinition {
  return {
    path,
    component,
    on: async (page: DataPage<T>, params: Router.PageParams) => {
      await resolveToken()
      page.result = await load(() => request(params))
    },
  }
}

/** A section home refused, in full: home's overview and that section's refusal in it (not found when it is not refused). */
async function refusal(section: string): Promise<Fetched<Refusal>> {
  const refused = (overview: Overview) => ((REFUSABLE as readonly string[]).includes(section) ? refusalOf(section as Refusable, overview) : null)
  // On a failure, the refusal read from the overview kept from before (shown as of its time), if it gives one.
  const { data, fetchedAt } = await services()
    .api.overview()
    .catch((error: unknown) => {
      if (!(error instanceof ApiError)) throw error
      const before = error.lastKnown as Fetched<Overview> | undefined
      const refusedBefore = before ? refused(before.data) : null
      throw new ApiError(error.failure, refusedBefore && before ? { data: refusedBefore, fetchedAt: before.fetchedAt } : undefined)
    })
  const found = refused(data)
  if (!found) throw new ApiError({ kind: 'not-found', reason: '' })
  return { data: found, fetchedAt }
}

/** The SDK reads `backtrack` (Back from a deep link walks up the path) but its typings omit it. */
export interface AppRouterConfig extends Router.Config {
  backtrack: boolean
}

export function routes(
  device: DeviceProfile,
  /**
   * Called once the boot page has found the token; null when the token is known before the
   * Router starts (a token in the launch URL, src/index.ts): then there is no boot page, which
   * would only cost a frame and a texture on the way to the first page (issue 20).
   */
  onBooted: (() => void) | null,
  /** Home's notices, each time home loads them: the shell offers the start-up banner once per run. */
  onNotices?: (notices: NoticesOverview) => void,
): AppRouterConfig {
  return {
    root: 'home',
    backtrack: true,
    // Kept for readers; the SDK takes these from the platform settings (src/index.ts).
    ...device.router,
    routes: [
      // Shown while the device token is found (scenario=: the reference server is asked);
      // then the Router resumes the launch hash.
      ...(onBooted
        ? [
            {
              path: '$',
              component: BootPage,
              after: async () => {
                await resolveToken()
                onBooted()
                Router.resume()
              },
            },
          ]
        : []),
      {
        path: 'home',
        component: HomePage,
        on: async (page: HomePage) => {
          await resolveToken()
          const result = await load(() => services().api.overview())
          page.result = result
          if (result.ok) onNotices?.(result.data.notices)
        },
      },
      fed('invoices', InvoicesPage, firstInvoicesPage),
      fed('invoices/:id', InvoiceDetailPage, ({ id }) => services().api.invoice(String(id))),
      {
        path: INSTALLER_ROUTE,
        component: InstallerPage,
        on: async (page: InstallerPage) => {
          page.result = await installerReport()
        },
      },
      fed('notices', NoticesPage, firstNoticesPage),
      // Opening a notice marks it read on the server and returns it (one request).
      fed('notices/:id', NoticeDetailPage, ({ id }) => services().api.openNotice(String(id))),
      fed('account', AccountPage, () => services().api.account()),
      fed('registration', RegistrationPage, () => services().api.registration()),
      fed('access/:section', AccessPage, ({ section }) => refusal(String(section))),
      fed('recordings', RecordingsPage, firstRecordingsPage),
      fed('premium', PremiumPage, () => services().api.premium()),
      fed('premium/:id', PremiumDetailPage, ({ id }) => services().api.premiumProduct(String(id))),
      { path: '*', component: NotFoundPage },
      { path: '!', component: CrashPage },
    ],
  }
}
