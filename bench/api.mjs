// The reference API as deployed (issue 20): sessions required, the default rate limit on
// (20 req/s, burst 60, per device token), demo data (DEMO=1). A box is a device token, so
// the bench provisions as many boxes per account as the load needs (rows in device_token,
// as an operator's provisioning writes them), opens a session for each and spreads the
// requests over them: no answer is refused for the rate. Every non-2xx, socket error and
// timeout is counted, and a figure with any of them is not a figure (report.mjs).
// Autocannon against 127.0.0.1 only.
import { spawn } from 'node:child_process'
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { Worker } from 'node:worker_threads'
import autocannon from 'autocannon'
import Database from 'better-sqlite3'
import pg from 'pg'

const sleep = (ms) => new Promise((done) => setTimeout(done, ms))

/** The default rate limit (src/server/start.ts), per device token, in units: a small answer is one unit. */
const LIMIT = { perSecond: 20, burst: 60 }
/** The API weighs an answer of `bytes` (src/server/http/auth.ts COST_UNIT_BYTES): one unit, plus one each 8 KB from 8 KB on. */
const COST_UNIT_BYTES = 8 * 1024
export function unitsPerAnswer(bytes) {
  return 1 + (bytes >= COST_UNIT_BYTES ? Math.floor(bytes / COST_UNIT_BYTES) : 0)
}

/** The API's TOKEN_SECRET here, so provisionBoxes can write digests it accepts (src/server/store/tokens.ts). */
const TOKEN_SECRET = randomBytes(32).toString('hex')

export async function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer()
    probe.once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => done(port))
    })
  })
}

/**
 * dist/server/main.mjs as deployed, on `database` ({ file } SQLite or { url } PostgreSQL).
 * `env` adds to the environment (never RATE_LIMIT or SESSIONS: the bench measures the defaults);
 * `nodeArgs` go to node before the script (`--cpu-prof`, which NODE_OPTIONS refuses).
 */
export async function startApi(database, env = {}, nodeArgs = []) {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [...nodeArgs, 'dist/server/main.mjs'], {
    env: {
      ...withoutOverrides(process.env),
      ...env,
      PORT: String(port),
      DEMO: '1',
      TOKEN_SECRET,
      // The app and the bare app are served from other 127.0.0.1 ports.
      CORS_ORIGINS: 'http://127.0.0.1:*',
      LOG_LEVEL: 'warn',
      ...(database.url ? { DATABASE_URL: database.url } : { DB_FILE: database.file, DATABASE_URL: '' }),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const exited = new Promise((done) => child.once('exit', done))
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}) before answering /health`)
    try {
      if ((await fetch(`${url}/health`)).ok) break
    } catch {
      if (attempt > 300) throw new Error('the API did not answer /health within 30 s')
      await sleep(100)
    }
  }
  return {
    url,
    pid: child.pid,
    async stop() {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await exited
    },
  }
}

function withoutOverrides(env) {
  const { RATE_LIMIT, SESSIONS, NOW, ...rest } = env
  return rest
}

/**
 * `count` more boxes for the account behind the demo device token `scenarioToken`, with
 * the same viewer (name and profile): rows in device_token, as the operator provisions them.
 */
export async function provisionBoxes(database, scenarioToken, count) {
  const tokens = Array.from({ length: count }, () => `bench-${randomBytes(12).toString('base64url')}`)
  // The database keeps HMAC-SHA-256(TOKEN_SECRET, SHA-256(token)) (src/server/store/tokens.ts), not the token.
  const digest = (token) => createHmac('sha256', TOKEN_SECRET).update(createHash('sha256').update(token).digest('base64url')).digest('base64url')
  const copy = (placeholder) =>
    `INSERT INTO device_token (token, account_id, viewer_name, viewer_profile)
     SELECT ${placeholder(1)}, account_id, viewer_name, viewer_profile FROM device_token WHERE token = ${placeholder(2)}`
  if (database.url) {
    const client = new pg.Client({ connectionString: database.url })
    await client.connect()
    try {
      await client.query('BEGIN')
      for (const token of tokens) await client.query(copy((n) => `$${n}`), [digest(token), digest(scenarioToken)])
      await client.query('COMMIT')
    } finally {
      await client.end()
    }
  } else {
    const db = new Database(database.file)
    try {
      const insert = db.prepare(copy(() => '?'))
      db.transaction(() => {
        for (const token of tokens) if (insert.run(digest(token), digest(scenarioToken)).changes !== 1) throw new Error(`no device token ${scenarioToken}`)
      })()
    } finally {
      db.close()
    }
  }
  return tokens
}

/** A session for each box (POST /v1/session, a few at a time), as the app opens one at boot (there with `?with=overview`). */
export async function openSessions(url, deviceTokens) {
  const sessions = new Array(deviceTokens.length)
  let at = 0
  const worker = async () => {
    while (at < deviceTokens.length) {
      const index = at++
      const answer = await fetch(`${url}/v1/session`, { method: 'POST', headers: { authorization: `Bearer ${deviceTokens[index]}` } })
      if (answer.status !== 201) throw new Error(`POST /v1/session: ${answer.status} ${await answer.text()}`)
      sessions[index] = (await answer.json()).sessionToken
    }
  }
  await Promise.all(Array.from({ length: 8 }, worker))
  return sessions
}

/**
 * Boxes enough for `rate` req/s under the per-box limit, with half again to spare: for
 * `seconds` (the burst helps), or for as long as it lasts (the sustained rate alone); each
 * answer spending `units` of a box's allowance (unitsPerAnswer).
 */
export function boxesFor(rate, seconds = Infinity, units = 1) {
  const perBox = Number.isFinite(seconds) ? LIMIT.burst / seconds + LIMIT.perSecond : LIMIT.perSecond
  return Math.ceil((1.5 * rate * units) / perBox)
}

/** The sessions in turn, one a request; one rotation shared by consecutive runs keeps every box under its rate. */
export function rotation(sessions) {
  let at = 0
  return () => sessions[at++ % sessions.length]
}

/** One GET as a box makes it: status, body bytes, JSON. */
export async function getAs(url, path, session) {
  const answer = await fetch(url + path, { headers: { authorization: `Bearer ${session}` } })
  const body = await answer.text()
  return { status: answer.status, bytes: Buffer.byteLength(body), json: answer.ok ? JSON.parse(body) : null }
}

/** CPU time a process has used (user + system), from /proc: a figure the other sessions' load barely moves. */
export function processCpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
}

/** Resident memory now and at its peak (VmRSS, VmHWM), bytes. */
export function processMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kB = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)[1]) * 1024
  return { rss: kB('VmRSS'), peak: kB('VmHWM') }
}

/**
 * bench/paced.mjs in a worker thread: its own heap, so a garbage collection of this process
 * (which holds every figure and thousands of sessions) cannot pause it and count as latency.
 */
function pacedInWorker(options) {
  return new Promise((done, fail) => {
    const worker = new Worker(new URL('./paced.mjs', import.meta.url), { workerData: options })
    worker.once('message', done)
    worker.once('error', fail)
  })
}

/**
 * `path` asked for `seconds`, each request from the box `next()` gives. `rate` null: flat out
 * (autocannon, `connections` each with one request in flight). `rate` in req/s: evenly paced
 * (bench/paced.mjs, in a worker of its own). `pids`: the API processes whose CPU is charged to these requests.
 */
export async function measure({ url, path, next, rate = null, seconds, connections = 10, pids }) {
  const setupRequest = (request) => {
    request.headers = { authorization: `Bearer ${next()}` }
    return request
  }
  const cpuBefore = pids.map(processCpuMs)
  const result = rate
    ? await pacedInWorker({ url, path, tokens: Array.from({ length: Math.round(rate * seconds) }, next), rate, connections })
    : await autocannon({ url, connections, duration: seconds, requests: [{ method: 'GET', path, setupRequest }] })
  const cpu = pids.map((pid, i) => processCpuMs(pid) - cpuBefore[i]).reduce((a, b) => a + b, 0)
  const statuses = {}
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) if (!code.startsWith('2')) statuses[code] = count
  const answered = result.requests.total
  return {
    path,
    rate,
    seconds,
    connections,
    requests: answered,
    // Served: a paced route slower than its rate answered its requests over more than `seconds`.
    achieved: answered / (result.elapsed ?? seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    refused: result.non2xx + result.errors + result.timeouts,
    statuses,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    cpuPerRequest: answered ? cpu / answered : null,
  }
}
