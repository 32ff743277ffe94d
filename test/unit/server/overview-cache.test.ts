// GET /v1/overview keeps what it computed until the account changes (issue 20): two API
// replicas over one database, a write through one, home asked of the other: it says what
// the write changed, even with every write at the same instant (a fixed clock).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, ROUTES } from '../../../src/contract'
import { buildServer } from '../../../src/server/http/app'
import type { App } from '../../../src/server/http/context'
import { allRecordings, APP_ORIGIN, get, NOW, SECRET, type TestServer, testServer, TOKENS } from './helpers'

let server: TestServer
let replica: App
beforeAll(async () => {
  server = await testServer()
  replica = await buildServer({ tokenSecret: SECRET, db: server.db, now: () => NOW, demo: true, corsOrigins: [APP_ORIGIN] })
}, 60_000)
afterAll(async () => {
  await replica.close()
  await server.close()
})

const write = (method: 'POST' | 'DELETE' | 'PUT', url: string, token: string) => server.app.inject({ method, url, headers: { authorization: bearer(token) } })

describe('the overview after a write through another replica', () => {
  it('counts a deleted recording and the quota it frees', async () => {
    const before = (await get(replica, ROUTES.overview, TOKENS.quotaFull)).body
    expect((await get(replica, ROUTES.overview, TOKENS.quotaFull)).body).toEqual(before)
    const { items } = await allRecordings(server.app, TOKENS.quotaFull)
    const target = items.find((r) => !r.watchingNow)!
    expect((await write('DELETE', ROUTES.recording.replace(':id', target.id), TOKENS.quotaFull)).statusCode).toBe(200)
    const after = (await get(replica, ROUTES.overview, TOKENS.quotaFull)).body
    expect(after.recordings.count).toBe(before.recordings.count - 1)
    expect(after.recordings.quota.usedMinutes).toBe(before.recordings.quota.usedMinutes - target.sizeMinutes)
    expect(after).toEqual((await get(server.app, ROUTES.overview, TOKENS.quotaFull)).body)
  })

  it('counts a notice read through the other replica, a second write at the same instant too', async () => {
    const before = (await get(replica, ROUTES.overview, TOKENS.notices)).body
    const { body } = await get(server.app, ROUTES.notices, TOKENS.notices)
    const unread = body.items.filter((n: { readAt: string | null }) => n.readAt === null)
    expect(unread.length).toBeGreaterThanOrEqual(2)
    for (const [i, notice] of unread.slice(0, 2).entries()) {
      expect((await write('POST', ROUTES.noticeRead.replace(':id', notice.id), TOKENS.notices)).statusCode).toBe(200)
      expect((await get(replica, ROUTES.overview, TOKENS.notices)).body.notices.unread).toBe(before.notices.unread - i - 1)
    }
  })
})
