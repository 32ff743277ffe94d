// The installer route's data: the server's diagnostics and the box's own view,
// measured fresh each time (OK on the screen reloads the route).
import type { Diagnostics } from '../../contract'
import type { ApiFailure } from '../../data/client'
import { type Loaded, load } from '../../data/load'
import { DEVICES, type DeviceProfile, RESOLUTIONS, type Resolution, precisionOf } from '../../platform/devices'
import { resolveToken } from '../shell/boot'
import { services } from '../shell/services'

/** What the installer route's provider gathers: the server's view and the box's own. */
export interface InstallerReport {
  diagnostics: Loaded<Diagnostics>
  ping: { ok: true; latencyMs: number; version: string } | { ok: false; failure: ApiFailure; latencyMs: number }
  box: { device: DeviceProfile; resolution: Resolution; precision: number }
  appVersion: string
  apiBaseUrl: string
  lastFailure: { path: string; failure: ApiFailure; at: number } | null
  /** Reached by its own launch (`mode=installer`): Back closes the app instead of going back. */
  standalone: boolean
}

/** Ping first, then the diagnostics, so the latency is the API's alone. */
export async function installerReport(): Promise<Loaded<InstallerReport>> {
  await resolveToken()
  const { api, launch, version } = services()
  const ping = await api.ping()
  const diagnostics = await load(() => api.diagnostics({ reload: true }))
  const resolution = RESOLUTIONS[launch.resolution]
  const report: InstallerReport = {
    diagnostics,
    ping,
    box: { device: DEVICES[launch.device], resolution, precision: precisionOf(resolution) },
    appVersion: version,
    apiBaseUrl: api.apiBaseUrl,
    lastFailure: api.lastFailure,
    standalone: launch.mode === 'installer',
  }
  return { ok: true, data: report, fetchedAt: Date.now() }
}
