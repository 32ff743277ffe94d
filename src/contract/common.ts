// Shapes shared by every route of the account API. One definition serves the
// server's validation, its OpenAPI document, and the app's response checks.
import Type from 'typebox'

/** Calendar date, ISO 8601 `YYYY-MM-DD`, in Europe/Lisbon. */
export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' })
/** Instant, ISO 8601 with offset. */
export const IsoDateTime = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T', description: 'ISO 8601 instant' })
/** Money in integer euro cents: no floating-point rounding on the way. */
export const Cents = Type.Integer({ description: 'euro cents' })

/** A closed set of words: one union of their literals (the same schema as writing each `Type.Literal` out). */
export function Literals<const Values extends string[]>(...values: Values): Type.TUnion<{ [Index in keyof Values]: Type.TLiteral<Values[Index]> }> {
  return Type.Union(values.map((value) => Type.Literal(value))) as never
}

/** Where a page of a long list starts or ends: opaque to the box, which only sends back what it got (issue 20). */
export const PageCursor = Type.String({ pattern: '^[A-Za-z0-9_-]{1,200}$' })

/** The query of a long list read in pages: a cursor from an earlier page (none: the first page), and a page's size. */
export function PageQuery(max: number, fallback: number, noun: string) {
  return Type.Object(
    {
      cursor: Type.Optional(PageCursor),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: max, description: `${noun} on the page (default ${fallback})` })),
    },
    { additionalProperties: false },
  )
}

/** A page of a long list: its items (at most `max`), where it is in the whole list, and the cursors on each side. */
export function PageOf<Item extends Type.TSchema>(item: Item, max: number) {
  return {
    /** Items on every page together. */
    total: Type.Integer({ minimum: 0 }),
    /** Where this page's first item is in the whole list (0 on the first page). */
    position: Type.Integer({ minimum: 0 }),
    items: Type.Array(item, { maxItems: max }),
    /** The cursor of the page after this one; null on the last page. */
    next: Type.Union([PageCursor, Type.Null()]),
    /** The cursor of the page before this one; null on the first page. */
    previous: Type.Union([PageCursor, Type.Null()]),
  }
}

/** The five access profiles of the Área de Cliente (seed 002). */
export const Profile = Literals('administrador', 'responsavel-delegado', 'responsavel-faturacao', 'responsavel-tecnico', 'utilizador')
export type Profile = Type.Static<typeof Profile>

/** Every refusal and failure the API answers with: a code, a readable reason, and who can help. */
export const ApiErrorBody = Type.Object({
  error: Type.String({ description: 'stable machine code, e.g. unauthorized, forbidden, not-found, bad-request' }),
  reason: Type.String({ description: 'plain-language explanation (pt-PT)' }),
  /** For 403: the profiles that may do it, so the viewer knows whom to ask. */
  allowedProfiles: Type.Optional(Type.Array(Profile)),
})
export type ApiErrorBody = Type.Static<typeof ApiErrorBody>

/** A section of the overview the viewer's profile may not see: why, and who can. */
export const Denied = Type.Object({
  denied: Type.Literal(true),
  reason: Type.String(),
  allowedProfiles: Type.Array(Profile),
})
export type Denied = Type.Static<typeof Denied>

/** A service ordered and not yet active: the 48 h of initial activation run from acceptance and installation (seed 004 TV §6 a). */
export const PendingService = Type.Object({
  name: Type.String(),
  orderedOn: IsoDate,
  installedOn: Type.Union([IsoDate, Type.Null()]),
  /** null while the installation is scheduled. */
  expectedBy: Type.Union([IsoDate, Type.Null()]),
  activation: Type.Union([Type.Literal('scheduled'), Type.Literal('waiting'), Type.Literal('late')]),
})
export type PendingService = Type.Static<typeof PendingService>
