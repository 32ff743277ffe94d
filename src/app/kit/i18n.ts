// Every visible string goes through the SDK Language plugin (src/app/translations/*.json, merged at build).
import { Language } from '@lightningjs/sdk'
import type { UiLanguage } from '../../domain/format'

export function t(key: string, replacements?: Record<string, string | number>): string {
  return replacements ? Language.translate(key, replacements) : Language.translate(key)
}

export function uiLanguage(): UiLanguage {
  return Language.get() === 'en' ? 'en' : 'pt'
}
