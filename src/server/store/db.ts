// Storage through Kysely: SQLite (better-sqlite3) by default, PostgreSQL (pg)
// when a connection URL is given. Queries stick to what both engines share:
// text dates 'YYYY-MM-DD', integer cents, integer 0/1 flags, text keys.
import { AsyncLocalStorage } from 'node:async_hooks'
import { statSync } from 'node:fs'
import SQLite from 'better-sqlite3'
import { type Compilable, CompiledQuery, type DatabaseConnection, type Dialect, type Driver, type Generated, Kysely, PostgresDialect, SqliteDialect, sql, type TransactionSettings } from 'kysely'
import pg from 'pg'
import type { ComplaintReason, ContractEffect, LineGroup, NoticeKind, Profile, VatRegion } from '../../contract'
import type { ContractChannel } from '../../domain/account'

export type PaymentMethod = 'multibanco' | 'direct-debit'

export interface AccountTable {
  id: string
  holder_name: string
  contract_number: string
  nif: string
  region: VatRegion
  /** 1 for a consumer, 0 otherwise: the suspension notice differs (seed 004 general §12.2 c). */
  consumer: number
  payment_method: PaymentMethod
  /** Kept for direct debits; only a masked form ever leaves the server. */
  iban: string | null
  activated_on: string
}

/** A box's device token, bound to an account and to who is watching. */
export interface DeviceTokenTable {
  token: string
  account_id: string
  viewer_name: string
  viewer_profile: Profile
}

/** Services of the contract, active or still pending activation (installer screen). */
export interface AccountServiceTable {
  account_id: string
  position: number
  name: string
  kind: 'tv' | 'internet' | 'voice' | 'mobile' | 'premium' | 'equipment'
  status: 'active' | 'pending'
  requested_on: string
  /** Day installed; null while the installation is scheduled (the 48 h of 004 TV §6 a start from it). */
  installed_on: string | null
  activated_on: string | null
}

/** An issued invoice is immutable: its amounts are stored as printed. Status is derived per request. */
export interface InvoiceTable {
  id: string
  account_id: string
  number: string
  atcud: string
  period_start: string
  period_end: string
  invoice_date: string
  issue_date: string
  due_date: string
  partial_period: number
  region: VatRegion
  vat_rate_percent: number
  net_cents: number
  vat_cents: number
  total_cents: number
  payment_method: PaymentMethod
  multibanco_entity: string | null
  multibanco_reference: string | null
  debit_iban: string | null
  paid_on: string | null
  disputed_on: string | null
  /** Day the written notice of consequences of a late invoice went out (004 TV §8.4); null: none recorded. */
  notice_sent_on: string | null
}

/** A complaint about an invoice (004 general §19.3–19.5; 001 G); the invoice's `disputed_on` holds its day. */
export interface InvoiceComplaintTable {
  invoice_id: string
  account_id: string
  filed_on: string
  /** The disputed line's position; null: the whole invoice. */
  line: number | null
  reason: ComplaintReason
  /** The disputed part, with IVA. */
  disputed_cents: number
  decided_on: string | null
}

export interface InvoiceLineTable {
  invoice_id: string
  position: number
  line_group: LineGroup
  description: string
  net_cents: number
}

export interface DemoScenarioTable {
  id: string
  position: number
  description: string
  /** Demo only: the device token in clear (the demo list prints it); `device_token` keeps its digest. */
  token: string
  account_id: string
  /** Demo only: the account's purchase PIN in clear, printed for QA with the token. */
  purchase_pin: string | null
}

/** The operator's premium products (seed 004 TV §2.1.1); prices before IVA. */
export interface PremiumProductTable {
  id: string
  position: number
  name: string
  description: string
  /** Channel names, one per line. */
  channels: string
  net_cents: number
  minimum_days: number
  promo_net_cents: number | null
  promo_until: string | null
}

/** Promotional codes: a percentage off the monthly price for some months, usable until a date. */
export interface PromoCodeTable {
  code: string
  /** Null: valid for every product. */
  product_id: string | null
  percent_off: number
  months: number
  valid_until: string
}

/** A subscription keeps the price it was sold at; a cancellation fixes its last day. */
export interface PremiumSubscriptionTable {
  id: string
  account_id: string
  product_id: string
  started_on: string
  minimum_days: number
  net_cents: number
  promo_net_cents: number | null
  promo_until: string | null
  promo_code: string | null
  cancel_requested_on: string | null
  ends_on: string | null
  cancel_rule: string | null
}

/** The purchase PIN: only a salted scrypt hash is kept, with the count of wrong tries. */
export interface PurchasePinTable {
  account_id: string
  salt: string
  hash: string
  failed_attempts: number
  locked_until: string | null
  /** Locks in a row since the last right PIN: each lasts longer (domain/premium.ts). */
  locks: number
}

/** First answer to each idempotent write, replayed when the same key comes again. */
export interface WriteReceiptTable {
  account_id: string
  idempotency_key: string
  fingerprint: string
  status_code: number
  body: string
  created_at: string
}

/** A notice sent to an account (seed 004 TV §2.1.3, general §5). Lateness and free exit are derived per request. */
export interface NoticeTable {
  id: string
  account_id: string
  kind: NoticeKind
  title: string
  /** Paragraphs separated by a blank line. */
  details: string
  announced_on: string
  effective_on: string
  unforeseeable: number
  contract_effect: ContractEffect | null
  /** First time the notice was opened on a box of the account (ISO instant); null while unread. */
  read_at: string | null
  /** Its place in the list (domain/notices noticeOrder) for viewers who see contract terms, and for the others. */
  order_key: Generated<string>
  order_key_restricted: Generated<string>
  /** The days the keys hold on (Lisbon dates); a notice inserted without keys holds on none until keyed. */
  order_from: Generated<string>
  order_until: Generated<string>
}

export interface NoticeChannelTable {
  notice_id: string
  position: number
  name: string
  number_before: number | null
  number_after: number | null
}

/** The recording quota of an account, in minutes of quota (seed 004 TV §5.11). */
export interface RecordingQuotaTable {
  account_id: string
  total_minutes: number
}

/** A cloud recording. Deleted ones stay as tombstones (deleted_on) so a repeated delete is idempotent. */
export interface RecordingTable {
  id: string
  account_id: string
  channel: string
  title: string
  /** ISO instant. */
  starts_at: string
  /** Lisbon day it was recorded: the 6-month rule counts from it (§5.9). */
  recorded_on: string
  duration_minutes: number
  size_minutes: number
  watched: number
  progress_percent: number
  watching_now: number
  protected: number
  unavailable: number
  scheduled_deletion: string | null
  /** The day it is deleted (§5.9: 6 months after recorded_on, or the scheduled date if earlier): kept, so it is indexed. */
  deletion_on: string
  deleted_on: string | null
  deleted_by: 'viewer' | 'auto' | 'expiry' | null
}

/** A box's session: opened with its device token; `ended_at` set when a later login ended it (sessions/service.ts). */
export interface SessionTable {
  token: string
  device_token: string
  opened_at: string
  ended_at: string | null
  /** The last request it carried, to the hour (sessions/service.ts): null until its first. */
  last_seen_at: string | null
  /** Why it ended: another login with the same device token, or its own logout (null: still open, or ended elsewhere before 0007). */
  end_reason: 'elsewhere' | 'logout' | null
}

/** Account page facts (issue 6): address, registration, e-invoice, commitment, last points exchanges. */
export interface AccountContractTable {
  account_id: string
  address: string
  /** 1 when the account is registered in the Área de Cliente (seed 000). */
  registered: number
  einvoice: number
  commitment_start: string | null
  commitment_months: number | null
  advantage_cents: number | null
  last_equipment_exchange: string | null
  last_accessory_exchange: string | null
  /** Where the contract was made (004 general §6.1: distance and off-premises contracts may be withdrawn from); null: not known. */
  sale_channel: ContractChannel | null
  concluded_on: string | null
  /** Monthly value of the services contracted, with IVA: what withdrawing pays for the days used (§6.3). */
  monthly_cents: number | null
}

export interface AccountEquipmentTable {
  account_id: string
  position: number
  kind: 'box' | 'router'
  model: string
  serial: string
}

export interface PointsAwardTable {
  account_id: string
  awarded_on: string
  points: number
}

export interface PointsRedemptionTable {
  account_id: string
  redeemed_on: string
  points: number
  kind: 'equipment' | 'accessory'
}

/** One write behind a token (http/audit.ts): who, which account, what, when, from where, how it ended. No foreign key: the trail outlives what it names. */
export interface AuditTable {
  at: string
  account_id: string
  viewer_name: string
  viewer_profile: Profile
  /** The first 12 characters of the device token's digest: tells boxes apart, opens nothing. */
  device: string
  client_ip: string
  /** The route's declared action (domain/permissions), e.g. 'premium.manage'. */
  action: string
  method: string
  route: string
  /** The id the route names (a recording, a product, a notice), if any. */
  target: string | null
  status: number
  /** 'ok', or the refusal's error code ('wrong-pin', 'pin-locked', 'forbidden', ...). */
  outcome: string
}

/**
 * How many writes behind a token the account has had (http/audit.ts bumps it with each audit
 * row, in the write's transaction): the key of what http/account-cache.ts keeps, read by
 * primary key, so its cost does not grow with the account's history as a count of rows did.
 */
export interface AccountChangeTable {
  account_id: string
  version: number
}

export interface Database {
  account: AccountTable
  device_token: DeviceTokenTable
  account_service: AccountServiceTable
  invoice: InvoiceTable
  invoice_line: InvoiceLineTable
  invoice_complaint: InvoiceComplaintTable
  demo_scenario: DemoScenarioTable
  notice: NoticeTable
  notice_channel: NoticeChannelTable
  recording_quota: RecordingQuotaTable
  recording: RecordingTable
  session: SessionTable
  premium_product: PremiumProductTable
  promo_code: PromoCodeTable
  premium_subscription: PremiumSubscriptionTable
  purchase_pin: PurchasePinTable
  write_receipt: WriteReceiptTable
  account_contract: AccountContractTable
  account_equipment: AccountEquipmentTable
  points_award: PointsAwardTable
  points_redemption: PointsRedemptionTable
  audit: AuditTable
  account_change: AccountChangeTable
}

export type Db = Kysely<Database>

/** `url` (postgres://…) selects PostgreSQL; otherwise `file` is an SQLite path, ':memory:' for tests. */
export type DatabaseConfig = { url: string; schema?: string } | { file: string }

export function openDatabase(config: DatabaseConfig): Db {
  if ('url' in config) {
    // `schema`: a search_path of its own, so test suites share one PostgreSQL without sharing tables.
    const options = config.schema ? `-c search_path=${config.schema}` : undefined
    return new Kysely<Database>({ dialect: oneTransactionCapable(new PostgresDialect({ pool: new pg.Pool({ connectionString: config.url, options }) })) })
  }
  const sqlite = new SQLite(config.file)
  const inode = config.file === ':memory:' ? null : statSync(config.file).ino
  sqlite.pragma('journal_mode = WAL')
  // A write is acknowledged only once it is in the WAL on disk: a kill -9 or a power
  // cut after the answer loses nothing (NORMAL could lose the last commits on power loss).
  sqlite.pragma('synchronous = FULL')
  // Another process (a second replica, a backup) holding the lock: wait, do not fail.
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('foreign_keys = ON')
  const db = new Kysely<Database>({ dialect: oneTransactionCapable(new SqliteDialect({ database: withStatementCache(sqlite) })) })
  if (inode !== null) sqliteFiles.set(db, { file: config.file, inode })
  return db
}

/**
 * A query Kysely builds and compiles once per database, then runs with each call's values.
 * Kysely builds and compiles a query anew on every call; for the query every request asks (a
 * session's holder) that cost several times what the database took to answer
 * (`node bench/overview.mjs --cpu-prof DIR`). `build` receives a stand-in for each
 * value and may use them only as values compared or written, never to shape the query.
 */
const STAND_IN = '\u0000value '

export function compiledOnce<Values extends unknown[], Row>(build: (db: Db, ...values: Values) => Compilable<Row>): (db: Db, ...values: Values) => Promise<Row | undefined> {
  const compiled = new WeakMap<Db, CompiledQuery<Row>>()
  return async (db, ...values) => {
    let query = compiled.get(db)
    if (!query) {
      query = build(db, ...(values.map((_, index) => STAND_IN + index) as Values)).compile()
      compiled.set(db, query)
    }
    const parameters = query.parameters.map((parameter) => (typeof parameter === 'string' && parameter.startsWith(STAND_IN) ? values[Number(parameter.slice(STAND_IN.length))] : parameter))
    return (await db.executeQuery<Row>({ ...query, parameters })).rows[0]
  }
}

/** The file each SQLite database was opened from: deleted or replaced under a running server, it still answers from the old one. */
const sqliteFiles = new WeakMap<Db, { file: string; inode: number }>()

/** Null when the database answers a query (and, for SQLite, is still the file it was opened from); else what is wrong. */
export async function databaseProblem(db: Db): Promise<string | null> {
  const opened = sqliteFiles.get(db)
  if (opened) {
    let inode: number | null = null
    try {
      inode = statSync(opened.file).ino
    } catch {
      // gone: said below
    }
    if (inode !== opened.inode) return `o ficheiro da base de dados ${opened.file} foi apagado ou substituído enquanto o servidor corria; o que for escrito agora perde-se`
  }
  try {
    await sql`select 1`.execute(db)
    return null
  } catch (error) {
    return `a base de dados não responde (${error instanceof Error ? error.message : String(error)})`
  }
}

/**
 * Kysely prepares every query anew; the API runs the same few SQL texts over and
 * over, so their prepared statements are kept (bench: a third of a request's CPU
 * was `prepare`). Safe because every query runs to completion synchronously
 * (`all`/`run`; nothing here streams with `iterate`).
 */
function withStatementCache(sqlite: SQLite.Database): SQLite.Database {
  const statements = new Map<string, SQLite.Statement>()
  const prepare = sqlite.prepare.bind(sqlite)
  sqlite.prepare = ((sql: string) => {
    let statement = statements.get(sql)
    if (!statement) {
      if (statements.size >= 1000) statements.clear()
      statement = prepare(sql)
      statements.set(sql, statement)
    }
    return statement
  }) as typeof sqlite.prepare
  return sqlite
}

/** A run of `inOneTransaction`: the connection its queries share (once the first one asked), how deep its services' transactions are, whether it is over. */
interface OneTransaction {
  connection: Promise<DatabaseConnection> | null
  depth: number
  over: boolean
}

const running = new AsyncLocalStorage<OneTransaction>()

/**
 * Runs `work` so that every query made through any `Db` within it, however deep in the services,
 * goes to one connection in one transaction: committed when `work` returns, rolled back when it
 * throws. A service's own `db.transaction()` inside it becomes a savepoint, so it still rolls back
 * alone. What it is for: a write and its audit row (http/audit.ts) commit or vanish together.
 * On SQLite the one connection is held meanwhile, so other requests' queries wait for it.
 */
export async function inOneTransaction<T>(work: () => Promise<T>): Promise<T> {
  const scope: OneTransaction = { connection: null, depth: 0, over: false }
  const finish = async (end: 'commit' | 'rollback') => {
    scope.over = true
    const connection = await scope.connection
    if (!connection) return
    const release = releases.get(connection)!
    // The same connection object serves later queries (SQLite has only one): no longer this run's.
    releases.delete(connection)
    try {
      await connection.executeQuery(CompiledQuery.raw(end))
    } finally {
      await release()
    }
  }
  let result: T
  try {
    result = await running.run(scope, work)
  } catch (error) {
    await finish('rollback')
    throw error
  }
  await finish('commit')
  return result
}

/** How each held connection goes back to its pool, once its one transaction ends. */
const releases = new WeakMap<DatabaseConnection, () => Promise<void>>()

/** `dialect`, with queries made inside `inOneTransaction` sent to that run's connection and transaction. */
function oneTransactionCapable(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createDriver: () => new OneTransactionDriver(dialect.createDriver()),
  }
}

class OneTransactionDriver implements Driver {
  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return this.inner.init()
  }

  destroy(): Promise<void> {
    return this.inner.destroy()
  }

  private scopeOf(connection: DatabaseConnection | null): OneTransaction | undefined {
    const scope = running.getStore()
    return scope && !scope.over && (connection === null || releases.has(connection)) ? scope : undefined
  }

  acquireConnection(): Promise<DatabaseConnection> {
    const scope = this.scopeOf(null)
    if (!scope) return this.inner.acquireConnection()
    scope.connection ??= (async () => {
      const connection = await this.inner.acquireConnection()
      releases.set(connection, () => this.inner.releaseConnection(connection))
      await connection.executeQuery(CompiledQuery.raw('begin'))
      return connection
    })()
    return scope.connection
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    // The run's connection goes back when the run ends (inOneTransaction), not after each query.
    if (!releases.has(connection)) await this.inner.releaseConnection(connection)
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const scope = this.scopeOf(connection)
    if (!scope) return this.inner.beginTransaction(connection, settings)
    await connection.executeQuery(CompiledQuery.raw(`savepoint nested_${++scope.depth}`))
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const scope = this.scopeOf(connection)
    if (!scope) return this.inner.commitTransaction(connection)
    await connection.executeQuery(CompiledQuery.raw(`release savepoint nested_${scope.depth--}`))
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const scope = this.scopeOf(connection)
    if (!scope) return this.inner.rollbackTransaction(connection)
    const name = `nested_${scope.depth--}`
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${name}`))
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${name}`))
  }
}
