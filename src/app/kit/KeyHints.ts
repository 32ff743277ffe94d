// The key hints every screen shows (issue 21, 9), in one row at the top right of the
// safe area: a chip per key (the remote's colour for a colour key, the key's name or
// arrows for the others) and what the key does here. Pages say which keys do what
// (DataPage.keyHints), dialogs theirs (Modal.keyHints), the notice banner its own; this
// lays them out, and says them for voice guidance (`spoken`).
import { Lightning } from '@lightningjs/sdk'
import { t } from './i18n'
import { COLOR, KEY_COLOUR, SAFE, TEXT } from './theme'
import { textSpec } from './textSpec'
import { roundedShape, shaped } from './shape'

export type HintKey = 'ok' | 'back' | 'leftRight' | 'upDown' | 'arrows' | 'digits' | keyof typeof KEY_COLOUR

export interface KeyHint {
  key: HintKey
  /** What the key does on this screen ("abrir", "proteger"). */
  label: string
}

const CHIP_H = 34
/** A colour key's chip: a square of the key's colour, as on the remote. */
const COLOUR_CHIP = 30
/** Widths of the named chips, by how many characters their glyph has. */
const chipWidth = (glyph: string) => 24 + glyph.length * 15

function chip(key: HintKey): Record<string, unknown> {
  if (key in KEY_COLOUR) {
    const colour = KEY_COLOUR[key as keyof typeof KEY_COLOUR]
    return shaped({ w: COLOUR_CHIP, h: COLOUR_CHIP }, roundedShape(colour, 6), {})
  }
  const glyph = t(`keys.glyph.${key}`)
  const w = chipWidth(glyph)
  return shaped({ w, h: CHIP_H }, roundedShape(COLOR.surface, 8, { width: 2, color: COLOR.muted }), {
    Glyph: { x: w / 2, y: CHIP_H / 2 + 2, mount: 0.5, ...textSpec(glyph, { size: TEXT.min, bold: true }) },
  })
}

/** The Row of chips and labels, built from the hints at run time; `hints` may be given in a template (the notice banner). */
export interface KeyHintsSpec extends Lightning.Component.TemplateSpec {
  hints: KeyHint[]
  Row: typeof Lightning.Element
}

export class KeyHints extends Lightning.Component<KeyHintsSpec> implements Lightning.Component.ImplementTemplateSpec<KeyHintsSpec> {
  static override _template(): Lightning.Component.Template<KeyHintsSpec> {
    return {
      x: SAFE.x + SAFE.w,
      y: SAFE.y,
      Row: { mountX: 1, flex: { direction: 'row', alignItems: 'center' } },
    }
  }

  /** The hints shown, left to right (what they say, for tests and voice guidance). */
  shown: KeyHint[] = []

  set hints(hints: KeyHint[]) {
    // A dialog says its hints on every focus change: the same ones are not drawn again.
    if (JSON.stringify(hints) === JSON.stringify(this.shown)) return
    this.shown = hints
    const row = this.tag('Row')!
    row.childList.clear()
    row.children = hints.flatMap((hint, i) => [
      { ref: `Chip${i}`, ...chip(hint.key), flexItem: { marginRight: 10 } },
      { ref: `Label${i}`, ...textSpec(hint.label, { size: TEXT.min, color: COLOR.text }), flexItem: { marginRight: i < hints.length - 1 ? 30 : 0 } },
    ])
  }

  /** The row as voice guidance says it: each key's name and what it does ("OK: ver o aviso. Voltar: fechar."). */
  get spoken(): string {
    return this.shown.map((hint) => `${t(`keys.name.${hint.key}`)}: ${hint.label}.`).join(' ')
  }
}
