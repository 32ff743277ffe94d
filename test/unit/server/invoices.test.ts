import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Value } from 'typebox/value'
import { InvoiceDetail, InvoiceList, type InvoiceSummary, Overview, ROUTES } from '../../../src/contract'
import { addDays, daysBetween } from '../../../src/domain/dates'
import { VAT_RATE_PERCENT, vatCents } from '../../../src/domain/money'
import { isValidMultibancoReference } from '../../../src/domain/multibanco'
import { buildServer } from '../../../src/server/http/app'
import { seedDemoAccounts } from '../../../src/server/demo/build'
import { migrateToLatest } from '../../../src/server/store/migrations'
import { lisbonDayEdges } from '../domain/lisbon-boundary'
import { get, NOW, SECRET, testDatabase, type TestServer, testServer, TOKENS } from './helpers'

const TODAY = '2026-03-16'
let server: TestServer
beforeAll(async () => {
  server = await testServer()
})
afterAll(() => server.close())

async function list(token: string, limit = 60): Promise<InvoiceSummary[]> {
  const { status, body } = await get(server.app, `${ROUTES.invoices}?limit=${limit}`, token)
  expect(status).toBe(200)
  expect(Value.Check(InvoiceList, body)).toBe(true)
  return body.items
}

async function detail(token: string, id: string): Promise<InvoiceDetail> {
  const { status, body } = await get(server.app, `${ROUTES.invoices}/${id}`, token)
  expect(status).toBe(200)
  expect(Value.Check(InvoiceDetail, body)).toBe(true)
  return body
}

async function allDetails(token: string): Promise<InvoiceDetail[]> {
  return Promise.all((await list(token)).map((invoice) => detail(token, invoice.id)))
}

const READERS = [TOKENS.healthy, TOKENS.overdue, TOKENS.newCustomer]

describe('GET /v1/overview', () => {
  it('shows the account, the viewer and the next invoice', async () => {
    const { status, body } = await get(server.app, ROUTES.overview, TOKENS.healthy)
    expect(status).toBe(200)
    expect(Value.Check(Overview, body)).toBe(true)
    expect(body.account).toEqual({ id: 'acc-4100238571', holderName: 'Maria Fernandes Costa', contractNumber: '4100238571' })
    expect(body.viewer).toEqual({ name: 'Maria Fernandes', profile: 'administrador' })
    expect(body.invoices.unpaidCount).toBe(0)
    expect(body.invoices.unpaidTotalCents).toBe(0)
    expect(body.invoices.next).toMatchObject({ status: 'paid', dueDate: addDays(TODAY, -3) })
  })

  it('puts the oldest unpaid invoice first when one is late, and adds up what is owed', async () => {
    const { body } = await get(server.app, ROUTES.overview, TOKENS.overdue)
    expect(body.invoices.unpaidCount).toBe(2)
    const list = (await get(server.app, `${ROUTES.invoices}?limit=24`, TOKENS.overdue)).body as { items: { status: string; totalCents: number }[] }
    const owed = list.items.filter((invoice) => invoice.status !== 'paid' && invoice.status !== 'disputed')
    expect(owed).toHaveLength(2)
    expect(body.invoices.unpaidTotalCents).toBe(owed[0]!.totalCents + owed[1]!.totalCents)
    expect(body.invoices.next).toMatchObject({ status: 'overdue', daysOverdue: 12, dueDate: addDays(TODAY, -12) })
  })

  it('replaces the invoices with the reason and who can help for a restricted viewer', async () => {
    const { status, body } = await get(server.app, ROUTES.overview, TOKENS.restricted)
    expect(status).toBe(200)
    expect(Value.Check(Overview, body)).toBe(true)
    expect(body.viewer).toEqual({ name: 'Tiago Pinto', profile: 'utilizador' })
    expect(body.invoices).toEqual({
      denied: true,
      reason: 'As faturas só podem ser vistas pelo Administrador, Responsável Delegado ou Responsável de Faturação da conta.',
      allowedProfiles: ['administrador', 'responsavel-delegado', 'responsavel-faturacao'],
    })
  })
})

describe('GET /v1/invoices', () => {
  it('returns 24 invoices by default, newest first, in contiguous monthly periods', async () => {
    const { body } = await get(server.app, ROUTES.invoices, TOKENS.healthy)
    expect(body.items).toHaveLength(24)
    const items: InvoiceSummary[] = await list(TOKENS.healthy)
    expect(items.length).toBeGreaterThanOrEqual(24)
    expect(items.slice(0, 24)).toEqual(body.items)
    for (let index = 1; index < items.length; index++) {
      expect(addDays(items[index].periodEnd, 1)).toBe(items[index - 1].periodStart)
      expect(items[index].invoiceDate).toBe(items[index].periodStart)
    }
  })

  it('honours limit', async () => {
    expect(await list(TOKENS.healthy, 1)).toHaveLength(1)
    expect(await list(TOKENS.overdue, 60)).toHaveLength(26)
  })

  it.each([
    ['limit=0', /«limit» deve ser pelo menos 1/],
    ['limit=61', /«limit» deve ser no máximo 60/],
    ['limit=1000', /«limit» deve ser no máximo 60/],
    ['limit=abc', /«limit» deve ser um número inteiro/],
    ['limit=2.5', /«limit» deve ser um número inteiro/],
    ['limit=-3', /«limit» deve ser pelo menos 1/],
    ['page=2', /O parâmetro «page» não é aceite/],
    ['limit=5&sort=asc', /O parâmetro «sort» não é aceite/],
  ])('refuses ?%s with 400 naming the parameter', async (query, reason) => {
    const { status, body } = await get(server.app, `${ROUTES.invoices}?${query}`, TOKENS.healthy)
    expect(status).toBe(400)
    expect(body).toEqual({ error: 'bad-request', reason: expect.stringMatching(reason) })
  })
})

describe('GET /v1/invoices/:id', () => {
  it('404s an unknown id and another account’s invoice alike', async () => {
    const [othersInvoice] = await list(TOKENS.overdue, 1)
    for (const id of ['ft-2026-0000000', othersInvoice.id]) {
      const { status, body } = await get(server.app, `${ROUTES.invoices}/${id}`, TOKENS.healthy)
      expect(status).toBe(404)
      expect(body).toEqual({ error: 'not-found', reason: `Não existe a fatura «${id}» nesta conta.` })
    }
  })

  it.each(['FT-2026', 'ft%202026', 'a'.repeat(65), 'ft_2026'])('400s the malformed id %j naming the field', async (id) => {
    const { status, body } = await get(server.app, `${ROUTES.invoices}/${id}`, TOKENS.healthy)
    expect(status).toBe(400)
    expect(body).toEqual({ error: 'bad-request', reason: expect.stringMatching(/«id» não tem o formato esperado/) })
  })

  it('keeps totals consistent: lines → net, IVA at the region’s rate, total', async () => {
    const regions = new Set<string>()
    for (const token of READERS) {
      for (const invoice of await allDetails(token)) {
        regions.add(invoice.region)
        expect(invoice.vatRatePercent).toBe(VAT_RATE_PERCENT[invoice.region])
        expect(invoice.netCents).toBe(invoice.lines.reduce((sum, line) => sum + line.netCents, 0))
        expect(invoice.vatCents).toBe(vatCents(invoice.netCents, invoice.vatRatePercent))
        expect(invoice.totalCents).toBe(invoice.netCents + invoice.vatCents)
        expect(invoice.lines[0].group).toBe('base')
      }
    }
    expect([...regions].sort()).toEqual(['acores', 'continente', 'madeira'])
  })

  it('gives every Multibanco reference valid check digits for its entity and amount', async () => {
    let references = 0
    for (const token of READERS) {
      for (const { payment, totalCents } of await allDetails(token)) {
        if (payment.method !== 'multibanco') continue
        references++
        expect(payment.amountCents).toBe(totalCents)
        expect(isValidMultibancoReference(payment.entity, payment.reference, payment.amountCents)).toBe(true)
        expect(payment.beneficiary).not.toBe('')
      }
    }
    expect(references).toBeGreaterThanOrEqual(27)
  })

  it('never sends a whole IBAN', async () => {
    const invoices = await allDetails(TOKENS.healthy)
    for (const { payment, dueDate } of invoices) {
      expect(payment).toEqual({ method: 'direct-debit', ibanMasked: 'PT** **** 0154', collectionDate: dueDate })
    }
    const { text } = await get(server.app, `${ROUTES.invoices}/${invoices[0].id}`, TOKENS.healthy)
    expect(text).not.toContain('PT50000201231234567890154')
  })

  it('links to the invoice, numbers it with an ATCUD, compares with the previous month', async () => {
    const invoices = await allDetails(TOKENS.healthy)
    for (const [index, invoice] of invoices.entries()) {
      expect(invoice.number).toMatch(/^FT \d{4}\/\d{7}$/)
      expect(invoice.atcud).toMatch(/^[A-Z0-9]{8}-\d+$/)
      expect(invoice.atcud.split('-')[1]).toBe(String(Number(invoice.number.slice(-7))))
      expect(invoice.documentUrl).toBe(`https://www.example-operador.pt/fatura/${invoice.id}`)
      expect(invoice.previousTotalCents).toBe(invoices[index + 1]?.totalCents ?? null)
      expect(invoice.partialPeriod).toBe(false)
    }
  })

  it('bills base, monthly, extra and credit lines', async () => {
    const lines = (await allDetails(TOKENS.healthy)).flatMap((invoice) => invoice.lines)
    expect(new Set(lines.map((line) => line.group))).toEqual(new Set(['base', 'monthly', 'extra', 'credit']))
    expect(lines.some((line) => line.description.startsWith('Aluguer VOD: '))).toBe(true)
    expect(lines.some((line) => line.description === 'Canal premium Sport TV')).toBe(true)
    const credits = lines.filter((line) => line.group === 'credit')
    expect(credits).toHaveLength(1)
    expect(credits[0].netCents).toBeLessThan(0)
    expect(credits[0].description).toMatch(/indisponibilidade do serviço superior a 24 h/)
  })

  it('raises the base package once a year, in March, by at least 0,50 € with IVA (general §10.2)', async () => {
    const invoices = (await allDetails(TOKENS.healthy)).reverse()
    for (let index = 1; index < invoices.length; index++) {
      const [before, after] = [invoices[index - 1].lines[0].netCents, invoices[index].lines[0].netCents]
      if (invoices[index].periodStart.slice(5, 7) === '03') expect(vatCents(after - before, 23) + after - before).toBeGreaterThanOrEqual(50)
      else expect(after).toBe(before)
    }
  })
})

describe('scenarios', () => {
  it('healthy: every invoice paid by direct debit', async () => {
    const invoices = await list(TOKENS.healthy)
    expect(invoices.length).toBeGreaterThanOrEqual(24)
    expect(new Set(invoices.map((invoice) => invoice.status))).toEqual(new Set(['paid']))
  })

  it('overdue: one invoice 12 days late with its timeline, the newest still por pagar, one em reclamação', async () => {
    const invoices = await list(TOKENS.overdue)
    expect(invoices.length).toBeGreaterThanOrEqual(24)
    expect(invoices.filter((invoice) => invoice.status === 'overdue')).toHaveLength(1)
    expect(invoices[0]).toMatchObject({ status: 'unpaid', daysOverdue: 0 })
    expect(invoices[1]).toMatchObject({ status: 'overdue', daysOverdue: 12 })
    const disputed = invoices.filter((invoice) => invoice.status === 'disputed')
    expect(disputed).toHaveLength(1)
    expect(disputed[0].daysOverdue).toBe(0)

    const late = await detail(TOKENS.overdue, invoices[1].id)
    expect(daysBetween(late.dueDate, TODAY)).toBe(12)
    expect(late.payment.method).toBe('multibanco')
    // The notice went out 3 days after the due date (stored): the suspension is 30 days after it, not
    // after the last allowed day (004 TV §8.4, general §12.2 c). The last day to pay is the day before
    // the suspension (Civil Code art. 279).
    expect(late.timeline).toMatchObject({
      noticeBy: addDays(late.dueDate, 10),
      noticeSentOn: addDays(late.dueDate, 3),
      suspensionFrom: addDays(late.dueDate, 33),
      terminationFrom: addDays(late.dueDate, 63),
      amountDueCents: late.totalCents,
      collectionFeeCents: 500,
      interestCents: Math.round((late.totalCents * 0.1015 * 12) / 365),
      interestBasisPoints: 1015,
      payBy: addDays(late.dueDate, 32),
      serviceStatus: 'active',
    })
    expect((await detail(TOKENS.overdue, invoices[0].id)).timeline).toBeNull()
  })

  it('new customer: one invoice for a partial period from the activation day, not yet due', async () => {
    const invoices = await list(TOKENS.newCustomer)
    expect(invoices).toHaveLength(1)
    const first = await detail(TOKENS.newCustomer, invoices[0].id)
    expect(first).toMatchObject({
      periodStart: addDays(TODAY, -6),
      periodEnd: addDays(TODAY, 11),
      invoiceDate: addDays(TODAY, -6),
      status: 'unpaid',
      partialPeriod: true,
      previousTotalCents: null,
      region: 'acores',
      vatRatePercent: 16,
      timeline: null,
    })
  })
})

describe('the clock', () => {
  it('suspends "a partir de" 30 days after the stored notice, at both edges of the Lisbon days around it (004 TV §8.4, general §12.2 c)', async () => {
    // Seeded on 16/03/2026: the late invoice was due on 04/03 and its notice went out on 07/03, so the
    // service is suspended from 06/04/2026 (not 13/04, 30 days after the notice's last allowed day).
    const { db, drop } = await testDatabase()
    await migrateToLatest(db, SECRET)
    await seedDemoAccounts(db, TODAY, SECRET)
    let clock = NOW
    const app = await buildServer({ tokenSecret: SECRET, db, now: () => clock, demo: true, corsOrigins: [] })
    try {
      const late = (await get(app, ROUTES.overview, TOKENS.overdue)).body.invoices.next
      expect(late.dueDate).toBe('2026-03-04')
      const timelineOn = async (instant: Date) => {
        clock = instant
        return (await get(app, `${ROUTES.invoices}/${late.id}`, TOKENS.overdue)).body.timeline
      }
      expect(await timelineOn(NOW)).toMatchObject({ noticeSentOn: '2026-03-07', suspensionFrom: '2026-04-06', payBy: '2026-04-05' })
      for (const [day, status] of [['2026-04-05', 'active'], ['2026-04-06', 'suspended'], ['2026-04-07', 'suspended']] as const) {
        for (const instant of lisbonDayEdges(day)) expect((await timelineOn(instant)).serviceStatus, instant.toISOString()).toBe(status)
      }
    } finally {
      await app.close()
      await drop()
    }
    // Many requests over a seeded database: PostgreSQL under load needs more than the default 5 s.
  }, 60_000)

  it('derives status from the day asked about, not from stored state', async () => {
    const later = await testServer({ now: NOW, askedAt: new Date(NOW.getTime() + 40 * 86_400_000) })
    try {
      const { body } = await get(later.app, ROUTES.overview, TOKENS.overdue)
      expect(body.invoices.next).toMatchObject({ status: 'overdue', daysOverdue: 52 })
      const invoice = await get(later.app, `${ROUTES.invoices}/${body.invoices.next.id}`, TOKENS.overdue)
      expect(invoice.body.timeline).toMatchObject({ serviceStatus: 'suspended', payBy: addDays(invoice.body.timeline.terminationFrom, -1) })
    } finally {
      await later.close()
    }
  })
})
