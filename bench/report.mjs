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

/**
 * The median of `pick(sample)` over the samples of one target that `where` accepts, with how many
 * there were, their range and the range of the 1-minute load average they were taken at.
 */
function over(samples, target, where, pick) {
  const taken = samples.filter((sample) => sample.target === target && where(sample)).map((sample) => ({ value: pick(sample), load: sample.load?.[0] }))
  const values = taken.map((entry) => entry.value).filter((value) => value != null && Number.isFinite(value))
  if (!values.length) return null
  const loads = taken.filter((entry) => entry.value != null && entry.load != null).map((entry) => entry.load)
  return { median: median(values), n: values.length, min: Math.min(...values), max: Math.max(...values), load: loads.length ? [Math.min(...loads), Math.max(...loads)] : null }
}

export function evaluateBudgets(results, budgets, { resolutions, throttles, browser = true, engines = ['chromium'] }) {
  const figures = []
  /** `app` and `bare`: a number, or what `over` gives (the median, its spread and its load). */
  const add = (name, unit, appFigure, bareFigure, budget, load = null) => {
    const [app, bare] = [appFigure, bareFigure].map((figure) => (figure != null && typeof figure === 'object' ? figure.median : figure ?? null))
    const spread = (figure) => (figure != null && typeof figure === 'object' && figure.n > 1 ? { n: figure.n, min: figure.min, max: figure.max } : null)
    const loads = [appFigure, bareFigure].flatMap((figure) => (figure?.load ? figure.load : [])).concat(load ?? [])
    // A ratio of two growths (or of anything to ~0) says nothing: none for percentages.
    const ratio = app != null && bare != null && unit !== '%' && Math.abs(bare) > 1e-9 ? app / bare : null
    let holds = null
    if (budget?.ratio != null) holds = ratio != null ? ratio <= budget.ratio : null
    if (budget?.max != null) holds = app != null ? app <= budget.max : null
    if (budget?.min != null) holds = app != null ? app >= budget.min : null
    if (holds && budget?.unless) holds = false
    figures.push({
      name,
      unit,
      app,
      bare,
      ratio,
      budget: budget ?? null,
      holds,
      spread: { app: spread(appFigure), bare: spread(bareFigure) },
      load: loads.length ? [Math.min(...loads), Math.max(...loads)] : null,
    })
  }
  if (browser) for (const engine of engines) browserFigures(results, budgets, { resolutions, throttles, engine }, add)
  if (results.api) apiFigures(results.api, budgets, add)
  return figures
}

const ENGINE_NAME = { chromium: 'Chromium', wpe: 'WPE' }

function browserFigures(results, budgets, { resolutions, throttles, engine }, add) {
  const { ratio, absolute } = budgets
  const samples = results.samples.filter((sample) => (sample.engine ?? 'chromium') === engine)
  if (engine === 'wpe') return wpeFigures(results, samples, budgets, { resolutions }, add)

  add('JS shipped, raw', 'KB', results.js.app.raw / KB, results.js.bare.raw / KB, { ratio: ratio.js })
  add('JS shipped, gzip', 'KB', results.js.app.gzip / KB, results.js.bare.gzip / KB, { ratio: ratio.js })

  for (const resolution of resolutions) {
    for (const throttle of throttles) {
      const setting = (sample) => sample.resolution === resolution && sample.throttle === throttle
      const at = (sample) => setting(sample) && sample.kind !== 'boot' && !sample.device && !sample.growth
      const booted = (sample) => setting(sample) && sample.kind === 'boot'
      const pair = (pick, where = at) => [over(samples, 'app', where, pick), over(samples, 'bare', where, pick)]
      const when = `Chromium, ${resolution}, CPU ${throttle}×`
      add(`first frame (${when})`, 'ms', ...pair((s) => s.firstFrame, booted))
      add(`first meaningful frame of home (${when})`, 'ms', ...pair((s) => s.meaningful, booted), { ratio: ratio.firstMeaningfulFrame })
      add(`… of which until the last API answer before it (${when})`, 'ms', ...pair((s) => s.apiAnswered, booted))
      add(`frame CPU median, scrolling the longest list (${when})`, 'ms', ...pair((s) => s.scroll?.median))
      add(`frame CPU p95, scrolling the longest list (${when})`, 'ms', ...pair((s) => s.scroll?.p95), throttle === 4 ? { ratio: ratio.frameP95At4x } : undefined)
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

/** WPE WebKit: home's first frames (CPU 1×: no throttling without CDP) and memory after a tour. */
function wpeFigures(results, samples, budgets, { resolutions }, add) {
  const { ratio, absolute } = budgets
  for (const resolution of resolutions) {
    const booted = (sample) => sample.resolution === resolution && sample.kind === 'boot'
    const toured = (sample) => sample.resolution === resolution && sample.afterTour
    const pair = (pick, where) => [over(samples, 'app', where, pick), over(samples, 'bare', where, pick)]
    const when = `WPE, ${resolution}`
    add(`first frame (${when})`, 'ms', ...pair((s) => s.firstFrame, booted))
    add(`first meaningful frame of home (${when})`, 'ms', ...pair((s) => s.meaningful, booted), { ratio: ratio.firstMeaningfulFrame })
    add(`… of which until the last API answer before it (${when})`, 'ms', ...pair((s) => s.apiAnswered, booted))
    add(
      `texture memory after a tour (${when})`,
      'MB',
      ...pair((s) => s.afterTour.vram.total / MB, toured),
      resolution === '1080p' ? { max: absolute.vram1080pMB } : undefined,
    )
    add(`web process resident memory after a tour (${when}; JS heap not exposed)`, 'MB', ...pair((s) => s.afterTour.webProcess && s.afterTour.webProcess.rss / MB, toured))
  }
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
    }, overview?.load?.slice(0, 1))
  }
  for (const figure of api.flatOut) {
    add(`API GET /v1/overview flat out, ${figure.connections} connections (${figure.scenario})`, 'req/s', unlessRefused(figure, figure.achieved), null, {
      min: absolute.apiOverviewMinRate,
    }, figure.load?.slice(0, 1))
  }
  const heavy = account('heavy')
  const healthy = account('healthy')
  if (heavy) {
    const largest = heavy.routes.reduce((top, figure) => (top && top.bytes >= figure.bytes ? top : figure), null)
    add(`API largest answer of the heavy account (GET ${largest?.path})`, 'KB', largest && largest.bytes / 1e3, null, { max: absolute.apiAnswerKB }, largest?.load?.slice(0, 1))
  }
  if (heavy && healthy) {
    // The cost of a request does not grow with the account: heavy's CPU per request ÷ healthy's, route by route.
    for (const figure of heavy.routes) {
      const base = healthy.routes.find((other) => other.route === figure.route)
      if (!base) continue
      add(`API CPU per request, heavy (app) ÷ healthy (bare): GET ${figure.path}`, 'ms', unlessRefused(figure, figure.cpuPerRequest), unlessRefused(base, base.cpuPerRequest), {
        ratio: budgets.ratio.apiHeavyCost,
      }, [figure.load?.[0], base.load?.[0]].filter((value) => value != null))
    }
  }
  add('API resident memory at the end (VmRSS)', 'MB', api.memory.rss / 1e6, null, undefined, api.load?.slice(0, 1))
  add('API resident memory, peak (VmHWM)', 'MB', api.memory.peak / 1e6, null, undefined, api.load?.slice(0, 1))
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
    `Bench ${results.mode} · ${results.started} · ${results.runs} run(s), ${results.boots} boots of home · ${results.chromium}${results.wpe?.version ? ` · ${results.wpe.version}` : ''} · ${results.cores} cores`,
    `Load average (1/5/15 min): start ${results.loadAverage.start.join(' ')}, end ${results.loadAverage.end?.join(' ') ?? '?'}`,
    ...(results.heaviestList
      ? [`Heaviest list: #${results.heaviestList.route} (${results.heaviestList.scenario}, ${results.heaviestList.rows} rows). Tour: ${results.tour?.app.join(' → ')}`]
      : []),
    '',
    'Medians; spread: the samples behind a median (n, lowest–highest); load: the 1-minute load average when they were taken (2 cores).',
    '',
    '| figure | unit | app | bare | ratio | budget | holds | spread app · bare | load |',
    '|---|---|---:|---:|---:|---|---|---|---|',
  ]
  const spread = (range, unit) => (range ? `${range.n}: ${format(range.min, unit)}–${format(range.max, unit)}` : '')
  for (const figure of results.figures) {
    const budget = figure.budget ? budgetText(figure.budget, figure.unit) : ''
    const holds = figure.holds === null ? (figure.budget ? 'not measured' : '') : figure.holds ? 'yes' : '**NO**'
    const spreads = [spread(figure.spread?.app, figure.unit), spread(figure.spread?.bare, figure.unit)].filter(Boolean).join(' · ')
    const load = figure.load ? [...new Set(figure.load.map((value) => value.toFixed(1)))].join('–') : ''
    lines.push(
      `| ${figure.name} | ${figure.unit} | ${format(figure.app, figure.unit)} | ${format(figure.bare, figure.unit)} | ${figure.ratio == null ? '—' : `${figure.ratio.toFixed(2)}×`} | ${budget} | ${holds} | ${spreads} | ${load} |`,
    )
  }
  if (results.api) lines.push(...apiTable(results.api))
  if (results.notes.length) lines.push('', ...results.notes.map((note) => `- ${note}`))
  return `${lines.join('\n')}\n`
}
