// The language check of the QA lanes: every text a screen shows exists in the lane's
// language. The app's strings come from the merged translations (dist/app/translations.json,
// built from the Language plugin's files): a key shown as is has no translation (the
// plugin falls back to the key), and a string of the other language shown in this one
// was never translated. Data from the API (names, notice titles: the operator writes them in
// Portuguese) is left alone: a text the API's own bundle contains is data, even when it reads
// like a label (a notice titled "Atualização anual de preços", the kind's Portuguese name).
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Lang } from '../src/platform/launch'

export interface Translations {
  keys: Set<string>
  /** Per language, the strings (as patterns: `{name}` matches anything) only that language uses. */
  only: Record<Lang, { key: string; pattern: RegExp }[]>
  /** The API bundle's text with its string escapes undone: what the API can send as data. */
  data: string
}

const LANGS: Lang[] = ['pt', 'en']

/** A template's fixed part must say something (4 letters) to be recognised: `{a} · {b}` would match any text. */
const MIN_LETTERS = 4

function pattern(template: string): RegExp | null {
  const fixed = template.replace(/\{[^}]+\}/g, '')
  if ((fixed.match(/\p{L}/gu) ?? []).length < MIN_LETTERS) return null
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (/^\{[^}]+\}$/.test(part) ? '.+?' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('')
  return new RegExp(`^${source}$`, 's')
}

export function translationsFrom(merged: Partial<Record<Lang, Record<string, string>>>, data = ''): Translations {
  const keys = new Set(LANGS.flatMap((lang) => Object.keys(merged[lang] ?? {})))
  const only = { pt: [], en: [] } as Translations['only']
  for (const lang of LANGS) {
    const other = merged[LANGS.find((l) => l !== lang)!] ?? {}
    const otherValues = new Set(Object.values(other))
    for (const [key, value] of Object.entries(merged[lang] ?? {})) {
      if (otherValues.has(value)) continue
      const compiled = pattern(value)
      if (compiled) only[lang].push({ key, pattern: compiled })
    }
  }
  return { keys, only, data }
}

/**
 * The built app's translations, and the built API's strings (`\xE7` and `\u00e7` escapes undone).
 * `file` is the Language plugin's translations.json: it names each language's own file beside it.
 */
export function loadTranslations(file: string, apiBundle: string): Translations {
  const data = readFileSync(apiBundle, 'utf8').replace(/\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4}))/g, (_, x, u) => String.fromCharCode(parseInt(x ?? u, 16)))
  const index = JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<Lang, string>>
  const merged: Partial<Record<Lang, Record<string, string>>> = {}
  for (const lang of LANGS) {
    const own = index[lang]
    if (typeof own !== 'string') throw new Error(`${file} names no file for ${lang}`)
    merged[lang] = JSON.parse(readFileSync(join(dirname(file), own), 'utf8'))
  }
  return translationsFrom(merged, data)
}

/** Findings for the texts of one screen shown in `lang`: untranslated keys, and strings of the other language. */
export function languageFindings(texts: string[], lang: Lang, translations: Translations): string[] {
  const other = LANGS.find((l) => l !== lang)!
  const findings: string[] = []
  for (const text of new Set(texts)) {
    for (const line of new Set(text.split('\n'))) {
      if (translations.keys.has(line)) {
        findings.push(`"${line}" is a translation key shown as is: no ${lang} text for it`)
        continue
      }
      const foreign = translations.only[other].find((entry) => entry.pattern.test(line))
      if (foreign && !translations.data.includes(line)) findings.push(`"${line.slice(0, 80)}" is the ${other} text of ${foreign.key}, shown in a ${lang} lane`)
    }
  }
  return [...new Set(findings)]
}
