// The demo scenarios must hold whatever day they are seeded on: month ends, leap days, year ends.
import { describe, expect, it } from 'vitest'
import { ISSUE_DELAY_DAYS } from '../../../src/domain/billing'
import { addDays, compareDates, daysBetween } from '../../../src/domain/dates'
import { isValidNif } from '../../../src/domain/nif'
import { testServer } from './helpers'

const SEEDING_DAYS = ['2026-03-16', '2026-01-31', '2026-03-01', '2028-02-29', '2026-12-31', '2027-01-01', '2026-05-31']

// Seeding writes every scenario, the heavy one's 2 000 recordings included: seconds on a loaded 2-core machine.
describe.each(SEEDING_DAYS)('demo data seeded on %s', { timeout: 30_000 }, (today) => {
  it('keeps every scenario true on its seeding day', async () => {
    const { app, db, close } = await testServer({ now: new Date(`${today}T12:00:00Z`) })
    try {
      const accounts = await db.selectFrom('account').selectAll().orderBy('id').execute()
      // One account per scenario, except the profile scenarios that watch the same household.
      const scenarioAccounts = await db
        .selectFrom('demo_scenario')
        .select('account_id')
        .distinct()
        .execute()
      expect(accounts).toHaveLength(scenarioAccounts.length)
      for (const account of accounts) expect(isValidNif(account.nif)).toBe(true)

      const statusesOf = async (token: string) => {
        const response = await app.inject({ url: '/v1/invoices?limit=60', headers: { authorization: `Bearer ${token}` } })
        return response.json().items as { status: string; daysOverdue: number; dueDate: string; issueDate: string; periodStart: string; periodEnd: string }[]
      }

      for (const account of accounts) {
        const invoices = await db
          .selectFrom('invoice')
          .select(['period_start', 'period_end', 'issue_date'])
          .where('account_id', '=', account.id)
          .orderBy('period_start')
          .execute()
        const newest = invoices[invoices.length - 1]
        // Every invoice is already issued, and the next one is not yet.
        expect(compareDates(newest.issue_date, today)).toBeLessThanOrEqual(0)
        expect(compareDates(addDays(newest.period_end, 1 + ISSUE_DELAY_DAYS), today)).toBeGreaterThan(0)
        for (let index = 1; index < invoices.length; index++) {
          expect(addDays(invoices[index - 1].period_end, 1)).toBe(invoices[index].period_start)
        }
        expect(invoices.length === 1 || invoices.length >= 24).toBe(true)
      }

      const healthy = await statusesOf('demo-healthy-0001')
      expect(healthy.every((invoice) => invoice.status === 'paid')).toBe(true)

      const overdue = await statusesOf('demo-overdue-0002')
      const late = overdue.filter((invoice) => invoice.status === 'overdue')
      expect(late).toHaveLength(1)
      expect(late[0].daysOverdue).toBe(12)
      expect(overdue[0].status).toBe('unpaid')

      const [first, ...none] = await statusesOf('demo-new-customer-0003')
      expect(none).toHaveLength(0)
      expect(first.status).toBe('unpaid')
      expect(daysBetween(first.periodStart, today)).toBe(6)

      const pending = await db
        .selectFrom('account_service')
        .select('name')
        .where('account_id', '=', 'acc-4101907724')
        .where('status', '=', 'pending')
        .execute()
      expect(pending.length).toBeGreaterThan(0)

      // notices: unread channel and contract notices, one late, one free exit still open; others all read.
      const notices = (await app.inject({ url: '/v1/notices', headers: { authorization: 'Bearer demo-notices-0005' } })).json().items as {
        kind: string
        late: boolean
        readAt: string | null
        unforeseeable: boolean
        freeExit: { open: boolean } | null
        daysLeft: number
      }[]
      const unread = notices.filter((notice) => notice.readAt === null)
      expect(unread.some((notice) => notice.kind.startsWith('channel-'))).toBe(true)
      expect(unread.filter((notice) => notice.late)).toHaveLength(1)
      expect(unread.filter((notice) => notice.freeExit?.open)).toHaveLength(1)
      expect(unread.every((notice) => notice.daysLeft > 0)).toBe(true)
      for (const token of ['demo-healthy-0001', 'demo-overdue-0002', 'demo-new-customer-0003', 'demo-restricted-0004']) {
        const overview = (await app.inject({ url: '/v1/overview', headers: { authorization: `Bearer ${token}` } })).json()
        expect(overview.notices.unread).toBe(0)
      }
      for (const notice of await db.selectFrom('notice').select(['read_at', 'announced_on']).execute()) {
        if (notice.read_at) expect(compareDates(notice.read_at.slice(0, 10), today)).toBeLessThanOrEqual(0)
        expect(compareDates(notice.announced_on, today)).toBeLessThanOrEqual(0)
      }
      // premium: one subscription inside its 30-day minimum, one cancellable at the end of the cycle.
      const premium = await app.inject({ url: '/v1/premium', headers: { authorization: 'Bearer demo-premium-0012' } })
      const catalogue = premium.json() as { products: unknown[]; subscriptions: { inMinimumPeriod: boolean; cancelToday: { rule: string } }[] }
      expect(catalogue.products.length).toBeGreaterThanOrEqual(6)
      expect(catalogue.subscriptions.map((s) => [s.inMinimumPeriod, s.cancelToday.rule])).toEqual([
        [false, 'billing-cycle'],
        [true, 'minimum-period'],
      ])
    } finally {
      await close()
    }
    // Seeding every scenario (two years of invoices each, 2 000 recordings) takes seconds on a busy 2-core box.
  }, 30_000)
})
