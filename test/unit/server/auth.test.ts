import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Value } from 'typebox/value'
import { ApiErrorBody, ROUTES } from '../../../src/contract'
import { requireDeviceToken } from '../../../src/server/http/auth'
import { get, SECRET, type TestServer, testServer, TOKENS } from './helpers'

let server: TestServer
beforeAll(async () => {
  server = await testServer()
})
afterAll(() => server.close())

const PROTECTED = [ROUTES.overview, ROUTES.invoices, `${ROUTES.invoices}/ft-2026-1275001`]

describe('device token', () => {
  it.each(PROTECTED)('%s without Authorization → 401 with a reason', async (url) => {
    const { status, body, headers } = await get(server.app, url)
    expect(status).toBe(401)
    expect(Value.Check(ApiErrorBody, body)).toBe(true)
    expect(body.error).toBe('unauthorized')
    expect(body.reason).toMatch(/Falta o cabeçalho Authorization/)
    expect(headers['www-authenticate']).toMatch(/^Bearer/)
  })

  it.each([
    ['Basic ZGVtbzpkZW1v'],
    ['Bearer'],
    ['Bearer short'],
    ['Bearer has spaces inside'],
    ['Bearer demo-healthy-0001;drop'],
    ['bearer demo-healthy-0001'],
  ])('malformed header %j → 401 explaining the expected form', async (authorization) => {
    const response = await server.app.inject({ method: 'GET', url: ROUTES.overview, headers: { authorization } })
    expect(response.statusCode).toBe(401)
    expect(response.json()).toEqual({ error: 'unauthorized', reason: expect.stringMatching(/Bearer <token>/) })
  })

  it.each(PROTECTED)('%s with an unknown token → 401 with a reason', async (url) => {
    const { status, body } = await get(server.app, url, 'unknown-token-0000')
    expect(status).toBe(401)
    expect(body).toEqual({ error: 'unauthorized', reason: expect.stringMatching(/token não é conhecido/) })
  })

  it('checks the token before the query: an anonymous bad request is still a 401', async () => {
    const { status } = await get(server.app, `${ROUTES.invoices}?limit=abc`)
    expect(status).toBe(401)
  })

  it('accepts every demo token', async () => {
    for (const token of Object.values(TOKENS)) {
      expect((await get(server.app, ROUTES.overview, token)).status).toBe(200)
    }
  })
})

describe('restricted profile (seed 002: Utilizador)', () => {
  it.each([ROUTES.invoices, `${ROUTES.invoices}?limit=5`, `${ROUTES.invoices}/ft-2026-1275004`, `${ROUTES.invoices}/no-such-invoice`])(
    '%s → 403 with the reason and who can help',
    async (url) => {
      const { status, body } = await get(server.app, url, TOKENS.restricted)
      expect(status).toBe(403)
      expect(body).toEqual({
        error: 'forbidden',
        reason: 'As faturas só podem ser vistas pelo Administrador, Responsável Delegado ou Responsável de Faturação da conta.',
        allowedProfiles: ['administrador', 'responsavel-delegado', 'responsavel-faturacao'],
      })
    },
  )

  it('refuses before validating the query: the viewer learns first that invoices are not for them', async () => {
    const { status } = await get(server.app, `${ROUTES.invoices}?limit=0`, TOKENS.restricted)
    expect(status).toBe(403)
  })
})

describe('a route that declares no action (config.action)', () => {
  it('is refused to every profile, never served by accident', async () => {
    const local = await testServer()
    try {
      await local.app.register(async (scope) => {
        requireDeviceToken(scope, local.db, SECRET)
        scope.get('/v1/undeclared', async () => ({ secret: true }))
      })
      const { status, body } = await get(local.app, '/v1/undeclared', TOKENS.admin)
      expect(status).toBe(500)
      expect(body.reason).toMatch(/não declara a ação/)
      expect(body.secret).toBeUndefined()
    } finally {
      await local.close()
    }
  })
})
