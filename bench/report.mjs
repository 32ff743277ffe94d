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

export function evaluateBudgets(results, budgets, { resolutions, throttles, browser = true }) {
  const figures = []
  const add = (name, unit, app, bare, budget) => {
    // A ratio of two growths (or of anything to ~0) says nothing: none for percentages.
    const ratio = app != null && bare != null && unit !== '%' && Math.abs(bare) > 1e-9 ? app / bare : null
    let holds = null
    if (budget?.ratio != null) holds = ratio != null ? ratio <= budget.ratio : null
    if (budget?.max != null) holds = app != null ? app <= budget.max : null
    if (budget?.min != null) holds = app != null ? app >= budget.min : null
    if (holds && budget?.unless) holds = false
    figures.push({ name, unit, app, bare, ratio, budget: budget ?? null, holds })
  }
  if (browser) browserFigures(results, budgets, { resolutions, throttles }, add)
  if (results.api) apiFigures(results.api, budgets, add)
  return figures
}

function browserFigures(results, budgets, { resolutions, throttles }, add) {
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

}

/** A figure of an API run, or null (not measured) when any answer was refused or failed, or none came. */
const unlessRefused = (figure, value) => (figure && figure.refused === 0 && figure.requests > 0 ? value : null)

function apiFigures(api, budgets, add) {
  const { absolute } = budgets
  const account = (id) => api.accounts.find((entry) => entry.scenario === id)
  const route = (id, path) => account(id)?.routes.find((figure) => figure.path === path)
  for (const { scenario } of api.accounts) {
    const overview = route(scenario, '/v1/overview')
    // At the rate asked, or the latency says nothing about that rate: an API that serves less fails.
    const short = overview != null && overview.achieved < 0.95 * api.rate
    add(`API GET /v1/overview p99 at ${api.rate} req/s (${scenario})`, 'ms', unlessRefused(overview, overview?.p99), null, {
      max: absolute.apiP99Ms,
      unless: short,
    })
  }
  for (const figure of api.flatOut) {
    add(`API GET /v1/overview flat out, ${figure.connections} connections (${figure.scenario})`, 'req/s', unlessRefused(figure, figure.achieved), null, {
      min: absolute.apiOverviewMinRate,
    })
  }
  const heavy = account('heavy')
  const healthy = account('healthy')
  if (heavy) {
    const largest = heavy.routes.reduce((top, figure) => (top && top.bytes >= figure.bytes ? top : figure), null)
    add(`API largest answer of the heavy account (GET ${largest?.path})`, 'KB', largest && largest.bytes / 1e3, null, { max: absolute.apiAnswerKB })
  }
  if (heavy && healthy) {
    // The cost of a request does not grow with the account: heavy's CPU per request ÷ healthy's, route by route.
    for (const figure of heavy.routes) {
      const base = healthy.routes.find((other) => other.route === figure.route)
      if (!base) continue
      add(`API CPU per request, heavy (app) ÷ healthy (bare): GET ${figure.path}`, 'ms', unlessRefused(figure, figure.cpuPerRequest), unlessRefused(base, base.cpuPerRequest), {
        ratio: budgets.ratio.apiHeavyCost,
      })
    }
  }
  add('API resident memory at the end (VmRSS)', 'MB', api.memory.rss / 1e6, null)
  add('API resident memory, peak (VmHWM)', 'MB', api.memory.peak / 1e6, null)
}

function apiTable(api) {
  const lines = [
    '',
    `API as deployed (sessions required, rate limit 20/s burst 60 per box, requests spread over fresh boxes), ${api.seconds} s a figure, 127.0.0.1, autocannon`,
    '',
    '| account | route | req/s asked | req/s served | p50 ms | p99 ms | CPU ms/request | answer KB | refused | load |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---|',
  ]
  const row = (scenario, figure) =>
    `| ${scenario} | GET ${figure.path} | ${figure.rate ?? 'flat out'} | ${Math.round(figure.achieved)} | ${figure.p50} | ${figure.p99} | ${figure.cpuPerRequest?.toFixed(3) ?? '—'} | ${
      figure.bytes != null ? (figure.bytes / 1e3).toFixed(1) : ''
    } | ${figure.refused ? `**${figure.refused}** ${JSON.stringify(figure.statuses)}` : 0} | ${figure.load?.join(' ') ?? ''} |`
  for (const account of api.accounts) for (const figure of account.routes) lines.push(row(account.scenario, figure))
  for (const figure of api.flatOut) lines.push(row(figure.scenario, figure))
  return lines
}

function format(value, unit) {
  if (value == null) return '—'
  if (unit === '' || unit === 'req/s') return String(Math.round(value))
  if (unit === '%') return value.toFixed(2)
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2)
}

function budgetText(budget, unit) {
  if (budget.ratio != null) return `≤ ${budget.ratio}×`
  if (budget.min != null) return `≥ ${budget.min} ${unit}`
  return `≤ ${budget.max} ${unit}` + (budget.unless ? ' at the rate asked' : '')
}

export function markdownTable(results) {
  const lines = [
    `Bench ${results.mode} · ${results.started} · ${results.runs} run(s), median · ${results.chromium} · ${results.cores} cores`,
    `Load average (1/5/15 min): start ${results.loadAverage.start.join(' ')}, end ${results.loadAverage.end?.join(' ') ?? '?'}`,
    ...(results.heaviestList
      ? [`Heaviest list: #${results.heaviestList.route} (${results.heaviestList.scenario}, ${results.heaviestList.rows} rows). Tour: ${results.tour?.app.join(' → ')}`]
      : []),
    '',
    '| figure | unit | app | bare | ratio | budget | holds |',
    '|---|---|---:|---:|---:|---|---|',
  ]
  for (const figure of results.figures) {
    const budget = figure.budget ? budgetText(figure.budget, figure.unit) : ''
    const holds = figure.holds === null ? (figure.budget ? 'not measured' : '') : figure.holds ? 'yes' : '**NO**'
    lines.push(
      `| ${figure.name} | ${figure.unit} | ${format(figure.app, figure.unit)} | ${format(figure.bare, figure.unit)} | ${figure.ratio == null ? '—' : `${figure.ratio.toFixed(2)}×`} | ${budget} | ${holds} |`,
    )
  }
  if (results.api) lines.push(...apiTable(results.api))
  if (results.notes.length) lines.push('', ...results.notes.map((note) => `- ${note}`))
  return `${lines.join('\n')}\n`
}
