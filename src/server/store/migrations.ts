// Schema migrations, defined in code: the server ships as one bundle, with no
// migration files on disk. Append new migrations; never edit an applied one.
import { type Kysely, type Migration, Migrator, PostgresAdapter, sql } from 'kysely'
import { FIRST_DAY, LAST_DAY } from '../../domain/notices'
import { deletionDate } from '../../domain/recordings'
import type { Db } from './db'
import { keyedDigest, sha256Digest } from './tokens'

/** Every migration, in order; `secret` is TOKEN_SECRET, which 0016 keys the stored token digests with. */
const migrations = (secret: string): Record<string, Migration> => ({
  '0001_accounts_and_invoices': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('account')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('holder_name', 'text', (column) => column.notNull())
        .addColumn('contract_number', 'text', (column) => column.notNull().unique())
        .addColumn('nif', 'text', (column) => column.notNull())
        .addColumn('region', 'text', (column) => column.notNull())
        .addColumn('consumer', 'integer', (column) => column.notNull())
        .addColumn('payment_method', 'text', (column) => column.notNull())
        .addColumn('iban', 'text')
        .addColumn('activated_on', 'text', (column) => column.notNull())
        .execute()

      await db.schema
        .createTable('device_token')
        .addColumn('token', 'text', (column) => column.primaryKey())
        .addColumn('account_id', 'text', (column) => column.notNull().references('account.id').onDelete('cascade'))
        .addColumn('viewer_name', 'text', (column) => column.notNull())
        .addColumn('viewer_profile', 'text', (column) => column.notNull())
        .execute()

      await db.schema
        .createTable('account_service')
        .addColumn('account_id', 'text', (column) => column.notNull().references('account.id').onDelete('cascade'))
        .addColumn('position', 'integer', (column) => column.notNull())
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('kind', 'text', (column) => column.notNull())
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('requested_on', 'text', (column) => column.notNull())
        .addColumn('activated_on', 'text')
        .addPrimaryKeyConstraint('account_service_pk', ['account_id', 'position'])
        .execute()

      await db.schema
        .createTable('invoice')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('account_id', 'text', (column) => column.notNull().references('account.id').onDelete('cascade'))
        .addColumn('number', 'text', (column) => column.notNull().unique())
        .addColumn('atcud', 'text', (column) => column.notNull().unique())
        .addColumn('period_start', 'text', (column) => column.notNull())
        .addColumn('period_end', 'text', (column) => column.notNull())
        .addColumn('invoice_date', 'text', (column) => column.notNull())
        .addColumn('issue_date', 'text', (column) => column.notNull())
        .addColumn('due_date', 'text', (column) => column.notNull())
        .addColumn('partial_period', 'integer', (column) => column.notNull())
        .addColumn('region', 'text', (column) => column.notNull())
        .addColumn('vat_rate_percent', 'integer', (column) => column.notNull())
        .addColumn('net_cents', 'integer', (column) => column.notNull())
        .addColumn('vat_cents', 'integer', (column) => column.notNull())
        .addColumn('total_cents', 'integer', (column) => column.notNull())
        .addColumn('payment_method', 'text', (column) => column.notNull())
        .addColumn('multibanco_entity', 'text')
        .addColumn('multibanco_reference', 'text')
        .addColumn('debit_iban', 'text')
        .addColumn('paid_on', 'text')
        .addColumn('disputed_on', 'text')
        .execute()
      await db.schema.createIndex('invoice_account_period').on('invoice').columns(['account_id', 'period_start']).execute()

      await db.schema
        .createTable('invoice_line')
        .addColumn('invoice_id', 'text', (column) => column.notNull().references('invoice.id').onDelete('cascade'))
        .addColumn('position', 'integer', (column) => column.notNull())
        .addColumn('line_group', 'text', (column) => column.notNull())
        .addColumn('description', 'text', (column) => column.notNull())
        .addColumn('net_cents', 'integer', (column) => column.notNull())
        .addPrimaryKeyConstraint('invoice_line_pk', ['invoice_id', 'position'])
        .execute()

      await db.schema
        .createTable('demo_scenario')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('position', 'integer', (column) => column.notNull())
        .addColumn('description', 'text', (column) => column.notNull())
        .addColumn('token', 'text', (column) => column.notNull().references('device_token.token').onDelete('cascade'))
        .execute()
    },
  },
  '0002_notices': {
    async up(db: Kysely<unknown>) {
      // Channel-change and contract-change notices (seed 004 TV §2.1.3, general §5); read state per account.
      await db.schema
        .createTable('notice')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('account_id', 'text', (column) => column.notNull().references('account.id').onDelete('cascade'))
        .addColumn('kind', 'text', (column) => column.notNull())
        .addColumn('title', 'text', (column) => column.notNull())
        .addColumn('details', 'text', (column) => column.notNull())
        .addColumn('announced_on', 'text', (column) => column.notNull())
        .addColumn('effective_on', 'text', (column) => column.notNull())
        .addColumn('unforeseeable', 'integer', (column) => column.notNull())
        .addColumn('contract_effect', 'text')
        .addColumn('read_at', 'text')
        .execute()
      await db.schema.createIndex('notice_account').on('notice').columns(['account_id', 'effective_on']).execute()
      await db.schema
        .createTable('notice_channel')
        .addColumn('notice_id', 'text', (column) => column.notNull().references('notice.id').onDelete('cascade'))
        .addColumn('position', 'integer', (column) => column.notNull())
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('number_before', 'integer')
        .addColumn('number_after', 'integer')
        .addPrimaryKeyConstraint('notice_channel_pk', ['notice_id', 'position'])
        .execute()
    },
  },
  '0003_recordings': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('recording_quota')
        .addColumn('account_id', 'text', (column) => column.primaryKey().references('account.id').onDelete('cascade'))
        .addColumn('total_minutes', 'integer', (column) => column.notNull())
        .execute()
      await db.schema
        .createTable('recording')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('account_id', 'text', (column) => column.notNull().references('account.id').onDelete('cascade'))
        .addColumn('channel', 'text', (column) => column.notNull())
        .addColumn('title', 'text', (column) => column.notNull())
        .addColumn('starts_at', 'text', (column) => column.notNull())
        .addColumn('recorded_on', 'text', (column) => column.notNull())
        .addColumn('duration_minutes', 'integer', (column) => column.notNull())
        .addColumn('size_minutes', 'integer', (column) => column.notNull())
        .addColumn('watched', 'integer', (column) => column.notNull())
        .addColumn('progress_percent', 'integer', (column) => column.notNull())
        .addColumn('watching_now', 'integer', (column) => column.notNull())
        .addColumn('protected', 'integer', (column) => column.notNull())
        .addColumn('unavailable', 'integer', (column) => column.notNull())
        .addColumn('scheduled_deletion', 'text')
        .addColumn('deleted_on', 'text')
        .addColumn('deleted_by', 'text')
        .execute()
      await db.schema.createIndex('recording_account').on('recording').columns(['account_id', 'deleted_on']).execute()
    },
  },
  '0004_sessions': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('session')
        .addColumn('token', 'text', (column) => column.primaryKey())
        .addColumn('device_token', 'text', (column) => column.notNull().references('device_token.token').onDelete('cascade'))
        .addColumn('opened_at', 'text', (column) => column.notNull())
        .addColumn('ended_at', 'text')
        .execute()
      await db.schema.createIndex('session_device_token').on('session').column('device_token').execute()
    },
  },
  '0005_premium': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('premium_product')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('position', 'integer', (column) => column.notNull())
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('description', 'text', (column) => column.notNull())
        .addColumn('channels', 'text', (column) => column.notNull())
        .addColumn('net_cents', 'integer', (column) => column.notNull())
        .addColumn('minimum_days', 'integer', (column) => column.notNull())
        .addColumn('promo_net_cents', 'integer')
        .addColumn('promo_until', 'text')
        .execute()

      await db.schema
        .createTable('promo_code')
        .addColumn('code', 'text', (column) => column.primaryKey())
        .addColumn('product_id', 'text', (column) => column.references('premium_product.id').onDelete('cascade'))
        .addColumn('percent_off', 'integer', (column) => column.notNull())
        .addColumn('months', 'integer', (column) => column.notNull())
        .addColumn('valid_until', 'text', (column) => column.notNull())
        .execute()

      await db.schema
        .createTable('premium_subscription')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('account_id', 'text', (column) => column.notNull().references('account.id').onDelete('cascade'))
        .addColumn('product_id', 'text', (column) => column.notNull().references('premium_product.id'))
        .addColumn('started_on', 'text', (column) => column.notNull())
        .addColumn('minimum_days', 'integer', (column) => column.notNull())
        .addColumn('net_cents', 'integer', (column) => column.notNull())
        .addColumn('promo_net_cents', 'integer')
        .addColumn('promo_until', 'text')
        .addColumn('promo_code', 'text')
        .addColumn('cancel_requested_on', 'text')
        .addColumn('ends_on', 'text')
        .addColumn('cancel_rule', 'text')
        .execute()
      await db.schema.createIndex('premium_subscription_account').on('premium_subscription').columns(['account_id', 'product_id']).execute()

      await db.schema
        .createTable('purchase_pin')
        .addColumn('account_id', 'text', (column) => column.primaryKey().references('account.id').onDelete('cascade'))
        .addColumn('salt', 'text', (column) => column.notNull())
        .addColumn('hash', 'text', (column) => column.notNull())
        .addColumn('failed_attempts', 'integer', (column) => column.notNull())
        .addColumn('locked_until', 'text')
        .execute()

      await db.schema
        .createTable('write_receipt')
        .addColumn('account_id', 'text', (column) => column.notNull().references('account.id').onDelete('cascade'))
        .addColumn('idempotency_key', 'text', (column) => column.notNull())
        .addColumn('fingerprint', 'text', (column) => column.notNull())
        .addColumn('status_code', 'integer', (column) => column.notNull())
        .addColumn('body', 'text', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('write_receipt_pk', ['account_id', 'idempotency_key'])
        .execute()

      await db.schema.alterTable('demo_scenario').addColumn('purchase_pin', 'text').execute()
    },
  },
  '0006_account_section': {
    async up(db: Kysely<unknown>) {
      // Account page (issue 6): contract facts, equipment, points programme (seed 003).
      await db.schema
        .createTable('account_contract')
        .addColumn('account_id', 'text', (column) => column.primaryKey().references('account.id').onDelete('cascade'))
        .addColumn('address', 'text', (column) => column.notNull())
        .addColumn('registered', 'integer', (column) => column.notNull())
        .addColumn('einvoice', 'integer', (column) => column.notNull())
        .addColumn('commitment_start', 'text')
        .addColumn('commitment_months', 'integer')
        .addColumn('advantage_cents', 'integer')
        .addColumn('last_equipment_exchange', 'text')
        .addColumn('last_accessory_exchange', 'text')
        .execute()
      await db.schema
        .createTable('account_equipment')
        .addColumn('account_id', 'text', (column) => column.notNull().references('account.id').onDelete('cascade'))
        .addColumn('position', 'integer', (column) => column.notNull())
        .addColumn('kind', 'text', (column) => column.notNull())
        .addColumn('model', 'text', (column) => column.notNull())
        .addColumn('serial', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('account_equipment_pk', ['account_id', 'position'])
        .execute()
      // Awards older than the invoice history; invoices paid since award their own points (one per euro).
      await db.schema
        .createTable('points_award')
        .addColumn('account_id', 'text', (column) => column.notNull().references('account.id').onDelete('cascade'))
        .addColumn('awarded_on', 'text', (column) => column.notNull())
        .addColumn('points', 'integer', (column) => column.notNull())
        .execute()
      await db.schema
        .createTable('points_redemption')
        .addColumn('account_id', 'text', (column) => column.notNull().references('account.id').onDelete('cascade'))
        .addColumn('redeemed_on', 'text', (column) => column.notNull())
        .addColumn('points', 'integer', (column) => column.notNull())
        .addColumn('kind', 'text', (column) => column.notNull())
        .execute()
    },
  },
  '0007_service_installation': {
    async up(db: Kysely<unknown>) {
      // Issue 16: the 48 h of initial activation run from acceptance and installation (004 TV §6 a).
      // A service stored before this column existed was installed when it was ordered.
      await db.schema.alterTable('account_service').addColumn('installed_on', 'text').execute()
      await sql`update account_service set installed_on = requested_on`.execute(db)
    },
  },
  // Issue 20: each recording keeps its deletion day (§5.9, a function of the row alone),
  // so expiry, the totals and a page of the list are indexed queries, not a pass over
  // every recording of the account on every request.
  '0008_recording_deletion_day': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('recording').addColumn('deletion_on', 'text').execute()
      const store = db as unknown as Db
      const rows = await store.selectFrom('recording').select(['id', 'recorded_on', 'scheduled_deletion']).execute()
      for (const row of rows) await store.updateTable('recording').set({ deletion_on: deletionDate({ recordedOn: row.recorded_on, scheduledDeletion: row.scheduled_deletion }).date }).where('id', '=', row.id).execute()
      await db.schema.createIndex('recording_by_deletion').on('recording').columns(['account_id', 'deleted_on', 'deletion_on', 'starts_at', 'id']).execute()
    },
  },
  // Sessions end by themselves (idle and absolute lifetime) or by logout; the end says why.
  '0009_session_lifetime': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('session').addColumn('last_seen_at', 'text').execute()
      await db.schema.alterTable('session').addColumn('end_reason', 'text').execute()
    },
  },
  // Issue 15: device and session tokens are kept as their digest (store/tokens.ts). The demo
  // list keeps its clear demo tokens, so it no longer references device_token by token but
  // names its account.
  '0010_hashed_tokens': {
    async up(db: Kysely<unknown>) {
      const store = db as unknown as Db
      await db.schema
        .createTable('demo_scenario_by_account')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('position', 'integer', (column) => column.notNull())
        .addColumn('description', 'text', (column) => column.notNull())
        .addColumn('token', 'text', (column) => column.notNull())
        .addColumn('account_id', 'text', (column) => column.notNull().references('account.id').onDelete('cascade'))
        .addColumn('purchase_pin', 'text')
        .execute()
      await sql`insert into demo_scenario_by_account (id, position, description, token, account_id, purchase_pin)
        select s.id, s.position, s.description, s.token, d.account_id, s.purchase_pin from demo_scenario s join device_token d on d.token = s.token`.execute(db)
      await db.schema.dropTable('demo_scenario').execute()
      await db.schema.alterTable('demo_scenario_by_account').renameTo('demo_scenario').execute()
      // Each device token's row is copied under its digest, its sessions moved to it, then the clear row goes.
      for (const row of await store.selectFrom('device_token').selectAll().execute()) {
        const digest = sha256Digest(row.token)
        await store.insertInto('device_token').values({ ...row, token: digest }).execute()
        await store.updateTable('session').set({ device_token: digest }).where('device_token', '=', row.token).execute()
        await store.deleteFrom('device_token').where('token', '=', row.token).execute()
      }
      for (const row of await store.selectFrom('session').select('token').execute()) {
        await store.updateTable('session').set({ token: sha256Digest(row.token) }).where('token', '=', row.token).execute()
      }
    },
  },
  // Issue 15: every write leaves an audit row (http/audit.ts).
  '0011_audit': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('audit')
        .addColumn('at', 'text', (column) => column.notNull())
        .addColumn('account_id', 'text', (column) => column.notNull())
        .addColumn('viewer_name', 'text', (column) => column.notNull())
        .addColumn('viewer_profile', 'text', (column) => column.notNull())
        .addColumn('device', 'text', (column) => column.notNull())
        .addColumn('client_ip', 'text', (column) => column.notNull())
        .addColumn('action', 'text', (column) => column.notNull())
        .addColumn('method', 'text', (column) => column.notNull())
        .addColumn('route', 'text', (column) => column.notNull())
        .addColumn('target', 'text')
        .addColumn('status', 'integer', (column) => column.notNull())
        .addColumn('outcome', 'text', (column) => column.notNull())
        .execute()
      await db.schema.createIndex('audit_account_at').on('audit').columns(['account_id', 'at']).execute()
    },
  },
  // Issue 16: the day the written notice of consequences went out (004 TV §8.4); the overdue
  // timeline counts the suspension from it. Null: none recorded (the last allowed day is assumed).
  '0012_invoice_notice_sent': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('invoice').addColumn('notice_sent_on', 'text').execute()
    },
  },
  // Issue 16: where and when the contract was made and its monthly value, for the right of withdrawal
  // of a consumer's distance or off-premises contract (004 general §6.1, §6.3). Null: not known, none shown.
  '0013_contract_sale_channel': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('account_contract').addColumn('sale_channel', 'text').execute()
      await db.schema.alterTable('account_contract').addColumn('concluded_on', 'text').execute()
      await db.schema.alterTable('account_contract').addColumn('monthly_cents', 'integer').execute()
    },
  },
  // Issue 16: a complaint about an invoice made from the box (004 general §19.3–19.5; 001 G): what is
  // disputed (a line or the whole invoice), why, and its decision. One per invoice. A complaint stored
  // before as a day only (`disputed_on`) becomes one about the whole invoice, pending.
  '0014_invoice_complaint': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('invoice_complaint')
        .addColumn('invoice_id', 'text', (column) => column.primaryKey().references('invoice.id'))
        .addColumn('account_id', 'text', (column) => column.notNull().references('account.id'))
        .addColumn('filed_on', 'text', (column) => column.notNull())
        .addColumn('line', 'integer')
        .addColumn('reason', 'text', (column) => column.notNull())
        .addColumn('disputed_cents', 'integer', (column) => column.notNull())
        .addColumn('decided_on', 'text')
        .execute()
      await sql`insert into invoice_complaint (invoice_id, account_id, filed_on, line, reason, disputed_cents, decided_on)
        select id, account_id, disputed_on, null, 'other', total_cents, null from invoice where disputed_on is not null`.execute(db)
    },
  },
  // Issue 15: repeated PIN locks grow longer (domain/premium.ts PIN_LOCK_STEPS_MINUTES).
  '0015_pin_lock_series': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('purchase_pin').addColumn('locks', 'integer', (column) => column.notNull().defaultTo(0)).execute()
    },
  },
  // Issue 15: token digests become HMAC-SHA-256(TOKEN_SECRET, SHA-256(token)) (store/tokens.ts).
  // The SHA-256 digests 0010 stored are re-keyed in place, so boxes and open sessions keep
  // working; the audit trail's device prefixes follow, so a box's rows still tell it apart.
  // One transaction (SQLite runs migrations outside one): a crash leaves every digest as it was.
  '0016_keyed_token_digests': {
    async up(db: Kysely<unknown>) {
      const rekey = async (trx: Db) => {
        for (const row of await trx.selectFrom('device_token').selectAll().execute()) {
          const keyed = keyedDigest(secret, row.token)
          await trx.insertInto('device_token').values({ ...row, token: keyed }).execute()
          await trx.updateTable('session').set({ device_token: keyed }).where('device_token', '=', row.token).execute()
          await trx.updateTable('audit').set({ device: keyed.slice(0, 12) }).where('device', '=', row.token.slice(0, 12)).execute()
          await trx.deleteFrom('device_token').where('token', '=', row.token).execute()
        }
        for (const row of await trx.selectFrom('session').select('token').execute()) {
          await trx.updateTable('session').set({ token: keyedDigest(secret, row.token) }).where('token', '=', row.token).execute()
        }
      }
      const store = db as unknown as Db
      await (store.isTransaction ? rekey(store) : store.transaction().execute(rekey))
    },
  },
  // Issue 20: each notice keeps its place in the list (domain/notices noticeOrder), which holds for a
  // run of days, so a page of notices and the unread count are indexed queries, not an ordering of
  // every notice of the account on every request. Existing notices hold on no day, so the first
  // request of each account keys them (notices/service keepOrder).
  '0017_notice_order': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('notice').addColumn('order_key', 'text', (column) => column.notNull().defaultTo('')).execute()
      await db.schema.alterTable('notice').addColumn('order_key_restricted', 'text', (column) => column.notNull().defaultTo('')).execute()
      await db.schema.alterTable('notice').addColumn('order_from', 'text', (column) => column.notNull().defaultTo(LAST_DAY)).execute()
      await db.schema.alterTable('notice').addColumn('order_until', 'text', (column) => column.notNull().defaultTo(FIRST_DAY)).execute()
      await db.schema.createIndex('notice_order').on('notice').columns(['account_id', 'order_key', 'id']).execute()
      await db.schema.createIndex('notice_order_restricted').on('notice').columns(['account_id', 'order_key_restricted', 'id']).execute()
      await db.schema.createIndex('notice_order_from').on('notice').columns(['account_id', 'order_from']).execute()
      await db.schema.createIndex('notice_order_until').on('notice').columns(['account_id', 'order_until']).execute()
      await db.schema.createIndex('notice_unread').on('notice').columns(['account_id', 'read_at', 'kind']).execute()
    },
  },
  // Issue 20: what every GET /v1/recordings answers beside its page is read from indexes alone.
  // Automatic management's next candidates (§5.12: not protected, not being watched; watched
  // first, oldest first, by id) are the first rows of an index in that order, not a sort of
  // every kept recording; the totals (count, minutes used, how many show their date) are read
  // from the list's index, which now carries each recording's size, not from the rows.
  '0018_recording_answer_indexes': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('recording_next_to_delete')
        .on('recording')
        .columns(['account_id', 'deleted_on', 'protected', 'watching_now', 'watched desc', 'recorded_on', 'id'])
        .execute()
      await db.schema.dropIndex('recording_by_deletion').execute()
      await db.schema.createIndex('recording_by_deletion').on('recording').columns(['account_id', 'deleted_on', 'deletion_on', 'starts_at', 'id', 'size_minutes']).execute()
    },
  },
  // Issue 20: the overview's cache stamp, one row an account read by its key. It was a count of
  // the account's audit rows, which every session opened and every write made longer: at a few
  // thousand rows the count cost more than the overview it saved. No rows to carry over: the
  // cache lives in each process's memory and starts empty with the release that reads this.
  '0019_account_change': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('account_change')
        .addColumn('account_id', 'text', (column) => column.primaryKey())
        .addColumn('version', 'integer', (column) => column.notNull())
        .execute()
    },
  },
  // Every login cleans up (sessions/service.ts): audit rows past their retention, sessions ended
  // or past their lifetime 30 days before. Without these indexes each login read both tables
  // whole, a year of every box's writes and every session, so a login cost what the history did.
  '0020_cleanup_indexes': {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('audit_at').on('audit').column('at').execute()
      await db.schema.createIndex('session_ended_at').on('session').column('ended_at').execute()
      await db.schema.createIndex('session_opened_at').on('session').column('opened_at').execute()
    },
  },
})

/**
 * Brings the schema up to date; `created`: the database was empty (its first migration ran now).
 * `secret`: TOKEN_SECRET, the one the server then runs with (0016 keys stored digests with it).
 */
export async function migrateToLatest(db: Db, secret: string): Promise<{ created: boolean }> {
  return migrateTo(db, secret, Object.keys(migrations(secret)).at(-1)!)
}

/** Up to the migration `last` and no further: what `migrateToLatest` does, and how tests build a database as an older release left it. */
export async function migrateTo(db: Db, secret: string, last: string): Promise<{ created: boolean }> {
  // PostgreSQL: Kysely looks for its migration tables in every schema unless told
  // which one; a database where another schema already has them (a second
  // deployment, another test suite) would skip creating ours and fail. So: ours.
  const migrationTableSchema = db.getExecutor().adapter instanceof PostgresAdapter ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined
  const all = migrations(secret)
  const migrator = new Migrator({ db, provider: { getMigrations: async () => all }, migrationTableSchema })
  const { error, results = [] } = await migrator.migrateTo(last)
  if (error) throw error
  const first = Object.keys(all)[0]
  return { created: results.some((result) => result.migrationName === first && result.status === 'Success') }
}
