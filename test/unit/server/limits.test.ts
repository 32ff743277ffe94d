// Attackers slowed: failed authentications limited per client address, requests weighed by
// what they cost, slow bodies cut, and /health that reads the database.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, RECORDINGS_PAGE_MAX, ROUTES } from '../../../src/contract'
import { buildServer } from '../../../src/server/http/app'
import { COST_UNIT_BYTES } from '../../../src/server/http/auth'
import type { App } from '../../../src/server/http/context'
import { openDatabase } from '../../../src/server/store/db'
import { migrateToLatest } from '../../../src/server/store/migrations'
import { NOW, SECRET, testServer, type TestServer, TOKENS } from './helpers'

let server: TestServer
beforeAll(async () => {
  server = await testServer()
})
afterAll(() => server.close())

const guess = (app: App, remoteAddress = '127.0.0.1', headers: Record<string, string> = {}) =>
  app.inject({ url: ROUTES.overview, remoteAddress, headers: { authorization: bearer(`guess-${randomBytes(12).toString('hex')}`), ...headers } })

describe('failed authentications per client address', () => {
  it('30 wrong tokens get 401, the next guess 429 with Retry-After; another address is not held', async () => {
    const app = await buildServer({ tokenSecret: SECRET, db: server.db, now: () => NOW, demo: true, authFailures: { perSecond: 0.5, burst: 30 } })
    try {
      const statuses: number[] = []
      for (let attempt = 0; attempt < 31; attempt++) statuses.push((await guess(app)).statusCode)
      expect(statuses.filter((status) => status === 401)).toHaveLength(30)
      const held = await guess(app)
      expect(held.statusCode).toBe(429)
      expect(held.headers['retry-after']).toBe('2')
      expect(held.json().reason).toMatch(/Demasiadas tentativas com um token inválido a partir deste endereço/)
      // Even a right token waits from that address: the guesser cannot tell the two apart.
      expect((await app.inject({ url: ROUTES.overview, headers: { authorization: bearer(TOKENS.healthy) } })).statusCode).toBe(429)
      expect((await guess(app, '10.0.0.2')).statusCode).toBe(401)
      expect((await app.inject({ url: ROUTES.overview, remoteAddress: '10.0.0.2', headers: { authorization: bearer(TOKENS.healthy) } })).statusCode).toBe(200)
    } finally {
      await app.close()
    }
  })

  it('behind a trusted proxy, counts the address the proxy names, not the proxy', async () => {
    const app = await buildServer({ tokenSecret: SECRET, db: server.db, now: () => NOW, demo: true, authFailures: { perSecond: 0.5, burst: 2 }, trustProxy: 1 })
    try {
      const from = (client: string) => guess(app, '127.0.0.1', { 'x-forwarded-for': client })
      expect([(await from('203.0.113.7')).statusCode, (await from('203.0.113.7')).statusCode, (await from('203.0.113.7')).statusCode]).toEqual([401, 401, 429])
      expect((await from('198.51.100.9')).statusCode).toBe(401)
    } finally {
      await app.close()
    }
  })
})

describe('requests weighed by their cost', () => {
  it('the largest recordings page spends the allowance of several small answers', async () => {
    const app = await buildServer({ tokenSecret: SECRET, db: server.db, now: () => NOW, demo: true, rateLimit: { perSecond: 0.001, burst: 100 } })
    const allowed = async (token: string, url: string) => {
      let count = 0
      while ((await app.inject({ url, headers: { authorization: bearer(token) } })).statusCode === 200) count++
      return count
    }
    try {
      expect(await allowed(TOKENS.healthy, ROUTES.notices)).toBe(100)
      // A page of 100 recordings (tens of KB) is charged one unit per 8 KB beyond its first.
      const largest = `${ROUTES.recordings}?limit=${RECORDINGS_PAGE_MAX}`
      const bytes = (await server.app.inject({ url: largest, headers: { authorization: bearer(TOKENS.heavy) } })).body.length
      const units = 1 + Math.floor(bytes / COST_UNIT_BYTES)
      expect(units).toBeGreaterThan(2)
      expect(await allowed(TOKENS.heavy, largest)).toBe(Math.ceil(100 / units))
    } finally {
      await app.close()
    }
  })
})

describe('slow clients', () => {
  it('a body trickling in one byte every 200 ms is cut with 408 when the request time is up', { timeout: 20_000 }, async () => {
    const app = await buildServer({ tokenSecret: SECRET, db: server.db, now: () => NOW, demo: true, timeouts: { requestMs: 1_000 } })
    await app.listen({ host: '127.0.0.1', port: 0 })
    const { port } = app.server.address() as { port: number }
    try {
      const socket = connect(port, '127.0.0.1')
      const started = performance.now()
      socket.write(
        `PUT ${ROUTES.accountEInvoice} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${bearer(TOKENS.healthy)}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{`,
      )
      const trickle = setInterval(() => socket.write(' '), 200)
      let answer = ''
      socket.on('data', (chunk) => (answer += chunk))
      const closedAfter = await new Promise<number>((resolve) => {
        socket.once('close', () => resolve(performance.now() - started))
        setTimeout(() => resolve(Number.POSITIVE_INFINITY), 8_000)
      })
      clearInterval(trickle)
      socket.destroy()
      expect(closedAfter).toBeLessThan(4_000)
      expect(answer).toMatch(/^HTTP\/1\.1 408/)
    } finally {
      await app.close()
    }
  })
})

describe('GET /health', () => {
  it('says ok only while the database answers: 503 with the reason once the SQLite file is gone', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'health-test-'))
    const file = join(directory, 'account.sqlite')
    const db = openDatabase({ file })
    await migrateToLatest(db, SECRET)
    const app = await buildServer({ tokenSecret: SECRET, db, demo: false })
    try {
      expect((await app.inject({ url: ROUTES.health })).json()).toMatchObject({ status: 'ok' })
      rmSync(file)
      const gone = await app.inject({ url: ROUTES.health })
      expect(gone.statusCode).toBe(503)
      expect(gone.json()).toEqual({
        error: 'database-unavailable',
        reason: `Serviço indisponível: o ficheiro da base de dados ${file} foi apagado ou substituído enquanto o servidor corria; o que for escrito agora perde-se.`,
      })
    } finally {
      await app.close()
      await db.destroy()
      rmSync(directory, { recursive: true, force: true })
    }
  })
})
