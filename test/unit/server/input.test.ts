// JSON bodies are taken with the types they were sent with: Ajv's coercion is for query
// strings (text by nature), never for a body where 0 would mean false or 2580 a PIN.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, ROUTES } from '../../../src/contract'
import { TOKENS, testServer, type TestServer } from './helpers'

let server: TestServer
beforeAll(async () => {
  server = await testServer()
})
afterAll(() => server.close())

const send = (method: 'PUT' | 'POST', url: string, token: string, payload: unknown) =>
  server.app.inject({ method, url, headers: { authorization: bearer(token), 'content-type': 'application/json' }, payload: JSON.stringify(payload) })

describe('wrong JSON types in a body', () => {
  it('{"enabled":0} is refused with the reason, and the e-invoice stays as it was', async () => {
    const before = (await server.app.inject({ url: ROUTES.account, headers: { authorization: bearer(TOKENS.admin) } })).json().einvoice
    const refused = await send('PUT', ROUTES.accountEInvoice, TOKENS.admin, { enabled: 0 })
    expect(refused.statusCode).toBe(400)
    expect(refused.json()).toEqual({ error: 'bad-request', reason: 'O campo «enabled» deve ser verdadeiro ou falso (true/false), não um número.' })
    expect((await server.app.inject({ url: ROUTES.account, headers: { authorization: bearer(TOKENS.admin) } })).json().einvoice).toEqual(before)
  })

  it('{"pin":2580} is refused: a PIN is text', async () => {
    const refused = await send('POST', ROUTES.premiumSubscribe.replace(':id', 'btv'), TOKENS.premium, { pin: 2580, idempotencyKey: 'input-test-0001' })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().reason).toBe('O campo «pin» deve ser um texto entre aspas, não um número.')
    const changed = await send('PUT', ROUTES.premiumPin, TOKENS.premium, { currentPin: 2580, newPin: '1357' })
    expect(changed.json().reason).toBe('O campo «currentPin» deve ser um texto entre aspas, não um número.')
  })

  it('{"totalHours":false} and {"totalHours":"50"} are refused; null is refused as before', async () => {
    for (const [totalHours, reason] of [
      [false, 'O campo «totalHours» deve ser um número inteiro, não verdadeiro ou falso (true/false).'],
      ['50', 'O campo «totalHours» deve ser um número inteiro, não um texto entre aspas.'],
      [null, 'O campo «totalHours» não pode ser nulo.'],
    ] as const) {
      const refused = await send('PUT', ROUTES.qaRecordingQuota, TOKENS.quotaFull, { totalHours })
      expect(refused.statusCode).toBe(400)
      expect(refused.json().reason).toBe(reason)
    }
  })

  it('query strings are still read as numbers', async () => {
    const three = await server.app.inject({ url: `${ROUTES.invoices}?limit=3`, headers: { authorization: bearer(TOKENS.healthy) } })
    expect(three.statusCode).toBe(200)
    expect(three.json().items).toHaveLength(3)
    expect((await server.app.inject({ url: `${ROUTES.invoices}?limit=abc`, headers: { authorization: bearer(TOKENS.healthy) } })).statusCode).toBe(400)
  })
})
