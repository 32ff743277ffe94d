// QA lanes (issue 7): every route of the app, in every demo scenario, at every box
// resolution and profile, in Chromium and in WPE WebKit, driven with remote keys
// only, each screen checked (text cut off, 5 % safe area, focus on screen and
// visibly different, console errors) and, on the 1080p Chromium lane, compared
// with a golden image. Routes come from the app (its Router table, exposed with
// `inspector=1`) and the key paths that reach them are found by walking the app
// from home; scenarios come from the server (`/v1/demo/scenarios`). A section
// that lands later is covered without touching this file.
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs'
import { loadavg } from 'node:os'
import { dirname, join, relative } from 'node:path'
import Fastify from 'fastify'
import fastifyStatic from '@fastify/static'
import pixelmatch from 'pixelmatch'
import { PNG } from 'pngjs'
import { createHash } from 'node:crypto'
import { RESOLUTIONS, type DeviceId, type ResolutionId } from '../src/platform/devices'
import type { Lang } from '../src/platform/launch'
import { freePort, startApi, type Api } from '../test/e2e/harness'
import { startChromium, startWpe, wpeMissing, type Engine, type EngineId, type RemoteKey, type Tab } from './engines'
import { ERROR_HOOK, HEARD, HEARD_RESET, PROBE, REFOCUS, SPEECH_HOOK, UNFOCUS, WAIT_IDLE, type Box, type Probe } from './probe'
import { languageFindings, loadTranslations, type Translations } from './language'
import { contrastFindings, dialogFocus, inheritedShaders, lineCuts, textOverlaps } from './checks'
import { continues, installerAfterHome, INSTALLER_KEYS, INVERSE, isInstaller, knownStart, leadingArrows, undoArrows, type Visit } from './walk'

export interface Lane {
  engine: EngineId
  device: DeviceId
  resolution: ResolutionId
  /** The app's language (launch `lang`); Portuguese when absent. */
  lang?: Lang
  /** Voice guidance on (launch `voice=1`, issue 18): every screen must say something on arrival. */
  voice?: true
  /** The high-contrast theme and large text (launch `contrast=high`, `text=large`, issue 18). */
  seeing?: 'high-contrast-large-text'
}

/**
 * Chromium: every profile at every resolution; WPE WebKit (the boxes' engine): 720p and 1080p;
 * and one Chromium lane in English, so every screen's texts are checked in both languages.
 */
export const FULL_LANES: Lane[] = [
  ...(['uma', 'iris', 'low'] as const).flatMap((device) => (['720p', '1080p', '2160p'] as const).map((resolution) => ({ engine: 'chromium' as const, device, resolution }))),
  { engine: 'wpe', device: 'uma', resolution: '720p' },
  { engine: 'wpe', device: 'uma', resolution: '1080p' },
  { engine: 'chromium', device: 'uma', resolution: '720p', lang: 'en' },
  // Accessibility (issue 18): voice guidance heard through a recording speechSynthesis (probe.ts
  // SPEECH_HOOK), and high contrast with large text under every check of the other lanes.
  { engine: 'chromium', device: 'uma', resolution: '1080p', voice: true },
  { engine: 'chromium', device: 'uma', resolution: '1080p', seeing: 'high-contrast-large-text' },
]

/** The lane whose screens are compared with the goldens. */
export const GOLDEN_LANE: Lane = { engine: 'chromium', device: 'uma', resolution: '1080p' }
export const GOLDEN_DIR = 'qa/golden'
/** Goldens are kept at a third of 1080p (640×360): small files, still every text change. */
const GOLDEN_SCALE = 3
/** Share of golden pixels that may differ (anti-aliasing, a volatile figure left unmasked). */
export const GOLDEN_TOLERANCE = 0.003
/** Texts that change from run to run by nature: masked before comparing with a golden. */
const VOLATILE = /\b\d+ ms\b|127\.0\.0\.1:\d+|^\d\d:\d\d(:\d\d)?\b/

/** Every rule of the demo data reads this instant (server NOW), so screens repeat exactly. */
export const QA_NOW = '2026-11-23T10:00:00Z'

/** Routes no remote key reaches: the boot page is transient, the crash page needs a crash. */
const NOT_BY_KEYS = new Set(['$', '!'])
/** Reached by a deep link (the box's launcher can open any hash), not by keys: the not-found page. */
const DEEP_LINKS: { route: string; hash: string }[] = [{ route: '*', hash: 'qa/no-such-screen' }]
/** Between two polls of the app's idle signal; idle twice in a row counts. */
const IDLE_POLL_MS = 40
/** Route discovery, cached per build of the app (its bundle's hash) and scenario. */
const DISCOVERY_CACHE = '.scratch/qa-discovery'
/** What discovery finds (2: the dialogs OK opens); a cache of another format is found again. */
const DISCOVERY_FORMAT = 2

export type Severity = 'fail' | 'info'

export interface Finding {
  check: 'route' | 'cut-off' | 'safe-area' | 'focus' | 'overlap' | 'text-overlap' | 'overlay' | 'contrast' | 'shader' | 'dialog' | 'language' | 'console' | 'golden' | 'settle' | 'voice'
  message: string
}

export interface ScreenResult {
  scenario: string
  route: string
  /** Set when the screen is a dialog OK opened on the route. */
  dialog?: string
  keys: string[]
  lane: Lane
  laneId: string
  screenshot: string
  ok: boolean
  failures: Finding[]
  ellipsized: string[]
  focused: string[]
  golden?: { status: 'match' | 'changed' | 'new' | 'updated'; diffRatio?: number; diff?: string }
  ms: number
}

export interface QaOptions {
  lanes: Lane[]
  /** Scenario ids; all of the server's when absent. */
  scenarios?: string[]
  out: string
  golden: 'compare' | 'update' | 'off'
  /** Lanes (and route discoveries) run this many at a time; 1 when absent. */
  jobs?: number
  /** A golden missing for a screen of the golden lane is a failure (the e2e subset) rather than a note. */
  requireGoldens?: boolean
  log?: (line: string) => void
}

export interface QaResult {
  startedAt: string
  durationMs: number
  now: string
  engines: Record<string, string>
  lanes: string[]
  scenarios: string[]
  routes: string[]
  visits: Record<string, Visit[]>
  unreached: string[]
  screens: ScreenResult[]
  wpe: { status: 'ran' | 'skipped' | 'failed'; reason?: string }
  /** Findings the WPE lane reported and the Chromium lane at the same resolution did not. */
  wpeOnly: { scenario: string; route: string; resolution: string; findings: Finding[] }[]
  /** Per lane: screens, wall time and the machine's 1-minute load average at its end (the machine is shared). */
  laneTimes: Record<string, { screens: number; ms: number; load: string }>
  summary: { screens: number; failed: number; findings: Record<string, number> }
}

export const laneId = (lane: Lane): string =>
  `${lane.engine}-${lane.device}-${lane.resolution}${lane.lang && lane.lang !== 'pt' ? `-${lane.lang}` : ''}${lane.voice ? '-voice' : ''}${lane.seeing ? `-${lane.seeing}` : ''}`
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const slug = (route: string) => (route === '*' ? 'not-found' : route.replace(/\/:/g, '-').replace(/[^a-z0-9-]+/gi, '-'))
const visitSlug = (visit: Visit) => `${slug(visit.route)}${visit.dialog ? '-dialog' : ''}`

/** The Router pattern a hash belongs to: literal segments first, then `:params`, then `*`. */
export function patternOf(hash: string, routes: string[]): string {
  const parts = hash.split('/')
  const candidates = routes.filter((route) => {
    const segments = route.split('/')
    return segments.length === parts.length && segments.every((segment, i) => segment.startsWith(':') || segment === parts[i])
  })
  candidates.sort((a, b) => (a.match(/:/g)?.length ?? 0) - (b.match(/:/g)?.length ?? 0))
  return candidates[0] ?? (routes.includes('*') ? '*' : hash)
}

// ---------------------------------------------------------------- app server

/** The built app (dist/app) with an error hook in index.html, so both engines report page errors the same way. */
async function serveQaApp(): Promise<{ url: string; close(): Promise<void> }> {
  const server = Fastify({ logger: false })
  const index = readFileSync('dist/app/index.html', 'utf8').replace('<head>', `<head>\n${ERROR_HOOK}\n${SPEECH_HOOK}`)
  await server.register(fastifyStatic, { root: join(process.cwd(), 'dist/app'), index: false })
  server.get('/', (_request, reply) => reply.type('text/html').send(index))
  await server.listen({ host: '127.0.0.1', port: await freePort() })
  const address = server.server.address()
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`, close: () => server.close() }
}

/** A fresh reference API (in-memory, seeded at QA_NOW): what one lane did to the data never shows in another. */
async function freshApi(): Promise<Api> {
  process.env.NOW = QA_NOW
  const api = await startApi()
  // startApi waits 10 s; a loaded machine may need longer to start node and migrate.
  for (let waited = 0; ; waited += 200) {
    try {
      if ((await fetch(`${api.url}/health`)).ok) return api
    } catch {
      if (waited > 60_000) throw new Error(`the reference API did not start on ${api.url} within 60 s`)
    }
    await sleep(200)
  }
}

// ---------------------------------------------------------------- driving

interface Driver {
  tab: Tab
  launch(scenario: string, visit?: Visit): Promise<Probe>
  press(...keys: RemoteKey[]): Promise<Probe>
  probe(): Promise<Probe>
}

function launchUrl(appUrl: string, apiUrl: string, lane: Lane, scenario: string, hash?: string): string {
  const query = new URLSearchParams({ api: apiUrl, device: lane.device, resolution: lane.resolution, lang: lane.lang ?? 'pt', inspector: '1', scenario })
  if (lane.device === 'iris') query.set('entry', 'iris')
  // Transitions jump to their end (motion=reduced, src/index.ts): a lane reads settled screens,
  // which come out the same, and a 2160p frame took SwiftShader 1–3 s here (load 15–17).
  query.set('motion', 'reduced')
  if (lane.voice) query.set('voice', '1')
  if (lane.seeing) {
    query.set('contrast', 'high')
    query.set('text', 'large')
  }
  return `${appUrl}?${query}${hash ? `#${hash}` : ''}`
}

/**
 * Waits until the app says it is idle (qa/probe.ts IDLE: no request in flight, no transition,
 * no page change, a frame drawn after the last change) twice in a row, with no boot page or
 * loading message ("A carregar…") showing.
 */
async function waitIdle(tab: Tab, timeoutMs = 30_000): Promise<void> {
  const state = await tab.evaluate<{ idle: boolean | null; pending: string[]; busy: boolean; closed: boolean; route: string; timedOut?: boolean }>(WAIT_IDLE(timeoutMs))
  if (state.closed) throw new Error('the app closed itself (Back on home)')
  if (state.idle === null) throw new Error('the app has no idle signal (window.gestaoDeContaIdle): is dist/ built from this tree, with inspector=1?')
  if (state.timedOut) throw new Error(`screen did not settle within ${timeoutMs} ms (pending: ${[...state.pending, ...(state.busy ? ['boot page or loading message'] : [])].join(', ') || '—'})`)
}

/** How long a screen read with texts off the screen waits before it is read again. */
const REREAD_MS = 500

/**
 * The screen once idle, with something on it. A screen whose texts are read off the screen is
 * read once more: WPE's inspector mirror was once seen without the stage's 720p scale (every
 * box at 1080p coordinates; 1 screen in 256, not reproduced on rerun), and a finding must hold
 * on a second read to count.
 */
async function settle(tab: Tab, timeoutMs = 30_000): Promise<Probe> {
  const deadline = Date.now() + timeoutMs
  let reread = false
  for (;;) {
    await waitIdle(tab, Math.max(0, deadline - Date.now()))
    const probe = await tab.evaluate<Probe>(PROBE)
    const offScreen = probe.texts.some((text) => text.cut === 'runs off the screen')
    if (probe.texts.length > 0 && (!offScreen || reread)) return probe
    if (offScreen) {
      reread = true
      await sleep(REREAD_MS)
      continue
    }
    if (Date.now() > deadline) throw new Error(`screen idle but empty after ${timeoutMs} ms (route ${probe.route || '—'})`)
    await sleep(IDLE_POLL_MS)
  }
}

function driver(tab: Tab, appUrl: string, apiUrl: string, lane: Lane): Driver {
  return {
    tab,
    async launch(scenario, visit) {
      await tab.open(launchUrl(appUrl, apiUrl, lane, scenario, visit?.hash))
      return settle(tab)
    },
    async press(...keys) {
      // Each key waits for what the last one started: a key pressed during loading would be held.
      for (const [index, key] of keys.entries()) {
        // Voice lane: what is heard from here on belongs to the screen this key leads to.
        if (lane.voice) await tab.evaluate(HEARD_RESET)
        await tab.press(key)
        // The last key's wait is settle's.
        if (index < keys.length - 1) await waitIdle(tab)
      }
      return settle(tab)
    },
    probe: () => tab.evaluate<Probe>(PROBE),
  }
}

/** Voice lane: the screen says something on arrival (the Announcer speaks 400 ms after focus settles); waits up to 3 s for it. */
async function voiceFindings(tab: Tab): Promise<string[]> {
  const deadline = Date.now() + 3000
  for (;;) {
    const heard = await tab.evaluate<string[]>(HEARD)
    if (heard.length > 0) return []
    if (Date.now() > deadline) return ['nothing was said on arrival (voice=1)']
    await sleep(IDLE_POLL_MS)
  }
}

// ---------------------------------------------------------------- discovery

/**
 * The key paths to every route reachable from home: every focus position on home
 * (a walk with the arrows), OK on each, and OK again on what that opens; then the
 * installer sequence. Each path starts from a fresh launch.
 */
async function discover(d: Driver, scenario: string, log: (line: string) => void): Promise<{ routes: string[]; visits: Visit[] }> {
  const home = await d.launch(scenario)
  const routes = home.routes
  if (routes.length === 0) throw new Error('the app did not expose its routes: is dist/ built from this tree (App.ts sets gestaoDeContaRoutes with inspector=1)?')
  const homeRoute = patternOf(home.route, routes)
  const visits: Visit[] = [{ route: homeRoute, keys: [] }]
  const seen = new Set([homeRoute])

  // Focus positions on home: depth-first with the arrows, stepping back with the opposite arrow.
  const positions: RemoteKey[][] = [[]]
  /** What is focused at each position (its texts), to recognise it when Back returns there. */
  const positionFocus = [focusKey(home)]
  const focusSeen = new Set([home.focused?.id ?? ''])
  const walk = async (path: RemoteKey[], id: string): Promise<void> => {
    for (const key of ['Right', 'Down', 'Left', 'Up'] as RemoteKey[]) {
      if (positions.length >= 24) return
      const after = await d.press(key)
      const next = after.focused?.id ?? ''
      if (after.route !== home.route) {
        await d.launch(scenario)
        await d.press(...path)
        continue
      }
      if (next !== id && !focusSeen.has(next)) {
        focusSeen.add(next)
        positions.push([...path, key])
        positionFocus.push(focusKey(after))
        await walk([...path, key], next)
      }
      if ((await d.probe()).focused?.id !== id) {
        const back = await d.press(INVERSE[key]!)
        if (back.focused?.id !== id) {
          await d.launch(scenario)
          await d.press(...path)
        }
      }
    }
  }
  await walk([], home.focused?.id ?? '')

  // Each position is opened from home: the home Back returns to when it has that position (or the
  // launch's) focus, a relaunch otherwise.
  // A dialog OK opens on a screen (one a route: delete a recording, the e-invoice switch, subscribe).
  const dialogs = new Set<string>()
  const noteDialog = (probe: Probe, keys: RemoteKey[]) => {
    const route = patternOf(probe.route, routes)
    if (!probe.dialog || dialogs.has(route)) return
    dialogs.add(route)
    visits.push({ route, keys, dialog: dialogName(probe) })
  }
  let showing: Probe | null = null
  for (const [i, position] of positions.entries()) {
    let back = showing && (await backHome(d, showing, home.route))
    // Home keeps the focus on the card last opened: the last position's arrows, reversed, lead back.
    const undo = undoArrows(positions[i - 1] ?? [])
    if (back && focusKey(back) !== positionFocus[i] && focusKey(back) !== positionFocus[0] && undo.length) back = await d.press(...undo)
    if (!back || focusKey(back) !== positionFocus[i]) {
      if (!back || focusKey(back) !== positionFocus[0]) await d.launch(scenario)
      if (position.length) await d.press(...position)
    }
    const first = await d.press('Enter')
    showing = first
    const firstRoute = patternOf(first.route, routes)
    if (first.route === home.route) {
      noteDialog(first, [...position, 'Enter'])
      continue
    }
    if (!seen.has(firstRoute)) {
      seen.add(firstRoute)
      visits.push({ route: firstRoute, keys: [...position, 'Enter'] })
    }
    const second = await d.press('Enter')
    showing = second
    const secondRoute = patternOf(second.route, routes)
    if (second.route === first.route) noteDialog(second, [...position, 'Enter', 'Enter'])
    else {
      if (!seen.has(secondRoute)) {
        seen.add(secondRoute)
        visits.push({ route: secondRoute, keys: [...position, 'Enter', 'Enter'] })
      }
      if (second.dialog || dialogs.has(secondRoute)) continue
      const third = await d.press('Enter')
      showing = third
      if (third.route === second.route) noteDialog(third, [...position, 'Enter', 'Enter', 'Enter'])
    }
  }

  await d.launch(scenario)
  const installer = await d.press(...INSTALLER_KEYS)
  const installerRoute = patternOf(installer.route, routes)
  if (installer.route !== home.route && !seen.has(installerRoute)) {
    seen.add(installerRoute)
    visits.push({ route: installerRoute, keys: INSTALLER_KEYS })
  }
  for (const link of DEEP_LINKS) if (routes.includes(link.route) && !seen.has(link.route)) visits.push({ route: link.route, keys: [], hash: link.hash })
  log(`  ${scenario}: ${describeVisits(visits)}`)
  return { routes, visits }
}

const focusKey = (probe: Probe) => JSON.stringify(probe.focused?.texts ?? [])

const dialogName = (probe: Probe) => `${probe.dialog!.what} (${(probe.focused?.texts ?? []).join(' · ') || 'nothing focused'})`

/** Back until home shows with no dialog open (never Back on home alone: that closes the app); null when it does not. */
async function backHome(d: Driver, showing: Probe, homeRoute: string): Promise<Probe | null> {
  try {
    let probe = showing
    for (let i = 0; i < 4 && (probe.route !== homeRoute || probe.dialog); i++) probe = await d.press('Back')
    return probe.route === homeRoute && !probe.dialog ? probe : null
  } catch {
    return null
  }
}

const describeVisits = (visits: Visit[]) => visits.map((v) => `${v.route}${v.dialog ? ` + ${v.dialog}` : ''} [${v.hash ? `#${v.hash}` : v.keys.join(' ') || 'launch'}]`).join(', ')

/** The build's identity: a hash of the app's scripts and translations and the API's bundle (the demo data), which decide what keys reach. */
function buildHash(): string {
  const hash = createHash('sha256').update(`discovery ${DISCOVERY_FORMAT}`)
  for (const dir of ['dist/app', 'dist/server']) {
    for (const file of readdirSync(dir).filter((name) => /\.(m?js|json)$/.test(name)).sort()) hash.update(file).update(readFileSync(join(dir, file)))
  }
  return hash.digest('hex').slice(0, 16)
}

/** Runs `work` on every item, at most `jobs` at a time. */
async function inParallel<T>(items: T[], jobs: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items]
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item)
  }))
}

const loadAverage = () => loadavg().map((l) => l.toFixed(2)).join(' ')

// ---------------------------------------------------------------- checks

function decode(png: Buffer): PNG {
  return PNG.sync.read(png)
}

/** A region of a decoded screen, as its own image. */
function crop(image: PNG, region: Box): PNG {
  const part = new PNG({ width: region.w, height: region.h })
  PNG.bitblt(image, part, region.x, region.y, region.w, region.h, 0, 0)
  return part
}

/** The focused element's box with a 6 px margin (its focus ring), kept on screen. */
function focusRegion(box: Box, width: number, height: number): Box {
  const x = Math.max(0, box.x - 6)
  const y = Math.max(0, box.y - 6)
  return { x, y, w: Math.max(1, Math.min(width, box.x + box.w + 6) - x), h: Math.max(1, Math.min(height, box.y + box.h + 6) - y) }
}

/** Share of pixels that differ between two screenshots of the same region. */
function regionDifference(a: PNG, b: PNG): number {
  const w = Math.min(a.width, b.width)
  const h = Math.min(a.height, b.height)
  let differing = 0
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * a.width + x) * 4
      const j = (y * b.width + x) * 4
      const delta = Math.abs(a.data[i] - b.data[j]) + Math.abs(a.data[i + 1] - b.data[j + 1]) + Math.abs(a.data[i + 2] - b.data[j + 2])
      if (delta > 48) differing++
    }
  }
  return differing / Math.max(1, w * h)
}

/** A PNG's size from its header (IHDR): the full screenshot is decoded only on the golden lane. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) })

/** Box-filter downscale by an integer factor, with the volatile boxes painted black. */
function goldenImage(png: PNG, masks: Box[]): PNG {
  const w = Math.floor(png.width / GOLDEN_SCALE)
  const h = Math.floor(png.height / GOLDEN_SCALE)
  const out = new PNG({ width: w, height: h })
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const sum = [0, 0, 0]
      for (let dy = 0; dy < GOLDEN_SCALE; dy++) {
        for (let dx = 0; dx < GOLDEN_SCALE; dx++) {
          const i = ((y * GOLDEN_SCALE + dy) * png.width + x * GOLDEN_SCALE + dx) * 4
          sum[0] += png.data[i]
          sum[1] += png.data[i + 1]
          sum[2] += png.data[i + 2]
        }
      }
      const o = (y * w + x) * 4
      const n = GOLDEN_SCALE * GOLDEN_SCALE
      out.data[o] = Math.round(sum[0] / n)
      out.data[o + 1] = Math.round(sum[1] / n)
      out.data[o + 2] = Math.round(sum[2] / n)
      out.data[o + 3] = 255
    }
  }
  maskBoxes(out, masks.map((m) => ({ x: Math.floor(m.x / GOLDEN_SCALE) - 1, y: Math.floor(m.y / GOLDEN_SCALE) - 1, w: Math.ceil(m.w / GOLDEN_SCALE) + 2, h: Math.ceil(m.h / GOLDEN_SCALE) + 2 })))
  return out
}

function maskBoxes(png: PNG, boxes: Box[]): void {
  for (const box of boxes) {
    for (let y = Math.max(0, box.y); y < Math.min(png.height, box.y + box.h); y++) {
      for (let x = Math.max(0, box.x); x < Math.min(png.width, box.x + box.w); x++) {
        const i = (y * png.width + x) * 4
        png.data[i] = png.data[i + 1] = png.data[i + 2] = 0
        png.data[i + 3] = 255
      }
    }
  }
}

export function goldenPath(scenario: string, route: string): string {
  return join(GOLDEN_DIR, scenario, `${slug(route)}.png`)
}

interface GoldenOutcome {
  status: 'match' | 'changed' | 'new' | 'updated'
  diffRatio?: number
  diff?: string
}

function compareGolden(shot: PNG, masks: Box[], scenario: string, route: string, mode: 'compare' | 'update', diffFile: string): GoldenOutcome {
  const file = goldenPath(scenario, route)
  const current = goldenImage(shot, masks)
  if (mode === 'update') {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, PNG.sync.write(current, { colorType: 2 }))
    return { status: 'updated' }
  }
  if (!existsSync(file)) return { status: 'new' }
  const golden = PNG.sync.read(readFileSync(file))
  if (golden.width !== current.width || golden.height !== current.height) return { status: 'changed', diffRatio: 1 }
  // The golden's own volatile boxes were masked when it was written; mask today's too.
  const diff = new PNG({ width: golden.width, height: golden.height })
  const differing = pixelmatch(golden.data, current.data, diff.data, golden.width, golden.height, { threshold: 0.1 })
  const diffRatio = differing / (golden.width * golden.height)
  if (diffRatio <= GOLDEN_TOLERANCE) return { status: 'match', diffRatio }
  mkdirSync(dirname(diffFile), { recursive: true })
  writeFileSync(diffFile, PNG.sync.write(diff))
  return { status: 'changed', diffRatio, diff: diffFile }
}

/** Where a lane's walk is: home as first seen after launch, and the visit whose screen is showing. */
interface WalkState {
  home: Probe | null
  at: Visit | null
  /**
   * What home focuses after each run of arrows pressed from the launch's focus (`Right Right`),
   * as seen in this launch: Back to home shows the card last opened, and a visit whose arrows
   * extend the ones that led there needs only the rest.
   */
  homeFocus: Map<string, string>
}

const freshWalk = (): WalkState => ({ home: null, at: null, homeFocus: new Map() })

/** Launches the app on home, the start of a fresh walk. */
async function launchHome(d: Driver, scenario: string, state: WalkState): Promise<Probe> {
  state.home = await d.launch(scenario)
  state.homeFocus = new Map([['', focusKey(state.home)]])
  return state.home
}

/**
 * The screen a visit's keys start from, with the keys still to press, and whether the app was
 * launched for it: the screen showing when the visit continues the last one (invoices/:id after
 * invoices: OK only); else home: Back from where the last visit ended (a relaunch costs seconds),
 * then the rest of the visit's arrows when home focuses a card they pass through, or the last
 * visit's arrows reversed back to the launch's focus; a relaunch when neither holds. A deep link is
 * always a launch; the installer is reached from a launch with nothing opened since.
 */
async function startFor(d: Driver, scenario: string, visit: Visit, state: WalkState): Promise<{ probe: Probe; keys: RemoteKey[]; launched: boolean }> {
  if (visit.hash) {
    state.home = null
    return { probe: await d.launch(scenario, visit), keys: [], launched: true }
  }
  const last = state.at
  // The installer screen reports what the app met since its launch (its last error): it is walked
  // right after the launch's home (installerAfterHome), or from a launch of its own.
  if (isInstaller(visit)) {
    if (state.home && last && !last.hash && last.keys.length === 0) return { probe: await d.probe(), keys: visit.keys, launched: false }
    return { probe: await launchHome(d, scenario, state), keys: visit.keys, launched: true }
  }
  if (last && continues(visit, last)) return { probe: await d.probe(), keys: visit.keys.slice(last.keys.length), launched: false }
  if (state.home) {
    try {
      let probe = await backHome(d, await d.probe(), state.home.route)
      if (probe) {
        const from = knownStart(state.homeFocus, focusKey(probe), leadingArrows(visit.keys))
        if (from) return { probe, keys: visit.keys.slice(from.length), launched: false }
        // No known start: home's focus is not the launch's (homeFocus holds that as ''). The arrows
        // that led to the card last opened, reversed, lead back to it.
        const undo = last ? undoArrows(last.keys) : []
        if (undo.length) probe = await d.press(...undo)
        if (probe.route === state.home.route && focusKey(probe) === focusKey(state.home)) return { probe, keys: visit.keys, launched: false }
      }
    } catch {
      // The last screen did not settle, or Back closed the app: a relaunch starts clean.
    }
  }
  return { probe: await launchHome(d, scenario, state), keys: visit.keys, launched: true }
}

/**
 * Presses a visit's keys from its start. From home, its arrows are pressed first and what they
 * focus is noted, so a later visit that passes through that card starts from it.
 */
async function walkTo(d: Driver, visit: Visit, start: { probe: Probe; keys: RemoteKey[] }, state: WalkState): Promise<Probe> {
  if (!start.keys.length) return start.probe
  const home = state.home
  const done = visit.keys.length - start.keys.length
  const arrows = leadingArrows(start.keys)
  const onHome = home !== null && start.probe.route === home.route && !start.probe.dialog && leadingArrows(visit.keys).length >= done
  const seenAs = visit.keys.slice(0, done + arrows.length).join(' ')
  if (!onHome || !arrows.length || arrows.length === start.keys.length || state.homeFocus.has(seenAs)) return d.press(...start.keys)
  const moved = await d.press(...arrows)
  if (moved.route === home.route && !moved.dialog) state.homeFocus.set(seenAs, focusKey(moved))
  return d.press(...start.keys.slice(arrows.length))
}

async function capture(
  d: Driver,
  lane: Lane,
  scenario: string,
  visit: Visit,
  routes: string[],
  options: QaOptions,
  state: WalkState,
  translations: Translations,
  /** The focus stylings this lane has checked (route, dialog, focused component). */
  stylingChecked: Set<string>,
): Promise<ScreenResult> {
  const started = Date.now()
  const failures: Finding[] = []
  const base = join(options.out, scenario, visitSlug(visit))
  const shotFile = join(base, `${laneId(lane)}.png`)
  mkdirSync(base, { recursive: true })
  let probe: Probe
  try {
    const start = await startFor(d, scenario, visit, state)
    probe = await walkTo(d, visit, start, state)
    // A walk that took a short cut and went astray is walked again from a launch: a finding is the
    // app's, never the walk's.
    if (!start.launched && patternOf(probe.route, routes) !== visit.route) {
      state.at = null
      state.home = null
      probe = await walkTo(d, visit, await startFor(d, scenario, visit, state), state)
    }
    state.at = visit
  } catch (error) {
    state.at = null
    failures.push({ check: 'settle', message: String((error as Error).message) })
    probe = await d.probe()
  }
  if (lane.voice) for (const message of await voiceFindings(d.tab)) failures.push({ check: 'voice', message })
  const shot = await d.tab.screenshot()
  writeFileSync(shotFile, shot)
  const size = pngSize(shot)

  const reached = patternOf(probe.route, routes)
  if (reached !== visit.route) {
    failures.push({ check: 'route', message: `expected ${visit.route}, reached ${reached || '(none)'} (#${probe.route})` })
    state.at = null
  } else if (visit.dialog && !probe.dialog) {
    failures.push({ check: 'route', message: `expected the dialog ${visit.dialog} open on ${visit.route}, none is` })
    state.at = null
  }
  if (size.width !== RESOLUTIONS[lane.resolution].width || size.height !== RESOLUTIONS[lane.resolution].height) {
    failures.push({ check: 'safe-area', message: `screenshot is ${size.width}×${size.height}, not the lane's ${RESOLUTIONS[lane.resolution].width}×${RESOLUTIONS[lane.resolution].height}` })
  }
  for (const text of probe.texts) if (text.cut) failures.push({ check: 'cut-off', message: `"${text.text.slice(0, 80)}": ${text.cut} (${boxText(text.box)})` })
  for (const message of lineCuts(probe.texts)) failures.push({ check: 'cut-off', message })
  for (const message of textOverlaps(probe.texts)) failures.push({ check: 'text-overlap', message })
  for (const message of inheritedShaders(probe)) failures.push({ check: 'shader', message })
  for (const message of dialogFocus(probe)) failures.push({ check: 'dialog', message })
  for (const outside of probe.outsideSafe) failures.push({ check: 'safe-area', message: `${outside.what} at ${boxText(outside.box)} is outside the 5 % safe area` })

  // The whole screen decoded, on the lanes whose pixels differ: the golden lane (which decodes it
  // anyway), WPE's (another engine's anti-aliasing) and the high-contrast lane (its own colours). Elsewhere
  // the colours are the golden lane's and decoding costs 0.1–0.6 s a screen (1080p, under load), a second at 2160p.
  const image = laneId(lane) === laneId(GOLDEN_LANE) || lane.engine === 'wpe' || lane.seeing ? decode(shot) : null
  /** Whether the focused element's texts were measured in its own region (with its focus look). */
  let contrastDone = false
  if (!probe.focused) {
    failures.push({ check: 'focus', message: 'nothing has focus' })
  } else {
    const f = probe.focused.box
    if (f.x < 0 || f.y < 0 || f.x + f.w > probe.width || f.y + f.h > probe.height) failures.push({ check: 'focus', message: `the focused ${probe.focused.type} is not on screen (${boxText(f)})` })
    // A page holds focus itself only when nothing on it can be acted on (DataPage: a detail
    // of text panels; Up/Down scroll, Back leaves): there is no item to highlight.
    const pageHoldsFocus = probe.focused.type.endsWith('Page')
    // A component's focus styling is its own, whatever the data: checked once a lane for each focused
    // component on each route (and dialog), not again in every scenario (it costs 3–5 frames drawn).
    const styling = `${visit.route}|${visit.dialog ?? ''}|${probe.focused.type}`
    // Visibly different: the focused element's own focus styling off (its transitions run out), then on again.
    if (!pageHoldsFocus && !stylingChecked.has(styling)) try {
      const region = focusRegion(f, size.width, size.height)
      const focusedLook = image ? crop(image, region) : decode(await d.tab.screenshot(region))
      if (!image) {
        for (const message of contrastFindings(probe.texts.filter((t) => t.focused && !t.dimmed), focusedLook, region, 'focused: ')) failures.push({ check: 'contrast', message })
        contrastDone = true
      }
      if (await d.tab.evaluate<boolean>(UNFOCUS)) {
        await waitIdle(d.tab)
        const plain = decode(await d.tab.screenshot(region))
        // Not waited for: the next visit's first key or launch waits for the app to be idle.
        await d.tab.evaluate(REFOCUS)
        const difference = regionDifference(focusedLook, plain)
        if (difference < 0.02) failures.push({ check: 'focus', message: `the focused ${probe.focused.type} looks the same unfocused (${(difference * 100).toFixed(2)} % of its pixels differ)` })
      } else {
        failures.push({ check: 'focus', message: `the focused ${probe.focused.type} has no focus styling (_focus/_unfocus)` })
      }
      stylingChecked.add(styling)
    } catch (error) {
      failures.push({ check: 'settle', message: `focus styling check: ${(error as Error).message}` })
      state.at = null
    }
  }
  for (const pair of probe.overlapping) failures.push({ check: 'overlap', message: `focusable ${pair.a.what} (${boxText(pair.a.box)}) and ${pair.b.what} (${boxText(pair.b.box)}) overlap` })
  for (const cover of probe.overlays) failures.push({ check: 'overlay', message: `the focused ${probe.focused?.type} is behind ${cover.what} (${boxText(cover.box)}, ${Math.round(cover.share * 100)} % of it covered)` })
  for (const message of languageFindings(probe.texts.map((t) => t.text), lane.lang ?? 'pt', translations)) failures.push({ check: 'language', message })
  const errors = [...probe.errors, ...d.tab.engineErrors().splice(0)]
  for (const error of errors) failures.push({ check: 'console', message: error.slice(0, 300) })

  // Every other text's contrast, from the whole screen where it was decoded.
  // Dialogs have no goldens: a dialog is checked in one scenario only (runQa), so its look is not pinned.
  const isGoldenLane = options.golden !== 'off' && laneId(lane) === laneId(GOLDEN_LANE) && !visit.dialog
  if (image) {
    const rest = probe.texts.filter((t) => !t.dimmed && !(t.focused && contrastDone))
    for (const message of contrastFindings(rest, image, { x: 0, y: 0 }, '')) failures.push({ check: 'contrast', message })
  }

  let golden: GoldenOutcome | undefined
  if (isGoldenLane && image && options.golden !== 'off') {
    const masks = probe.texts.filter((t) => VOLATILE.test(t.text)).map((t) => t.box)
    golden = compareGolden(image, masks, scenario, visit.route, options.golden, join(base, 'golden-diff.png'))
    if (golden.status === 'changed') failures.push({ check: 'golden', message: `differs from ${goldenPath(scenario, visit.route)} in ${((golden.diffRatio ?? 1) * 100).toFixed(2)} % of pixels (tolerance ${GOLDEN_TOLERANCE * 100} %): see ${golden.diff ?? 'sizes differ'}` })
    if (golden.status === 'new' && options.requireGoldens) failures.push({ check: 'golden', message: `no golden ${goldenPath(scenario, visit.route)}: run npm run qa:golden` })
  }

  return {
    scenario,
    route: visit.route,
    ...(visit.dialog ? { dialog: visit.dialog } : {}),
    keys: visit.hash ? [`#${visit.hash}`] : visit.keys,
    lane,
    laneId: laneId(lane),
    screenshot: relative(options.out, shotFile),
    ok: failures.length === 0,
    failures,
    ellipsized: probe.texts.filter((t) => t.ellipsized).map((t) => t.text),
    focused: probe.focused?.texts ?? [],
    golden: golden && golden.diff ? { ...golden, diff: relative(options.out, golden.diff) } : golden,
    ms: Date.now() - started,
  }
}

const boxText = (b: Box) => `${b.x},${b.y} ${b.w}×${b.h}`

// ---------------------------------------------------------------- the run

export async function runQa(options: QaOptions): Promise<QaResult> {
  const log = options.log ?? (() => undefined)
  const started = Date.now()
  mkdirSync(options.out, { recursive: true })
  const app = await serveQaApp()
  const translations = loadTranslations('dist/app/translations.json', 'dist/server/main.mjs')
  const engines: Partial<Record<EngineId, Engine>> = {}
  const result: QaResult = {
    startedAt: new Date(started).toISOString(),
    durationMs: 0,
    now: QA_NOW,
    engines: {},
    lanes: options.lanes.map(laneId),
    scenarios: [],
    routes: [],
    visits: {},
    unreached: [],
    screens: [],
    wpe: { status: options.lanes.some((lane) => lane.engine === 'wpe') ? 'ran' : 'skipped' },
    wpeOnly: [],
    laneTimes: {},
    summary: { screens: 0, failed: 0, findings: {} },
  }
  try {
    const scenarioApi = await freshApi()
    const listed = (await (await fetch(`${scenarioApi.url}/v1/demo/scenarios`)).json()) as { items: { id: string }[] }
    await scenarioApi.stop()
    result.scenarios = options.scenarios ?? listed.items.map((item) => item.id)
    log(`QA: ${result.scenarios.length} scenarios × ${options.lanes.length} lanes; server NOW=${QA_NOW}`)

    // Key paths, found once per scenario and build on the first Chromium lane.
    const chromium = await startChromium()
    engines.chromium = chromium
    result.engines.chromium = chromium.version
    const discoveryLane: Lane = { engine: 'chromium', device: 'uma', resolution: '1080p' }
    const build = buildHash()
    log(`routes from home with the remote keys (build ${build}):`)
    const discovered: Record<string, { routes: string[]; visits: Visit[] }> = {}
    // A browser per job: the tabs of one browser share its one GPU process (SwiftShader), which
    // draws their frames in turn.
    const browsers: Engine[] = [chromium]
    const browserFree: Engine[] = [chromium]
    await inParallel(result.scenarios, options.jobs ?? 1, async (scenario) => {
      const cacheFile = join(DISCOVERY_CACHE, `${build}-${scenario}.json`)
      let found: { routes: string[]; visits: Visit[] }
      if (existsSync(cacheFile)) {
        found = JSON.parse(readFileSync(cacheFile, 'utf8'))
        log(`  ${scenario}: ${describeVisits(found.visits)} (cached)`)
      } else {
        const browser = browserFree.pop() ?? browsers[browsers.push(await startChromium()) - 1]!
        const api = await freshApi()
        const tab = await browser.tab(RESOLUTIONS[discoveryLane.resolution])
        try {
          found = await discover(driver(tab, app.url, api.url, discoveryLane), scenario, log)
        } finally {
          await tab.close()
          await api.stop()
          browserFree.push(browser)
        }
        mkdirSync(DISCOVERY_CACHE, { recursive: true })
        writeFileSync(cacheFile, JSON.stringify(found))
      }
      discovered[scenario] = found
    })
    for (const browser of browsers.slice(1)) await browser.close()
    // A dialog is walked in the first scenario that opens it (the same component and buttons on the same
    // route): dialogs are a few screens a lane, not one more for every scenario.
    const dialogsSeen = new Set<string>()
    for (const scenario of result.scenarios) {
      result.routes = discovered[scenario].routes
      result.visits[scenario] = installerAfterHome(discovered[scenario].visits).filter((visit) => {
        if (!visit.dialog) return true
        const key = `${visit.route}|${visit.dialog}`
        if (dialogsSeen.has(key)) return false
        dialogsSeen.add(key)
        return true
      })
    }
    const reached = new Set(Object.values(result.visits).flat().map((visit) => visit.route))
    result.unreached = result.routes.filter((route) => !reached.has(route) && !NOT_BY_KEYS.has(route))
    if (result.unreached.length) log(`not reached in any scenario: ${result.unreached.join(', ')}`)

    // Lanes run `jobs` at a time: a lane spends part of its time waiting on its engine and the API.
    // Two suit this 2-core machine: three gained on a slice of 1080p lanes (94 -> 84 s) and lost
    // on the whole matrix, where the 2160p lanes' SwiftShader frames fill both cores (docs/qa.md).
    // The WPE lanes share one WebDriver (started once); each Chromium lane starts its own browser.
    let wpeStarting: Promise<Engine> | undefined
    const wpeEngine = (): Promise<Engine> =>
      (wpeStarting ??= startWpe().then((engine) => {
        engines.wpe = engine
        result.engines.wpe = engine.version
        return engine
      }))
    // The largest screens first (a 2160p lane takes 2–3 times a 720p one): the last lanes to start
    // are the short ones, so no long lane runs alone at the end.
    const largestFirst = [...options.lanes].sort((a, b) => RESOLUTIONS[b.resolution].width - RESOLUTIONS[a.resolution].width)
    await inParallel(largestFirst, options.jobs ?? 1, async (lane) => {
      let engine: Engine
      // Each Chromium lane its own browser, for the same reason as discovery's.
      const ownBrowser = lane.engine === 'chromium'
      try {
        engine = ownBrowser ? await startChromium() : await wpeEngine()
      } catch (error) {
        const reason = String((error as Error).message)
        if (lane.engine === 'wpe') result.wpe = { status: wpeMissing() ? 'skipped' : 'failed', reason }
        log(`lane ${laneId(lane)}: cannot start ${lane.engine}: ${reason}`)
        return
      }
      const laneStarted = Date.now()
      // One tab a lane (the app keeps nothing in the browser: each scenario is a fresh page load on a
      // fresh API); the next scenario's API starts while this one is walked.
      const tab = await engine.tab(RESOLUTIONS[lane.resolution])
      let nextApi: Promise<Api> | null = freshApi()
      const stylingChecked = new Set<string>()
      try {
        for (const [index, scenario] of result.scenarios.entries()) {
          const api: Api = await nextApi!
          nextApi = index + 1 < result.scenarios.length ? freshApi() : null
          try {
            const d = driver(tab, app.url, api.url, lane)
            const state = freshWalk()
            for (const visit of result.visits[scenario] ?? []) {
              const screen = await capture(d, lane, scenario, visit, result.routes, options, state, translations, stylingChecked)
              result.screens.push(screen)
              if (!screen.ok) log(`  ✗ ${laneId(lane)} ${scenario} ${visit.route}${visit.dialog ? ` + ${visit.dialog}` : ''}: ${screen.failures.map((f) => `[${f.check}] ${f.message}`).join('; ')}`)
            }
          } finally {
            await api.stop()
          }
        }
      } finally {
        if (nextApi) await (await nextApi).stop()
        await tab.close()
        if (ownBrowser) await engine.close()
      }
      const laneScreens = result.screens.filter((s) => s.laneId === laneId(lane))
      const laneMs = Date.now() - laneStarted
      result.laneTimes[laneId(lane)] = { screens: laneScreens.length, ms: laneMs, load: loadAverage() }
      log(`lane ${laneId(lane)}: ${laneScreens.length} screens in ${(laneMs / 1000).toFixed(0)} s (${(laneMs / Math.max(1, laneScreens.length) / 1000).toFixed(2)} s a screen; load average ${loadAverage()})`)
    })
  } finally {
    for (const engine of Object.values(engines)) await engine?.close().catch(() => undefined)
    await app.close()
  }

  result.wpeOnly = wpeOnly(result.screens)
  result.durationMs = Date.now() - started
  result.summary.screens = result.screens.length
  result.summary.failed = result.screens.filter((s) => !s.ok).length
  for (const screen of result.screens) for (const f of screen.failures) result.summary.findings[f.check] = (result.summary.findings[f.check] ?? 0) + 1
  writeFileSync(join(options.out, 'result.json'), JSON.stringify(result, null, 2))
  writeFileSync(join(options.out, 'index.html'), contactSheet(result))
  return result
}

/** Findings of a WPE screen that the Chromium screen of the same route, scenario, profile and resolution did not have. */
function wpeOnly(screens: ScreenResult[]): QaResult['wpeOnly'] {
  const key = (s: ScreenResult) => `${s.scenario}|${s.route}|${s.dialog ?? ''}|${s.lane.device}|${s.lane.resolution}`
  const chromium = new Map(screens.filter((s) => s.lane.engine === 'chromium').map((s) => [key(s), s]))
  const kind = (f: Finding) => `${f.check}:${f.message.replace(/\d+/g, '#')}`
  const out: QaResult['wpeOnly'] = []
  for (const screen of screens.filter((s) => s.lane.engine === 'wpe')) {
    const twin = chromium.get(key(screen))
    const known = new Set((twin?.failures ?? []).map(kind))
    const findings = screen.failures.filter((f) => !known.has(kind(f)))
    if (findings.length) out.push({ scenario: screen.scenario, route: screen.route, resolution: screen.lane.resolution, findings })
  }
  return out
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

/** Rows = scenario × route, columns = resolution × engine (× profile); failing cells in red with their findings. */
function contactSheet(result: QaResult): string {
  const columns = result.lanes
  const rows = result.scenarios.flatMap((scenario) => (result.visits[scenario] ?? []).map((visit) => ({ scenario, visit })))
  const cell = (scenario: string, visit: Visit, lane: string) => {
    const screen = result.screens.find((s) => s.scenario === scenario && s.route === visit.route && s.dialog === visit.dialog && s.laneId === lane)
    if (!screen) return '<td class="none">—</td>'
    const notes = screen.failures.map((f) => `<li>[${f.check}] ${escape(f.message)}</li>`).join('')
    const golden = screen.golden ? `<div class="golden">golden: ${screen.golden.status}${screen.golden.diff ? ` · <a href="${escape(screen.golden.diff)}">diff</a>` : ''}</div>` : ''
    return `<td class="${screen.ok ? 'ok' : 'fail'}"><a href="${escape(screen.screenshot)}"><img loading="lazy" src="${escape(screen.screenshot)}" alt="${escape(`${scenario} ${visitSlug(visit)} ${lane}`)}"></a>${golden}${notes ? `<ul>${notes}</ul>` : ''}</td>`
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Gestão de Conta — QA contact sheet</title>
<style>
body { font: 14px system-ui, sans-serif; background: #111; color: #ddd; margin: 16px; }
table { border-collapse: collapse; } th, td { border: 1px solid #333; padding: 4px; vertical-align: top; }
th { background: #222; position: sticky; top: 0; } td img { width: 240px; display: block; }
td.ok { background: #12301f; } td.fail { background: #4a1416; } td ul { margin: 4px 0 0 16px; padding: 0; max-width: 240px; font-size: 12px; }
.golden { font-size: 12px; color: #9ab; } th.row { text-align: left; white-space: nowrap; }
</style></head><body>
<h1>Gestão de Conta — QA contact sheet</h1>
<p>${result.summary.screens} screens, ${result.summary.failed} with findings; ${result.lanes.length} lanes × ${result.scenarios.length} scenarios; server NOW=${escape(result.now)}; ${(result.durationMs / 1000).toFixed(0)} s; engines: ${escape(Object.values(result.engines).join(', '))}${result.wpe.reason ? `; WPE: ${escape(result.wpe.reason)}` : ''}. Machine-readable: <a href="result.json">result.json</a>.</p>
${result.unreached.length ? `<p>Routes not reached by keys in any scenario: ${escape(result.unreached.join(', '))}</p>` : ''}
<table><thead><tr><th>scenario / route / keys</th>${columns.map((c) => `<th>${escape(c)}</th>`).join('')}</tr></thead><tbody>
${rows.map(({ scenario, visit }) => `<tr><th class="row">${escape(scenario)}<br>${escape(visit.route)}${visit.dialog ? `<br>${escape(visit.dialog)}` : ''}<br><small>${escape(visit.hash ? `#${visit.hash}` : visit.keys.join(' ') || 'launch')}</small></th>${columns.map((lane) => cell(scenario, visit, lane)).join('')}</tr>`).join('\n')}
</tbody></table></body></html>
`
}
