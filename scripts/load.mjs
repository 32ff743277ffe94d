// Load (issue 9): autocannon against the built API on 127.0.0.1 at a fixed rate for a
// minute, over the demo accounts' read routes; prints p50/p99 latency and errors.
//   npm run load                      (LOAD_RATE=200 req/s, LOAD_SECONDS=60)
// The API runs on an in-memory database with the demo data and no rate limit: the
// per-token limiter would (rightly) refuse one token at this rate.
// LOAD_DATABASE_URL=postgres://… runs it on that PostgreSQL instead (seeded if empty), e.g.
//   node scripts/pg-cluster.mjs sh -c 'LOAD_DATABASE_URL=$DATABASE_URL npm run load'
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import autocannon from 'autocannon'

const RATE = Number(process.env.LOAD_RATE ?? 200)
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60)
const CONNECTIONS = 10

const port = await new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address()
    server.close(() => resolve(port))
  })
})
const url = `http://127.0.0.1:${port}`
const api = spawn(process.execPath, ['dist/server/main.mjs'], {
  env: { ...process.env, PORT: String(port), DB_FILE: ':memory:', LOG_LEVEL: 'warn', RATE_LIMIT: '0', DATABASE_URL: process.env.LOAD_DATABASE_URL ?? '', DEMO: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
})
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) break
    } catch {
      if (i > 200) throw new Error('the API did not start')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  const { items } = await (await fetch(`${url}/v1/demo/scenarios`)).json()
  // As a box does (sessions are required by default): each device token opens a session and the
  // requests carry the session token, so every request also looks its session up.
  const tokens = []
  for (const { token } of items) {
    const opened = await fetch(`${url}/v1/session`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })
    if (opened.status !== 201) throw new Error(`POST /v1/session: ${opened.status} ${await opened.text()}`)
    tokens.push((await opened.json()).sessionToken)
  }
  const paths = ['/v1/overview', '/v1/invoices?limit=12']
  const all = tokens.flatMap((token) => paths.map((path) => ({ method: 'GET', path, headers: { authorization: `Bearer ${token}` } })))
  // Only what the account's profile may see: a 403 for a Utilizador is right, not a load error.
  const requests = []
  for (const request of all) if ((await fetch(url + request.path, { headers: request.headers })).status === 200) requests.push(request)
  const result = await autocannon({ url, connections: CONNECTIONS, overallRate: RATE, duration: SECONDS, requests })
  const errors = result.errors + result.timeouts + result.non2xx
  const summary = {
    rate: `${RATE} req/s for ${SECONDS} s over ${requests.length} request kinds (${tokens.length} accounts)`,
    requests: result.requests.total,
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    max_ms: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  }
  console.log(JSON.stringify(summary, null, 2))
  if (errors > 0) process.exitCode = 1
} finally {
  api.kill('SIGTERM')
}
