// Text element templates: one font family, sizes from the theme, long strings
// end in an ellipsis ("…", not Lightning's "..") inside a fixed width instead of running off the screen.
import { COLOR, FONT, FONT_BOLD, TEXT } from './theme'

export interface TextOptions {
  size?: number
  color?: number
  bold?: boolean
  /** Width after which the text wraps (or is cut with an ellipsis at maxLines). */
  width?: number
  maxLines?: number
  align?: 'left' | 'center' | 'right'
}

export function textSpec(text: string, options: TextOptions = {}) {
  const { size = TEXT.body, color = COLOR.text, bold = false, width, maxLines = 1, align = 'left' } = options
  return {
    text: {
      text,
      fontFace: bold ? FONT_BOLD : FONT,
      fontSize: Math.max(size, TEXT.min),
      lineHeight: Math.round(Math.max(size, TEXT.min) * 1.3),
      textColor: color,
      textAlign: align,
      ...(width ? { wordWrapWidth: width, wordWrap: true, maxLines, textOverflow: '…', maxLinesSuffix: '…' } : {}),
    },
  }
}
