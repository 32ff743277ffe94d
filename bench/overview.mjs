// GET /v1/overview for every demo account, the API as deployed (bench/api.mjs: sessions,
// default rate limit, fresh boxes so no answer is refused): flat out, then at 1 000 req/s
// asked (p99). `--seconds N` per figure (default 5), `--cpu-prof DIR` writes the API's CPU
// profile there (node --cpu-prof) for the whole run. Run `npm run build` first.
//   node bench/overview.mjs --seconds 5
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { boxesFor, getAs, measure, openSessions, provisionBoxes, rotation, startApi } from './api.mjs'

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name)
  return at >= 0 ? process.argv[at + 1] : fallback
}
const SECONDS = Number(arg('--seconds', 5))
const PROFILE = arg('--cpu-prof', null)
const RATE = 1000
/** Boxes for flat out: enough for this many req/s without a refusal. */
const CEILING = 6000

const load = () => os.loadavg().map((value) => value.toFixed(2)).join(' ')
const dataDir = mkdtempSync(join(os.tmpdir(), 'bench-overview-'))
const database = { file: join(dataDir, 'account.sqlite') }
const api = await startApi(database, {}, PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE}`] : [])
let refused = 0
try {
  const { items: scenarios } = await (await fetch(`${api.url}/v1/demo/scenarios`)).json()
  console.log(`GET /v1/overview, ${SECONDS} s a figure, 10 connections; load average at start ${load()} on ${os.cpus().length} cores`)
  console.log('| account | flat out req/s | p99 ms | CPU ms/req | at 1 000 req/s: served | p50 ms | p99 ms | refused | load |')
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|')
  for (const scenario of scenarios) {
    const sessions = await openSessions(api.url, await provisionBoxes(database, scenario.token, boxesFor(CEILING, 3 * SECONDS)))
    if ((await getAs(api.url, '/v1/overview', sessions[0])).status !== 200) continue
    const next = rotation(sessions)
    await measure({ url: api.url, path: '/v1/overview', next, seconds: Math.max(1, SECONDS / 2), pids: [api.pid] })
    const flat = await measure({ url: api.url, path: '/v1/overview', next, seconds: SECONDS, pids: [api.pid] })
    const paced = await measure({ url: api.url, path: '/v1/overview', next, rate: RATE, seconds: SECONDS, pids: [api.pid] })
    refused += flat.refused + paced.refused
    console.log(
      `| ${scenario.id} | ${Math.round(flat.achieved)} | ${flat.p99} | ${flat.cpuPerRequest.toFixed(3)} | ${Math.round(paced.achieved)} | ${paced.p50} | ${paced.p99} | ${flat.refused + paced.refused} | ${load()} |`,
    )
  }
} finally {
  await api.stop()
  rmSync(dataDir, { recursive: true, force: true })
}
if (refused) {
  console.error(`${refused} answers refused: these figures are not measured`)
  process.exitCode = 1
}
