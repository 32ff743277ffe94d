// Checks of issue 21, judged in Node over what the probe read in the page (qa/probe.ts) and the
// screenshot's pixels: pure functions, so each one is tested over a fixture (test/unit/qa/checks.test.ts).
import type { Box, Probe, ProbedText } from './probe'

const intersection = (b: Box, c: Box): Box => {
  const x = Math.max(b.x, c.x)
  const y = Math.max(b.y, c.y)
  return { x, y, w: Math.min(b.x + b.w, c.x + c.w) - x, h: Math.min(b.y + b.h, c.y + c.h) - y }
}
const crosses = (b: Box, c: Box, slack = 0) => {
  const cut = intersection(b, c)
  return cut.w > slack && cut.h > slack
}
const within = (b: Box, c: Box, slack: number) => b.x >= c.x - slack && b.y >= c.y - slack && b.x + b.w <= c.x + c.w + slack && b.y + b.h <= c.y + c.h + slack
const short = (text: string) => `"${text.replace(/\n/g, ' ').slice(0, 60)}"`
const boxText = (b: Box) => `${b.x},${b.y} ${b.w}×${b.h}`

/**
 * A line cut by its clip (a scroll panel's viewport, a list's, a badge's): a line's glyph band
 * partly inside the clipping parent and partly outside. A line wholly outside is scrolled away.
 */
export function lineCuts(texts: ProbedText[]): string[] {
  const out: string[] = []
  for (const text of texts) {
    if (!text.clip) continue
    for (const [i, line] of text.lines.entries()) {
      if (crosses(line, text.clip.box) && !within(line, text.clip.box, 1)) {
        out.push(`${short(text.text)}: line ${i + 1} (${boxText(line)}) is cut by the clip edge of ${text.clip.what} (${boxText(text.clip.box)})`)
        break
      }
    }
  }
  return out
}

/**
 * Two texts drawn over each other: a line of one crosses a line of the other (each line's glyph
 * band, so a wrapped text counts with all its lines), in the same layer; the texts of a layer
 * below an open dialog are dimmed behind it and left alone.
 */
export function textOverlaps(texts: ProbedText[]): string[] {
  const out: string[] = []
  for (let a = 0; a < texts.length; a++) {
    for (let b = a + 1; b < texts.length; b++) {
      const A = texts[a]!
      const B = texts[b]!
      if (A.layer !== B.layer) continue
      const lineA = A.lines.find((la) => B.lines.some((lb) => crosses(la, lb, 2)))
      if (!lineA) continue
      out.push(`${short(A.text)} (${boxText(A.box)}) and ${short(B.text)} (${boxText(B.box)}) are drawn over each other`)
    }
  }
  return out
}

/**
 * A border or rounding drawn where none is meant: an element drawn through the rounded-rectangle
 * shader of an ancestor (Lightning gives children their parent's shader unless they set
 * `shader: null`), so each child gets its own border and rounded corners (issue 21 item 5).
 */
export function inheritedShaders(probe: Pick<Probe, 'inheritedShaders'>): string[] {
  return probe.inheritedShaders.map(
    (s) => `${s.what} (${boxText(s.box)}) is drawn with the ${s.shader} of its ancestor ${s.owner} (${s.stroke ? `a ${s.stroke} px border` : 'no border'}, radius ${s.radius}): give it shader: null`,
  )
}

/** A dialog open with nothing in it focused (the PIN lock-out): OK and Back have nowhere to go. */
export function dialogFocus(probe: Pick<Probe, 'dialog'>): string[] {
  const dialog = probe.dialog
  if (!dialog || dialog.focusedInside) return []
  return [`the dialog ${dialog.what} is open and ${dialog.focused ? `the focus is on ${dialog.focused}, not inside it` : 'nothing in it is focused'}`]
}

// ---------------------------------------------------------------- contrast from pixels

/** The least text contrast (WCAG 1.4.3, normal text): what a viewer at 3 m reads. */
export const MIN_CONTRAST = 4.5

export interface Pixels {
  width: number
  height: number
  /** RGBA, row by row. */
  data: Uint8Array | Buffer
}

const channel = (c: number) => {
  const s = c / 255
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
}
const luminance = (r: number, g: number, b: number) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
export const contrastRatio = (l1: number, l2: number) => (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05)

/**
 * A text line's contrast measured from the pixels of its glyph band: the fill behind it is the
 * band's most common colour, the ink its pixels far from that fill; anti-aliased edges blend the
 * two, so the text's colour is read at the ink's 95th percentile of contrast. Null when the band
 * holds too little ink to tell (a space, a one-letter line at 720p).
 */
export function lineContrast(image: Pixels, band: Box): { ratio: number; fill: string; ink: string } | null {
  const x0 = Math.max(0, Math.round(band.x))
  const y0 = Math.max(0, Math.round(band.y))
  const x1 = Math.min(image.width, Math.round(band.x + band.w))
  const y1 = Math.min(image.height, Math.round(band.y + band.h))
  if (x1 - x0 < 2 || y1 - y0 < 2) return null
  const counts = new Map<number, number>()
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * image.width + x) * 4
      const key = ((image.data[i]! >> 3) << 10) | ((image.data[i + 1]! >> 3) << 5) | (image.data[i + 2]! >> 3)
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
  }
  let fillKey = 0
  let most = -1
  for (const [key, n] of counts) if (n > most) [fillKey, most] = [key, n]
  // The fill's own colour: the mean of the pixels in its bin.
  const fill = [0, 0, 0]
  const ink: { ratio: number; i: number }[] = []
  const inBin = (i: number) => ((image.data[i]! >> 3) << 10 | (image.data[i + 1]! >> 3) << 5 | (image.data[i + 2]! >> 3)) === fillKey
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * image.width + x) * 4
      if (inBin(i)) for (let c = 0; c < 3; c++) fill[c]! += image.data[i + c]!
    }
  }
  const [fr, fg, fb] = fill.map((sum) => sum / most) as [number, number, number]
  const fillLum = luminance(fr, fg, fb)
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * image.width + x) * 4
      const d = Math.abs(image.data[i]! - fr) + Math.abs(image.data[i + 1]! - fg) + Math.abs(image.data[i + 2]! - fb)
      if (d > 60) ink.push({ ratio: contrastRatio(luminance(image.data[i]!, image.data[i + 1]!, image.data[i + 2]!), fillLum), i })
    }
  }
  if (ink.length < 12) return null
  ink.sort((a, b) => a.ratio - b.ratio)
  const at = ink[Math.floor(ink.length * 0.95)]!
  const hex = (r: number, g: number, b: number) => `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`
  return { ratio: at.ratio, fill: hex(fr, fg, fb), ink: hex(image.data[at.i]!, image.data[at.i + 1]!, image.data[at.i + 2]!) }
}

/**
 * Texts under 4.5:1, measured line by line in an image whose top left corner is at `origin` on the
 * screen (the whole screenshot, or the focused element's region). Only texts wholly in the image.
 */
export function contrastFindings(texts: ProbedText[], image: Pixels, origin: { x: number; y: number }, label: string): string[] {
  const out: string[] = []
  const frame = { x: origin.x, y: origin.y, w: image.width, h: image.height }
  for (const text of texts) {
    for (const line of text.lines) {
      // A margin round the glyphs keeps the fill the band's most common colour under bold letters.
      const pad = Math.round(line.h * 0.15)
      const band = { x: line.x - pad, y: line.y - pad, w: line.w + 2 * pad, h: line.h + 2 * pad }
      if (!within(band, frame, 0)) continue
      const measured = lineContrast(image, { x: band.x - origin.x, y: band.y - origin.y, w: band.w, h: band.h })
      if (measured && measured.ratio < MIN_CONTRAST) {
        out.push(`${label}${short(text.text)} measures ${measured.ratio.toFixed(2)}:1 (${measured.ink} on ${measured.fill}), under ${MIN_CONTRAST}:1`)
        break
      }
    }
  }
  return out
}
