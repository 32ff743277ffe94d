// The bench's paced load (bench/api.mjs measure with a rate): requests spread over the second,
// not sent as one burst, and a request's wait for a busy server counted in its latency.
import { createServer, type Server } from 'node:http'
import { afterEach, expect, test } from 'vitest'
// @ts-expect-error: a plain ES module script without types
import { measure } from '../../../bench/api.mjs'

let server: Server
afterEach(() => new Promise<void>((done) => server.close(() => done())))

/** A server answering 200 after `delayMs`, noting when each request arrived. */
async function slowServer(delayMs: number): Promise<{ url: string; arrivals: number[] }> {
  const arrivals: number[] = []
  server = createServer((_request, response) => {
    arrivals.push(performance.now())
    setTimeout(() => response.end('{}'), delayMs)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const address = server.address()
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, arrivals }
}

test('100 req/s for a second arrive spread over it, not in a burst at its start', async () => {
  const { url, arrivals } = await slowServer(0)
  const figure = await measure({ url, path: '/x', next: () => 'box', rate: 100, seconds: 1, pids: [process.pid] })
  expect(figure.refused).toBe(0)
  expect(figure.requests).toBe(100)
  const first = arrivals[0]
  expect(arrivals.filter((at) => at - first < 300).length).toBeLessThanOrEqual(60)
  expect(arrivals.at(-1)! - first).toBeGreaterThan(700)
})

test('a server slower than the rate: each request waits its turn, and that wait is in its latency', async () => {
  // Two connections, 50 ms an answer: 40 req/s served of the 100 asked.
  const { url } = await slowServer(50)
  const figure = await measure({ url, path: '/x', next: () => 'box', rate: 100, seconds: 1, connections: 2, pids: [process.pid] })
  expect(figure.refused).toBe(0)
  expect(figure.p50).toBeGreaterThanOrEqual(50)
  expect(figure.p99).toBeGreaterThan(1000)
  expect(figure.achieved).toBeLessThan(60)
})
