// The recording scenarios hold whatever day they are seeded on.
import { describe, expect, it } from 'vitest'
import { allRecordings, testServer, TOKENS } from './helpers'

const SEEDING_DAYS = ['2026-03-16', '2026-08-31', '2028-02-29', '2026-12-31']

// Seeding writes ~2 200 recordings per day tested: on a loaded 2-core machine that alone can pass vitest's 5 s default.
describe.each(SEEDING_DAYS)('recordings seeded on %s', { timeout: 30_000 }, (today) => {
  it('quota-full is at 98 % with dates shown, heavy has 2 000 recordings, nothing already past its deletion day', async () => {
    const { app, close } = await testServer({ now: new Date(`${today}T12:00:00Z`) })
    try {
      const recordings = (token: string) => allRecordings(app, token)
      const full = await recordings(TOKENS.quotaFull)
      expect(full.quota).toMatchObject({ percent: 98, warning: true })
      expect(full.items.filter((r) => r.showDeletionDate).length).toBeGreaterThanOrEqual(3)
      expect(full.items.some((r) => r.showDeletionDate && r.protected)).toBe(true)
      expect(full.items.some((r) => r.deletionCause === 'scheduled')).toBe(true)
      expect((await recordings(TOKENS.heavy)).items).toHaveLength(2000)
      for (const token of [TOKENS.healthy, TOKENS.overdue, TOKENS.newCustomer]) {
        const { items, quota } = await recordings(token)
        expect(items.length).toBeGreaterThan(0)
        expect(quota.percent).toBeLessThan(90)
      }
    } finally {
      await close()
    }
    // Seeds every demo account first: seconds on a busy 2-core box.
  }, 30_000)
})
