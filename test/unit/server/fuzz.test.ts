// Every route of the OpenAPI document under bad input (issue 9): wrong types, huge
// strings, negative and enormous numbers, unknown fields, bad ids, bad JSON,
// oversized bodies, wrong content types. Each must get a 4xx with a pt-PT reason,
// never a 5xx, and nothing may be written (the database is compared before and after).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer } from '../../../src/contract'
import { type TestServer, testServer, TOKENS } from './helpers'
import { fill, type JsonSchema, type Operation, operations, snapshot } from './openapi-walk'

let server: TestServer
let ops: Operation[]
let before: string

beforeAll(async () => {
  server = await testServer()
  ops = await operations(server.app)
  before = await snapshot(server.db)
})
afterAll(() => server.close())

const HUGE = 'x'.repeat(100_000)
const BAD_IDS = ['', ' ', '..', '../../etc/passwd', "' OR '1'='1", '%00', '-1', '0', '99999999999999999999999', '1e309', 'NaN', HUGE.slice(0, 4000), '💥'.repeat(50), '<script>alert(1)</script>', 'null', 'undefined', '{}', '[]']
const BAD_QUERY_VALUES = ['abc', '-1', '0', '1.5', '1e309', '99999999999999999999', '-99999999999', '', 'NaN', 'Infinity', 'true', HUGE.slice(0, 6000), '%00', '[]', '{}']
/** Values of the wrong kind for any scalar (Ajv coerces numbers to strings and back, not objects). */
const NOT_SCALARS: unknown[] = [{}, [], [1, 2], { nested: { deep: true } }]
/** Negative and enormous numbers (0 or a fraction may be valid values, so they are not tried). */
const NUMBERS: unknown[] = [-1, -(2 ** 53), 2 ** 53 + 1, 1e308, -1e308]

function bodyCases(schema: JsonSchema | null): { name: string; payload: string; contentType: string }[] {
  const json = (name: string, value: unknown) => ({ name, payload: JSON.stringify(value), contentType: 'application/json' })
  const cases = [
    { name: 'bad JSON', payload: '{"a":', contentType: 'application/json' },
    { name: 'bad JSON (trailing)', payload: '{"a":1}}', contentType: 'application/json' },
    { name: 'oversized body (2 MB)', payload: JSON.stringify({ filler: 'x'.repeat(2 * 1024 * 1024) }), contentType: 'application/json' },
    { name: 'text/plain', payload: 'hello', contentType: 'text/plain' },
    { name: 'form', payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
    json('array', []),
    json('string', 'x'),
    json('number', 42),
    json('unknown field', { __unknown: 1 }),
  ]
  for (const [property, child] of Object.entries(schema?.properties ?? {})) {
    for (const value of NOT_SCALARS) if (child.type !== 'object' && child.type !== 'array') cases.push(json(`${property} wrong type ${JSON.stringify(value)}`, { [property]: value }))
    cases.push(json(`${property} huge string`, { [property]: HUGE }))
    for (const value of NUMBERS) cases.push(json(`${property} number ${value}`, { [property]: value }))
    cases.push(json(`${property} null`, { [property]: null }))
    cases.push(json(`${property} with an unknown field`, { [property]: child.type === 'string' ? 'x' : 1, __unknown: true }))
  }
  return cases
}

interface Attempt {
  op: Operation
  name: string
  method: string
  url: string
  payload?: string
  headers: Record<string, string>
}

function attempts(op: Operation): Attempt[] {
  const auth = { authorization: bearer(TOKENS.overdue) }
  const valid = Object.fromEntries(op.pathParams.map((name) => [name, 'x']))
  const out: Attempt[] = []
  const url = fill(op.path, valid)
  // Bad ids in every path parameter.
  for (const name of op.pathParams) {
    for (const id of BAD_IDS) {
      // An empty segment is another route: the one-shorter path (e.g. the list), not this one's input.
      if (id === '' || id === ' ') continue
      out.push({ op, name: `${name}=${JSON.stringify(id.slice(0, 20))}`, method: op.method, url: fill(op.path, { ...valid, [name]: id }), headers: auth })
    }
  }
  // Bad values in every query parameter, an unknown one, a repeated one.
  for (const name of Object.keys(op.query)) {
    for (const value of BAD_QUERY_VALUES) {
      out.push({ op, name: `?${name}=${JSON.stringify(value.slice(0, 20))}`, method: op.method, url: `${url}?${name}=${encodeURIComponent(value)}`, headers: auth })
    }
    out.push({ op, name: `?${name} twice`, method: op.method, url: `${url}?${name}=1&${name}=2`, headers: auth })
  }
  out.push({ op, name: 'unknown query parameter', method: op.method, url: `${url}${url.includes('?') ? '&' : '?'}__unknown=1`, headers: auth })
  // Bodies, for the routes that write.
  if (op.method !== 'GET' && op.method !== 'HEAD') {
    for (const body of bodyCases(op.body)) {
      out.push({ op, name: `body: ${body.name}`, method: op.method, url, payload: body.payload, headers: { ...auth, 'content-type': body.contentType } })
    }
  }
  // Bad Authorization headers.
  if (op.secured) {
    for (const authorization of ['Bearer ' + 'a'.repeat(4000), 'Bearer ../../x', 'Bearer  demo-overdue-0002', 'Token demo-overdue-0002', 'Bearer s.unknown-session-token']) {
      out.push({ op, name: `authorization ${JSON.stringify(authorization.slice(0, 24))}`, method: op.method, url, headers: { authorization } })
    }
  }
  return out
}

let tried = 0

describe('every route under bad input', () => {
  it('the OpenAPI document lists the routes to fuzz', () => {
    expect(ops.length).toBeGreaterThanOrEqual(5)
  })

  it('answers every bad input with a 4xx and a pt-PT reason, never a 5xx', { timeout: 120_000 }, async () => {
    const failures: string[] = []
    // Only the routes that take input (or need a token) have bad input to get.
    for (const op of ops) {
      for (const attempt of attempts(op)) {
        tried++
        const response = await server.app.inject({ method: attempt.method as 'GET', url: attempt.url, payload: attempt.payload, headers: attempt.headers })
        const label = `${op.method} ${op.path} ${attempt.name} → ${response.statusCode}`
        if (response.statusCode < 400 || response.statusCode >= 500) {
          failures.push(label)
          continue
        }
        let body: { reason?: unknown } = {}
        try {
          body = response.json()
        } catch {
          failures.push(`${label}: not JSON`)
          continue
        }
        if (typeof body.reason !== 'string' || body.reason.length < 10) failures.push(`${label}: no reason`)
        else if (/\b(the|must|should|expected|invalid)\b/i.test(body.reason) && !/[ãçéêóõúà]/i.test(body.reason)) failures.push(`${label}: reason not in pt-PT: ${body.reason}`)
      }
    }
    console.info(`API fuzz: ${tried} bad inputs over ${ops.length} routes`)
    expect(failures).toEqual([])
  })

  it('wrote nothing', async () => {
    expect(tried).toBeGreaterThan(60)
    expect(await snapshot(server.db)).toBe(before)
    // Each refused write left its audit row, and none says it went through.
    const audited = await server.db.selectFrom('audit').select(['status', 'outcome']).execute()
    expect(audited.length).toBeGreaterThan(0)
    expect(audited.filter((row) => row.status < 400 || row.outcome === 'ok')).toEqual([])
  })
})
