// Routes and their data providers: the only place pages get data from (DESIGN §2).
import { Router } from '@lightningjs/sdk'
import { load, type Loaded } from '../data/load'
import type { Fetched } from '../data/client'
import { BootPage, CrashPage, NotFoundPage } from './pages/MessagePage'
import { HomePage } from './pages/HomePage'
import { InvoicesPage } from './pages/InvoicesPage'
import { InvoiceDetailPage } from './pages/InvoiceDetailPage'
import { InstallerPage } from './pages/InstallerPage'
import { INSTALLER_ROUTE, installerReport } from './installer'
import { services } from './services'
import { resolveToken } from './boot'
import type { DeviceProfile } from '../platform/devices'

interface Receives<T> {
  result: Loaded<T>
}

/** A page's data; the token is looked for again first when the API was down at boot. */
async function fetchFor<T>(page: Receives<T>, request: () => Promise<Fetched<T>>): Promise<void> {
  await resolveToken()
  page.result = await load(request)
}

export function routes(device: DeviceProfile, onBooted: () => void): Router.Config {
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
        on: (page: Receives<unknown>) => fetchFor(page, () => services().api.overview()),
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
      { path: '*', component: NotFoundPage },
      { path: '!', component: CrashPage },
    ],
  } as Router.Config
}
