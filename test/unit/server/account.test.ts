import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Value } from 'typebox/value'
import { AccountPage, Registration, ROUTES } from '../../../src/contract'
import { buildServer } from '../../../src/server/http/app'
import { seedDemoAccounts } from '../../../src/server/demo/build'
import { migrateToLatest } from '../../../src/server/store/migrations'
import { addDays } from '../../../src/domain/dates'
import { lisbonDayEdges } from '../domain/lisbon-boundary'
import { get, NOW, SECRET, testDatabase, type TestServer, testServer, TOKENS } from './helpers'

let server: TestServer
beforeAll(async () => {
  server = await testServer()
})
afterAll(() => server.close())

const put = (token: string, payload: unknown) =>
  server.app.inject({ method: 'PUT', url: ROUTES.accountEInvoice, headers: { authorization: `Bearer ${token}` }, payload: payload as object })

describe('GET /v1/account (seeded Monday 16 March 2026)', () => {
  it('shows the household to its Administrador: masked NIF, commitment with every input of the estimate', async () => {
    const { status, body } = await get(server.app, ROUTES.account, TOKENS.admin)
    expect(status).toBe(200)
    expect(Value.Check(AccountPage, body)).toBe(true)
    expect(body).toMatchObject({ holderName: 'Rui Manuel Rocha', nifMasked: '*****8596', nifValid: true, contractNumber: '4102365518', registered: true })
    expect(JSON.stringify(body)).not.toContain('214638596')
    // 24 months from 1 May 2025; asked on 16 March, a TV termination ends service on 31 March (TV §8.2),
    // 13 whole months before the end: 360 € ÷ 24 × 13 = 195 € (seed 001 F.1.1).
    expect(body.commitment).toEqual({
      startDate: '2025-05-01',
      endDate: '2027-04-30',
      minimumMonths: 24,
      // 17 March 2026 to 30 April 2027: 13 months (to 16 April) and 14 days.
      monthsLeft: 13,
      daysLeft: 14,
      advantageCents: 36_000,
      monthsLeftAtTermination: 13,
      daysLeftAtTermination: 0,
      earlyTerminationCents: 19_500,
    })
    expect(body.termination).toMatchObject({ askedOn: '2026-03-16', deadline: '2026-03-21', effectiveDate: '2026-03-31', inThisCycle: true })
    // "within 30 (thirty) days following the termination" (004 general §9.10): to 30 April.
    expect(body.termination.equipmentReturnBy).toBe('2026-04-30')
    expect(body.einvoice).toEqual({ enabled: true, canChange: true })
  })

  it('counts points with the ones expiring in 90 days, and what an exchange needs', async () => {
    const { body } = await get(server.app, ROUTES.account, TOKENS.admin)
    expect(body.points.expiring).toEqual([
      { expiresOn: '2026-04-11', points: 100 },
      { expiresOn: '2026-05-11', points: 95 },
    ])
    expect(body.points.equipment).toMatchObject({ allowed: false, blockedBy: ['too-soon', 'commitment'], possibleFrom: '2026-07-20' })
    expect(body.points.accessory).toMatchObject({ allowed: true })
    const router = body.points.rewards.find((reward: { name: string }) => reward.name.startsWith('Router'))
    expect(router.missing).toBe(4500 - body.points.balance)
    expect(router.missingCostCents).toBe(Math.round((router.missing * 271) / 10))
  })

  it('stops every points exchange while an invoice is overdue (seed 003 §5)', async () => {
    const { body } = await get(server.app, ROUTES.account, TOKENS.overdue)
    expect(body.points.equipment.blockedBy).toContain('unpaid-invoices')
    expect(body.points.accessory.blockedBy).toContain('unpaid-invoices')
  })

  it('a complaint made by the due date lifts that block only for what it disputes; a later one lifts nothing (001 G)', async () => {
    const own = await testServer()
    try {
      const accountId = (await get(own.app, ROUTES.overview, TOKENS.overdue)).body.account.id as string
      const pastDue = await own.db
        .selectFrom('invoice')
        .select(['id', 'issue_date', 'due_date', 'total_cents'])
        .where('account_id', '=', accountId)
        .where('paid_on', 'is', null)
        .where('due_date', '<', '2026-03-16')
        .execute()
      expect(pastDue.length).toBeGreaterThan(0)
      const blockedBy = async () => (await get(own.app, ROUTES.account, TOKENS.overdue)).body.points.accessory.blockedBy as string[]
      const complain = async (invoice: (typeof pastDue)[number], filedOn: string, whole: boolean) => {
        await own.db.deleteFrom('invoice_complaint').where('invoice_id', '=', invoice.id).execute()
        await own.db
          .insertInto('invoice_complaint')
          .values({ invoice_id: invoice.id, account_id: accountId, filed_on: filedOn, line: whole ? null : 0, reason: 'wrong-amount', disputed_cents: whole ? invoice.total_cents : 100, decided_on: null })
          .execute()
      }
      // One line disputed in time: the rest of the invoice is still late.
      for (const invoice of pastDue) await complain(invoice, invoice.issue_date, false)
      expect(await blockedBy()).toContain('unpaid-invoices')
      // The whole invoice disputed by its due date: nothing is late.
      for (const invoice of pastDue) await complain(invoice, invoice.due_date, true)
      expect(await blockedBy()).not.toContain('unpaid-invoices')
      // The whole invoice disputed the day after its due date: late, as before the complaint.
      for (const invoice of pastDue) await complain(invoice, addDays(invoice.due_date, 1), true)
      expect(await blockedBy()).toContain('unpaid-invoices')
    } finally {
      await own.close()
    }
  })

  it('explains services pending activation: 48 h from acceptance and installation, then call 16990; none while the installation is scheduled', async () => {
    const { body } = await get(server.app, ROUTES.account, TOKENS.newCustomer)
    const byName = Object.fromEntries(body.services.services.map((service: { name: string }) => [service.name, service]))
    expect(byName['Canal premium Sport TV']).toMatchObject({ activation: 'waiting', orderedOn: '2026-03-15', installedOn: '2026-03-10', expectedBy: '2026-03-17' })
    expect(byName['Telefone fixo (portabilidade do número em curso)']).toMatchObject({ activation: 'late', installedOn: '2026-03-10', expectedBy: '2026-03-12' })
    // Ordered 3 days ago, installation only scheduled: not late (004 TV §6 a).
    expect(byName['Box adicional (instalação agendada)']).toMatchObject({ activation: 'scheduled', orderedOn: '2026-03-13', installedOn: null, expectedBy: null })
    expect(body.services.supportPhone).toBe('16990')
  })

  it('refuses each section a profile may not see, with the reason and who can help', async () => {
    const tecnico = (await get(server.app, ROUTES.account, TOKENS.tecnico)).body
    expect(tecnico.services.services.length).toBeGreaterThan(0)
    expect(tecnico.commitment).toMatchObject({ denied: true, allowedProfiles: ['administrador', 'responsavel-delegado', 'responsavel-faturacao'] })
    expect(tecnico.points).toMatchObject({ denied: true })
    expect(tecnico.einvoice.canChange).toBe(false)
    const faturacao = (await get(server.app, ROUTES.account, TOKENS.faturacao)).body
    expect(faturacao.services).toMatchObject({ denied: true, reason: expect.stringMatching(/Responsável Técnico/) })
    expect(faturacao.commitment.endDate).toBe('2027-04-30')
    const utilizador = await get(server.app, ROUTES.account, TOKENS.restricted)
    expect(utilizador.status).toBe(403)
    expect(utilizador.body.reason).toMatch(/^Os dados da conta/)
  })
})

describe('right of withdrawal (004 general §6.1–6.5)', () => {
  it('a consumer\'s distance contract "within 14 (fourteen) days" of its conclusion: the last day, the service used and the refund day', async () => {
    // new-customer: ordered by phone on 08/03/2026, active since 10/03, 63,97 € a month with IVA (55,15 € + 16 %).
    const { db, drop } = await testDatabase()
    await migrateToLatest(db, SECRET)
    await seedDemoAccounts(db, '2026-03-16', SECRET)
    let clock = NOW
    const app = await buildServer({ tokenSecret: SECRET, db, now: () => clock, demo: true, corsOrigins: [] })
    const withdrawalOn = async (instant: Date, token: string = TOKENS.newCustomer) => {
      clock = instant
      const { status, body } = await get(app, ROUTES.account, token)
      expect(status).toBe(200)
      expect(Value.Check(AccountPage, body)).toBe(true)
      return body.withdrawal
    }
    try {
      // 10–16 March: 7 of the 28 days of the cycle month 28/02–27/03, 6397 × 7 ÷ 28 = 15,99 €; refund and equipment within 14 days.
      expect(await withdrawalOn(NOW)).toEqual({
        channel: 'distance',
        concludedOn: '2026-03-08',
        days: 14,
        until: '2026-03-22',
        daysLeft: 6,
        serviceUsedCents: 1599,
        settleBy: '2026-03-30',
      })
      for (const [day, daysLeft] of [['2026-03-21', 1], ['2026-03-22', 0], ['2026-03-23', null]] as const) {
        for (const instant of lisbonDayEdges(day)) expect((await withdrawalOn(instant))?.daysLeft ?? null, instant.toISOString()).toBe(daysLeft)
      }
      // A contract made in a shop has none; a profile that may not see the commitment is told why.
      expect(await withdrawalOn(NOW, TOKENS.healthy)).toBeNull()
      expect(await withdrawalOn(NOW, TOKENS.tecnico)).toMatchObject({ denied: true, allowedProfiles: ['administrador', 'responsavel-delegado', 'responsavel-faturacao'] })
      // Made at home ("within 30 (thirty) days"): open to 07/04, across the spring clock change.
      await db.updateTable('account_contract').set({ sale_channel: 'off-premises' }).where('account_id', '=', 'acc-4101907724').execute()
      for (const [day, daysLeft] of [['2026-04-06', 1], ['2026-04-07', 0], ['2026-04-08', null]] as const) {
        for (const instant of lisbonDayEdges(day)) expect((await withdrawalOn(instant))?.daysLeft ?? null, instant.toISOString()).toBe(daysLeft)
      }
    } finally {
      await app.close()
      await drop()
    }
    // Many requests over a seeded database: PostgreSQL under load needs more than the default 5 s.
  }, 60_000)
})

describe('a commitment that did not start on a billing cycle (seed 001 F.1.1, in proportion)', () => {
  it('charges the month under way by its days, not as a whole month', async () => {
    const own = await testServer()
    try {
      // The household's 24 months moved to start on 15 May 2025: they end on 14 May 2027.
      await own.db.updateTable('account_contract').set({ commitment_start: '2025-05-15' }).where('account_id', '=', 'acc-4102365518').execute()
      const { body } = await get(own.app, ROUTES.account, TOKENS.admin)
      // Service would end on 31 March 2026: 13 months to 30 April 2027, then 14 of May's 31 days.
      expect(body.commitment).toMatchObject({ endDate: '2027-05-14', monthsLeftAtTermination: 13, daysLeftAtTermination: 14 })
      // 360 € ÷ 24 × (13 + 14/31) = 201,77 €, where counting May whole would charge 210 €.
      expect(body.commitment.earlyTerminationCents).toBe(20_177)
    } finally {
      await own.close()
    }
  })
})

describe('PUT /v1/account/einvoice', () => {
  it('stores the choice on the server', async () => {
    const off = await put(TOKENS.delegado, { enabled: false })
    expect(off.statusCode).toBe(200)
    expect(off.json()).toEqual({ enabled: false, canChange: true })
    expect((await get(server.app, ROUTES.account, TOKENS.admin)).body.einvoice.enabled).toBe(false)
    await put(TOKENS.admin, { enabled: true })
    expect((await get(server.app, ROUTES.account, TOKENS.delegado)).body.einvoice.enabled).toBe(true)
  })

  it('refuses a Responsável Técnico, and a body that is not a yes or no', async () => {
    const refused = await put(TOKENS.tecnico, { enabled: false })
    expect(refused.statusCode).toBe(403)
    expect(refused.json().reason).toMatch(/fatura eletrónica só pode ser ativada ou desativada/)
    expect((await put(TOKENS.admin, { enabled: 'sim' })).statusCode).toBe(400)
    expect((await put(TOKENS.admin, {})).statusCode).toBe(400)
  })

  it('refuses the Responsável de Faturação, who "pode consultar dados financeiros" only (seed 002): sees the state, may not change it', async () => {
    const refused = await put(TOKENS.faturacao, { enabled: false })
    expect(refused.statusCode).toBe(403)
    expect(refused.json().allowedProfiles).toEqual(['administrador', 'responsavel-delegado'])
    const seen = (await get(server.app, ROUTES.account, TOKENS.faturacao)).body.einvoice
    expect(seen).toEqual({ enabled: true, canChange: false })
  })
})

describe('GET /v1/registration', () => {
  it('says an account is not registered, where to register, and which services are still being activated', async () => {
    const { status, body } = await get(server.app, ROUTES.registration, TOKENS.unregistered)
    expect(status).toBe(200)
    expect(Value.Check(Registration, body)).toBe(true)
    expect(body.registered).toBe(false)
    expect(body.registerUrl).toMatch(/^https:\/\//)
    expect(body.pending).toEqual([{ name: 'Box adicional (quarto)', orderedOn: '2026-03-15', installedOn: '2026-03-15', expectedBy: '2026-03-17', activation: 'waiting' }])
  })

  it('answers every profile; the pending services only to those who may see services', async () => {
    expect((await get(server.app, ROUTES.registration, TOKENS.healthy)).body.registered).toBe(true)
    const utilizador = await get(server.app, ROUTES.registration, TOKENS.restricted)
    expect(utilizador.status).toBe(200)
    expect(utilizador.body.pending).toMatchObject({ denied: true })
  })
})

describe('home card', () => {
  it('carries the commitment end and points for those who may see them', async () => {
    expect((await get(server.app, ROUTES.overview, TOKENS.admin)).body.accountGlance).toMatchObject({
      registered: true,
      commitment: { endDate: '2027-04-30', monthsLeft: 13, daysLeft: 14 },
      points: { expiringSoon: 195 },
    })
    expect((await get(server.app, ROUTES.overview, TOKENS.unregistered)).body.accountGlance).toMatchObject({ registered: false, commitment: null })
    expect((await get(server.app, ROUTES.overview, TOKENS.tecnico)).body.accountGlance.points).toMatchObject({ denied: true })
  })
})
