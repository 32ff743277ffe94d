// Recordings over HTTP: the rules of seed 004 TV §5.8–5.12 as the box sees them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Value } from 'typebox/value'
import {
  ApiErrorBody,
  AutoDeletionPreview,
  bearer,
  Overview,
  type Recording,
  RecordingChange,
  RecordingList,
  ROUTES,
  SimulatedRecordingResult,
} from '../../../src/contract'
import { addDays, daysBetween } from '../../../src/domain/dates'
import type { App } from '../../../src/server/http/context'
import { allRecordings, get, NOW, type TestServer, testServer, TOKENS } from './helpers'

async function send(app: App, method: 'PUT' | 'DELETE' | 'POST', url: string, token: string, payload?: object) {
  const response = await app.inject({ method, url, headers: { authorization: bearer(token) }, ...(payload ? { payload } : {}) })
  return { status: response.statusCode, body: response.json() }
}

const TODAY = '2026-03-16'
const protection = (id: string) => ROUTES.recordingProtection.replace(':id', id)
const one = (id: string) => ROUTES.recording.replace(':id', id)

vi.setConfig({ testTimeout: 30_000 })

let server: TestServer
// Each test seeds a fresh database (~2 200 recordings): slow on a loaded machine, hence the longer limits.
beforeEach(async () => {
  server = await testServer()
}, 30_000)
afterEach(() => server.close())

/** The whole list, every page (recordings-pages.test.ts tests the pages themselves). */
async function list(token: string = TOKENS.quotaFull): Promise<RecordingList> {
  const { status, body } = await get(server.app, ROUTES.recordings, token)
  expect(status).toBe(200)
  expect(Value.Check(RecordingList, body)).toBe(true)
  return allRecordings(server.app, token)
}

describe('GET /v1/recordings (quota-full)', () => {
  it('shows the quota at 98 % with the warning, and every recording with its deletion date', async () => {
    const { quota, items } = await list()
    expect(quota).toEqual({ totalMinutes: 6000, usedMinutes: 5880, freeMinutes: 120, percent: 98, warning: true })
    expect(items.reduce((sum, r) => sum + r.sizeMinutes, 0)).toBe(5880)
    for (const r of items) {
      expect(daysBetween(TODAY, r.deletionDate)).toBe(r.daysLeft)
      // "Disponível até" names the last day it can be watched: the eve of the deletion (004 TV §5.9).
      expect(r.lastViewingDay).toBe(addDays(r.deletionDate, -1))
    }
    // Sorted by deletion date, first to go first.
    const dates = items.map((r) => r.deletionDate)
    expect(dates).toEqual([...dates].sort())
  })

  it('has a mix: watched, unwatched, protected, unavailable, being watched, and the date shown only in the last 30 days', async () => {
    const { items } = await list()
    expect(items.some((r) => r.watched)).toBe(true)
    expect(items.some((r) => !r.watched)).toBe(true)
    expect(items.some((r) => r.protected)).toBe(true)
    expect(items.some((r) => r.unavailable)).toBe(true)
    expect(items.filter((r) => r.watchingNow)).toHaveLength(1)
    const shown = items.filter((r) => r.showDeletionDate)
    expect(shown.length).toBeGreaterThanOrEqual(3)
    for (const r of items) expect(r.showDeletionDate).toBe(r.daysLeft <= 30)
    // A protected one expires too (§5.9), and one goes early on its scheduled date.
    expect(shown.some((r) => r.protected)).toBe(true)
    const gladiador = items.find((r) => r.title === 'Gladiador')!
    expect(gladiador).toMatchObject({ deletionCause: 'scheduled', deletionDate: addDays(TODAY, 5), daysLeft: 5, showDeletionDate: true })
    expect(items[0]).toBe(items.find((r) => r.daysLeft === Math.min(...items.map((x) => x.daysLeft))))
  })

  it('names what automatic management deletes next: watched before unwatched, oldest first, never protected or playing', async () => {
    const { items, nextToDelete } = await list()
    expect(nextToDelete).toHaveLength(5)
    const byId = new Map(items.map((r) => [r.id, r]))
    const next = nextToDelete.map((candidate) => byId.get(candidate.id)!)
    expect(next).toEqual(nextToDelete)
    for (const r of next) expect(r.protected || r.watchingNow).toBe(false)
    expect(next[0].title).toBe('Telejornal')
    const watchedCount = items.filter((r) => r.watched && !r.protected && !r.watchingNow).length
    if (watchedCount >= 5) expect(next.every((r) => r.watched)).toBe(true)
    const starts = next.map((r) => r.startsAt)
    expect(starts).toEqual([...starts].sort())
  })
})

describe('6-month rule on a later day', () => {
  it('deletes recordings on their deletion day, protected ones included, and frees the quota', async () => {
    const before = await list()
    const expiring = before.items.filter((r) => r.daysLeft <= 15)
    expect(expiring.some((r) => r.protected)).toBe(true)
    const later = await testServer({ now: NOW, askedAt: new Date(NOW.getTime() + 15 * 86_400_000) })
    try {
      const body = await allRecordings(later.app, TOKENS.quotaFull)
      const ids = new Set(body.items.map((r) => r.id))
      for (const r of expiring) expect(ids.has(r.id)).toBe(false)
      expect(body.quota.usedMinutes).toBe(5880 - expiring.reduce((sum, r) => sum + r.sizeMinutes, 0))
      // Deleting an expired recording answers like any deleted one.
      const again = await send(later.app, 'DELETE', one(expiring[0].id), TOKENS.quotaFull)
      expect(again.status).toBe(200)
      expect(again.body.removedIds).toEqual([expiring[0].id])
    } finally {
      await later.close()
    }
  })
})

describe('protect, unprotect, delete', () => {
  it('protect and unprotect are idempotent and answer the recording and the quota', async () => {
    const { items } = await list()
    const target = items.find((r) => !r.protected && !r.watchingNow)!
    for (let i = 0; i < 2; i++) {
      const { status, body } = await send(server.app, 'PUT', protection(target.id), TOKENS.quotaFull)
      expect(status).toBe(200)
      expect(Value.Check(RecordingChange, body)).toBe(true)
      expect(body.recording).toMatchObject({ id: target.id, protected: true })
      expect(body.nextToDelete.map((r: Recording) => r.id)).not.toContain(target.id)
      expect(body.quota.percent).toBe(98)
    }
    for (let i = 0; i < 2; i++) {
      const { status, body } = await send(server.app, 'DELETE', protection(target.id), TOKENS.quotaFull)
      expect(status).toBe(200)
      expect(body.recording.protected).toBe(false)
    }
  })

  it('delete frees the quota, twice answers the same, and a missing id is 404 with a reason', async () => {
    const { items } = await list()
    const target = items.find((r) => r.title === 'Oppenheimer')!
    const first = await send(server.app, 'DELETE', one(target.id), TOKENS.quotaFull)
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ recording: null, removedIds: [target.id] })
    expect(first.body.quota.usedMinutes).toBe(5880 - target.sizeMinutes)
    const second = await send(server.app, 'DELETE', one(target.id), TOKENS.quotaFull)
    expect(second).toEqual(first)
    expect((await list()).items.some((r) => r.id === target.id)).toBe(false)

    for (const [method, url] of [
      ['DELETE', one('rec-nao-existe')],
      ['PUT', protection('rec-nao-existe')],
      ['PUT', protection(target.id)],
    ] as const) {
      const missing = await send(server.app, method, url, TOKENS.quotaFull)
      expect(missing.status).toBe(404)
      expect(Value.Check(ApiErrorBody, missing.body)).toBe(true)
      expect(missing.body.reason).toMatch(/^Não existe a gravação «.+» nesta conta\.$/)
    }
    expect((await send(server.app, 'DELETE', one('NOT valid!'), TOKENS.quotaFull)).status).toBe(400)
  })

  it('cannot reach another account’s recording', async () => {
    const { items } = await list(TOKENS.healthy)
    expect((await send(server.app, 'DELETE', one(items[0].id), TOKENS.quotaFull)).status).toBe(404)
  })
})

describe('automatic management over HTTP (§5.12)', () => {
  it('says in advance what N more hours would delete, without deleting it', async () => {
    const { status, body } = await get(server.app, `${ROUTES.recordingsAutoDeletion}?hours=3`, TOKENS.quotaFull)
    expect(status).toBe(200)
    expect(Value.Check(AutoDeletionPreview, body)).toBe(true)
    expect(body.fits).toBe(true)
    const freed = body.items.reduce((sum: number, r: Recording) => sum + r.sizeMinutes, 0)
    expect(120 + freed).toBeGreaterThanOrEqual(180)
    expect(120 + freed - body.items.at(-1).sizeMinutes).toBeLessThan(180)
    expect(body.items[0].title).toBe('Telejornal')
    const { nextToDelete } = await list()
    expect(body.items).toEqual(nextToDelete.slice(0, body.items.length))
    expect((await list()).quota.usedMinutes).toBe(5880)

    const room = await get(server.app, `${ROUTES.recordingsAutoDeletion}?hours=2`, TOKENS.quotaFull)
    expect(room.body).toMatchObject({ fits: true, items: [] })
    expect((await get(server.app, `${ROUTES.recordingsAutoDeletion}?hours=0`, TOKENS.quotaFull)).status).toBe(400)
  })

  it('the recorder adding a recording deletes exactly what the preview said', async () => {
    const preview = (await get(server.app, `${ROUTES.recordingsAutoDeletion}?hours=3`, TOKENS.quotaFull)).body as AutoDeletionPreview
    const { status, body } = await send(server.app, 'POST', ROUTES.qaRecordings, TOKENS.quotaFull, {
      channel: 'SIC',
      title: 'Jornal da Noite',
      durationMinutes: 180,
    })
    expect(status).toBe(201)
    expect(Value.Check(SimulatedRecordingResult, body)).toBe(true)
    expect(body.autoDeleted.map((r: Recording) => r.id)).toEqual(preview.items.map((r) => r.id))
    const after = await list()
    expect(after.items.some((r) => r.id === body.recording.id)).toBe(true)
    for (const r of preview.items) expect(after.items.some((x) => x.id === r.id)).toBe(false)
    expect(after.quota).toEqual(body.quota)
    expect(after.quota.usedMinutes).toBeLessThanOrEqual(6000)
    expect(body.recording).toMatchObject({ deletionDate: '2026-09-16', daysLeft: 184, showDeletionDate: false })
  })

  it('a short recording that fits deletes nothing', async () => {
    const { body } = await send(server.app, 'POST', ROUTES.qaRecordings, TOKENS.quotaFull, { channel: 'RTP2', title: 'Jornal 2', durationMinutes: 30 })
    expect(body.autoDeleted).toEqual([])
    expect(body.quota.usedMinutes).toBe(5910)
  })

  it('a lowered quota deletes nothing by itself; the next recording makes room under the new quota', async () => {
    const lowered = await send(server.app, 'PUT', ROUTES.qaRecordingQuota, TOKENS.quotaFull, { totalHours: 80 })
    expect(lowered.status).toBe(200)
    expect(lowered.body.quota).toMatchObject({ totalMinutes: 4800, usedMinutes: 5880, percent: 122, freeMinutes: 0, warning: true })
    const { body } = await send(server.app, 'POST', ROUTES.qaRecordings, TOKENS.quotaFull, { channel: 'RTP2', title: 'Jornal 2', durationMinutes: 30 })
    expect(body.quota.usedMinutes).toBeLessThanOrEqual(4800)
    expect(body.autoDeleted.every((r: Recording) => !r.protected && !r.watchingNow)).toBe(true)
    const raised = await send(server.app, 'PUT', ROUTES.qaRecordingQuota, TOKENS.quotaFull, { totalHours: 200 })
    expect(raised.body.quota).toMatchObject({ totalMinutes: 12000, warning: false })
  })

  it('refuses a recording that cannot fit even after deleting every candidate, and deletes nothing', async () => {
    await send(server.app, 'PUT', ROUTES.qaRecordingQuota, TOKENS.quotaFull, { totalHours: 1 })
    const { status, body } = await send(server.app, 'POST', ROUTES.qaRecordings, TOKENS.quotaFull, { channel: 'SIC', title: 'Filme', durationMinutes: 120 })
    expect(status).toBe(409)
    expect(body.reason).toMatch(/Não há espaço para gravar «Filme»/)
    expect((await list()).quota.usedMinutes).toBe(5880)
  })
})

describe('who may see recordings (seed 002)', () => {
  it('refuses the Utilizador with the reason and who can help; the overview says the same', async () => {
    for (const url of [ROUTES.recordings, `${ROUTES.recordingsAutoDeletion}?hours=1`]) {
      const { status, body } = await get(server.app, url, TOKENS.restricted)
      expect(status).toBe(403)
      expect(body).toEqual({
        error: 'forbidden',
        reason: 'As gravações só podem ser vistas pelo Administrador, Responsável Delegado ou Responsável Técnico da conta.',
        allowedProfiles: ['administrador', 'responsavel-delegado', 'responsavel-tecnico'],
      })
    }
    const del = await send(server.app, 'DELETE', one('rec-restricted-0001'), TOKENS.restricted)
    expect(del.status).toBe(403)
    expect(del.body.reason).toMatch(/^As gravações só podem ser protegidas ou apagadas pelo/)
    const overview = await get(server.app, ROUTES.overview, TOKENS.restricted)
    expect(overview.body.recordings).toMatchObject({ denied: true, allowedProfiles: ['administrador', 'responsavel-delegado', 'responsavel-tecnico'] })
  })

  it('lets the Responsável Técnico of the heavy account manage 2 000 recordings, not see invoices', async () => {
    const heavy = await list(TOKENS.heavy)
    expect(heavy.items).toHaveLength(2000)
    expect(heavy.quota.warning).toBe(false)
    expect((await send(server.app, 'PUT', protection(heavy.items[5].id), TOKENS.heavy)).status).toBe(200)
    expect((await get(server.app, ROUTES.invoices, TOKENS.heavy)).status).toBe(403)
  })

  it('puts the quota meter in the overview', async () => {
    const { body } = await get(server.app, ROUTES.overview, TOKENS.quotaFull)
    expect(Value.Check(Overview, body)).toBe(true)
    const { items } = await list()
    expect(body.recordings).toEqual({
      quota: { totalMinutes: 6000, usedMinutes: 5880, freeMinutes: 120, percent: 98, warning: true },
      count: items.length,
      expiringSoon: items.filter((r) => r.showDeletionDate).length,
    })
  })
})
