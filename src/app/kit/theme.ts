// The 10-foot look (DESIGN §5), authored at 1920×1080: a 5 % safe area, body text
// of at least 28 px, nothing under 24 px, and an unmistakable focus.

export const SCREEN = { w: 1920, h: 1080 } as const

/** 5 % of each side: TVs overscan, and nothing may sit under the bezel. */
export const SAFE = { x: 96, y: 54, w: 1920 - 2 * 96, h: 1080 - 2 * 54 } as const

export const FONT = 'Roboto'
export const FONT_BOLD = 'RobotoBold'

/** Text sizes at 1080p; `text=large` swaps in LARGE_TEXT (applyTheme). */
const NORMAL_TEXT = {
  title: 48,
  heading: 36,
  body: 30,
  small: 26,
  /** Absolute floor at 1080p. */
  min: 24,
}

/**
 * text=large (issue 18): the small sizes grow most (24 → 28, 26 → 30), body and
 * headings a step. Lines stay inside the rows the layouts give them (a Column row of
 * 42–44 px holds a 32 px line of 42 px), so every screen keeps its safe area.
 */
const LARGE_TEXT: typeof NORMAL_TEXT = { title: 52, heading: 40, body: 32, small: 30, min: 28 }

export const TEXT: Readonly<typeof NORMAL_TEXT> = { ...NORMAL_TEXT }

/** ARGB colours of the default theme. */
const DEFAULT_COLORS = {
  background: 0xff0d1b2a,
  surface: 0xff1b2d42,
  /** Focused fill: its texts take the focused* tints (FOCUSED_TEXT), each 4.5:1 or more on it. */
  focusFill: 0xff1f5f99,
  text: 0xfff2f5f8,
  muted: 0xffa9b8c8,
  accent: 0xff3fa9f5,
  ok: 0xff4cc38a,
  warning: 0xfff5b83f,
  danger: 0xffff5a5f,
  focusRing: 0xffffffff,
  /** A chart's bars (WCAG 1.4.11: 3:1 on the page; the focused one is drawn in `text`, 3:1 on them). */
  bar: 0xff687d93,
  // A status colour on the focused fill keeps its meaning in a light tint (issue 21:
  // red on the fill measured 2.18:1, green 3.0:1, yellow 3.74:1).
  focusedMuted: 0xffdce6f0,
  focusedAccent: 0xffd2ebff,
  focusedOk: 0xffc2f5d8,
  focusedWarning: 0xffffe3a1,
  focusedDanger: 0xffffd4d6,
}

export type Palette = typeof DEFAULT_COLORS

/**
 * contrast=high (issue 18; EN 301 549, WCAG 2.x 1.4.3): black pages, near-black rows,
 * a dark blue focused fill with a yellow ring, and every text colour at least 5.8:1 on
 * every fill it is drawn on (test/unit/app/contrast.test.ts).
 */
const HIGH_CONTRAST_COLORS: Palette = {
  background: 0xff000000,
  surface: 0xff1a1a1a,
  focusFill: 0xff003060,
  text: 0xffffffff,
  muted: 0xffe6e6e6,
  accent: 0xff7fd4ff,
  ok: 0xff5cf08f,
  warning: 0xffffd24a,
  danger: 0xffff8a8a,
  focusRing: 0xffffff00,
  bar: 0xff787878,
  // Its text colours already read on its fill.
  focusedMuted: 0xffe6e6e6,
  focusedAccent: 0xff7fd4ff,
  focusedOk: 0xff5cf08f,
  focusedWarning: 0xffffd24a,
  focusedDanger: 0xffff8a8a,
}

export const THEMES: Readonly<Record<'normal' | 'high', Palette>> = { normal: DEFAULT_COLORS, high: HIGH_CONTRAST_COLORS }

/** The colours in use: the default theme unless applyTheme chose another. */
export const COLOR: Readonly<Palette> = { ...DEFAULT_COLORS }

/**
 * Which text colours are drawn on which fill, as the screens draw them: pages on the
 * background, rows and cards at rest on the surface and focused on the focus fill (the
 * notice banner too), a status badge's label (the background colour) on its status fill.
 */
export const TEXT_ON: Readonly<Record<string, { fill: keyof Palette; texts: (keyof Palette)[] }>> = {
  page: { fill: 'background', texts: ['text', 'muted', 'accent', 'ok', 'warning', 'danger'] },
  rowAtRest: { fill: 'surface', texts: ['text', 'muted', 'accent', 'ok', 'warning', 'danger'] },
  focused: { fill: 'focusFill', texts: ['text', 'focusedMuted', 'focusedAccent', 'focusedOk', 'focusedWarning', 'focusedDanger'] },
  badgePaid: { fill: 'ok', texts: ['background'] },
  badgeUnpaid: { fill: 'warning', texts: ['background'] },
  badgeOverdue: { fill: 'danger', texts: ['background'] },
  badgeDisputed: { fill: 'accent', texts: ['background'] },
}

/**
 * Non-text contrast (WCAG 2.x 1.4.11, EN 301 549 9.1.4.11): each graphic that carries
 * meaning against the colours next to it, 3:1 at least: the focus ring on the page and
 * on a resting row, a meter's fill on its track and on the card or page around it, a
 * chart's bars on the page and the focused bar on the others. A meter's track against
 * its card is left out: the track only frames the fill, and the same figure is written
 * beside every meter ("55%", "66,6 h de 120 h usadas").
 */
export const GRAPHIC_ON: Readonly<Record<string, { graphic: keyof Palette; next: (keyof Palette)[] }>> = {
  focusRing: { graphic: 'focusRing', next: ['background', 'surface', 'focusFill'] },
  meterFill: { graphic: 'accent', next: ['background', 'surface'] },
  meterFillWarning: { graphic: 'warning', next: ['background', 'surface'] },
  chartBar: { graphic: 'bar', next: ['background'] },
  chartBarFocused: { graphic: 'text', next: ['bar', 'background'] },
}

/**
 * Chooses the theme and text size for this run (launch parameters contrast, text), before
 * the app builds its first element: templates read COLOR and TEXT when they are built.
 */
export function applyTheme(contrast: 'normal' | 'high', text: 'normal' | 'large'): void {
  Object.assign(COLOR, THEMES[contrast])
  Object.assign(TEXT, text === 'large' ? LARGE_TEXT : NORMAL_TEXT)
}

/** Whether `text=large` is in force (applyTheme): a layout that needs more room asks. */
export function largeText(): boolean {
  return TEXT.body === LARGE_TEXT.body
}

/** Each text colour at rest and the one it takes on a focused box (FocusBox); the others keep theirs. */
const FOCUSED_TEXT: Partial<Record<keyof Palette, keyof Palette>> = {
  muted: 'focusedMuted',
  accent: 'focusedAccent',
  ok: 'focusedOk',
  warning: 'focusedWarning',
  danger: 'focusedDanger',
}

/**
 * A text's colour on the focused fill, by its colour at rest, in the theme in use: the
 * same meaning in a tint that reads on the fill. Pill labels (COLOR.background on their
 * own coloured pill) and white text keep theirs.
 */
export function focusedText(rest: number): number {
  const role = (Object.keys(FOCUSED_TEXT) as (keyof Palette)[]).find((key) => COLOR[key] === rest)
  const focused = role && FOCUSED_TEXT[role]
  return focused ? COLOR[focused] : rest
}

/** Focused cards and rows grow by this much; with the fill change it reads from 3 m. */
export const FOCUS_SCALE = 1.04

/** How far a focused box `size` px wide (or high) reaches out on each side: it grows by FOCUS_SCALE from its centre. */
export function focusGrowth(size: number): number {
  return Math.ceil((size * (FOCUS_SCALE - 1)) / 2)
}

interface Box {
  x: number
  y: number
  w: number
  h: number
}

/**
 * A focusable box laid out in `area` (the safe area by default), moved in from the area's
 * edges by its focus growth and narrowed where it spans the area, so that focused and grown
 * it stays inside (issue 21: the account and premium pages' right-column button, laid out to
 * the safe area's edge, passed it by 14 px at 1080p; home's first card by 11 px).
 */
export function focusFit<B extends Box>(box: B, area: Box = SAFE): B {
  const gx = focusGrowth(box.w)
  const gy = focusGrowth(box.h)
  const x = Math.max(box.x, area.x + gx)
  const y = Math.max(box.y, area.y + gy)
  return { ...box, x, y, w: Math.min(box.x + box.w, area.x + area.w - gx) - x, h: Math.min(box.y + box.h, area.y + area.h - gy) - y }
}

export const RADIUS = 16

/** The remote's colour keys, as printed on it: a key hint's chip wears its key's colour. */
export const KEY_COLOUR = { red: 0xffe53935, green: 0xff43a047, yellow: 0xfffdd835, blue: 0xff1e88e5 } as const
