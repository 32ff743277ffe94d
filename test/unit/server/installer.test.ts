// GET /v1/diagnostics: what the installer reads at setup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Value } from 'typebox/value'
import { bearer, Diagnostics, ROUTES } from '../../../src/contract'
import { get, PROFILE_TOKENS, type TestServer, testServer, TOKENS } from './helpers'

let server: TestServer
beforeAll(async () => {
  server = await testServer()
})
afterAll(() => server.close())

describe('the holder and contract, home and installer alike (seed 002)', () => {
  it('are withheld from a Utilizador and shown to every profile that may read account data', async () => {
    for (const [profile, token] of Object.entries(PROFILE_TOKENS)) {
      for (const route of [ROUTES.overview, ROUTES.diagnostics]) {
        const { status, body } = await get(server.app, route, token)
        expect(status, `${profile} ${route}`).toBe(200)
        const { id, holderName, contractNumber } = body.account
        if (profile === 'utilizador') {
          expect([id, holderName, contractNumber], route).toEqual([null, null, null])
          expect(JSON.stringify(body)).not.toMatch(/Medeiros|Costa|\b41\d{8}\b/)
        } else {
          expect(holderName, `${profile} ${route}`).toMatch(/\w+ \w+/)
          expect(contractNumber, `${profile} ${route}`).toMatch(/^\d+$/)
        }
      }
    }
  })
})

describe('GET /v1/diagnostics', () => {
  it('needs a bound box', async () => {
    const { status, body } = await get(server.app, ROUTES.diagnostics)
    expect(status).toBe(401)
    expect(body.reason).toMatch(/Authorization/)
  })

  it('a new customer: pending services with their 48 h limit, late ones flagged, premium pending', async () => {
    const { status, body } = await get(server.app, ROUTES.diagnostics, TOKENS.newCustomer)
    expect(status).toBe(200)
    expect(Value.Check(Diagnostics, body)).toBe(true)
    expect(body.account.holderName).toBe('Ana Rita Medeiros')
    expect(body.registration).toEqual({ state: 'pending-activation', accountActivatedOn: '2026-03-10' })
    expect(body.serverDate).toBe('2026-03-16')
    const pending = body.services.services.filter((service: { status: string }) => service.status === 'pending')
    expect(pending.map((service: { name: string; activationDueOn: string; activationLate: boolean }) => [service.name, service.activationDueOn, service.activationLate])).toEqual([
      ['Telefone fixo (portabilidade do número em curso)', '2026-03-12', true],
      ['Canal premium Sport TV', '2026-03-17', false],
      ['Box adicional (instalação agendada)', null, false],
    ])
    expect(body.services.entitlements).toEqual([{ name: 'Canal premium Sport TV', status: 'pending', since: null }])
  })

  it('a long-standing account is active, with its premium channel as an entitlement', async () => {
    const { body } = await get(server.app, ROUTES.diagnostics, TOKENS.healthy)
    expect(body.registration.state).toBe('active')
    expect(body.services.services.every((service: { status: string; activationDueOn: null }) => service.status === 'active' && service.activationDueOn === null)).toBe(true)
    expect(body.services.entitlements).toEqual([expect.objectContaining({ name: 'Canal premium Sport TV', status: 'active' })])
  })

  it('the Utilizador profile sees the binding but not the services, with who can help (seed 002)', async () => {
    const { status, body } = await get(server.app, ROUTES.diagnostics, TOKENS.restricted)
    expect(status).toBe(200)
    expect(body.account.contractNumber).toBeNull()
    expect(body.services.denied).toBe(true)
    expect(body.services.reason).toBe('Os serviços e equipamentos da conta só podem ser vistos pelo Administrador, Responsável Delegado ou Responsável Técnico da conta.')
    expect(body.services.allowedProfiles).toContain('responsavel-tecnico')
  })

  it('premium entitlements are the subscriptions running today, one made in the app included', async () => {
    const before = await get(server.app, ROUTES.diagnostics, TOKENS.premium)
    expect(before.body.services.entitlements.map((e: { name: string; status: string }) => [e.name, e.status])).toEqual([
      ['Canal premium Sport TV', 'active'],
      ['Canal premium Pack Infantil', 'active'],
    ])
    const subscribed = await server.app.inject({
      method: 'POST',
      url: ROUTES.premiumSubscribe.replace(':id', 'btv'),
      headers: { authorization: bearer(TOKENS.premium) },
      payload: { pin: '2580', idempotencyKey: 'installer-btv-0001' },
    })
    expect(subscribed.statusCode).toBe(201)
    const after = await get(server.app, ROUTES.diagnostics, TOKENS.premium)
    expect(after.body.services.entitlements).toContainEqual({ name: 'Canal premium BTV', status: 'active', since: '2026-03-16' })
  })
})
