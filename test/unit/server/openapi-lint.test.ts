// The served OpenAPI document passes redocly's recommended rules, as `redocly lint` would
// judge it: servers, `security` on every operation (`[]` on public ones), an operationId on
// every operation (a generated client names its methods by them), a 4xx answer on each.
import { createConfig, lintFromString, type NormalizedProblem } from '@redocly/openapi-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROUTES } from '../../../src/contract'
import { buildServer } from '../../../src/server/http/app'
import { openDatabase } from '../../../src/server/store/db'
import { SECRET } from './helpers'

type Document = { paths: Record<string, Record<string, Record<string, unknown>>> } & Record<string, unknown>

const db = openDatabase({ file: ':memory:' })
afterAll(() => db.destroy())

async function servedDocument(demo: boolean): Promise<Document> {
  const app = await buildServer({ tokenSecret: SECRET, db, demo })
  try {
    return (await app.inject({ method: 'GET', url: ROUTES.openapi })).json()
  } finally {
    await app.close()
  }
}

let config: Awaited<ReturnType<typeof createConfig>>
beforeAll(async () => {
  config = await createConfig({ extends: ['recommended'] })
})

async function lint(document: Document): Promise<string[]> {
  const problems: NormalizedProblem[] = await lintFromString({ source: JSON.stringify(document), absoluteRef: '/openapi.json', config })
  return problems.map((problem) => `${problem.severity} ${problem.ruleId} at ${problem.location[0]?.pointer ?? '?'}: ${problem.message}`)
}

describe('the served OpenAPI document under redocly recommended', () => {
  // Linting takes a second or two alone; several times that on a loaded two-core machine.
  it.each([true, false])('has no error and no warning (demo and QA routes: %s)', { timeout: 30_000 }, async (demo) => {
    expect(await lint(await servedDocument(demo))).toEqual([])
  })

  it('reports what a route would get wrong: no operationId, no 4xx answer, no security, no servers', { timeout: 30_000 }, async () => {
    const document = await servedDocument(true)
    const health = document.paths[ROUTES.health].get
    delete health.operationId
    delete health.security
    health.responses = { 200: (health.responses as Record<string, unknown>)[200] }
    delete document.servers
    const rules = (await lint(document)).map((problem) => problem.split(' ')[1])
    expect(rules.sort()).toEqual(['no-empty-servers', 'operation-4xx-response', 'operation-operationId', 'security-defined'])
  })
})
