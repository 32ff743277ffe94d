// Every visible string goes through the SDK Language plugin (src/app/translations/*.json, merged at build).
import { Language } from '@lightningjs/sdk'
import { shownFormats, type Formats, type UiLanguage } from '../../domain/format'
import { spokenFormats, spokenSigns } from '../../domain/spoken'

export function t(key: string, replacements?: Record<string, string | number>): string {
  return replacements ? Language.translate(key, replacements) : Language.translate(key)
}

export function uiLanguage(): UiLanguage {
  return Language.get() === 'en' ? 'en' : 'pt'
}

/** The UI language's formats: as shown, or in words for voice guidance (domain/format Formats). */
export function formats(mode: 'shown' | 'spoken' = 'shown'): Formats {
  return mode === 'spoken' ? spokenFormats(uiLanguage()) : shownFormats(uiLanguage())
}

/** A text built with `formats('spoken')`, with the screen's signs said as words ("/mês", "·", "→"). */
export function spoken(text: string): string {
  return spokenSigns(text, uiLanguage())
}
