// Sessions that end: by logout (DELETE /v1/session), after 7 days unused, after 30 days
// open; and the rows of old sessions cleaned at the next login.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, ROUTES } from '../../../src/contract'
import { buildServer } from '../../../src/server/http/app'
import type { App } from '../../../src/server/http/context'
import { EXPIRED, LOGGED_OUT } from '../../../src/server/sessions/service'
import { NOW, SECRET, testServer, type TestServer, TOKENS } from './helpers'
import { tokenDigest } from '../../../src/server/store/tokens'

const DAY = 86_400_000
let server: TestServer
let app: App
let clock = NOW
beforeAll(async () => {
  server = await testServer()
  app = await buildServer({ tokenSecret: SECRET, db: server.db, now: () => clock, demo: true, requireSession: true })
})
afterAll(async () => {
  await app.close()
  await server.close()
})

async function login(token: string): Promise<string> {
  const response = await app.inject({ method: 'POST', url: ROUTES.session, headers: { authorization: bearer(token) } })
  expect(response.statusCode).toBe(201)
  return response.json().sessionToken
}

const overview = (token: string) => app.inject({ url: ROUTES.overview, headers: { authorization: bearer(token) } })

describe('DELETE /v1/session', () => {
  it('ends the session: 204, then its token gets 401 saying it was ended here', async () => {
    clock = NOW
    const session = await login(TOKENS.healthy)
    expect((await overview(session)).statusCode).toBe(200)
    expect((await app.inject({ method: 'DELETE', url: ROUTES.session, headers: { authorization: bearer(session) } })).statusCode).toBe(204)
    const after = await overview(session)
    expect(after.statusCode).toBe(401)
    expect(after.json().reason).toBe(LOGGED_OUT)
  })

  it('takes a session token, not the device token', async () => {
    const refused = await app.inject({ method: 'DELETE', url: ROUTES.session, headers: { authorization: bearer(TOKENS.healthy) } })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().reason).toBe('Só uma sessão se termina: envie o token da sessão, não o do equipamento.')
  })
})

describe('lifetime', () => {
  it('unused for more than 7 days, a session has expired; used every day it lives on', async () => {
    clock = NOW
    const idle = await login(TOKENS.overdue)
    const used = await login(TOKENS.notices)
    for (let day = 1; day <= 8; day++) {
      clock = new Date(NOW.getTime() + day * DAY)
      expect((await overview(used)).statusCode).toBe(200)
    }
    const expired = await overview(idle)
    expect(expired.statusCode).toBe(401)
    expect(expired.json().reason).toBe(EXPIRED)
  })

  it('open for more than 30 days, a session has expired however much it is used', async () => {
    clock = NOW
    const session = await login(TOKENS.premium)
    for (let day = 6; day <= 30; day += 6) {
      clock = new Date(NOW.getTime() + day * DAY)
      expect((await overview(session)).statusCode).toBe(200)
    }
    clock = new Date(NOW.getTime() + 31 * DAY)
    expect((await overview(session)).json().reason).toBe(EXPIRED)
  })

  it('a login deletes the rows of sessions ended more than 30 days before', async () => {
    clock = NOW
    await login(TOKENS.unregistered)
    await login(TOKENS.unregistered)
    const rows = () => server.db.selectFrom('session').select('token').where('device_token', '=', tokenDigest(SECRET, TOKENS.unregistered)).execute()
    expect(await rows()).toHaveLength(2)
    clock = new Date(NOW.getTime() + 31 * DAY)
    await login(TOKENS.unregistered)
    expect(await rows()).toHaveLength(2)
    clock = new Date(NOW.getTime() + 62 * DAY)
    await login(TOKENS.unregistered)
    expect(await rows()).toHaveLength(2)
  })
})
