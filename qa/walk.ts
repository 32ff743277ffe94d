// How a lane walks a scenario's screens with the remote: the key paths discovery found, and the
// short cuts between them that spare a relaunch (qa/lanes.ts startFor). No engine here: the rules
// are plain data, tested in test/unit/qa/walk.test.ts.
import type { RemoteKey } from './engines'

export interface Visit {
  /** Route pattern from the app's Router table (`invoices/:id`). */
  route: string
  /** Keys pressed from home after launch. */
  keys: RemoteKey[]
  /** Launch hash instead of keys (only the not-found page). */
  hash?: string
  /** The dialog OK opens on that route (its component and focused texts), shown by this visit. */
  dialog?: string
}

/** The installer's remote sequence (README, Remote keys). */
export const INSTALLER_KEYS: RemoteKey[] = ['Blue', '0', '0', '0']

export const INVERSE: Partial<Record<RemoteKey, RemoteKey>> = { Right: 'Left', Left: 'Right', Down: 'Up', Up: 'Down' }

export const isInstaller = (visit: Visit): boolean => !visit.hash && visit.keys.join(' ') === INSTALLER_KEYS.join(' ')

/** Whether `visit` carries on from the screen `at` shows (invoices/:id after invoices: OK only). */
export const continues = (visit: Visit, at: Visit): boolean =>
  !at.hash && !visit.hash && visit.keys.length > at.keys.length && at.keys.every((key, i) => visit.keys[i] === key)

/** A key path's leading arrows: its moves on home. */
export function leadingArrows(keys: RemoteKey[]): RemoteKey[] {
  const arrows: RemoteKey[] = []
  for (const key of keys) {
    if (!INVERSE[key]) break
    arrows.push(key)
  }
  return arrows
}

/** The arrows that undo a key path's leading arrows (its moves on home), last first. */
export function undoArrows(keys: RemoteKey[]): RemoteKey[] {
  return leadingArrows(keys)
    .map((key) => INVERSE[key]!)
    .reverse()
}

/**
 * Of the runs of arrows seen (from the launch's focus) to focus `focus` on home, the longest that
 * `target` begins with; null when none. `homeFocus` maps each run (`Right Right`, '' for none)
 * to what it focused.
 */
export function knownStart(homeFocus: ReadonlyMap<string, string>, focus: string, target: RemoteKey[]): RemoteKey[] | null {
  let best: RemoteKey[] | null = null
  for (const [arrows, seen] of homeFocus) {
    const run = arrows ? (arrows.split(' ') as RemoteKey[]) : []
    if (seen !== focus || run.length > target.length || !run.every((key, i) => target[i] === key)) continue
    if (!best || run.length > best.length) best = run
  }
  return best
}

/**
 * The installer's visit moved to right after the launch's home: its screen shows what the app met
 * since launch, so walked there it needs no launch of its own (one fewer a scenario and lane).
 */
export function installerAfterHome(visits: Visit[]): Visit[] {
  const installer = visits.find(isInstaller)
  const home = visits.findIndex((visit) => !visit.hash && visit.keys.length === 0)
  if (!installer || home < 0) return visits
  const rest = visits.filter((visit) => visit !== installer)
  return [...rest.slice(0, home + 1), installer, ...rest.slice(home + 1)]
}
