// Launch parameters: the query string overrides settings.json. A bad value never
// blanks the screen: it falls back to the default and says so (shown on screen).
import { DEVICES, RESOLUTIONS, type DeviceId, type ResolutionId } from './devices'

export type Lang = 'pt' | 'en'
export type Entry = 'uma' | 'iris'
export type Mode = 'subscriber' | 'installer'
/** contrast=high: the high-contrast theme (issue 18). */
export type Contrast = 'normal' | 'high'
/** text=large: every text size one step up, layouts still inside the safe area (issue 18). */
export type TextSize = 'normal' | 'large'
/**
 * motion=reduced: every transition and animation jumps to its end in one frame, for viewers
 * whom movement on screen unsettles (WCAG 2.3.3, Animation from Interactions). The screens
 * come out the same; QA's lanes use it to stop waiting on motion.
 */
export type Motion = 'full' | 'reduced'

export interface LaunchConfig {
  device: DeviceId
  resolution: ResolutionId
  lang: Lang
  api: string
  scenario: string | null
  token: string | null
  entry: Entry
  inspector: boolean
  mode: Mode
  /** voice=1: voice guidance speaks every screen (default off). */
  voice: boolean
  contrast: Contrast
  text: TextSize
  motion: Motion
}

export interface LaunchProblem {
  param: string
  value: string
  fallback: string
}

export interface ParsedLaunch {
  config: LaunchConfig
  problems: LaunchProblem[]
}

const LANGS: readonly Lang[] = ['pt', 'en']
const ENTRIES: readonly Entry[] = ['uma', 'iris']
const MODES: readonly Mode[] = ['subscriber', 'installer']
const CONTRASTS: readonly Contrast[] = ['normal', 'high']
const TEXT_SIZES: readonly TextSize[] = ['normal', 'large']
const MOTIONS: readonly Motion[] = ['full', 'reduced']
const SCENARIO_PATTERN = /^[a-z][a-z0-9-]{0,39}$/
const TOKEN_PATTERN = /^[A-Za-z0-9._-]{8,200}$/

function oneOf<T extends string>(allowed: readonly T[], value: string): T | undefined {
  return (allowed as readonly string[]).includes(value) ? (value as T) : undefined
}

/** 1/true and 0/false, anything else is invalid. */
function flag(value: string): boolean | undefined {
  if (value === '1' || value === 'true') return true
  if (value === '0' || value === 'false') return false
  return undefined
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

/**
 * Merges the query string over the defaults from settings.json. Each parameter is
 * checked; an invalid one keeps the default and is reported in `problems`.
 */
export function parseLaunch(search: string, defaults: LaunchConfig): ParsedLaunch {
  const query = new URLSearchParams(search)
  const config: LaunchConfig = { ...defaults }
  const problems: LaunchProblem[] = []

  const take = <K extends keyof LaunchConfig>(
    param: K,
    read: (raw: string) => LaunchConfig[K] | undefined,
  ): void => {
    const raw = query.get(param)
    if (raw === null) return
    const value = read(raw.trim())
    if (value === undefined) problems.push({ param, value: raw, fallback: String(defaults[param]) })
    else config[param] = value
  }

  take('device', (v) => oneOf(Object.keys(DEVICES) as DeviceId[], v))
  take('resolution', (v) => oneOf(Object.keys(RESOLUTIONS) as ResolutionId[], v))
  take('lang', (v) => oneOf(LANGS, v))
  take('entry', (v) => oneOf(ENTRIES, v))
  take('mode', (v) => oneOf(MODES, v))
  take('api', (v) => (isHttpUrl(v) ? v.replace(/\/+$/, '') : undefined))
  take('scenario', (v) => (SCENARIO_PATTERN.test(v) ? v : undefined))
  take('token', (v) => (TOKEN_PATTERN.test(v) ? v : undefined))
  take('inspector', flag)
  take('voice', flag)
  take('contrast', (v) => oneOf(CONTRASTS, v))
  take('text', (v) => oneOf(TEXT_SIZES, v))
  take('motion', (v) => oneOf(MOTIONS, v))

  return { config, problems }
}
