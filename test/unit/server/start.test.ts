// The server as `node dist/server/main.mjs` starts it (start.ts reads the same environment):
// demo data and secrets only with DEMO=1, origins only from CORS_ORIGINS, a database that
// held data never seeded again, a missing or damaged file refused with one clear message.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROUTES } from '../../../src/contract'
import { demoEnabled, originAllowed, parseOrigins } from '../../../src/server/settings'
import { start, StartError, type Started } from '../../../src/server/start'

const directory = mkdtempSync(join(tmpdir(), 'start-test-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))
let files = 0
const newFile = () => join(directory, `account-${++files}.sqlite`)
/** As an operator sets it (`openssl rand -hex 32`); the DEMO=1 starts use it too, in place of the public demo secret. */
const TOKEN_SECRET = randomBytes(32).toString('hex')

async function started(env: NodeJS.ProcessEnv): Promise<{ server: Started; printed: string[] }> {
  const printed: string[] = []
  const server = await start({ PORT: '0', LOG_LEVEL: 'silent', TOKEN_SECRET, ...env }, (line) => printed.push(line))
  return { server, printed }
}

async function accounts(server: Started): Promise<number> {
  return (await server.db.selectFrom('account').select('id').execute()).length
}

describe('DEMO', () => {
  it('off unless DEMO=1: an empty database stays empty, no demo list, no QA route, nothing secret printed', { timeout: 30_000 }, async () => {
    const { server, printed } = await started({ DB_FILE: newFile(), DB_CREATE: '1' })
    try {
      expect(await accounts(server)).toBe(0)
      expect((await server.app.inject({ url: ROUTES.demoScenarios })).statusCode).toBe(404)
      expect((await server.app.inject({ method: 'POST', url: ROUTES.qaRecordings, payload: {} })).statusCode).toBe(404)
      expect(printed).toEqual([])
    } finally {
      await server.close()
    }
  })

  it('DEMO=1 seeds a new database, lists and prints its tokens; the file is readable by its owner only', { timeout: 60_000 }, async () => {
    const file = newFile()
    const { server, printed } = await started({ DB_FILE: file, DEMO: '1' })
    try {
      expect(await accounts(server)).toBeGreaterThan(5)
      expect((await server.app.inject({ url: ROUTES.demoScenarios })).statusCode).toBe(200)
      expect(printed.some((line) => line.includes('Bearer demo-healthy-0001'))).toBe(true)
      expect(statSync(file).mode & 0o777).toBe(0o600)
    } finally {
      await server.close()
    }
  })

  it('never seeds a database that existed before, even emptied, even with DEMO=1', { timeout: 30_000 }, async () => {
    const file = newFile()
    const first = await started({ DB_FILE: file, DB_CREATE: '1' })
    await first.server.close()
    const { server } = await started({ DB_FILE: file, DEMO: '1' })
    try {
      expect(await accounts(server)).toBe(0)
    } finally {
      await server.close()
    }
  })

  it('reads DEMO strictly', () => {
    expect([undefined, '', '0'].map(demoEnabled)).toEqual([false, false, false])
    expect(demoEnabled('1')).toBe(true)
    expect(() => demoEnabled('true')).toThrow(/DEMO is "1"/)
  })
})

describe('the database file', () => {
  it('missing: refused with what to do, unless DB_CREATE=1 or DEMO=1 asks for a new one', async () => {
    const file = newFile()
    await expect(start({ PORT: '0', TOKEN_SECRET, DB_FILE: file })).rejects.toThrow(new StartError(`The database file ${file} does not exist. Restore it from a backup, set DB_FILE to where it is, or set DB_CREATE=1 to create a new empty database there.`))
  })

  it('not a database: one message naming the file, no stack', async () => {
    const file = newFile()
    writeFileSync(file, 'these are not the rows you are looking for\n'.repeat(200))
    const failure = await start({ PORT: '0', TOKEN_SECRET, DB_FILE: file }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(StartError)
    expect((failure as Error).message).toContain(`The database file ${file} cannot be used: file is not a database.`)
    expect((failure as Error).message).toContain('restore it from a backup or point DB_FILE elsewhere')
  })

  it('a wrong setting is one message too', async () => {
    await expect(start({ PORT: 'x', TOKEN_SECRET })).rejects.toThrow(new StartError('PORT is not a port number: x'))
  })
})

describe('CORS_ORIGINS', () => {
  it('answers only the origins on the list; an unknown origin, or none, gets no Access-Control-Allow-Origin', { timeout: 30_000 }, async () => {
    const { server } = await started({ DB_FILE: newFile(), DEMO: '1', CORS_ORIGINS: 'http://127.0.0.1:8080' })
    const preflight = (origin: string) =>
      server.app.inject({ method: 'OPTIONS', url: ROUTES.overview, headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } })
    try {
      expect((await preflight('http://127.0.0.1:8080')).headers['access-control-allow-origin']).toBe('http://127.0.0.1:8080')
      for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1:8081']) {
        expect((await preflight(origin)).headers['access-control-allow-origin']).toBeUndefined()
      }
      const read = await server.app.inject({ url: ROUTES.overview, headers: { origin: 'https://evil.example', authorization: 'Bearer demo-healthy-0001' } })
      expect(read.headers['access-control-allow-origin']).toBeUndefined()
    } finally {
      await server.close()
    }
  })

  it('is parsed strictly; `:*` allows every port of one host and nothing else', () => {
    expect(parseOrigins(undefined)).toEqual([])
    expect(parseOrigins(' http://127.0.0.1:8080 , https://app.example.pt ')).toEqual(['http://127.0.0.1:8080', 'https://app.example.pt'])
    expect(() => parseOrigins('http://127.0.0.1:8080/')).toThrow(/not an origin/)
    expect(() => parseOrigins('*')).toThrow(/not an origin/)
    expect(originAllowed(['http://127.0.0.1:*'], 'http://127.0.0.1:41234')).toBe(true)
    expect(originAllowed(['http://127.0.0.1:*'], 'http://127.0.0.1:4123.evil.example')).toBe(false)
    expect(originAllowed(['http://127.0.0.1:*'], 'http://127.0.0.10:80')).toBe(false)
    expect(originAllowed(['http://127.0.0.1:8080'], 'null')).toBe(false)
  })
})
