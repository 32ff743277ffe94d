// The key fuzzer (issue 9): random remote keys (arrows, OK, Back, digits, colour
// keys) over every demo scenario in the real browser. Zero uncaught errors, focus
// always on a visible element, the app still answers afterwards, and the heap back
// to its level. `npm test` runs a quick pass (KEYFUZZ_KEYS, default 150 keys over 3 scenarios);
// `npm run fuzz:keys` the full 10 000.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { openBox, startSession, type Session } from './harness'

const TOTAL = Number(process.env.KEYFUZZ_KEYS ?? 150)
const SEED = Number(process.env.KEYFUZZ_SEED ?? 9)
/** The quick pass covers the first scenarios; `all` (npm run fuzz:keys) every one the API lists. */
const SCENARIOS = process.env.KEYFUZZ_SCENARIOS ?? '3'
/** Focus and route are checked after every key; the heap at the start and the end. */
const KEYS = [
  'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'ArrowDown', 'ArrowRight', 'Enter', 'Enter', 'Backspace', 'Escape',
  ...Array.from({ length: 10 }, (_, d) => `Digit${d}`), 'F1', 'F2', 'F3', 'F4',
]

/** mulberry32: the same seed replays the same keys. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

let session: Session
beforeAll(async () => {
  // The API as deployed (sessions required): the app opens its own session per box.
  session = await startSession({ sessions: 'required' })
})
afterAll(async () => {
  await session?.close()
})

test(`${TOTAL} random remote keys over every scenario: no error, focus always visible, the app still answers, heap back to its level`, async () => {
  const listed = ((await (await fetch(`${session.api.url}/v1/demo/scenarios`)).json()) as { items: { id: string }[] }).items.map((s) => s.id)
  expect(listed.length).toBeGreaterThanOrEqual(4)
  const scenarios = SCENARIOS === 'all' ? listed : listed.slice(0, Number(SCENARIOS))
  const next = random(SEED)
  const perScenario = Math.ceil(TOTAL / scenarios.length)
  const report: string[] = []
  /** Every route the keys reached, over all scenarios (ids in the route kept: they name the page). */
  const reached = new Set<string>()
  let pressed = 0
  for (const scenario of scenarios) {
    const started = Date.now()
    const box = await openBox(session, '720p', { scenario })
    const network: string[] = []
    const cdp = await box.page.context().newCDPSession(box.page)
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage')
      await cdp.send('HeapProfiler.collectGarbage')
      return (await cdp.send('Runtime.getHeapUsage')).usedSize
    }
    /** Elements alive: nodes of the inspector's DOM mirror of the Lightning tree. */
    const elements = () => box.page.evaluate(() => document.body.querySelectorAll('*').length)
    /** Home, settled: where the heap and elements are compared (the same page each time). */
    const atHome = async () => {
      await box.page.evaluate(() => {
        location.hash = '#home'
      })
      await box.waitForText(/Olá|Não foi possível/)
      await box.page.waitForTimeout(500)
      return { heap: await heap(), elements: await elements() }
    }
    await box.waitForText(/Olá|Não foi possível/)
    await box.page.waitForTimeout(500)
    const cold = { heap: await heap(), elements: await elements() }
    /**
     * The level to come back to is taken after a warm-up quarter of the keys: the first
     * visits fill the API cache and the last-known data (bounded), which is not a leak.
     */
    const WARM_UP = Math.floor(perScenario / 4)
    let warm = cold
    const routes = new Set<string>()
    const state = () =>
      box.page.evaluate(() => {
        const focused = [...document.querySelectorAll('[focused="true"]')]
        const deepest = focused.find((node) => !node.querySelector('[focused="true"]'))
        const hidden = !deepest || !!deepest.closest('[visible="false"], [alpha="0"]')
        return { route: decodeURIComponent(location.hash.replace(/^#/, '')), focused: deepest?.getAttribute('type') ?? deepest?.tagName ?? null, hidden, closed: window.gestaoDeContaClosed === true }
      })
    /** The last keys and where they were pressed, for the failure message: a seed replays them. */
    const trail: string[] = []
    for (let i = 0; i < perScenario && pressed < TOTAL; i++) {
      if (i === WARM_UP && i > 0) warm = await atHome()
      const { route } = await state()
      let key = KEYS[Math.floor(next() * KEYS.length)]!
      // Back on home closes the app (its job): the fuzzer keeps the box open instead.
      if (route === 'home' && (key === 'Backspace' || key === 'Escape')) key = 'ArrowDown'
      await box.page.keyboard.press(key)
      pressed++
      // A viewer's fastest: keys repeat at ~20/s; every 25th key waits for pages to load.
      await box.page.waitForTimeout(i % 25 === 0 ? 400 : 30)
      const after = await state()
      routes.add(after.route.split('/')[0]!)
      reached.add(after.route)
      trail.push(`${key}@${route}${i % 25 === 0 ? ' (400 ms)' : ''}`)
      if (trail.length > 12) trail.shift()
      if (after.closed) throw new Error(`the app closed itself after ${key} on ${route} (${scenario}, key ${pressed}; last keys: ${trail.join(', ')})`)
      if (after.hidden) {
        // A page can be between routes for a frame; give it one more render.
        await box.page.waitForTimeout(200)
        const settled = await state()
        expect(settled.hidden, `focus not on a visible element after ${key} (key ${pressed}) on ${after.route} (${scenario}; last keys: ${trail.join(', ')})`).toBe(false)
      }
    }
    // Still answers: back home by hash and the home card opens its section on OK.
    const end = await atHome()
    const focusedOnHome = await box.focusedTexts()
    expect(focusedOnHome.length).toBeGreaterThan(0)
    box.errors.splice(0, box.errors.length, ...box.errors.filter((e) => !(e.startsWith('Failed to load resource') && network.push(e))))
    expect(box.errors, `errors in ${scenario}`).toEqual([])
    const growth = (end.heap - warm.heap) / warm.heap
    const mb = (bytes: number) => (bytes / 1e6).toFixed(1)
    report.push(
      `${scenario} (${Date.now() - started} ms): ${routes.size} pages (${[...routes].sort().join(' ')}), heap on home ${mb(cold.heap)} cold → ${mb(warm.heap)} after ${WARM_UP} keys → ${mb(end.heap)} MB at the end (${(growth * 100).toFixed(0)} %), elements ${cold.elements} → ${warm.elements} → ${end.elements}, ${network.length} HTTP refusals logged by the browser`,
    )
    // Back to its level: a leak per key would show as tens of % after hundreds of keys.
    expect(growth, `heap of ${scenario}`).toBeLessThan(0.5)
    await box.page.close()
  }
  console.info(`key fuzz: ${pressed} keys, seed ${SEED}, ${reached.size} distinct routes reached\n  ${report.join('\n  ')}`)
  expect(pressed).toBe(TOTAL)
}, 300_000 + TOTAL * 500)
