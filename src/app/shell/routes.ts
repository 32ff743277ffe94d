// Routes and their data providers: the only place pages get data from (DESIGN §2).
import { Router } from '@lightningjs/sdk'
import { load, type Loaded } from '../../data/load'
import type { Fetched } from '../../data/client'
import { AccountPage } from '../account/AccountPage'
import { RegistrationPage } from '../account/RegistrationPage'
import { HomePage } from '../home/HomePage'
import { installerReport } from '../installer/actions'
import { InstallerPage } from '../installer/InstallerPage'
import { InvoiceDetailPage } from '../invoices/InvoiceDetailPage'
import { InvoicesPage } from '../invoices/InvoicesPage'
import { NoticeDetailPage } from '../notices/NoticeDetailPage'
import { NoticesPage } from '../notices/NoticesPage'
import { PremiumDetailPage } from '../premium/PremiumDetailPage'
import { PremiumPage } from '../premium/PremiumPage'
import { RecordingsPage } from '../recordings/RecordingsPage'
import type { NoticesOverview } from '../../contract'
import { INSTALLER_ROUTE } from './installerKeys'
import { BootPage, CrashPage, NotFoundPage } from './MessagePage'
import { services } from './services'
import { resolveToken } from './boot'
import type { DeviceProfile } from '../../platform/devices'

interface Receives<T> {
  result: Loaded<T>
}

/** A page's data; the token is looked for again first when the API was down at boot. */
async function fetchFor<T>(page: Receives<T>, request: () => Promise<Fetched<T>>): Promise<void> {
  await resolveToken()
  page.result = await load(request)
}

export function routes(
  device: DeviceProfile,
  onBooted: () => void,
  /** Home's notices, each time home loads them: the shell offers the start-up banner once per run. */
  onNotices?: (notices: NoticesOverview) => void,
): Router.Config {
  return {
    root: 'home',
    backtrack: true,
    // Kept for readers; the SDK takes these from the platform settings (src/index.ts).
    ...device.router,
    routes: [
      {
        // Shown while the device token is found; then the Router resumes the launch hash.
        path: '$',
        component: BootPage,
        after: async () => {
          await resolveToken()
          onBooted()
          Router.resume()
        },
      },
      {
        path: 'home',
        component: HomePage,
        on: async (page: Receives<unknown>) => {
          await resolveToken()
          const result = await load(() => services().api.overview())
          page.result = result
          if (result.ok) onNotices?.(result.data.notices)
        },
      },
      {
        path: 'invoices',
        component: InvoicesPage,
        on: (page: Receives<unknown>) => fetchFor(page, () => services().api.invoices(24)),
      },
      {
        path: 'invoices/:id',
        component: InvoiceDetailPage,
        on: (page: Receives<unknown>, { id }: { id?: string }) => fetchFor(page, () => services().api.invoice(String(id))),
      },
      { path: INSTALLER_ROUTE, component: InstallerPage, on: installerReport },
      {
        path: 'notices',
        component: NoticesPage,
        on: (page: Receives<unknown>) => fetchFor(page, () => services().api.notices()),
      },
      {
        // Opening a notice marks it read on the server and returns it (one request).
        path: 'notices/:id',
        component: NoticeDetailPage,
        on: (page: Receives<unknown>, { id }: { id?: string }) => fetchFor(page, () => services().api.openNotice(String(id))),
      },
      {
        path: 'account',
        component: AccountPage,
        on: (page: Receives<unknown>) => fetchFor(page, () => services().api.account()),
      },
      {
        path: 'registration',
        component: RegistrationPage,
        on: (page: Receives<unknown>) => fetchFor(page, () => services().api.registration()),
      },
      {
        path: 'recordings',
        component: RecordingsPage,
        on: (page: Receives<unknown>) => fetchFor(page, () => services().api.recordings()),
      },
      {
        path: 'premium',
        component: PremiumPage,
        on: (page: Receives<unknown>) => fetchFor(page, () => services().api.premium()),
      },
      {
        path: 'premium/:id',
        component: PremiumDetailPage,
        on: (page: Receives<unknown>, { id }: { id?: string }) => fetchFor(page, () => services().api.premiumProduct(String(id))),
      },
      { path: '*', component: NotFoundPage },
      { path: '!', component: CrashPage },
    ],
  } as Router.Config
}
