// The purchase PIN (seed 004 TV §2.1.1): a salted scrypt hash, three tries, then a lock.
// Every premium write checks it first (writes.ts).
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'
import type { PinState } from '../../contract'
import { formatDayTime, formatTimeOfDay } from '../../domain/format'
import { lisbonDate } from '../../domain/dates'
import { afterWrongPin, PIN_MAX_TRIES, PIN_RESET, type PinAttempts, type PinStatus, pinProblem, pinStatus } from '../../domain/premium'
import type { Session } from '../http/context'
import type { ApiError } from '../http/errors'
import type { Db } from '../store/db'
import { conflict, refusal, unprocessable } from './refusals'

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>
const HASH_BYTES = 32

async function hashPin(pin: string, salt: Buffer): Promise<Buffer> {
  return scrypt(pin, salt, HASH_BYTES)
}

export interface PinHash {
  salt: string
  hash: string
}

/** A salted scrypt hash of a new purchase PIN; 0000, 1234 and anything but 4 digits are refused (422). */
export async function hashNewPin(pin: string): Promise<PinHash> {
  const problem = pinProblem(pin)
  if (problem) throw unprocessable('pin-too-weak', problem)
  const salt = randomBytes(16)
  return { salt: salt.toString('hex'), hash: (await hashPin(pin, salt)).toString('hex') }
}

/** Keeps a PIN's hash as the account's purchase PIN, with all tries available. */
export async function storePinHash(db: Db, accountId: string, { salt, hash }: PinHash): Promise<void> {
  // A new PIN (set by the holder, at the Área de Cliente or on 16990) also ends a series of locks.
  const values = { salt, hash, failed_attempts: 0, locked_until: null, locks: 0 }
  const existing = await db.selectFrom('purchase_pin').select('account_id').where('account_id', '=', accountId).executeTakeFirst()
  if (existing) await db.updateTable('purchase_pin').set(values).where('account_id', '=', accountId).execute()
  else await db.insertInto('purchase_pin').values({ account_id: accountId, ...values }).execute()
}

/** Stores a new purchase PIN; 0000, 1234 and anything but 4 digits are refused (422). */
export async function storePurchasePin(db: Db, accountId: string, pin: string): Promise<void> {
  await storePinHash(db, accountId, await hashNewPin(pin))
}

interface PinRow {
  failed_attempts: number
  locked_until: string | null
  locks: number
}

const attemptsOf = (row: PinRow): PinAttempts => ({ failedAttempts: row.failed_attempts, lockedUntil: row.locked_until, locks: row.locks })

/** What the app shows where the PIN is asked: tries left, the lock and how long the next one lasts. */
function stateOf(status: PinStatus): PinState {
  return { triesLeft: status.triesLeft, lockedUntil: status.lockedUntil, locks: status.locks, lockMinutes: status.lockMinutes, nextLockMinutes: status.nextLockMinutes }
}

export async function pinState(db: Db, accountId: string, now: Date): Promise<PinState> {
  const row = await db.selectFrom('purchase_pin').select(['failed_attempts', 'locked_until', 'locks']).where('account_id', '=', accountId).executeTakeFirst()
  if (!row) return { ...stateOf(pinStatus(PIN_RESET, now)), triesLeft: 0 }
  return stateOf(pinStatus(attemptsOf(row), now))
}

/** "15 minutos", "1 hora", "24 horas". */
function lockLength(minutes: number): string {
  if (minutes < 60) return `${minutes} minutos`
  return minutes === 60 ? '1 hora' : `${minutes / 60} horas`
}

function lockedRefusal(status: PinStatus, now: Date): ApiError {
  const lockedUntil = status.lockedUntil as string
  const seconds = Math.max(1, Math.ceil((Date.parse(lockedUntil) - now.getTime()) / 1000))
  const until = lisbonDate(new Date(lockedUntil)) === lisbonDate(now) ? `até às ${formatTimeOfDay(lockedUntil)}` : `até ${formatDayTime(lockedUntil).replace(', ', ' às ')}`
  const series = status.locks > 1 ? ` É o ${status.locks}.º bloqueio seguido.` : ''
  return refusal(
    429,
    {
      error: 'pin-locked',
      reason:
        `PIN de compras errado ${PIN_MAX_TRIES} vezes: as compras estão bloqueadas ${until} (${lockLength(status.lockMinutes ?? 0)}).${series} ` +
        `Se o PIN voltar a falhar ${PIN_MAX_TRIES} vezes, o bloqueio seguinte dura ${lockLength(status.nextLockMinutes)}.`,
      ...stateOf(status),
      lockedUntil,
    },
    { 'retry-after': String(seconds) },
  )
}

/**
 * Checks the purchase PIN: 429 while purchases are locked (until when), 403 for a wrong PIN (tries left;
 * the third wrong one locks: 15 minutes, then 1 hour, then 24 hours in a row). A right PIN resets the count.
 */
export async function verifyPurchasePin(db: Db, accountId: string, pin: string, now: Date): Promise<void> {
  const row = await db.selectFrom('purchase_pin').selectAll().where('account_id', '=', accountId).executeTakeFirst()
  if (!row) throw conflict('pin-not-set', 'Esta conta ainda não tem PIN de compras. Defina-o na Área de Cliente ou ligue 16990.')
  const before = pinStatus(attemptsOf(row), now)
  if (before.locked) throw lockedRefusal(before, now)
  const expected = Buffer.from(row.hash, 'hex')
  const actual = await hashPin(pin, Buffer.from(row.salt, 'hex'))
  const right = actual.length === expected.length && timingSafeEqual(actual, expected)
  // Judged in a transaction from the stored state, not from `row`: other tries of the same PIN
  // may have been judged while this one was hashing. So two wrong PINs at once both count, and a
  // right one that comes after the third wrong one meets its lock (checking the lock only before
  // hashing let many guesses sent at once all be judged).
  const after = await db.transaction().execute(async (trx) => {
    // Lock the row before reading it: PostgreSQL runs transactions side by side, and concurrent
    // tries would all read the same count.
    await trx.updateTable('purchase_pin').set((eb) => ({ failed_attempts: eb.ref('failed_attempts') })).where('account_id', '=', accountId).execute()
    const current = await trx.selectFrom('purchase_pin').select(['failed_attempts', 'locked_until', 'locks']).where('account_id', '=', accountId).executeTakeFirstOrThrow()
    const attempts = attemptsOf(current)
    const status = pinStatus(attempts, now)
    if (status.locked) return status
    const next = right ? PIN_RESET : afterWrongPin(attempts, now)
    await trx.updateTable('purchase_pin').set({ failed_attempts: next.failedAttempts, locked_until: next.lockedUntil, locks: next.locks }).where('account_id', '=', accountId).execute()
    return pinStatus(next, now)
  })
  if (after.locked) throw lockedRefusal(after, now)
  if (right) return
  throw refusal(403, {
    error: 'wrong-pin',
    reason: after.triesLeft === 1 ? 'PIN de compras errado. Resta 1 tentativa.' : `PIN de compras errado. Restam ${after.triesLeft} tentativas.`,
    triesLeft: after.triesLeft,
    locks: after.locks,
    nextLockMinutes: after.nextLockMinutes,
  })
}

export async function changePurchasePin(db: Db, session: Session, currentPin: string, newPin: string, now: Date): Promise<void> {
  const problem = pinProblem(newPin)
  if (problem) throw unprocessable('pin-too-weak', problem)
  await verifyPurchasePin(db, session.account.id, currentPin, now)
  await storePurchasePin(db, session.account.id, newPin)
}
