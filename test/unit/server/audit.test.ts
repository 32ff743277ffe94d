// Every write leaves an audit row (issue 15): who, which account, what, when, from where,
// how it ended, refusals included; reads leave none, and no body (a PIN) is kept. A write and
// its row commit together: a row that cannot be written takes its write back.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, ROUTES } from '../../../src/contract'
import { tokenDigest } from '../../../src/server/store/tokens'
import { NOW, SECRET, TEST_DATABASE_URL, type TestServer, testServer, TOKENS } from './helpers'

let server: TestServer
beforeAll(async () => {
  server = await testServer()
})
afterAll(() => server.close())

const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token: string, payload?: object) =>
  server.app.inject({ method, url, headers: { authorization: bearer(token) }, ...(payload ? { payload } : {}) })

const rows = () => server.db.selectFrom('audit').selectAll().execute()

describe('audit', () => {
  it('writes one row per write, refused ones included, and none for reads or unknown tokens', async () => {
    const before = (await rows()).length
    await send('GET', ROUTES.overview, TOKENS.premium)
    await send('PUT', ROUTES.accountEInvoice, 'unknown-token-0000', { enabled: true })
    expect(await rows()).toHaveLength(before)

    const session = (await send('POST', ROUTES.session, TOKENS.premium)).json().sessionToken as string
    for (const key of ['audit-key-0001', 'audit-key-0002', 'audit-key-0003']) {
      await send('POST', ROUTES.premiumSubscribe.replace(':id', 'tvcine'), session, { pin: '1111', idempotencyKey: key })
    }
    await send('PUT', ROUTES.accountEInvoice, TOKENS.faturacao, { enabled: false })
    await send('DELETE', ROUTES.session, session)

    const trail = (await rows()).slice(before)
    expect(trail.map((row) => [row.method, row.route, row.target, row.status, row.outcome])).toEqual([
      ['POST', ROUTES.session, null, 201, 'ok'],
      ['POST', ROUTES.premiumSubscribe, 'tvcine', 403, 'wrong-pin'],
      ['POST', ROUTES.premiumSubscribe, 'tvcine', 403, 'wrong-pin'],
      ['POST', ROUTES.premiumSubscribe, 'tvcine', 429, 'pin-locked'],
      ['PUT', ROUTES.accountEInvoice, null, 403, 'forbidden'],
      ['DELETE', ROUTES.session, null, 204, 'ok'],
    ])
    const [opened, , , locked, refused] = trail
    expect(opened).toMatchObject({ at: NOW.toISOString(), viewer_profile: 'administrador', action: 'session.open', device: tokenDigest(SECRET, TOKENS.premium).slice(0, 12), client_ip: '127.0.0.1' })
    expect(locked?.account_id).toBe(opened?.account_id)
    expect(locked?.action).toBe('premium.manage')
    expect(refused).toMatchObject({ viewer_profile: 'responsavel-faturacao', action: 'einvoice.write' })
    expect(JSON.stringify(trail)).not.toContain('1111')
    expect(JSON.stringify(trail)).not.toContain(TOKENS.premium)
  })
})

describe('a write and its audit row are one transaction', () => {
  /** From now on the audit table refuses the row of a successful e-invoice switch, as a full or failing disk would. */
  async function refuseEInvoiceRows(): Promise<void> {
    const when = sql.raw(`new.route = '${ROUTES.accountEInvoice}' and new.status = 200`)
    if (TEST_DATABASE_URL) {
      await sql`create function refuse_audit() returns trigger language plpgsql as $$ begin if ${when} then raise exception 'audit refused'; end if; return new; end $$`.execute(server.db)
      await sql`create trigger refuse_audit before insert on audit for each row execute function refuse_audit()`.execute(server.db)
    } else {
      await sql`create trigger refuse_audit before insert on audit when ${when} begin select raise(abort, 'audit refused'); end`.execute(server.db)
    }
  }
  const einvoice = async () => (await send('GET', ROUTES.account, TOKENS.admin)).json().einvoice.enabled as boolean

  it('a refusal commits with its row: the wrong PIN is counted and on the trail', async () => {
    const before = (await send('GET', ROUTES.premium, TOKENS.healthy)).json().pin.triesLeft as number
    const rowsBefore = (await rows()).length
    expect((await send('POST', ROUTES.premiumSubscribe.replace(':id', 'tvcine'), TOKENS.healthy, { pin: '1111', idempotencyKey: 'audit-tx-0001' })).statusCode).toBe(403)
    expect((await send('GET', ROUTES.premium, TOKENS.healthy)).json().pin.triesLeft).toBe(before - 1)
    expect((await rows()).slice(rowsBefore).map((row) => row.outcome)).toEqual(['wrong-pin'])
  })

  it('a write whose row cannot be written is not done: 500, the setting unchanged, and the failure itself on the trail', async () => {
    const before = await einvoice()
    await refuseEInvoiceRows()
    const answer = await send('PUT', ROUTES.accountEInvoice, TOKENS.admin, { enabled: !before })
    expect(answer.statusCode).toBe(500)
    expect(await einvoice()).toBe(before)
    const failed = await server.db.selectFrom('audit').select(['status', 'outcome']).where('route', '=', ROUTES.accountEInvoice).where('viewer_profile', '=', 'administrador').execute()
    expect(failed).toEqual([{ status: 500, outcome: 'internal' }])
  })
})
