// Routes and their data providers: the only place pages get data from (DESIGN §2).
import { Router } from '@lightningjs/sdk'
import { load, type Loaded } from '../data/load'
import { BootPage, CrashPage, NotFoundPage } from './pages/MessagePage'
import { HomePage } from './pages/HomePage'
import { InvoicesPage } from './pages/InvoicesPage'
import { InvoiceDetailPage } from './pages/InvoiceDetailPage'
import { services } from './services'
import { resolveToken } from './boot'
import type { DeviceProfile } from '../platform/devices'

interface Receives<T> {
  result: Loaded<T>
}

export function routes(device: DeviceProfile, onBooted: () => void): Router.Config {
  return {
    root: 'home',
    backtrack: true,
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
          page.result = await load(() => services().api.overview())
        },
      },
      {
        path: 'invoices',
        component: InvoicesPage,
        on: async (page: Receives<unknown>) => {
          page.result = await load(() => services().api.invoices(24))
        },
      },
      {
        path: 'invoices/:id',
        component: InvoiceDetailPage,
        on: async (page: Receives<unknown>, { id }: { id?: string }) => {
          page.result = await load(() => services().api.invoice(String(id)))
        },
      },
      { path: '*', component: NotFoundPage },
      { path: '!', component: CrashPage },
    ],
  } as Router.Config
}
