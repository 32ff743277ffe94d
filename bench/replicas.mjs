// Several API processes on one PostgreSQL (issue 20): what a replica gives. For 1, 2 and
// 4 processes of dist/server/main.mjs as deployed (sessions required, default rate limit)
// on one throwaway cluster (scripts/pg-cluster.mjs, or DATABASE_URL), GET /v1/overview
// flat out for the healthy and the heavy account, the load spread evenly over the
// processes (one autocannon per process, as a round-robin balancer would), boxes enough
// that none is rate-limited. CPU per request is the API processes' (PostgreSQL's is not in it). Prints the table and writes bench/results/replicas-<time>.json.
//
//   npm run build && node bench/replicas.mjs [--seconds 10] [--processes 1,2,4]
//
// All on this machine: the processes, PostgreSQL and autocannon share its cores, so the
// figure says what replicas give on one host, not across hosts.
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startCluster, stopOnExit } from '../scripts/pg-cluster.mjs'
import { boxesFor, measure, openSessions, processMemory, provisionBoxes, rotation, startApi } from './api.mjs'

process.chdir(resolve(dirname(fileURLToPath(import.meta.url)), '..'))
const argv = process.argv.slice(2)
const option = (name, fallback) => {
  const at = argv.indexOf(`--${name}`)
  return at >= 0 && argv[at + 1] ? argv[at + 1] : fallback
}
const SECONDS = Number(option('seconds', 10))
const PROCESSES = option('processes', '1,2,4').split(',').map(Number)
const ACCOUNTS = ['healthy', 'heavy']
const CONNECTIONS = 10
const FLAT_OUT_CEILING = 6_000
const load = () => os.loadavg().map((value) => Number(value.toFixed(2)))
const log = (...parts) => console.log(`[replicas ${new Date().toISOString().slice(11, 19)}]`, ...parts)

const cluster = process.env.DATABASE_URL ? null : await startCluster()
const stopCluster = stopOnExit(cluster)
const database = { url: process.env.DATABASE_URL || cluster.url }
const rows = []
try {
  for (const count of PROCESSES) {
    // The first process migrates and seeds an empty database; the others find it ready.
    const apis = [await startApi(database)]
    for (let i = 1; i < count; i++) apis.push(await startApi(database))
    try {
      const { items: scenarios } = await (await fetch(`${apis[0].url}/v1/demo/scenarios`)).json()
      for (const id of ACCOUNTS) {
        const scenario = scenarios.find((candidate) => candidate.id === id)
        const sessions = await openSessions(apis[0].url, await provisionBoxes(database, scenario.token, boxesFor(FLAT_OUT_CEILING, SECONDS)))
        const next = rotation(sessions)
        const pids = apis.map((api) => api.pid)
        // Warm-up of every process, not counted.
        await Promise.all(apis.map((api) => measure({ url: api.url, path: '/v1/overview', next, seconds: 1, connections: CONNECTIONS, pids: [api.pid] })))
        const started = load()
        const parts = await Promise.all(
          // The same 10 connections in all, shared out: the load generator is the same for every count.
          apis.map((api, i) => measure({ url: api.url, path: '/v1/overview', next, seconds: SECONDS, connections: Math.floor((CONNECTIONS + i) / count), pids: [api.pid] })),
        )
        const requests = parts.reduce((sum, part) => sum + part.requests, 0)
        const row = {
          processes: count,
          account: id,
          seconds: SECONDS,
          connections: parts.reduce((sum, part) => sum + part.connections, 0),
          requests,
          perSecond: requests / SECONDS,
          p99: Math.max(...parts.map((part) => part.p99)),
          refused: parts.reduce((sum, part) => sum + part.refused, 0),
          cpuPerRequest: parts.reduce((sum, part) => sum + part.cpuPerRequest * part.requests, 0) / requests,
          rssMB: pids.reduce((sum, pid) => sum + processMemory(pid).rss, 0) / 1e6,
          load: { start: started, end: load() },
        }
        rows.push(row)
        log(`${count} process(es), ${id}: ${Math.round(row.perSecond)} req/s, p99 ${row.p99} ms, ${row.refused} refused, load ${row.load.end.join(' ')}`)
      }
    } finally {
      for (const api of apis) await api.stop()
    }
  }
} finally {
  stopCluster()
}

const base = (account) => rows.find((row) => row.account === account && row.processes === PROCESSES[0])
const lines = [
  `API processes on one PostgreSQL · ${new Date().toISOString()} · ${os.cpus().length} cores · GET /v1/overview flat out, ${SECONDS} s`,
  '',
  '| processes | account | req/s | × one process | p99 ms | CPU ms/request | RSS MB (all) | refused | load at end |',
  '|---:|---|---:|---:|---:|---:|---:|---:|---|',
  ...rows.map(
    (row) =>
      `| ${row.processes} | ${row.account} | ${row.refused ? 'not measured' : Math.round(row.perSecond)} | ${(row.perSecond / base(row.account).perSecond).toFixed(2)}× | ${row.p99} | ${row.cpuPerRequest.toFixed(3)} | ${row.rssMB.toFixed(0)} | ${row.refused} | ${row.load.end.join(' ')} |`,
  ),
]
console.log(`\n${lines.join('\n')}`)
mkdirSync('bench/results', { recursive: true })
writeFileSync(`bench/results/replicas-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, JSON.stringify(rows, null, 2))
if (rows.some((row) => row.refused)) process.exitCode = 1
