// Figures from the raw samples of bench/run.mjs: medians over runs, the bare app's
// figure, the ratio, the budget (bench/budgets.json) and whether it holds.

export function median(values) {
  return percentile(values, 50)
}

/** Nearest-rank percentile; null for no values. */
export function percentile(values, p) {
  const sorted = values.filter((value) => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b)
  if (!sorted.length) return null
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]
}

const MB = 1e6
const KB = 1e3

/** Median over runs of `pick(sample)` for the samples of one target that `where` accepts. */
function over(samples, target, where, pick) {
  return median(samples.filter((sample) => sample.target === target && where(sample)).map(pick).filter((value) => value != null))
}

export function evaluateBudgets(results, budgets, { resolutions, throttles }) {
  const figures = []
  const add = (name, unit, app, bare, budget) => {
    // A ratio of two growths (or of anything to ~0) says nothing: none for percentages.
    const ratio = app != null && bare != null && unit !== '%' && Math.abs(bare) > 1e-9 ? app / bare : null
    let holds = null
    if (budget?.ratio != null) holds = ratio != null ? ratio <= budget.ratio : null
    if (budget?.max != null) holds = app != null ? app <= budget.max : null
    figures.push({ name, unit, app, bare, ratio, budget: budget ?? null, holds })
  }
  const { ratio, absolute } = budgets
  const { samples } = results

  add('JS shipped, raw', 'KB', results.js.app.raw / KB, results.js.bare.raw / KB, { ratio: ratio.js })
  add('JS shipped, gzip', 'KB', results.js.app.gzip / KB, results.js.bare.gzip / KB, { ratio: ratio.js })

  for (const resolution of resolutions) {
    for (const throttle of throttles) {
      const at = (sample) => sample.resolution === resolution && sample.throttle === throttle && !sample.device && !sample.growth
      const pair = (pick) => [over(samples, 'app', at, pick), over(samples, 'bare', at, pick)]
      const when = `${resolution}, CPU ${throttle}×`
      add(`first frame (${when})`, 'ms', ...pair((s) => s.firstFrame))
      add(`first meaningful frame of home (${when})`, 'ms', ...pair((s) => s.meaningful), { ratio: ratio.firstMeaningfulFrame })
      add(`frame CPU median, scrolling (${when})`, 'ms', ...pair((s) => s.scroll?.median))
      add(`frame CPU p95, scrolling (${when})`, 'ms', ...pair((s) => s.scroll?.p95), throttle === 4 ? { max: absolute.frameP95MsAt4x } : undefined)
      if (throttle === throttles[0]) {
        add(`elements alive on the heaviest list (${resolution})`, '', ...pair((s) => s.elements))
        add(`JS heap after a tour (${resolution})`, 'MB', ...pair((s) => s.afterTour && s.afterTour.heap / MB), { max: absolute.heapMB })
        add(
          `texture memory after a tour (${resolution})`,
          'MB',
          ...pair((s) => s.afterTour && s.afterTour.vram.total / MB),
          resolution === '1080p' ? { max: absolute.vram1080pMB } : undefined,
        )
      }
    }
  }

  const low = (sample) => sample.device === 'low'
  add('texture memory after a tour, low profile (720p)', 'MB', over(samples, 'app', low, (s) => s.afterTour.vram.total / MB), over(samples, 'bare', low, (s) => s.afterTour.vram.total / MB), {
    max: absolute.vramLowMB,
  })

  const growth = (sample) => Boolean(sample.growth)
  const pct = (first, last) => (100 * (last - first)) / first
  const tours = results.tours
  add(
    `JS heap growth over ${tours} tours, objects (1080p)`,
    '%',
    over(samples, 'app', growth, (s) => pct(s.growth.first.objects, s.growth.last.objects)),
    over(samples, 'bare', growth, (s) => pct(s.growth.first.objects, s.growth.last.objects)),
    { max: absolute.heapGrowthPct },
  )
  add(
    `JS heap growth over ${tours} tours, with compiled code (1080p)`,
    '%',
    over(samples, 'app', growth, (s) => pct(s.growth.first.heap, s.growth.last.heap)),
    over(samples, 'bare', growth, (s) => pct(s.growth.first.heap, s.growth.last.heap)),
  )
  add(
    `texture memory growth over ${tours} tours (1080p)`,
    '%',
    over(samples, 'app', growth, (s) => pct(s.growth.first.vram.total, s.growth.last.vram.total)),
    over(samples, 'bare', growth, (s) => pct(s.growth.first.vram.total, s.growth.last.vram.total)),
  )

  if (results.api) {
    const api = results.api
    add(`API latency p50 at ${api.rate} req/s (${api.route})`, 'ms', api.p50, null)
    add(`API latency p99 at ${api.rate} req/s`, 'ms', api.p99, null, api.rate >= budgets.apiRate ? { max: absolute.apiP99Ms } : undefined)
    add(`API requests/s achieved at ${api.rate} req/s`, 'req/s', api.achieved, null)
    // Not a budget, the reason for one: a Node process serves 1 000 req/s only below 1 ms of CPU a request.
    add('API CPU per request (server process, /proc)', 'ms', api.cpuPerRequest, null)
    add('API throughput, flat out (10 connections)', 'req/s', api.maxThroughput, null)
  }
  return figures
}

function format(value, unit) {
  if (value == null) return '—'
  if (unit === '' || unit === 'req/s') return String(Math.round(value))
  if (unit === '%') return value.toFixed(2)
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2)
}

export function markdownTable(results) {
  const lines = [
    `Bench ${results.mode} · ${results.started} · ${results.runs} run(s), median · ${results.chromium} · ${results.cores} cores`,
    `Load average (1/5/15 min): start ${results.loadAverage.start.join(' ')}, end ${results.loadAverage.end?.join(' ') ?? '?'}`,
    `Heaviest list: #${results.heaviestList?.route} (${results.heaviestList?.scenario}, ${results.heaviestList?.rows} rows). Tour: ${results.tour?.app.join(' → ')}`,
    '',
    '| figure | unit | app | bare | ratio | budget | holds |',
    '|---|---|---:|---:|---:|---|---|',
  ]
  for (const figure of results.figures) {
    const budget = figure.budget ? (figure.budget.ratio != null ? `≤ ${figure.budget.ratio}×` : `≤ ${figure.budget.max} ${figure.unit}`) : ''
    const holds = figure.holds === null ? (figure.budget ? 'not measured' : '') : figure.holds ? 'yes' : '**NO**'
    lines.push(
      `| ${figure.name} | ${figure.unit} | ${format(figure.app, figure.unit)} | ${format(figure.bare, figure.unit)} | ${figure.ratio == null ? '—' : `${figure.ratio.toFixed(2)}×`} | ${budget} | ${holds} |`,
    )
  }
  if (results.notes.length) lines.push('', ...results.notes.map((note) => `- ${note}`))
  return `${lines.join('\n')}\n`
}
