import { expect, test } from 'vitest'
// @ts-expect-error: a plain ES module script without types
import { evaluateBudgets, markdownTable } from '../../../bench/report.mjs'

interface Figure {
  name: string
  app: number | null
  bare: number | null
  ratio: number | null
  holds: boolean | null
  spread: { app: { n: number; min: number; max: number } | null; bare: { n: number; min: number; max: number } | null }
  load: [number, number] | null
}

const budgets = {
  ratio: { js: 1.25, firstMeaningfulFrame: 1.3, apiHeavyCost: 1.5, frameP95At4x: 2 },
  absolute: { vram1080pMB: 8, vramLowMB: 4, heapMB: 12, heapGrowthPct: 2, apiP99Ms: 10, apiOverviewMinRate: 3000, apiAnswerKB: 64 },
}

/** Five boots of each app at 1080p 1× in one engine, and a 4× scroll sample of each. */
function results() {
  const boots = (engine: string, app: number[], bare: number[]) =>
    app.flatMap((meaningful, i) => [
      { kind: 'boot', engine, target: 'app', resolution: '1080p', throttle: 1, firstFrame: 200, meaningful, apiAnswered: meaningful / 2, load: [10 + i, 9, 8] },
      { kind: 'boot', engine, target: 'bare', resolution: '1080p', throttle: 1, firstFrame: 100, meaningful: bare[i], apiAnswered: bare[i] / 2, load: [12, 9, 8] },
    ])
  return {
    started: '2026-12-02T07:00:00.000Z',
    mode: 'full',
    runs: 1,
    boots: 5,
    tours: 20,
    cores: 2,
    chromium: 'Chromium',
    wpe: { status: 'measured', version: 'WPE' },
    loadAverage: { start: [10, 9, 8], end: [14, 9, 8] },
    js: { app: { raw: 1000, gzip: 300 }, bare: { raw: 900, gzip: 280 } },
    samples: [
      ...boots('chromium', [1000, 5000, 1100, 1200, 900], [800, 1000, 700, 900, 600]),
      ...boots('wpe', [600, 700, 650, 640, 660], [900, 1000, 950, 940, 960]),
      { engine: 'chromium', target: 'app', resolution: '1080p', throttle: 4, load: [15, 9, 8], scroll: { median: 10, p95: 50 } },
      { engine: 'chromium', target: 'bare', resolution: '1080p', throttle: 4, load: [16, 9, 8], scroll: { median: 4, p95: 20 } },
      { engine: 'wpe', target: 'app', resolution: '1080p', throttle: 1, load: [11, 9, 8], afterTour: { vram: { total: 1.2e6 }, webProcess: { rss: 300e6, peak: 310e6 } } },
      { engine: 'wpe', target: 'bare', resolution: '1080p', throttle: 1, load: [11, 9, 8], afterTour: { vram: { total: 0.5e6 }, webProcess: { rss: 270e6, peak: 280e6 } } },
    ],
    notes: [],
  }
}

function figures(): Figure[] {
  return evaluateBudgets(results(), budgets, { resolutions: ['1080p'], throttles: [1, 4], engines: ['chromium', 'wpe'] })
}
const named = (name: string) => figures().find((figure) => figure.name === name) as Figure

test('home’s first meaningful frame is the median of its boots, with their spread and load: one slow boot does not move it', () => {
  const figure = named('first meaningful frame of home (Chromium, 1080p, CPU 1×)')
  expect(figure.app).toBe(1100)
  expect(figure.bare).toBe(800)
  expect(figure.spread.app).toEqual({ n: 5, min: 900, max: 5000 })
  expect(figure.spread.bare).toEqual({ n: 5, min: 600, max: 1000 })
  expect(figure.load).toEqual([10, 14])
  expect(figure.holds).toBe(false) // 1.375× against 1.3×
  expect(named('… of which until the last API answer before it (Chromium, 1080p, CPU 1×)').app).toBe(550)
})

test('frame CPU p95 at 4× is judged against the bare app’s, not an absolute', () => {
  const figure = named('frame CPU p95, scrolling the longest list (Chromium, 1080p, CPU 4×)')
  expect(figure.ratio).toBe(2.5)
  expect(figure.holds).toBe(false)
  expect(named('frame CPU p95, scrolling the longest list (Chromium, 1080p, CPU 1×)').holds).toBeNull()
})

test('WPE’s figures sit in the same table, side by side with the bare app, under the same budgets', () => {
  expect(named('first meaningful frame of home (WPE, 1080p)')).toMatchObject({ app: 650, bare: 950, holds: true })
  expect(named('texture memory after a tour (WPE, 1080p)')).toMatchObject({ app: 1.2, bare: 0.5, holds: true })
  expect(named('web process resident memory after a tour (WPE, 1080p; JS heap not exposed)')).toMatchObject({ app: 300, bare: 270, holds: null })
  const table = markdownTable({ ...results(), figures: figures() })
  expect(table).toContain('| first meaningful frame of home (WPE, 1080p) | ms | 650 | 950 | 0.68× | ≤ 1.3× | yes | 5: 600–700 · 5: 900–1000 | 10.0–14.0 |')
  expect(table.split('\n')[0]).toContain('· Chromium · WPE ·')
})
