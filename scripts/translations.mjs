// The Language plugin reads translations.json; each section of the app keeps
// its strings in src/app/translations/<section>.json ({ pt: {...}, en: {...} },
// core.json also carries `meta`). This merges them, and refuses a key defined
// twice or missing in a language, so no screen shows a raw key.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const TRANSLATIONS_DIR = 'src/app/translations'

export function mergeTranslations(dir = TRANSLATIONS_DIR) {
  const merged = { meta: undefined, pt: {}, en: {} }
  const origin = {}
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
    const { meta, ...languages } = JSON.parse(readFileSync(join(dir, file), 'utf8'))
    if (meta) merged.meta = meta
    for (const [language, strings] of Object.entries(languages)) {
      if (!(language in merged)) throw new Error(`${file}: unknown language "${language}"`)
      for (const [key, value] of Object.entries(strings)) {
        const where = `${language}.${key}`
        if (where in origin) throw new Error(`${file}: ${where} is already defined in ${origin[where]}`)
        origin[where] = file
        merged[language][key] = value
      }
    }
  }
  const missing = Object.keys(merged.pt).filter((key) => !(key in merged.en)).concat(Object.keys(merged.en).filter((key) => !(key in merged.pt)))
  if (missing.length > 0) throw new Error(`translations: keys not in both pt and en: ${missing.join(', ')}`)
  return merged
}

/**
 * The files the app is served (issue 20: a box fetches its own language, not both):
 * translations.json names each language's file, which the Language plugin fetches
 * when that language is set (SDK setLanguage: a string entry is a URL).
 */
export function translationFiles(merged = mergeTranslations()) {
  const { meta, ...languages } = merged
  const files = { 'translations.json': { meta } }
  for (const [language, strings] of Object.entries(languages)) {
    files['translations.json'][language] = `translations.${language}.json`
    files[`translations.${language}.json`] = strings
  }
  return files
}
