// Rows of text stacked top to bottom, for a panel or a page: plain templates (no
// stage), so a feature's text.ts fills one and a test reads what it says.
import type { Formats } from '../../domain/format'
import { formats, spoken } from './i18n'
import { COLOR, TEXT } from './theme'
import { textSpec } from './textSpec'

export type Rows = Record<string, unknown>

/**
 * How a column spaces its rows. `loose` (panels that scroll): a text takes its lines
 * and 10 px; `tight` (the installer's one-screen sheet): every row on a fixed pitch.
 */
export interface ColumnStyle {
  pad: number
  row: number
  spacing: 'loose' | 'tight'
  /** Pairs as a table: a label column this wide (see PairOptions). */
  labelWidth?: number
}

export const PANEL_STYLE: ColumnStyle = { pad: 32, row: 44, spacing: 'loose' }
export const SHEET_STYLE: ColumnStyle = { pad: 0, row: 42, spacing: 'tight', labelWidth: 300 }

/** What a screen says in one paragraph, with its look (a feature's text.ts builds these). */
export interface Paragraph {
  text: string
  size?: number
  color?: number
  bold?: boolean
}

/** Roboto's mean advance is about half the font size. */
const CHAR_WIDTH_EM = 0.55

const lineHeight = (size: number): number => Math.round(Math.max(size, TEXT.min) * 1.3)

export interface PairOptions {
  bold?: boolean
  color?: number
  /** A label column this wide (default: the style's), muted, with the value after it (wrapping to `lines`); without one the value is right-aligned. */
  labelWidth?: number
  labelColor?: number
  lines?: number
}

export class Column {
  readonly rows: Record<string, Rows> = {}
  height: number
  /** Where each row starts and ends: a panel scrolls and cuts between rows, never through one. */
  readonly lines: { top: number; bottom: number }[] = []
  private count = 0

  constructor(
    private readonly width: number,
    private readonly style: ColumnStyle = PANEL_STYLE,
  ) {
    this.height = style.pad
  }

  private add(row: Rows): void {
    this.rows[`R${this.count++}`] = row
  }

  /** Records the row just laid out, from `top` to where the column now ends. */
  private line(top: number): void {
    this.lines.push({ top, bottom: this.height })
  }

  text(text: string, options: { size?: number; color?: number; bold?: boolean; maxLines?: number } = {}): this {
    const size = options.size ?? TEXT.body
    const maxLines = options.maxLines ?? 1
    const { pad, row, spacing } = this.style
    const top = this.height
    this.add({ x: pad, y: top, ...textSpec(text, { ...options, width: this.width - 2 * pad, maxLines }) })
    this.height += spacing === 'loose' ? lineHeight(size) * maxLines + 10 : row + (maxLines - 1) * lineHeight(size)
    this.line(top)
    return this
  }

  /**
   * A paragraph that takes as many lines as its text needs at this width, estimated
   * from Roboto's mean advance (a little more keeps wrapped paragraphs from overlapping).
   */
  paragraph(paragraph: Paragraph): this {
    const size = paragraph.size ?? TEXT.body
    const inner = this.width - 2 * this.style.pad
    const lines = Math.max(1, Math.ceil((paragraph.text.length * size * CHAR_WIDTH_EM) / inner))
    const top = this.height
    this.add({ x: this.style.pad, y: top, ...textSpec(paragraph.text, { ...paragraph, size, width: inner, maxLines: lines + 1 }) })
    this.height += lineHeight(size) * lines + (paragraph.bold ? 8 : 18)
    this.line(top)
    return this
  }

  /** A section heading in the accent colour. */
  heading(text: string): this {
    const top = this.height
    this.add({ x: this.style.pad, y: top, ...textSpec(text, { size: TEXT.heading, bold: true, color: COLOR.accent, width: this.width - 2 * this.style.pad }) })
    this.height += this.style.row + 12
    this.line(top)
    return this
  }

  /** A label and its value on one row (see PairOptions for the two layouts). */
  pair(label: string, value: string, options: PairOptions = {}): this {
    const { pad, row } = this.style
    const y = this.height
    const lines = options.lines ?? 1
    const labelWidth = options.labelWidth ?? this.style.labelWidth
    if (labelWidth === undefined) {
      const look = { bold: options.bold, color: options.color }
      this.add({ x: pad, y, ...textSpec(label, { width: this.width - 320, ...look }) })
      this.add({ x: this.width - pad, y, mountX: 1, ...textSpec(value, { align: 'right', ...look }) })
    } else {
      this.add({ x: pad, y: y + 3, ...textSpec(label, { size: TEXT.small, color: options.labelColor ?? COLOR.muted, width: labelWidth - 20 }) })
      this.add({
        x: pad + labelWidth,
        y,
        ...textSpec(value, { color: options.color ?? COLOR.text, bold: options.bold, width: this.width - 2 * pad - labelWidth, maxLines: lines }),
      })
    }
    this.height += row + (lines - 1) * lineHeight(TEXT.body)
    this.line(y)
    return this
  }

  image(src: string, size: number): this {
    const top = this.height
    this.add({ x: this.style.pad, y: top, w: size, h: size, src })
    this.height += size + 10
    this.line(top)
    return this
  }

  /** The texts of its rows in order: what voice guidance reads of a panel. */
  texts(): string[] {
    return Object.values(this.rows).flatMap((row) => {
      const text = (row as { text?: { text?: unknown } }).text?.text
      return typeof text === 'string' && text ? [text] : []
    })
  }

  gap(px = 20): this {
    this.height += px
    return this
  }
}

/** What voice guidance reads of a feature's column: the same builder run with the spoken formats (dates, amounts in words). */
export function columnSpoken(build: (f: Formats) => Column): string[] {
  return build(formats('spoken')).texts().map(spoken)
}
