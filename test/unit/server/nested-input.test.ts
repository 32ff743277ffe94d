// Nested bodies (issue 15): every object of a body schema, at any depth, takes only the fields
// it declares, each with its JSON type; a wrong one is a 400 naming it by its path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Type from 'typebox'
import { buildServer } from '../../../src/server/http/app'
import type { App } from '../../../src/server/http/context'
import { SECRET, testDatabase } from './helpers'
import { migrateToLatest } from '../../../src/server/store/migrations'

const Plan = Type.Object({
  plan: Type.Object({
    name: Type.String(),
    months: Type.Integer({ minimum: 1 }),
    extras: Type.Array(Type.Object({ code: Type.String(), enabled: Type.Boolean() })),
  }),
  note: Type.Optional(Type.Union([Type.Object({ text: Type.String() }), Type.Null()])),
})

let app: App
let drop: () => Promise<void>
let received: unknown[] = []
beforeAll(async () => {
  const database = await testDatabase()
  drop = database.drop
  await migrateToLatest(database.db, SECRET)
  app = await buildServer({ tokenSecret: SECRET, db: database.db, demo: false })
  // A route with a nested body, as a future write would have; the guards are the server's own.
  app.post('/test/nested', { schema: { body: Plan }, config: { action: 'public' } }, async (request) => {
    received.push(request.body)
    return { ok: true }
  })
})
afterAll(async () => {
  await app.close()
  await drop()
})

const send = async (payload: unknown) => {
  received = []
  const response = await app.inject({ method: 'POST', url: '/test/nested', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(payload) })
  return { status: response.statusCode, reason: response.json().reason as string | undefined }
}

const good = { plan: { name: 'Família', months: 12, extras: [{ code: 'HD', enabled: true }] } }

describe('nested bodies', () => {
  it('a well-typed nested body passes as sent', async () => {
    expect(await send({ ...good, note: { text: 'ok' } })).toEqual({ status: 200, reason: undefined })
    expect(received).toEqual([{ ...good, note: { text: 'ok' } }])
  })

  it('a wrong type at any depth is a 400 naming the field by its path, and never reaches the handler', async () => {
    for (const [body, reason] of [
      [{ plan: { ...good.plan, months: '12' } }, 'O campo «plan.months» deve ser um número inteiro, não um texto entre aspas.'],
      [{ plan: { ...good.plan, extras: [{ code: 'HD', enabled: 0 }] } }, 'O campo «plan.extras[0].enabled» deve ser verdadeiro ou falso (true/false), não um número.'],
      [{ plan: { ...good.plan, extras: [{ code: 'HD', enabled: true }, { code: 7, enabled: true }] } }, 'O campo «plan.extras[1].code» deve ser um texto entre aspas, não um número.'],
      [{ plan: { ...good.plan, name: null } }, 'O campo «plan.name» não pode ser nulo.'],
      [{ plan: { ...good.plan, extras: { code: 'HD' } } }, 'O campo «plan.extras» deve ser uma lista, não um objeto.'],
      [{ ...good, note: { text: false } }, 'O campo «note.text» deve ser um texto entre aspas, não verdadeiro ou falso (true/false).'],
    ] as const) {
      expect(await send(body), JSON.stringify(body)).toEqual({ status: 400, reason })
      expect(received).toEqual([])
    }
  })

  it('an unknown field in a nested object is refused, named by its path', async () => {
    expect(await send({ plan: { ...good.plan, price: 0 } })).toEqual({ status: 400, reason: 'O campo «plan.price» não é aceite aqui.' })
    expect(await send({ plan: { ...good.plan, extras: [{ code: 'HD', enabled: true, free: true }] } })).toEqual({ status: 400, reason: 'O campo «plan.extras[0].free» não é aceite aqui.' })
    expect(received).toEqual([])
  })
})
