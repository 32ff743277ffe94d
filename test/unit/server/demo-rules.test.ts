// Demo data is held to the same rules as real data (issue 16): what a demo account shows must
// recompute from the seeds, so a subscriber trying the demo is never shown a figure the rules deny.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { indexedNetPrice } from '../../../src/domain/billing'
import { formatMoney } from '../../../src/domain/format'
import { ibanValid } from '../../../src/domain/iban'
import { vatCents } from '../../../src/domain/money'
import { type TestServer, testServer } from './helpers'

let server: TestServer

beforeAll(async () => {
  server = await testServer()
})

afterAll(async () => {
  await server.close()
})

async function baseLines(accountId: string) {
  return server.db
    .selectFrom('invoice')
    .innerJoin('invoice_line', 'invoice_line.invoice_id', 'invoice.id')
    .select(['invoice.period_start', 'invoice.vat_rate_percent', 'invoice_line.net_cents'])
    .where('invoice.account_id', '=', accountId)
    .where('invoice_line.line_group', '=', 'base')
    .where('invoice.partial_period', '=', 0)
    .orderBy('invoice.period_start')
    .execute()
}

describe('demo data follows the rules', () => {
  it('every IBAN, of an account or of a direct debit, has valid ISO 13616 and NIB check digits', async () => {
    const accounts = await server.db.selectFrom('account').select(['id', 'iban']).execute()
    const debits = await server.db.selectFrom('invoice').select('debit_iban').distinct().execute()
    const ibans = [...accounts.map((row) => row.iban), ...debits.map((row) => row.debit_iban)].filter((iban): iban is string => iban !== null)
    expect(ibans.length).toBeGreaterThan(3)
    expect(ibans.filter((iban) => !ibanValid(iban))).toEqual([])
  })

  it('updates each March by the previous year\'s index: 4,3 % in 2024, 2,4 % in 2025, 2,3 % in 2026 (004 general §10.2)', async () => {
    const accounts = await server.db.selectFrom('account').select('id').execute()
    let checked = 0
    for (const { id } of accounts) {
      const lines = await baseLines(id)
      for (let index = 1; index < lines.length; index++) {
        const [before, march] = [lines[index - 1]!, lines[index]!]
        if (march.period_start.slice(5, 7) !== '03') {
          expect(march.net_cents, `${id} ${march.period_start}`).toBe(before.net_cents)
          continue
        }
        const basisPoints = { '2024': 430, '2025': 240, '2026': 230 }[march.period_start.slice(0, 4)]!
        expect(march.net_cents, `${id} ${march.period_start}`).toBe(indexedNetPrice(before.net_cents, basisPoints, march.vat_rate_percent))
        checked++
      }
    }
    expect(checked).toBeGreaterThan(0)
  })

  it('a price-change notice quotes as the old price what the account is billed now', async () => {
    const notice = await server.db.selectFrom('notice').select(['account_id', 'details']).where('id', '=', 'av-notices-price').executeTakeFirstOrThrow()
    const newest = (await baseLines(notice.account_id)).at(-1)!
    const billed = formatMoney(newest.net_cents + vatCents(newest.net_cents, newest.vat_rate_percent))
    expect(String(notice.details)).toContain(`passa de ${billed} para ${formatMoney(6990)}`)
  })

  it('credits an outage on the monthly value of every service contracted, not the base package alone (001 D)', async () => {
    const credits = await server.db
      .selectFrom('invoice_line')
      .innerJoin('invoice', 'invoice.id', 'invoice_line.invoice_id')
      .select(['invoice.id', 'invoice.period_start', 'invoice.period_end', 'invoice_line.net_cents'])
      .where('invoice_line.line_group', '=', 'credit')
      .execute()
    expect(credits.length).toBeGreaterThan(0)
    for (const credit of credits) {
      const monthly = await server.db
        .selectFrom('invoice_line')
        .select('net_cents')
        .where('invoice_id', '=', credit.id)
        .where('line_group', 'in', ['base', 'monthly'])
        .execute()
      const monthlyCents = monthly.reduce((sum, line) => sum + line.net_cents, 0)
      const periodDays = (Date.parse(credit.period_end) - Date.parse(credit.period_start)) / 86_400_000 + 1
      // Some whole number of days (each day or part of a day) of that monthly value.
      const days = Math.round((-credit.net_cents * periodDays) / monthlyCents)
      expect(Math.round((monthlyCents * days) / periodDays), credit.id).toBe(-credit.net_cents)
      expect(monthly.length, credit.id).toBeGreaterThan(1)
    }
  })
})
