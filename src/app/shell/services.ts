// What the pages' data providers and the shell share for one run of the app:
// the launch configuration and the API client. Set once by src/index.ts (or a test).
import type { ApiClient } from '../../data/client'
import type { LaunchConfig, LaunchProblem } from '../../platform/launch'
import type { Voice } from '../../platform/speech'

export interface Services {
  launch: LaunchConfig
  launchProblems: LaunchProblem[]
  api: ApiClient
  version: string
  /** Voice guidance's voice when `voice=1` and the box can speak; null or absent: nothing is spoken. */
  voice?: Voice | null
}

let current: Services | null = null

export function provideServices(services: Services): void {
  current = services
}

export function services(): Services {
  if (!current) throw new Error('services used before provideServices()')
  return current
}
