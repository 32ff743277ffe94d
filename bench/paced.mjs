// The bench's paced load (bench/api.mjs measure with a rate), run in a worker thread of its own
// so that the bench's own garbage collections do not delay a request and count as its latency.
import http from 'node:http'
import { parentPort, workerData } from 'node:worker_threads'

const sleep = (ms) => new Promise((done) => setTimeout(done, ms))

/**
 * An open-loop load at `rate` req/s: request i is due at start + i / rate, sent then however
 * many are still waiting, and its latency counts from when it was due, so a slow answer delays
 * no figure (no coordinated omission). Not autocannon's overallRate: that sends each second's
 * quota at full speed then waits for the next second, and corrects its percentiles with an
 * interval of ceil(1 000 / rate per connection) ms, 1 ms here: a burst measure, not a pace.
 * Request i carries `tokens[i]`. At most `connections` requests in flight (keep-alive); a
 * request due meanwhile queues, and its wait counts; a route slower than `rate` is asked for
 * longer than planned, and `elapsed` says how long. Answers in autocannon's shape, as far as
 * measure() reads it.
 */
export async function paced({ url, path, tokens, rate, connections }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections })
  const target = new URL(path, url)
  const total = tokens.length
  const latencies = []
  const statusCodeStats = {}
  let errors = 0
  let timeouts = 0
  const ask = (index, due) =>
    new Promise((done) => {
      const request = http.get(target, { agent, headers: { authorization: `Bearer ${tokens[index]}` }, timeout: 10_000 }, (response) => {
        response.resume()
        response.on('end', () => {
          const code = String(response.statusCode)
          statusCodeStats[code] = { count: (statusCodeStats[code]?.count ?? 0) + 1 }
          if (code.startsWith('2')) latencies.push(performance.now() - due)
          done()
        })
      })
      request.on('timeout', () => {
        timeouts++
        request.destroy(new Error('timeout'))
      })
      request.on('error', () => {
        errors++
        done()
      })
    })
  const answers = []
  const start = performance.now()
  for (let sent = 0; sent < total; ) {
    const due = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000) + 1)
    for (; sent < due; sent++) answers.push(ask(sent, start + (sent * 1000) / rate))
    await sleep(1)
  }
  await Promise.all(answers)
  const elapsed = (performance.now() - start) / 1000
  agent.destroy()
  latencies.sort((a, b) => a - b)
  const at = (share) => (latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))]) : null)
  const answered = Object.values(statusCodeStats).reduce((sum, { count }) => sum + count, 0)
  const non2xx = answered - latencies.length
  return {
    requests: { total: answered },
    elapsed,
    latency: { p50: at(0.5), p99: at(0.99), max: at(1) },
    non2xx,
    errors: errors - timeouts,
    timeouts,
    statusCodeStats,
  }
}

if (parentPort && workerData) parentPort.postMessage(await paced(workerData))
