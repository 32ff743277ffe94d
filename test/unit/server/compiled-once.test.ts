// compiledOnce (store/db.ts): the hot queries are compiled once and run with each call's values,
// on SQLite and PostgreSQL (npm run test:pg); a stand-in must never reach the database.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { compiledOnce, type Db, inOneTransaction } from '../../../src/server/store/db'
import { type TestServer, testServer } from './helpers'

let server: TestServer
beforeAll(async () => {
  server = await testServer()
}, 60_000)
afterAll(async () => {
  await server.close()
})

const holderOf = compiledOnce((db: Db, id: string) => db.selectFrom('account').select(['id', 'holder_name']).where('id', '=', id))
const versionBetween = compiledOnce((db: Db, id: string, least: number, most: number) =>
  db.selectFrom('account_change').select('version').where('account_id', '=', id).where('version', '>=', least).where('version', '<=', most),
)

it('answers each call with its own value, and nothing for an unknown one', async () => {
  const accounts = await server.db.selectFrom('account').select(['id', 'holder_name']).orderBy('id').limit(3).execute()
  for (const account of accounts) expect(await holderOf(server.db, account.id)).toEqual(account)
  expect(await holderOf(server.db, 'acc-none')).toBeUndefined()
})

it('puts several values in their places, and sees a write of its own transaction', async () => {
  const [{ id }] = await server.db.selectFrom('account').select('id').limit(1).execute()
  await expect(
    inOneTransaction(async () => {
      await server.db.insertInto('account_change').values({ account_id: id, version: 7 }).execute()
      expect(await versionBetween(server.db, id, 5, 9)).toEqual({ version: 7 })
      expect(await versionBetween(server.db, id, 8, 9)).toBeUndefined()
      expect(await versionBetween(server.db, id, 1, 6)).toBeUndefined()
      throw new Error('rolled back')
    }),
  ).rejects.toThrow('rolled back')
  expect(await versionBetween(server.db, id, 0, 100)).toBeUndefined()
})
