// Long lists answered a page at a time (issue 20): a cursor names the list key of a
// page's edge item and which side of it the next page lies, so a page is one indexed
// range query (keysetPage) whatever the account holds. The box never reads a cursor,
// it only sends back what it got (contract PageCursor).
import { type RawBuilder, sql } from 'kysely'
import { ApiError } from './errors'

/** A place in a list (the key of the item at a page's edge), and which side of it a page lies. */
export interface Cursor {
  key: string[]
  before: boolean
}

export function cursorAt(key: readonly string[], before: boolean): string {
  return Buffer.from(JSON.stringify([...key, before ? 1 : 0])).toString('base64url')
}

/** The cursor a page answered, with a key of `size` parts; anything else is a 400. */
export function readCursor(value: string, size: number): Cursor {
  try {
    const parts = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown
    if (Array.isArray(parts) && parts.length === size + 1) {
      const key = parts.slice(0, size)
      const before = parts[size]
      if (key.every((part) => typeof part === 'string') && (before === 0 || before === 1)) return { key: key as string[], before: before === 1 }
    }
  } catch {
    // Answered below, as any other cursor this server did not write.
  }
  throw new ApiError(400, { error: 'bad-request', reason: 'O cursor não é um dos que esta lista devolveu: peça a lista de novo, sem cursor.' })
}

/** A page as the contract's PageOf answers it. */
export interface Paged<Row> {
  rows: Row[]
  position: number
  next: string | null
  previous: string | null
}

/** Where a page of `rows` (in list order, starting at `position`) sits: the cursors on each side. */
export function pageEdges<Row>(rows: Row[], position: number, total: number, keyOf: (row: Row) => readonly string[]): Paged<Row> {
  const first = rows[0]
  const last = rows[rows.length - 1]
  return {
    rows,
    position,
    next: last && position + rows.length < total ? cursorAt(keyOf(last), false) : null,
    previous: first && position > 0 ? cursorAt(keyOf(first), true) : null,
  }
}

/** A list's order: its key columns, all ascending or all descending, and reads of its rows. */
export interface Keyset<Row> {
  columns: readonly string[]
  descending: boolean
  keyOf(row: Row): readonly string[]
  /** At most `limit` rows where `where` holds (all when null), ordered by the key columns in `direction`. */
  rows(where: RawBuilder<boolean> | null, direction: 'asc' | 'desc', limit: number): Promise<Row[]>
  /** How many rows `where` holds for (all when null). */
  count(where: RawBuilder<boolean> | null): Promise<number>
}

/** `(a, b, c) < (x, y, z)`: a row's key against a cursor's, in SQL (SQLite and PostgreSQL compare row values). */
function compare(columns: readonly string[], operator: '<' | '>', key: readonly string[]): RawBuilder<boolean> {
  const tuple = (parts: readonly RawBuilder<unknown>[]) => sql`(${sql.join(parts)})`
  return sql<boolean>`${tuple(columns.map((column) => sql.ref(column)))} ${sql.raw(operator)} ${tuple(key.map((part) => sql.val(part)))}`
}

/** Where the item with this key is in the list: how many come before it. */
export function positionOf<Row>(list: Keyset<Row>, key: readonly string[]): Promise<number> {
  return list.count(compare(list.columns, list.descending ? '>' : '<', key))
}

/**
 * The page after or before `cursor` (none: the first page) of a list of `total` items: one range query on the
 * list's key, and after a cursor one count for its position.
 */
export async function keysetPage<Row>(list: Keyset<Row>, cursor: Cursor | null, limit: number, total: number): Promise<Paged<Row>> {
  if (cursor && cursor.key.length !== list.columns.length) throw new Error('a cursor of another list')
  // "Later in the list" is a greater key ascending, a smaller one descending.
  const later = list.descending ? '<' : '>'
  const earlier = list.descending ? '>' : '<'
  const forward = list.descending ? 'desc' : 'asc'
  const backward = list.descending ? 'asc' : 'desc'
  const rows = cursor
    ? await list.rows(compare(list.columns, cursor.before ? earlier : later, cursor.key), cursor.before ? backward : forward, limit)
    : await list.rows(null, forward, limit)
  if (cursor?.before) rows.reverse()
  const first = rows[0]
  // The first page starts the list: nothing to count before it.
  const position = !cursor ? 0 : first ? await positionOf(list, list.keyOf(first)) : cursor.before ? 0 : total
  return pageEdges(rows, position, total, list.keyOf)
}
