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
