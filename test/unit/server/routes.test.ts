import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Value } from 'typebox/value'
import { ApiErrorBody, DemoScenarioList, Health, ROUTES } from '../../../src/contract'
import { get, type TestServer, testServer, TOKENS } from './helpers'

let server: TestServer
beforeAll(async () => {
  server = await testServer()
})
afterAll(() => server.close())

describe('GET /health', () => {
  it('answers without a token', async () => {
    const { status, body } = await get(server.app, ROUTES.health)
    expect(status).toBe(200)
    expect(Value.Check(Health, body)).toBe(true)
    expect(body.status).toBe('ok')
  })
})

describe('GET /v1/demo/scenarios', () => {
  it('lists each scenario with its token, without a token', async () => {
    const { status, body } = await get(server.app, ROUTES.demoScenarios)
    expect(status).toBe(200)
    expect(Value.Check(DemoScenarioList, body)).toBe(true)
    expect(body.items.map((item: { id: string; token: string }) => [item.id, item.token])).toEqual([
      ['healthy', TOKENS.healthy],
      ['overdue', TOKENS.overdue],
      ['new-customer', TOKENS.newCustomer],
      ['restricted', TOKENS.restricted],
      ['notices', TOKENS.notices],
      ['quota-full', TOKENS.quotaFull],
      ['heavy', TOKENS.heavy],
      ['admin', TOKENS.admin],
      ['premium', TOKENS.premium],
      ['unregistered', TOKENS.unregistered],
      ['delegado', TOKENS.delegado],
      ['faturacao', TOKENS.faturacao],
      ['tecnico', TOKENS.tecnico],
    ])
    for (const item of body.items) {
      expect(item.token).toMatch(/^[A-Za-z0-9._-]{8,}$/)
      expect(item.description.length).toBeGreaterThan(20)
    }
  })

  it('does not exist when the demo is off', async () => {
    const production = await testServer({ demo: false })
    try {
      const { status, body } = await get(production.app, ROUTES.demoScenarios)
      expect(status).toBe(404)
      expect(body.error).toBe('not-found')
    } finally {
      await production.close()
    }
  })
})

describe('GET /openapi.json', () => {
  it('documents every route from the contract schemas', async () => {
    const { status, body } = await get(server.app, ROUTES.openapi)
    expect(status).toBe(200)
    expect(body.openapi).toMatch(/^3\./)
    // Every path of the contract's ROUTES but the document itself (hidden), in OpenAPI's {param} form.
    expect(Object.keys(body.paths).sort()).toEqual(
      Object.values(ROUTES)
        .filter((route) => route !== ROUTES.openapi)
        .map((route) => route.replace(/:(\w+)/g, '{$1}'))
        .sort(),
    )
    const invoice = body.paths['/v1/invoices/{id}'].get
    expect(Object.keys(invoice.responses).sort()).toEqual(['200', '400', '401', '403', '404'])
    expect(invoice.security).toEqual([{ deviceToken: [] }])
    expect(body.components.securitySchemes.deviceToken).toMatchObject({ type: 'http', scheme: 'bearer' })
    const list = body.paths['/v1/invoices'].get
    expect(list.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'limit', in: 'query' })]),
    )
  })
})

describe('errors', () => {
  it('answers an unknown route with ApiErrorBody', async () => {
    const { status, body } = await get(server.app, '/v1/nothing-here?x=1', TOKENS.healthy)
    expect(status).toBe(404)
    expect(Value.Check(ApiErrorBody, body)).toBe(true)
    expect(body).toEqual({ error: 'not-found', reason: 'O endereço GET /v1/nothing-here não existe nesta API.' })
  })

  it('answers an unsupported method with ApiErrorBody', async () => {
    const response = await server.app.inject({ method: 'DELETE', url: ROUTES.invoices, headers: { authorization: `Bearer ${TOKENS.healthy}` } })
    expect(response.statusCode).toBe(404)
    expect(Value.Check(ApiErrorBody, response.json())).toBe(true)
  })
})

describe('CORS', () => {
  it('lets the app on another origin send the Authorization header', async () => {
    const response = await server.app.inject({
      method: 'OPTIONS',
      url: ROUTES.overview,
      headers: {
        origin: 'http://127.0.0.1:8080',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    })
    expect(response.statusCode).toBe(204)
    expect(response.headers['access-control-allow-origin']).toBe('http://127.0.0.1:8080')
    expect(String(response.headers['access-control-allow-headers'])).toMatch(/Authorization/i)
  })

  it('marks answers as readable by the app origin', async () => {
    const response = await server.app.inject({
      method: 'GET',
      url: ROUTES.overview,
      headers: { origin: 'http://127.0.0.1:8080', authorization: `Bearer ${TOKENS.healthy}` },
    })
    expect(response.headers['access-control-allow-origin']).toBe('http://127.0.0.1:8080')
  })
})
