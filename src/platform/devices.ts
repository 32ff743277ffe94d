// Box profiles: what the stage and the Router may spend on each kind of decoder.
// Texture memory is the scarce resource (DESIGN §6). Lightning counts it in pixels
// (RGBA: 4 bytes each); bufferMemory is in bytes.

export type DeviceId = 'uma' | 'iris' | 'low'
export type ResolutionId = '720p' | '1080p' | '2160p'

export interface DeviceProfile {
  id: DeviceId
  label: string
  /**
   * Texture pixels Lightning may hold before it garbage-collects unused textures:
   * the bench budgets (bench/budgets.json) are 8 MB at 1080p, 4 MB on the low box.
   */
  memoryPressure: number
  /** Size of the WebGL vertex buffer. */
  bufferMemory: number
  /** Stop requestAnimationFrame when nothing moves: saves CPU on an idle account screen. */
  pauseRafLoopOnIdle: boolean
  router: {
    lazyCreate: boolean
    lazyDestroy: boolean
    gcOnUnload: boolean
  }
}

export const DEVICES: Record<DeviceId, DeviceProfile> = {
  uma: {
    id: 'uma',
    label: 'UMA',
    memoryPressure: 2e6,
    bufferMemory: 2e6,
    pauseRafLoopOnIdle: true,
    router: { lazyCreate: true, lazyDestroy: true, gcOnUnload: true },
  },
  iris: {
    id: 'iris',
    label: 'Iris',
    memoryPressure: 2e6,
    bufferMemory: 1.5e6,
    pauseRafLoopOnIdle: true,
    router: { lazyCreate: true, lazyDestroy: true, gcOnUnload: true },
  },
  low: {
    id: 'low',
    label: 'Low memory',
    memoryPressure: 1e6,
    bufferMemory: 1e6,
    pauseRafLoopOnIdle: true,
    router: { lazyCreate: true, lazyDestroy: true, gcOnUnload: true },
  },
}

export interface Resolution {
  id: ResolutionId
  width: number
  height: number
}

/** The app is authored at 1080p; the stage scales by width / 1920 (720p: 2/3, 2160p: 2). */
export const RESOLUTIONS: Record<ResolutionId, Resolution> = {
  '720p': { id: '720p', width: 1280, height: 720 },
  '1080p': { id: '1080p', width: 1920, height: 1080 },
  '2160p': { id: '2160p', width: 3840, height: 2160 },
}

export const AUTHORED_WIDTH = 1920

export function precisionOf(resolution: Resolution): number {
  return resolution.width / AUTHORED_WIDTH
}
