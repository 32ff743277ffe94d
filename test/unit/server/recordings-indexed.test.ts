// What the overview and the list need of the recordings is kept and indexed (issue 20):
// the answers are still the domain's (seed 004 TV §5.9–5.12) for the heavy account.
import { CompiledQuery } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { ROUTES } from '../../../src/contract'
import { autoDeletionOrder, byDeletionDate, deletionDate, quotaUse } from '../../../src/domain/recordings'
import { lisbonDate } from '../../../src/domain/dates'
import { listRecordings } from '../../../src/server/recordings/service'
import { allRecordings, get, heavyKeptRecordings, NOW, TEST_DATABASE_URL, type TestServer, testServer, TOKENS, withQueryRecorder } from './helpers'

vi.setConfig({ testTimeout: 60_000 })

let server: TestServer
beforeAll(async () => {
  server = await testServer()
}, 60_000)
afterAll(() => server.close())

const keptRows = () => heavyKeptRecordings(server.db)

describe('recordings kept with their deletion day (heavy account)', () => {
  it('stores for each recording the deletion day the domain gives (§5.9)', async () => {
    const rows = await keptRows()
    expect(rows.length).toBeGreaterThan(1000)
    for (const row of rows) expect(row.deletionOn).toBe(deletionDate(row).date)
  })

  it('lists in the domain order, names the domain’s next candidates (§5.12), and the overview counts the same', async () => {
    const rows = await keptRows()
    const list = await allRecordings(server.app, TOKENS.heavy)
    expect(list.items.map((item) => item.id)).toEqual([...rows].sort(byDeletionDate).map((row) => row.id))
    expect(list.nextToDelete.map((item) => item.id)).toEqual(
      autoDeletionOrder(rows)
        .slice(0, 5)
        .map((row) => row.id),
    )
    const overview = (await get(server.app, ROUTES.overview, TOKENS.heavy)).body
    expect(overview.recordings.count).toBe(rows.length)
    expect(overview.recordings.expiringSoon).toBe(list.items.filter((item) => item.showDeletionDate).length)
    expect(overview.recordings.quota).toEqual(list.quota)
    expect(list.quota.usedMinutes).toBe(quotaUse(list.quota.totalMinutes, rows).usedMinutes)
  })
})

describe('what a page of recordings answers beside the page (heavy account)', () => {
  // SQLite's plan names the index it reads and any sort it must make; PostgreSQL's depends on its statistics.
  it.skipIf(TEST_DATABASE_URL)('is read from indexes: no sort of the account’s recordings, the totals without reading a row', async () => {
    const { db: recorded, queries } = withQueryRecorder(server.db)
    const heavy = { account: { id: 'acc-4103348812', holderName: '', contractNumber: '' }, consumer: true, viewer: { name: 'Rui', profile: 'administrador' as const }, credential: '', sessionToken: null, changeVersion: 0 }
    await listRecordings(recorded, heavy, lisbonDate(NOW))
    const plans = []
    for (const node of queries) {
      const compiled = server.db.getExecutor().compileQuery(node, { queryId: 'plan' })
      if (!/from "recording"/.test(compiled.sql)) continue
      const { rows } = await server.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]))
      plans.push({ sql: compiled.sql, plan: rows.map((row) => row.detail).join(' / ') })
    }
    expect(plans.length).toBeGreaterThanOrEqual(4)
    for (const { plan } of plans) {
      expect(plan).toMatch(/USING (COVERING )?INDEX/)
      expect(plan).not.toMatch(/TEMP B-TREE/)
    }
    for (const { plan } of plans.filter(({ sql }) => sql.includes('count('))) expect(plan).toMatch(/USING COVERING INDEX/)
  })
})
