// The 10-foot look (DESIGN §5), authored at 1920×1080: a 5 % safe area, body text
// of at least 28 px, nothing under 24 px, and an unmistakable focus.

export const SCREEN = { w: 1920, h: 1080 } as const

/** 5 % of each side: TVs overscan, and nothing may sit under the bezel. */
export const SAFE = { x: 96, y: 54, w: 1920 - 2 * 96, h: 1080 - 2 * 54 } as const

export const FONT = 'Roboto'
export const FONT_BOLD = 'RobotoBold'

export const TEXT = {
  title: 48,
  heading: 36,
  body: 30,
  small: 26,
  /** Absolute floor at 1080p. */
  min: 24,
} as const

/** ARGB colours. Every text colour reads at 4.5:1 or more on background and surface. */
export const COLOR = {
  background: 0xff0d1b2a,
  surface: 0xff1b2d42,
  /** Focused fill: its texts take ON_FOCUS colours, each 4.5:1 or more on it. */
  focusFill: 0xff1f5f99,
  text: 0xfff2f5f8,
  muted: 0xffa9b8c8,
  accent: 0xff3fa9f5,
  ok: 0xff4cc38a,
  warning: 0xfff5b83f,
  danger: 0xffff5a5f,
  focusRing: 0xffffffff,
} as const

/**
 * A text's colour on the focused fill, by its colour at rest: the same meaning
 * (warning, danger, done…) in a light tint that keeps 4.5:1 on COLOR.focusFill
 * (issue 21: red on the fill measured 2.18:1). Pill labels (COLOR.background on
 * their own coloured pill) keep theirs.
 */
export const ON_FOCUS: Readonly<Record<number, number>> = {
  [COLOR.text]: COLOR.text,
  [COLOR.muted]: 0xffdce6f0,
  [COLOR.accent]: 0xffd2ebff,
  [COLOR.ok]: 0xffc2f5d8,
  [COLOR.warning]: 0xffffe3a1,
  [COLOR.danger]: 0xffffd4d6,
  [COLOR.background]: COLOR.background,
}

/** Focused cards and rows grow by this much; with the fill change it reads from 3 m. */
export const FOCUS_SCALE = 1.04

export const RADIUS = 16
