// GET /v1/overview, and the totals beside each page of GET /v1/recordings, keep what they
// computed until the account changes (issue 20): two API replicas over one database, a write
// through one, asked of the other: the answer says what the write changed, even with every
// write at the same instant (a fixed clock).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, type RecordingList, ROUTES } from '../../../src/contract'
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

const write = (method: 'POST' | 'DELETE' | 'PUT', url: string, token: string, payload?: object) =>
  server.app.inject({ method, url, payload, headers: { authorization: bearer(token) } })

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

describe('the recordings list after a write through another replica', () => {
  const firstPage = async (app: App): Promise<RecordingList> => (await get(app, `${ROUTES.recordings}?limit=5`, TOKENS.quotaFull)).body

  it('counts a deleted recording, the quota it frees, and names the next candidate in its place (§5.12)', async () => {
    const before = await firstPage(replica)
    expect(await firstPage(replica)).toEqual(before)
    const target = before.nextToDelete[0]!
    expect((await write('DELETE', ROUTES.recording.replace(':id', target.id), TOKENS.quotaFull)).statusCode).toBe(200)
    const after = await firstPage(replica)
    expect(after.total).toBe(before.total - 1)
    expect(after.quota.usedMinutes).toBe(before.quota.usedMinutes - target.sizeMinutes)
    expect(after.nextToDelete.map((r) => r.id)).not.toContain(target.id)
    expect(after.nextToDelete.map((r) => r.id)).toEqual([...before.nextToDelete.slice(1).map((r) => r.id), after.nextToDelete.at(-1)!.id])
    expect(after).toEqual(await firstPage(server.app))
  })

  it('leaves a protected recording out of the next candidates, and gives the operator’s new quota', async () => {
    const before = await firstPage(replica)
    const target = before.nextToDelete[0]!
    expect((await write('PUT', ROUTES.recordingProtection.replace(':id', target.id), TOKENS.quotaFull)).statusCode).toBe(200)
    expect((await firstPage(replica)).nextToDelete.map((r) => r.id)).not.toContain(target.id)
    const hours = before.quota.totalMinutes / 60 + 10
    expect((await write('PUT', ROUTES.qaRecordingQuota, TOKENS.quotaFull, { totalHours: hours })).statusCode).toBe(200)
    const after = await firstPage(replica)
    expect(after.quota.totalMinutes).toBe(hours * 60)
    expect(after).toEqual(await firstPage(server.app))
  })
})
