// Invoice complaints from the box (004 general §19.3–19.5; 001 G; profiles of seed 002):
// POST /v1/invoices/:id/complaint and what the invoice then shows. Seeded on Monday
// 16 March 2026: the overdue account's newest invoice was issued on 12/03 and is due on
// 01/04 (complaints until 11/04); the late one was issued on 12/02 (complaints until 14/03).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { Value } from 'typebox/value'
import { bearer, ComplaintReceipt, InvoiceDetail, ROUTES } from '../../../src/contract'
import { vatCents } from '../../../src/domain/money'
import { buildServer } from '../../../src/server/http/app'
import type { App } from '../../../src/server/http/context'
import type { Db } from '../../../src/server/store/db'
import { lisbonDayEdges } from '../domain/lisbon-boundary'
import { NOW, SECRET, type SeededCopies, seededCopies, TOKENS } from './helpers'

const NEWEST = 'ft-2026-1271001'
const LATE = 'ft-2026-1243001'

let copies: SeededCopies
beforeAll(async () => {
  copies = await seededCopies(NOW)
})
afterAll(() => copies.dispose())

let app: App
let db: Db
let drop: () => Promise<void>
let clock: Date
beforeEach(async () => {
  clock = NOW
  ;({ db, drop } = await copies.copy())
  app = await buildServer({ tokenSecret: SECRET, db, now: () => clock, demo: true })
})
afterEach(async () => {
  await app.close()
  await drop()
})

let keys = 0
const key = () => `complaint-key-${String(++keys).padStart(4, '0')}`
const path = (id: string) => ROUTES.invoiceComplaint.replace(':id', id)

async function complain(id: string, body: object, token: string = TOKENS.overdue) {
  const response = await app.inject({ method: 'POST', url: path(id), headers: { authorization: bearer(token) }, payload: body })
  return { status: response.statusCode, body: response.json() }
}

async function invoice(id: string, token: string = TOKENS.overdue): Promise<InvoiceDetail> {
  const response = await app.inject({ method: 'GET', url: `${ROUTES.invoices}/${id}`, headers: { authorization: bearer(token) } })
  expect(response.statusCode).toBe(200)
  const body = response.json()
  expect(Value.Check(InvoiceDetail, body)).toBe(true)
  return body
}

describe('POST /v1/invoices/:id/complaint', () => {
  it('records a complaint about one line made by the due date: payment of that part waits for the decision, due in 30 days', async () => {
    const before = await invoice(NEWEST)
    expect(before).toMatchObject({ issueDate: '2026-03-12', dueDate: '2026-04-01', status: 'unpaid', complaint: null, complaintBy: '2026-04-11', complainDenied: null })
    const line = before.lines[1]!
    const disputedCents = line.netCents + vatCents(line.netCents, before.vatRatePercent)
    const body = { line: 1, reason: 'not-contracted', idempotencyKey: key() }
    const answer = await complain(NEWEST, body)
    expect(answer.status).toBe(201)
    expect(Value.Check(ComplaintReceipt, answer.body)).toBe(true)
    const complaint = { filedOn: '2026-03-16', line: 1, reason: 'not-contracted', disputedCents, suspendsPayment: true, decisionBy: '2026-04-15', decidedOn: null }
    expect(answer.body).toEqual({ complaint, replayed: false })
    const after = await invoice(NEWEST)
    expect(after).toMatchObject({ status: 'disputed', complaint })

    // The same OK twice: one complaint, the first answer replayed.
    expect(await complain(NEWEST, body)).toEqual({ status: 200, body: { complaint, replayed: true } })
    expect(await db.selectFrom('invoice_complaint').selectAll().where('invoice_id', '=', NEWEST).execute()).toHaveLength(1)
    // The same key for another request, or a second complaint about the same invoice: refused with the reason.
    expect(await complain(NEWEST, { ...body, reason: 'other' })).toMatchObject({ status: 409, body: { error: 'idempotency-key-reused' } })
    expect(await complain(NEWEST, { line: null, reason: 'other', idempotencyKey: key() })).toMatchObject({
      status: 409,
      body: { error: 'already-disputed', reason: 'A fatura FT 2026/1271001 já está em reclamação desde 16/03/2026.' },
    })
  }, 60_000)

  it('a complaint about the whole invoice disputes its total; one made after the due date suspends nothing, and the invoice stays late', async () => {
    clock = lisbonDayEdges('2026-04-02')[0]
    const answer = await complain(NEWEST, { line: null, reason: 'wrong-amount', idempotencyKey: key() })
    const total = (await invoice(NEWEST)).totalCents
    expect(answer.body.complaint).toMatchObject({ line: null, disputedCents: total, suspendsPayment: false, decisionBy: '2026-05-02' })
    expect(await invoice(NEWEST)).toMatchObject({ status: 'overdue', daysOverdue: 1 })
  })

  it('refuses a complaint more than 30 days after the invoice\'s issue ("30 (thirty) days, as of the knowledge of the facts", §19.4)', async () => {
    expect(await complain(LATE, { line: null, reason: 'wrong-amount', idempotencyKey: key() })).toEqual({
      status: 422,
      body: { error: 'complaint-too-late', reason: 'O prazo para reclamar da fatura FT 2026/1243001 terminou a 14/03/2026: 30 dias desde a emissão. Pode reclamar no Livro de Reclamações ou ligar 16990.' },
    })
    expect(await invoice(LATE)).toMatchObject({ status: 'overdue', complaint: null, complaintBy: '2026-03-14' })
  })

  it('refuses a line the invoice does not have, and an unknown invoice', async () => {
    expect(await complain(NEWEST, { line: 40, reason: 'other', idempotencyKey: key() })).toMatchObject({ status: 422, body: { error: 'no-such-line' } })
    expect(await complain('ft-2026-0000000', { line: null, reason: 'other', idempotencyKey: key() })).toMatchObject({ status: 404 })
    expect(await complain(NEWEST, { line: null, reason: 'because', idempotencyKey: key() })).toMatchObject({ status: 400 })
  })

  it('only Administrador and Responsável Delegado complain; the Responsável de Faturação sees the complaint and why not (seed 002)', async () => {
    const [household] = await db.selectFrom('invoice').select(['id']).where('account_id', '=', 'acc-4102365518').orderBy('period_start', 'desc').limit(1).execute()
    const id = household!.id
    const refused = await complain(id, { line: null, reason: 'other', idempotencyKey: key() }, TOKENS.faturacao)
    expect(refused).toMatchObject({ status: 403, body: { error: 'forbidden', allowedProfiles: ['administrador', 'responsavel-delegado'] } })
    expect(await complain(id, { line: null, reason: 'other', idempotencyKey: key() }, TOKENS.delegado)).toMatchObject({ status: 201 })
    expect(await invoice(id, TOKENS.faturacao)).toMatchObject({
      complaint: { filedOn: '2026-03-16', line: null },
      complainDenied: { denied: true, allowedProfiles: ['administrador', 'responsavel-delegado'] },
    })
    expect(await complain(id, { line: null, reason: 'other', idempotencyKey: key() }, TOKENS.tecnico)).toMatchObject({ status: 403 })
  })
})

describe('at the boundaries, each at 00:00 and 23:59 in Lisbon', () => {
  /** Files a complaint about the whole newest invoice at both edges of `day`, and takes it back after each so the next try starts clean. */
  async function fileOn(day: string): Promise<{ status: number; suspends: boolean | null }[]> {
    const answers = []
    for (const instant of lisbonDayEdges(day)) {
      clock = instant
      const { status, body } = await complain(NEWEST, { line: null, reason: 'other', idempotencyKey: key() })
      answers.push({ status, suspends: body.complaint?.suspendsPayment ?? null })
      await db.deleteFrom('invoice_complaint').where('invoice_id', '=', NEWEST).execute()
    }
    return answers
  }

  it('"até à data limite de pagamento" (001 G): filed by the due date 01/04/2026 it suspends payment, the day after not', async () => {
    expect(await fileOn('2026-03-31')).toEqual([{ status: 201, suspends: true }, { status: 201, suspends: true }])
    expect(await fileOn('2026-04-01')).toEqual([{ status: 201, suspends: true }, { status: 201, suspends: true }])
    expect(await fileOn('2026-04-02')).toEqual([{ status: 201, suspends: false }, { status: 201, suspends: false }])
  }, 60_000)

  it('"no prazo máximo de 30 (trinta) dias" (004 general §19.4): accepted to 11/04/2026, refused from 12/04', async () => {
    expect((await fileOn('2026-04-10')).map((answer) => answer.status)).toEqual([201, 201])
    expect((await fileOn('2026-04-11')).map((answer) => answer.status)).toEqual([201, 201])
    expect((await fileOn('2026-04-12')).map((answer) => answer.status)).toEqual([422, 422])
  }, 60_000)
})
