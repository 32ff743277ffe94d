// Notices over HTTP: lead time and free exit judged by the server's clock, read
// state per account set when a notice is opened, and who may see contract terms.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Value } from 'typebox/value'
import { bearer, NoticeDetail, NoticeList, Overview, ROUTES } from '../../../src/contract'
import { addDays } from '../../../src/domain/dates'
import { get, NOW, type TestServer, testServer, TOKENS } from './helpers'

const NOTICES = 'demo-notices-0005'
const TODAY = '2026-03-16'

let server: TestServer
beforeEach(async () => {
  server = await testServer()
})
afterEach(() => server.close())

async function open(id: string, token = NOTICES) {
  const response = await server.app.inject({ method: 'POST', url: ROUTES.noticeRead.replace(':id', id), headers: { authorization: bearer(token) } })
  return { status: response.statusCode, body: response.json() }
}

async function list(token = NOTICES) {
  const { status, body } = await get(server.app, ROUTES.notices, token)
  expect(status).toBe(200)
  expect(Value.Check(NoticeList, body)).toBe(true)
  return body as NoticeList
}

describe('GET /v1/notices on the notices scenario', () => {
  it('lists unread first, the most urgent first, with lead time and free exit judged for today', async () => {
    const { items, unread } = await list()
    expect(unread).toBe(4)
    expect(items.map((item) => [item.id, item.readAt === null])).toEqual([
      ['av-notices-eurosport', true], // in force in 3 days
      ['av-notices-panda', true], // 12 days
      ['av-notices-price', true], // free exit closes in 20 days
      ['av-notices-star', true], // 30 days
      ['av-notices-cnn', false],
      ['av-notices-speed', false],
    ])
    const byId = Object.fromEntries(items.map((item) => [item.id, item]))
    expect(byId['av-notices-panda']).toMatchObject({ kind: 'channel-removed', late: true, daysLeft: 12, noticeDueBy: addDays(TODAY, 12 - 30), freeExit: null })
    expect(byId['av-notices-panda'].channels).toEqual([{ name: 'Canal Panda', before: 52, after: null }])
    expect(byId['av-notices-eurosport']).toMatchObject({ unforeseeable: true, late: false, noticeDueBy: null, daysLeft: 3 })
    expect(byId['av-notices-star']).toMatchObject({ late: false, daysLeft: 30 })
    expect(byId['av-notices-star'].channels).toEqual([
      { name: 'Fox Life', before: 25, after: null },
      { name: 'Star Life', before: null, after: 25 },
    ])
    expect(byId['av-notices-price']).toMatchObject({
      kind: 'contract-change',
      contractChange: true,
      late: false,
      announcedOn: addDays(TODAY, -10),
      freeExit: { until: addDays(TODAY, 20), open: true, daysLeft: 20 },
    })
    // A change only to the customer's benefit gives no free exit (general §5.6).
    expect(byId['av-notices-speed']).toMatchObject({ contractChange: true, freeExit: null })
  })

  it('closes the free exit the day after its 30th day, by the server clock', async () => {
    const later = await testServer({ now: NOW, askedAt: new Date(`${addDays(TODAY, 21)}T10:00:00Z`) })
    try {
      const { body } = await get(later.app, ROUTES.notices, NOTICES)
      const price = (body as NoticeList).items.find((item) => item.id === 'av-notices-price')
      expect(price?.freeExit).toEqual({ until: addDays(TODAY, 20), open: false, daysLeft: null })
      expect(price?.daysLeft).toBe(4)
    } finally {
      await later.close()
    }
  })

  it('the yearly price update on another account is not a contract change and was never late', async () => {
    const { items, unread } = await list(TOKENS.healthy)
    expect(unread).toBe(0)
    const update = items.find((item) => item.kind === 'price-update')
    expect(update).toMatchObject({ effectiveOn: '2026-03-01', contractChange: false, late: false, freeExit: null })
  })
})

describe('read state', () => {
  it('POST …/read marks a notice read for the account, keeps the first opening, and changes the counts', async () => {
    const before = await get(server.app, ROUTES.overview, NOTICES)
    expect(Value.Check(Overview, before.body)).toBe(true)
    expect(before.body.notices).toMatchObject({ unread: 4, total: 6 })
    expect(before.body.notices.mostUrgent.id).toBe('av-notices-eurosport')

    const first = await open('av-notices-eurosport')
    expect(first.status).toBe(200)
    expect(Value.Check(NoticeDetail, first.body)).toBe(true)
    expect(first.body.readAt).toBe(NOW.toISOString())
    expect(first.body.details[0]).toMatch(/titular dos direitos/)

    // Marking twice is harmless: same answer, same first reading time, counts unchanged.
    const second = await open('av-notices-eurosport')
    expect(second.status).toBe(200)
    expect(second.body.readAt).toBe(first.body.readAt)

    const after = await get(server.app, ROUTES.overview, NOTICES)
    expect(after.body.notices.unread).toBe(3)
    expect(after.body.notices.mostUrgent.id).toBe('av-notices-panda')
    const { items } = await list()
    // Read ones go after the unread ones.
    expect(items.slice(0, 3).map((item) => item.id)).toEqual(['av-notices-panda', 'av-notices-price', 'av-notices-star'])
    expect(items[3]).toMatchObject({ id: 'av-notices-eurosport', readAt: NOW.toISOString() })
  })

  it('GET of one notice does not mark it read', async () => {
    const { status, body } = await get(server.app, ROUTES.notice.replace(':id', 'av-notices-panda'), NOTICES)
    expect(status).toBe(200)
    expect(body.readAt).toBeNull()
    expect((await list()).unread).toBe(4)
  })

  it('another account cannot open or mark this account notice: 404, and nothing changes', async () => {
    expect((await open('av-notices-panda', TOKENS.healthy)).status).toBe(404)
    const { status, body } = await get(server.app, ROUTES.notice.replace(':id', 'av-notices-panda'), TOKENS.healthy)
    expect(status).toBe(404)
    expect(body.reason).toBe('Não existe o aviso «av-notices-panda» nesta conta.')
    expect((await list()).unread).toBe(4)
  })

  it('refuses a malformed id with a reason, and a missing token with 401', async () => {
    const bad = await open('NOT_AN_ID')
    expect(bad.status).toBe(400)
    expect(bad.body.reason).toMatch(/id/)
    const response = await server.app.inject({ method: 'POST', url: ROUTES.noticeRead.replace(':id', 'av-notices-panda') })
    expect(response.statusCode).toBe(401)
  })
})

describe('profiles (seed 002)', () => {
  it('the Utilizador sees channel notices and that a contract change is coming, not its terms', async () => {
    const { items, unread } = await list(TOKENS.restricted)
    const terms = items.find((item) => item.kind === 'contract-change')
    expect(terms).toMatchObject({ restricted: true, title: 'Alteração às condições do contrato', readAt: null, freeExit: null })
    // A profile with contract data sees the free-exit window of an adverse change (the notices account's).
    expect((await list(TOKENS.notices)).items.find((item) => item.kind === 'contract-change' && item.freeExit !== null)).toBeDefined()
    // The unread contract change is not counted for them: the banner never points at what they cannot open.
    expect(unread).toBe(0)
    const overview = await get(server.app, ROUTES.overview, TOKENS.restricted)
    expect(overview.body.notices).toMatchObject({ unread: 0, mostUrgent: null })

    const refused = await open('av-restricted-terms', TOKENS.restricted)
    expect(refused.status).toBe(403)
    expect(refused.body.reason).toBe(
      'Os detalhes das alterações ao contrato só podem ser vistos pelo Administrador, Responsável Delegado ou Responsável de Faturação da conta.',
    )
    expect(refused.body.allowedProfiles).toEqual(['administrador', 'responsavel-delegado', 'responsavel-faturacao'])
    // Refused is not read.
    const still = (await list(TOKENS.restricted)).items.find((item) => item.id === 'av-restricted-terms')
    expect(still?.readAt).toBeNull()

    const channel = await open('av-restricted-hollywood', TOKENS.restricted)
    expect(channel.status).toBe(200)
    expect(channel.body.channels).toEqual([{ name: 'Canal Hollywood', before: 33, after: 61 }])
  })
})
