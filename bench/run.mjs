// Performance and low-memory harness (issue 8): builds the app and a bare Lightning
// app in the same run, measures both in Debian Chromium and prints every figure
// with the bare app's figure, their ratio and the budget (bench/budgets.json).
//
//   npm run bench              full run (3 runs per figure, median; 5 boots of each for home's
//                              first frames; CPU 1× and 4×; WPE WebKit beside Chromium)
//   npm run bench -- --quick   proves the harness still works (npm test runs it): Chromium, 1080p, 1×
//   options: --runs N, --tours N, --boots N, --no-build (reuse dist/ and bench/bare/dist/),
//            --no-wpe (Chromium only), --wpe (WPE in quick mode too)
//
// A benchmark, not a test: it exits non-zero only when it could not measure.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build as esbuild } from 'esbuild'
import { chromium } from 'playwright-core'
import { serveApp } from '../scripts/serve-app.mjs'
import { boxesFor, getAs, measure, openSessions, processMemory, provisionBoxes, rotation, startApi, unitsPerAnswer } from './api.mjs'
import { snapshotObjects } from './heap.mjs'
import { evaluateBudgets, markdownTable, median, percentile } from './report.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(ROOT)

const argv = process.argv.slice(2)
const flag = (name) => argv.includes(`--${name}`)
const option = (name, fallback) => {
  const at = argv.indexOf(`--${name}`)
  return at >= 0 && argv[at + 1] ? Number(argv[at + 1]) : fallback
}
const QUICK = flag('quick')
const API_ONLY = flag('api-only')
const RUNS = option('runs', QUICK ? 1 : 3)
const TOURS = option('tours', QUICK ? 2 : 20)
const RESOLUTIONS = QUICK ? ['1080p'] : ['720p', '1080p']
const THROTTLES = QUICK ? [1] : [1, 4]
/** Loads of home per target and setting for its first frames: a median of one load says little on a shared machine. */
const BOOTS = Math.max(5, option('boots', 5))
const WPE_ON = flag('wpe') || (!QUICK && !flag('no-wpe'))
const API_RATE = 1000
const API_SECONDS = QUICK ? 1 : 10
// Seconds at the rate before each route's figure, not counted. A fresh API process answers the
// overview's first second slowly (p50 300 ms, its JIT cold) and its next 5 s with a p99 of
// 17-47 ms, then 4-15 ms (bench/api.mjs measure, healthy, repeated): 3 s, so the first route
// measured is not the process's warm-up.
const API_WARM_UP = QUICK ? 0.3 : 3
const KEY_PACE_MS = 120
/** Chromium's own set-up of a new window, let finish before each load (Box.open). */
const WINDOW_SETTLE_MS = 700
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/** The e2e suite's Chromium arguments (one source), plus software rendering for frame times. */
function chromiumArgs() {
  const harness = readFileSync('test/e2e/harness.ts', 'utf8')
  const block = harness.match(/CHROMIUM_ARGS = \[([\s\S]*?)\]/)
  if (!block) throw new Error('CHROMIUM_ARGS not found in test/e2e/harness.ts')
  const args = [...block[1].matchAll(/'([^']+)'/g)].map((match) => match[1])
  return [...args, '--disable-gpu', '--disable-accelerated-2d-canvas']
}

const log = (...parts) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...parts)
const load = () => os.loadavg().map((value) => Number(value.toFixed(2)))
const sleep = (ms) => new Promise((done) => setTimeout(done, ms))

// ---------------------------------------------------------------- build and size

function run(command, args) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status})`)
}

function build() {
  const appBuilt = existsSync('dist/app/appBundle.js') && existsSync('dist/server/main.mjs')
  if (flag('no-build') && appBuilt && existsSync('bench/bare/dist/appBundle.js')) {
    log('reusing dist/ and bench/bare/dist/ (--no-build)')
    return
  }
  // Quick mode runs in `npm test` right after test:e2e built the app: reuse it if fresh.
  const appFresh = appBuilt && Date.now() - statSync('dist/app/appBundle.js').mtimeMs < 15 * 60_000
  if (QUICK && appFresh) log('reusing dist/ built in the last 15 min')
  else {
    log('building the app and the API (rollup -c)')
    run(process.execPath, ['node_modules/rollup/dist/bin/rollup', '-c', '--silent'])
  }
  if (bareFresh()) log('reusing bench/bare/dist/: newer than its sources and package-lock.json')
  else {
    log('building the bare app (rollup -c bench/bare/rollup.config.mjs)')
    run(process.execPath, ['node_modules/rollup/dist/bin/rollup', '-c', 'bench/bare/rollup.config.mjs', '--silent'])
  }
}

/** The bare app's build is newer than everything it is built from (its sources, its config, the locked dependencies). */
function bareFresh() {
  const built = 'bench/bare/dist/appBundle.js'
  if (!existsSync(built)) return false
  const sources = ['bench/bare/rollup.config.mjs', 'package-lock.json', 'tsconfig.json']
  for (const dir of ['bench/bare/src', 'bench/bare/static']) for (const name of readdirSync(dir)) sources.push(join(dir, name))
  const builtAt = statSync(built).mtimeMs
  return sources.every((file) => statSync(file).mtimeMs < builtAt)
}

function jsSize(file) {
  const code = readFileSync(file)
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length }
}

// ---------------------------------------------------------------- the API as deployed

/** GET routes the app calls (src/app/routes.ts, installer.ts), `:id` from the list before it. */
const API_ROUTES = [
  '/v1/overview',
  '/v1/invoices?limit=24',
  '/v1/invoices/:id',
  '/v1/notices',
  '/v1/recordings',
  '/v1/account',
  '/v1/registration',
  '/v1/premium',
  '/v1/premium/:id',
  '/v1/diagnostics',
]
const API_ACCOUNTS = ['healthy', 'heavy']
/** Flat out, boxes are provisioned for this rate at most (two shared cores serve far less). */
const FLAT_OUT_CEILING = 6_000

async function getJson(url, session) {
  const answer = await fetch(url, { headers: session ? { authorization: `Bearer ${session}` } : {} })
  if (!answer.ok) throw new Error(`${url}: ${answer.status}`)
  return answer.json()
}

// ---------------------------------------------------------------- the app's routes

/** Route paths as the app declares them (src/app/shell/routes*.ts), so routes other sections add are toured. */
function appRoutes() {
  const files = readdirSync('src/app/shell').filter((name) => /^routes.*\.ts$/.test(name))
  const paths = new Set()
  for (const file of files) {
    for (const match of readFileSync(join('src/app/shell', file), 'utf8').matchAll(/(?:path:\s*|fed\(\s*)['"`]([^'"`]+)['"`]/g)) {
      if (!['$', '*', '!'].includes(match[1])) paths.add(match[1])
    }
  }
  return [...paths]
}

/** A concrete hash for a route; `x/:id` takes the first id the API lists under /v1/x. */
async function concreteRoute(path, api, token) {
  if (!path.includes(':')) return path
  const [prefix] = path.split('/:')
  try {
    const answer = await getJson(`${api}/v1/${prefix}`, token)
    const list = Object.values(answer).find((value) => Array.isArray(value) && value[0]?.id !== undefined) ?? (Array.isArray(answer) ? answer : null)
    if (!list?.length) return null
    return path.replace(/:[^/]+/, encodeURIComponent(String(list[0].id)))
  } catch {
    return null
  }
}

// ---------------------------------------------------------------- the browser side

const PROBE = readFileSync('bench/probe.js', 'utf8')
const VIEWPORT = { '720p': { width: 1280, height: 720 }, '1080p': { width: 1920, height: 1080 } }

/**
 * Read in the page (both engines): home's first frames, and when the last API answer before the
 * greeting had arrived (Resource Timing of the `/v1/` requests: the app's session and overview,
 * the bare app's overview), so the first meaningful frame splits into waiting and drawing.
 */
const TIMES = `var bench = window.__bench;
  if (!bench) return null;
  var api = performance.getEntriesByType('resource').filter(function (entry) {
    return entry.name.indexOf('/v1/') >= 0 && bench.meaningful !== null && entry.responseEnd <= bench.meaningful;
  });
  return { firstFrame: bench.firstFrame, meaningful: bench.meaningful,
    apiAnswered: api.length ? Math.max.apply(null, api.map(function (entry) { return entry.responseEnd })) : null, apiRequests: api.length }`

/** Read in the page (both engines): how long Lightning has drawn nothing new, and fetches in flight. */
const QUIET = 'return { quiet: performance.now() - window.__bench.lastChange, inflight: window.__bench.inflight }'
/** Read in the page (both engines): Lightning's texture memory (stage.usedMemory is in pixels, RGBA: ×4 bytes). */
const TEXTURES = `var stage = window.__bench.stage;
  return { total: stage.usedMemory * 4, textures: stage.textureManager.usedMemory * 4, renderTextures: stage.ctx.usedMemory * 4 }`

/** Waits until Lightning has drawn nothing new for `quietMs` (the Router, fetches and animations are done). */
async function settle(evaluate, quietMs = 400, timeout = 10_000) {
  const start = Date.now()
  await sleep(50)
  while (Date.now() - start < timeout) {
    const { quiet, inflight } = await evaluate(QUIET)
    if (quiet >= quietMs && inflight === 0) return
    await sleep(Math.max(50, quietMs - quiet))
  }
}

class Box {
  static async open(browser, { url, resolution, throttle, meaningfulText }) {
    const context = await browser.newContext({ viewport: VIEWPORT[resolution] })
    const page = await context.newPage()
    const errors = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.addInitScript(PROBE)
    await page.addInitScript((text) => {
      window.__bench.meaningfulText = (value) => value.includes(text)
    }, meaningfulText)
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
    // A new window of Chromium's headless mode loads its own omnibox popup (a chrome:// WebUI
    // renderer) for 300–700 ms, on the same 2 cores as the page: navigating at once, each load
    // of either app shared the machine with it (720p 1×, 7 loads each: app 481–607 ms, bare
    // 310–424; after the window settled: app 298–342, bare 257–274). A box has no such window.
    await sleep(WINDOW_SETTLE_MS)
    await page.goto(url)
    const box = new Box(context, page, cdp, errors)
    await page.waitForFunction(() => window.__bench.meaningful !== null, null, { timeout: 60_000 * throttle, polling: 50 })
    return box
  }

  constructor(context, page, cdp, errors) {
    Object.assign(this, { context, page, cdp, errors })
  }

  times() {
    return this.page.evaluate(`(() => { ${TIMES} })()`)
  }

  settle(quietMs) {
    return settle((body) => this.page.evaluate(`(() => { ${body} })()`), quietMs)
  }

  async goto(hash) {
    await this.page.evaluate((value) => {
      window.location.hash = value
    }, hash)
    await this.settle()
  }

  async press(key, times) {
    for (let i = 0; i < times; i++) {
      await this.page.keyboard.press(key)
      await sleep(KEY_PACE_MS)
    }
  }

  /** JS heap after a full GC (CDP) and Lightning's texture memory (stage.usedMemory is in pixels, RGBA: ×4 bytes). */
  async memory() {
    await this.cdp.send('HeapProfiler.enable')
    for (let i = 0; i < 2; i++) await this.cdp.send('HeapProfiler.collectGarbage')
    const heap = await this.cdp.send('Runtime.getHeapUsage')
    const vram = await this.page.evaluate(`(() => { ${TEXTURES} })()`)
    return { heap: heap.usedSize, vram }
  }

  /**
   * The JS heap without compiled code, from a heap snapshot: what the page's own
   * objects hold. Over many tours V8 keeps adding optimised code for hot functions
   * (it plateaus, and is flushed under pressure); that is not a leak, so the growth
   * budget reads this figure and the table shows the raw heap next to it. What else
   * it leaves out, and why: bench/heap.mjs.
   */
  async heapObjects() {
    const chunks = []
    const onChunk = ({ chunk }) => chunks.push(chunk)
    this.cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk)
    await this.cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
    this.cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk)
    return snapshotObjects(JSON.parse(chunks.join('')))
  }

  /** Elements alive under the stage root (hidden ones too), and the longest VirtualList's length. */
  census() {
    return this.page.evaluate(() => {
      let elements = 0
      let longest = 0
      const stack = [window.__bench.stage.root]
      while (stack.length) {
        const el = stack.pop()
        elements++
        if (typeof el.renderedCount === 'number' && typeof el.length === 'number') longest = Math.max(longest, el.length)
        const list = el.__childList
        if (list && list._items) for (const child of list._items) stack.push(child)
      }
      return { elements, longest }
    })
  }

  async recordFrames(action) {
    await this.page.evaluate(() => {
      window.__bench.frames = []
      window.__bench.recording = true
    })
    await action()
    await this.settle(300)
    return this.page.evaluate(() => {
      window.__bench.recording = false
      return window.__bench.frames
    })
  }

  close() {
    return this.context.close()
  }
}

// ---------------------------------------------------------------- the measurements

const TARGETS = {
  app: { label: 'app' },
  bare: { label: 'bare' },
}

/** The app and the bare app in Chromium: first frames, memory after tours, scrolling. */
async function browserBench(results, api, scenarios, sessionsOf) {
  const appServer = await serveApp({ port: 0, root: 'dist/app', apiOrigins: [api.url] })
  const bareServer = await serveApp({ port: 0, root: 'bench/bare/dist', apiOrigins: [api.url] })
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs() })
  try {
    const home = scenarios.find((scenario) => scenario.id === 'healthy') ?? scenarios[0]
    // The bench's own look-ups come from another box of the account: the app's session stays open.
    const [lookup] = await sessionsOf(home, 1)
    const overview = await getJson(`${api.url}/v1/overview`, lookup)
    const greetings = JSON.parse(readFileSync('src/app/translations/core.json', 'utf8')).pt['home.greeting']
    const greeting = greetings.replace('{name}', overview.viewer.name)

    const urlFor = (target, resolution, token, device = 'uma', hash = '') => {
      const query = new URLSearchParams({ api: api.url, resolution, token, device })
      return `${target === 'app' ? appServer.url : bareServer.url}?${query}${hash ? `#${hash}` : ''}`
    }
    const open = (target, resolution, throttle, token = home.token, device = 'uma', meaningfulText = greeting) =>
      Box.open(browser, { url: urlFor(target, resolution, token, device), resolution, throttle, meaningfulText })

    // The tour: every route the app declares, concrete ids from the API; the bare app has one route.
    const routes = appRoutes()
    const tour = { app: [], bare: ['home'] }
    for (const path of routes) {
      const hash = await concreteRoute(path, api.url, lookup)
      if (hash) tour.app.push(hash)
      else results.notes.push(`route ${path} left out of the tour: no id for it from the API`)
    }
    if (tour.app.at(-1) !== 'home') tour.app.push('home')
    results.tour = tour
    log(`tour: ${tour.app.join(' → ')}`)

    /** Heap and textures of a box after its first tour (`afterFirst`), then after TOURS more. */
    const growth = async (box, target, afterFirst, sample) => {
      const first = { ...afterFirst, objects: await box.heapObjects() }
      for (let i = 0; i < TOURS; i++) for (const hash of tour[target]) await box.goto(hash)
      const last = { ...(await box.memory()), objects: await box.heapObjects() }
      results.samples.push({ ...sample, growth: { tours: TOURS, first, last } })
      log(`${target}: heap ${(first.heap / 1e6).toFixed(2)} → ${(last.heap / 1e6).toFixed(2)} MB (objects ${(first.objects / 1e6).toFixed(2)} → ${(last.objects / 1e6).toFixed(2)} MB) over ${TOURS} tours`)
    }

    // The longest list present, over every demo account and every route without a parameter.
    log('finding the longest list (every scenario × every list route)')
    let heaviest = { scenario: home.id, token: home.token, route: 'home', length: 0 }
    const listRoutes = routes.filter((path) => !path.includes(':') && path !== 'home')
    for (const scenario of QUICK ? [home] : scenarios) {
      // Another account greets another viewer: any text drawn will do here.
      const box = await open('app', '1080p', 1, scenario.token, 'uma', '').catch(() => null)
      if (!box) continue
      for (const route of listRoutes) {
        await box.goto(route)
        const { longest } = await box.census()
        if (longest > heaviest.length) heaviest = { scenario: scenario.id, token: scenario.token, route, length: longest }
      }
      await box.close()
    }
    results.heaviestList = { scenario: heaviest.scenario, route: heaviest.route, rows: heaviest.length }
    log(`longest list: #${heaviest.route} of ${heaviest.scenario}, ${heaviest.length} rows`)

    // Warm-up: one discarded load of each (compile caches, the API's first queries).
    for (const target of Object.keys(TARGETS)) await (await open(target, '1080p', 1)).close()

    // Home's first frame and first meaningful frame: BOOTS loads of each target, alternating.
    for (const resolution of RESOLUTIONS) {
      for (const throttle of THROTTLES) {
        await bootSeries(results, 'chromium', resolution, throttle, async (target) => {
          const box = await open(target, resolution, throttle)
          const times = await box.times()
          await box.close()
          return { ...times, errors: box.errors.slice() }
        })
      }
    }

    for (let runIndex = 0; runIndex < RUNS; runIndex++) {
      const runLoad = load()
      log(`run ${runIndex + 1}/${RUNS}, load average ${runLoad.join(' ')}`)
      results.loadAverage[`run${runIndex + 1}`] = runLoad
      for (const resolution of RESOLUTIONS) {
        for (const throttle of THROTTLES) {
          for (const target of Object.keys(TARGETS)) {
            const sample = { run: runIndex + 1, engine: 'chromium', target, resolution, throttle, load: load() }
            let box
            // After a tour of every route: heap and texture memory (at 1×: the tour is long).
            if (throttle === 1) {
              box = await open(target, resolution, throttle)
              await box.settle()
              for (const hash of tour[target]) await box.goto(hash)
              Object.assign(sample, { afterTour: await box.memory(), errors: box.errors.slice() })
              // Growth at 1080p, the same box: after that first tour, then after TOURS more.
              if (resolution === '1080p') await growth(box, target, { ...sample.afterTour }, { run: runIndex + 1, engine: 'chromium', target, resolution, throttle, load: sample.load })
              await box.close()
            }

            // Frame time while scrolling the longest list; elements alive on it.
            box = await Box.open(browser, {
              url: urlFor(target, resolution, target === 'app' ? heaviest.token : home.token, 'uma', target === 'app' ? heaviest.route : ''),
              resolution,
              throttle,
              meaningfulText: target === 'app' ? '' : greeting,
            })
            await box.settle()
            const rows = target === 'app' ? heaviest.length : 12
            const presses = Math.max(1, Math.min(rows - 1, QUICK ? 8 : 30))
            const frames = await box.recordFrames(async () => {
              await box.press('ArrowDown', presses)
              await box.press('ArrowUp', presses)
            })
            sample.scroll = { presses, frames: frames.length, median: median(frames), p95: percentile(frames, 95) }
            sample.elements = (await box.census()).elements
            await box.close()
            results.samples.push(sample)
            log(
              `${target} ${resolution} ${throttle}×:` +
                (sample.afterTour ? ` heap ${(sample.afterTour.heap / 1e6).toFixed(2)} MB, vram ${(sample.afterTour.vram.total / 1e6).toFixed(2)} MB,` : '') +
                ` frame p50/p95 ${sample.scroll.median?.toFixed(2)}/${sample.scroll.p95?.toFixed(2)} ms over ${frames.length} frames, ${sample.elements} elements`,
            )
          }
        }
      }

      // The low-memory profile: texture memory after a tour at 720p with device=low.
      for (const target of Object.keys(TARGETS)) {
        const box = await open(target, '720p', 1, home.token, 'low')
        await box.settle()
        for (const hash of tour[target]) await box.goto(hash)
        results.samples.push({ run: runIndex + 1, engine: 'chromium', target, resolution: '720p', device: 'low', throttle: 1, load: load(), afterTour: await box.memory() })
        await box.close()
      }
    }
    await browser.close()
    if (WPE_ON) await wpeBench(results, { apiUrl: api.url, greeting, token: home.token, tour })
  } finally {
    if (browser.isConnected()) await browser.close()
    await appServer.server.close()
    await bareServer.server.close()
  }
}

/**
 * `count` loads of home for each target, alternating (app then bare, then bare then app, …) so
 * the machine's load drifts over both alike; `boot(target)` loads once and gives the probe's times.
 */
async function bootSeries(results, engine, resolution, throttle, boot) {
  const targets = Object.keys(TARGETS)
  for (let i = 0; i < BOOTS; i++) {
    for (const target of i % 2 ? [...targets].reverse() : targets) {
      const sample = { kind: 'boot', engine, target, resolution, throttle, load: load() }
      Object.assign(sample, await boot(target))
      results.samples.push(sample)
    }
  }
  const of = (target, key) =>
    results.samples
      .filter((s) => s.kind === 'boot' && s.engine === engine && s.target === target && s.resolution === resolution && s.throttle === throttle)
      .map((s) => Math.round(s[key]))
      .join(' ')
  log(`${engine} ${resolution} ${throttle}×, ${BOOTS} boots: meaningful app ${of('app', 'meaningful')} ms, bare ${of('bare', 'meaningful')} ms`)
}

/** qa/engines.ts (the QA lanes' engines), bundled for Node as qa/run.mjs bundles the lanes. */
async function qaEngines() {
  mkdirSync('.scratch', { recursive: true })
  const outfile = resolve('.scratch/bench-engines.mjs')
  await esbuild({ entryPoints: ['qa/engines.ts'], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'error' })
  return import(pathToFileURL(outfile).href)
}

/**
 * Resident memory of the newest WPEWebProcess under this process (the open tab's: the web
 * content process runs the page's JavaScript, its heap included, and its rendering).
 */
function webProcessMemory() {
  const children = new Map()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      const parent = Number(fields[1])
      if (!children.has(parent)) children.set(parent, [])
      children.get(parent).push({ pid: Number(name), comm, started: Number(fields[19]) })
    } catch {
      // The process ended while /proc was read.
    }
  }
  const found = []
  const stack = [process.pid]
  while (stack.length) {
    for (const child of children.get(stack.pop()) ?? []) {
      if (child.comm === 'WPEWebProcess') found.push(child)
      stack.push(child.pid)
    }
  }
  const newest = found.sort((a, b) => b.started - a.started)[0]
  return newest ? processMemory(newest.pid) : null
}

/**
 * WPE WebKit, the boxes' engine, driven as the QA lanes drive it (qa/engines.ts: cog under
 * WPEWebDriver on a headless Weston). WebDriver has no init-script hook, so the probe is the
 * first inline script of the served index.html. Not here, and why: CPU throttling and a forced
 * GC (no CDP in WebKit's WebDriver), the JS heap (WebKit has no performance.memory; JavaScriptCore's
 * heap is only on the Web Inspector protocol), hence the web process's resident memory instead.
 */
async function wpeBench(results, { apiUrl, greeting, token, tour }) {
  const { startWpe, wpeMissing } = await qaEngines()
  const missing = wpeMissing()
  if (missing) {
    results.wpe = { status: 'not measured', reason: missing }
    results.notes.push(`WPE WebKit not measured: ${missing}`)
    return
  }
  const headScript = `${PROBE}\nwindow.__bench.meaningfulText = function (value) { return value.indexOf(${JSON.stringify(greeting)}) >= 0 }`
  const servers = {
    app: await serveApp({ port: 0, root: 'dist/app', apiOrigins: [apiUrl], headScript }),
    bare: await serveApp({ port: 0, root: 'bench/bare/dist', apiOrigins: [apiUrl], headScript }),
  }
  const engine = await startWpe()
  results.wpe = { status: 'measured', version: engine.version }
  log(`WPE: ${engine.version}`)
  /** A tab on home; resolves once home's greeting is drawn (60 s at most). */
  const openHome = async (target, resolution) => {
    const tab = await engine.tab(VIEWPORT[resolution])
    const query = new URLSearchParams({ api: apiUrl, resolution, token, device: 'uma' })
    await tab.open(`${servers[target].url}?${query}`)
    const deadline = Date.now() + 60_000
    for (;;) {
      const times = await tab.evaluate(TIMES)
      if (times?.meaningful != null) return { tab, times }
      if (Date.now() > deadline) {
        await tab.close()
        throw new Error(`WPE ${target} ${resolution}: home's greeting not drawn in 60 s`)
      }
      await sleep(50)
    }
  }
  try {
    for (const resolution of RESOLUTIONS) {
      await bootSeries(results, 'wpe', resolution, 1, async (target) => {
        const { tab, times } = await openHome(target, resolution)
        await tab.close()
        return times
      })
      for (const target of Object.keys(TARGETS)) {
        const sampleLoad = load()
        const { tab } = await openHome(target, resolution)
        const evaluate = (body) => tab.evaluate(body)
        await settle(evaluate)
        for (const hash of tour[target]) {
          await tab.evaluate(`window.location.hash = ${JSON.stringify(hash)}; return true`)
          await settle(evaluate)
        }
        const afterTour = { vram: await tab.evaluate(TEXTURES), webProcess: webProcessMemory() }
        await tab.close()
        results.samples.push({ engine: 'wpe', target, resolution, throttle: 1, load: sampleLoad, afterTour })
        log(`WPE ${target} ${resolution}: vram ${(afterTour.vram.total / 1e6).toFixed(2)} MB, web process ${((afterTour.webProcess?.rss ?? NaN) / 1e6).toFixed(1)} MB after a tour`)
      }
    }
  } finally {
    await engine.close()
    await servers.app.server.close()
    await servers.bare.server.close()
  }
}

/** A concrete path for an API route: `:id` takes the first id of the list route before it. */
async function concreteApiPath(url, route, session) {
  if (!route.includes(':id')) return route
  const list = await getAs(url, route.replace('/:id', ''), session)
  const items = list.json && Object.values(list.json).find((value) => Array.isArray(value) && value[0]?.id !== undefined)
  const id = items?.[0]?.id
  return id === undefined ? null : route.replace(':id', encodeURIComponent(String(id)))
}

/**
 * Every GET route the app calls, for the healthy and the heavy account, at API_RATE req/s
 * (latency, CPU per request, answer size), then GET /v1/overview flat out for each demo
 * account (quick: healthy and heavy): from fresh boxes each time, so none is rate-limited.
 */
async function apiBench(results, api, scenarios, sessionsOf) {
  const byId = new Map(scenarios.map((scenario) => [scenario.id, scenario]))
  const accounts = []
  for (const id of API_ACCOUNTS) {
    const scenario = byId.get(id)
    if (!scenario) {
      results.notes.push(`API: no demo account ${id}`)
      continue
    }
    const [lookup] = await sessionsOf(scenario, 1)
    const account = { scenario: id, routes: [] }
    for (const route of API_ROUTES) {
      const path = await concreteApiPath(api.url, route, lookup)
      if (!path) {
        results.notes.push(`API ${route} (${id}): no id to ask for`)
        continue
      }
      const probe = await getAs(api.url, path, lookup)
      if (probe.status === 403) {
        results.notes.push(`API ${path} (${id}): 403 for this viewer's profile, as the app is told; not measured`)
        continue
      }
      // Fresh boxes for each route, enough that API_RATE spread over them stays under each box's
      // sustained rate: the limit weighs answers by their size, so a route of large answers
      // (recordings: 18–21 KB, 3 units each) needs more boxes and must not spend the next route's
      // allowance. Counted by answer before 2 Dec 21:30, a recordings page served 1 000 req/s
      // met 4 427 refusals.
      const next = rotation(await sessionsOf(scenario, boxesFor(API_RATE, Infinity, unitsPerAnswer(probe.bytes))))
      // Warm-up (the JIT, the database's pages), not counted.
      await measure({ url: api.url, path, next, rate: API_RATE, seconds: API_WARM_UP, pids: [api.pid] })
      const figure = await measure({ url: api.url, path, next, rate: API_RATE, seconds: API_SECONDS, pids: [api.pid] })
      Object.assign(figure, { route, bytes: probe.bytes })
      figure.load = load()
      account.routes.push(figure)
      log(`API ${id} ${path}: ${describe(figure)}, ${(probe.bytes / 1e3).toFixed(1)} KB`)
    }
    account.memory = processMemory(api.pid)
    accounts.push(account)
  }
  const flatOut = []
  for (const scenario of QUICK ? API_ACCOUNTS.map((id) => byId.get(id)).filter(Boolean) : scenarios) {
    const [lookup] = await sessionsOf(scenario, 1)
    if ((await getAs(api.url, '/v1/overview', lookup)).status !== 200) continue
    const next = rotation(await sessionsOf(scenario, boxesFor(FLAT_OUT_CEILING, API_SECONDS)))
    const figure = await measure({ url: api.url, path: '/v1/overview', next, seconds: API_SECONDS, pids: [api.pid] })
    figure.scenario = scenario.id
    figure.load = load()
    flatOut.push(figure)
    log(`API ${scenario.id} /v1/overview flat out: ${describe(figure)}`)
  }
  results.api = { rate: API_RATE, seconds: API_SECONDS, accounts, flatOut, memory: processMemory(api.pid), load: load() }
}

function describe(figure) {
  const refused = figure.refused ? `, ${figure.refused} REFUSED ${JSON.stringify(figure.statuses)}` : ''
  return `${Math.round(figure.achieved)} req/s, p50 ${figure.p50} ms, p99 ${figure.p99} ms, CPU ${figure.cpuPerRequest?.toFixed(3)} ms/request${refused}`
}

async function main() {
  const started = new Date().toISOString()
  const loadAtStart = load()
  log(
    API_ONLY
      ? `mode ${QUICK ? 'quick' : 'full'}, the API only; load average ${loadAtStart.join(' ')} on ${os.cpus().length} cores`
      : `mode ${QUICK ? 'quick' : 'full'}: ${RUNS} run(s), ${TOURS} tours, ${RESOLUTIONS.join('/')}, CPU ${THROTTLES.join('×/')}×; load average ${loadAtStart.join(' ')} on ${os.cpus().length} cores`,
  )
  build()
  const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8'))
  const results = {
    started,
    mode: (QUICK ? 'quick' : 'full') + (API_ONLY ? ', API only' : ''),
    runs: RUNS,
    tours: TOURS,
    boots: BOOTS,
    cores: os.cpus().length,
    loadAverage: { start: loadAtStart },
    // The API-only bench runs where no Chromium is installed.
    chromium: spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout?.trim() || 'no Chromium',
    js: { app: jsSize('dist/app/appBundle.js'), bare: jsSize('bench/bare/dist/appBundle.js') },
    samples: [],
    notes: [],
  }

  // A SQLite file (not :memory:) so the bench can provision boxes in it beside the API.
  const dataDir = mkdtempSync(join(os.tmpdir(), 'bench-api-'))
  const database = { file: join(dataDir, 'account.sqlite') }
  const api = await startApi(database)
  try {
    const { items: scenarios } = await getJson(`${api.url}/v1/demo/scenarios`)
    /** Sessions of `count` new boxes of a demo account (bench/api.mjs). */
    const sessionsOf = async (scenario, count) => openSessions(api.url, await provisionBoxes(database, scenario.token, count))
    if (!API_ONLY) await browserBench(results, api, scenarios, sessionsOf)
    await apiBench(results, api, scenarios, sessionsOf)
  } finally {
    await api.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }

  results.loadAverage.end = load()
  const engines = results.wpe?.status === 'measured' ? ['chromium', 'wpe'] : ['chromium']
  results.figures = evaluateBudgets(results, budgets, { resolutions: RESOLUTIONS, throttles: THROTTLES, browser: !API_ONLY, engines })
  mkdirSync('bench/results', { recursive: true })
  const stamp = started.replace(/[:.]/g, '-')
  const table = markdownTable(results)
  const name = `${QUICK ? 'quick' : 'bench'}-${stamp}`
  writeFileSync(`bench/results/${name}.json`, JSON.stringify(results, null, 2))
  writeFileSync(`bench/results/${name}.md`, table)
  writeFileSync(`bench/results/latest${QUICK ? '-quick' : ''}.md`, table)
  writeFileSync(`bench/results/latest${QUICK ? '-quick' : ''}.json`, JSON.stringify(results, null, 2))
  console.log(`\n${table}`)
  log(`written bench/results/${name}.json and .md`)
  // A budget's figure with no app figure, or whose judge is missing (a ratio without its bare figure).
  const unmeasured = results.figures.filter((figure) => figure.app === null || (figure.budget && figure.holds === null))
  if (unmeasured.length) {
    console.error(`not measured: ${unmeasured.map((figure) => figure.name).join(', ')}`)
    process.exitCode = 1
  }
  // Both engines were asked for: a bench without the boxes' engine is not the full bench.
  if (WPE_ON && !API_ONLY && results.wpe?.status !== 'measured') {
    console.error(`WPE WebKit not measured (${results.wpe?.reason}): install it or pass --no-wpe`)
    process.exitCode = 1
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
