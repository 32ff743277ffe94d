// Checks an answer against the contract's JSON Schema. The contract is TypeBox,
// but TypeBox's validator and type builder weigh ~190 KB minified, more than a
// third of the app: the build ships the schemas as plain JSON (see
// rollup.config.mjs) and this checks the subset of JSON Schema they use.

interface Schema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null'
  const?: unknown
  anyOf?: Schema[]
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
  pattern?: string
  minimum?: number
  maximum?: number
}

const patterns = new Map<string, RegExp>()

function pattern(source: string): RegExp {
  let regex = patterns.get(source)
  if (!regex) {
    regex = new RegExp(source)
    patterns.set(source, regex)
  }
  return regex
}

/** The first mismatch as "path: problem", or null when the value fits. */
export function firstMismatch(schema: object, value: unknown, path = ''): string | null {
  const s = schema as Schema
  const at = path || '/'
  if (s.anyOf) {
    return s.anyOf.some((option) => firstMismatch(option, value, path) === null) ? null : `${at}: matches no allowed shape`
  }
  if ('const' in s && value !== s.const) return `${at}: must be ${JSON.stringify(s.const)}`
  switch (s.type) {
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${at}: must be an object`
      const record = value as Record<string, unknown>
      for (const key of s.required ?? []) if (!(key in record)) return `${path}/${key}: is missing`
      for (const [key, child] of Object.entries(s.properties ?? {})) {
        if (key in record) {
          const problem = firstMismatch(child, record[key], `${path}/${key}`)
          if (problem) return problem
        }
      }
      return null
    }
    case 'array': {
      if (!Array.isArray(value)) return `${at}: must be an array`
      if (!s.items) return null
      for (let i = 0; i < value.length; i++) {
        const problem = firstMismatch(s.items, value[i], `${path}/${i}`)
        if (problem) return problem
      }
      return null
    }
    case 'string':
      if (typeof value !== 'string') return `${at}: must be a string`
      if (s.pattern && !pattern(s.pattern).test(value)) return `${at}: has an unexpected format`
      return null
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${at}: must be a number`
      if (s.type === 'integer' && !Number.isInteger(value)) return `${at}: must be an integer`
      if (s.minimum !== undefined && value < s.minimum) return `${at}: below ${s.minimum}`
      if (s.maximum !== undefined && value > s.maximum) return `${at}: above ${s.maximum}`
      return null
    case 'boolean':
      return typeof value === 'boolean' ? null : `${at}: must be true or false`
    case 'null':
      return value === null ? null : `${at}: must be null`
    default:
      return null
  }
}
