// `npm run qa`: the full QA matrix (qa/lanes.ts), results in qa-results/.
//   npm run qa                     every route × scenario × lane, goldens compared
//   npm run qa:golden              rewrites qa/golden/ from the 1080p Chromium lane (review, then commit)
//   options: --lanes chromium-uma-1080p,wpe-uma-720p   --scenarios overdue,healthy   --out DIR   --no-wpe
//            --jobs N (lanes at a time; 2 by default, for the 2-core machine: three at a time made the whole matrix slower, docs/qa.md)
// Exits 1 when a screen has a finding, 2 when the run itself failed or a WPE lane asked for could not run.
import { mkdirSync, rmSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { resolve } from 'node:path'
import { build } from 'esbuild'

const argv = process.argv.slice(2)
const option = (name) => {
  const at = argv.indexOf(`--${name}`)
  return at >= 0 ? argv[at + 1] : undefined
}
const update = argv.includes('--update-goldens')

mkdirSync('.scratch', { recursive: true })
const outfile = resolve('.scratch/qa-lanes.mjs')
await build({ entryPoints: ['qa/lanes.ts'], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'error' })
const qa = await import(pathToFileURL(outfile).href)

let lanes = qa.FULL_LANES
if (update) lanes = [qa.GOLDEN_LANE]
if (option('lanes')) {
  const wanted = option('lanes').split(',')
  lanes = qa.FULL_LANES.filter((lane) => wanted.includes(qa.laneId(lane)))
}
if (argv.includes('--no-wpe')) lanes = lanes.filter((lane) => lane.engine !== 'wpe')
const out = option('out') ?? 'qa-results'
rmSync(out, { recursive: true, force: true })

try {
  const result = await qa.runQa({
    lanes,
    scenarios: option('scenarios')?.split(','),
    out,
    jobs: Number(option('jobs') ?? 2),
    golden: update ? 'update' : 'compare',
    log: (line) => console.log(line),
  })
  const seconds = (result.durationMs / 1000).toFixed(0)
  console.log(`\n${result.summary.screens} screens (${result.lanes.length} lanes × ${result.scenarios.length} scenarios × ${result.routes.length - result.unreached.length - 2}+ routes) in ${seconds} s; ${result.summary.failed} with findings ${JSON.stringify(result.summary.findings)}`)
  for (const [lane, time] of Object.entries(result.laneTimes)) console.log(`  ${lane}: ${time.screens} screens in ${(time.ms / 1000).toFixed(0)} s, ${(time.ms / Math.max(1, time.screens) / 1000).toFixed(2)} s a screen (load average ${time.load})`)
  console.log(`WPE: ${result.wpe.status}${result.wpe.reason ? ` (${result.wpe.reason})` : ''}; findings only WPE had: ${result.wpeOnly.length}`)
  for (const item of result.wpeOnly) console.log(`  ${item.scenario} ${item.route} ${item.resolution}: ${item.findings.map((f) => `[${f.check}] ${f.message}`).join('; ')}`)
  if (update) console.log(`goldens written to ${qa.GOLDEN_DIR}/: review them (git diff --stat) and commit`)
  console.log(`contact sheet: ${out}/index.html · result: ${out}/result.json`)
  process.exitCode = result.summary.failed > 0 && !update ? 1 : 0
  // A lane asked for and not run is not a pass (CI's WPE lane): --no-wpe where WPE is not installed.
  if (result.wpe.status !== 'ran' && lanes.some((lane) => lane.engine === 'wpe')) {
    console.error(`the WPE lanes did not run (${result.wpe.reason}): install WPE or pass --no-wpe`)
    process.exitCode = 2
  }
} catch (error) {
  console.error(error)
  process.exitCode = 2
}
