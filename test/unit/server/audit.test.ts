// Every write leaves an audit row (issue 15): who, which account, what, when, from where,
// how it ended, refusals included; reads leave none, and no body (a PIN) is kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, ROUTES } from '../../../src/contract'
import { tokenDigest } from '../../../src/server/store/tokens'
import { NOW, SECRET, type TestServer, testServer, TOKENS } from './helpers'

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
