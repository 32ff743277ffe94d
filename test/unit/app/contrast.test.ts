// WCAG 2.x contrast (EN 301 549 9.1.4.3): every text colour against every fill it is
// drawn on (theme TEXT_ON), in each theme; 4.5:1 is the floor for text.
import { describe, expect, it } from 'vitest'
import { GRAPHIC_ON, TEXT_ON, THEMES, type Palette } from '../../../src/app/kit/theme'

/** Relative luminance of an ARGB colour (WCAG 2.x definition, sRGB). */
function luminance(argb: number): number {
  const channel = (shift: number): number => {
    const value = ((argb >>> shift) & 0xff) / 255
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
}

function contrast(a: number, b: number): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (light + 0.05) / (dark + 0.05)
}

/** Every drawn pair under 4.5:1, as "text on fill (ratio)". */
function below(palette: Palette): string[] {
  return Object.values(TEXT_ON).flatMap(({ fill, texts }) =>
    texts.filter((text) => contrast(palette[text], palette[fill]) < 4.5).map((text) => `${text} on ${fill} (${contrast(palette[text], palette[fill]).toFixed(2)})`),
  )
}

describe('contrast of text', () => {
  it('computes WCAG ratios: black on white is 21:1, a colour on itself 1:1', () => {
    expect(contrast(0xff000000, 0xffffffff)).toBeCloseTo(21, 5)
    expect(contrast(0xff777777, 0xff777777)).toBe(1)
    expect(contrast(0xff767676, 0xffffffff)).toBeCloseTo(4.54, 2)
  })

  it('high contrast: every text colour on every fill it is drawn on is at least 4.5:1', () => {
    expect(below(THEMES.high)).toEqual([])
    const lowest = Math.min(...Object.values(TEXT_ON).flatMap(({ fill, texts }) => texts.map((text) => contrast(THEMES.high[text], THEMES.high[fill]))))
    expect(lowest).toBeGreaterThan(5.8)
  })

  it('default theme: every text colour on every fill it is drawn on is at least 4.5:1, focused rows included (issue 21)', () => {
    expect(below(THEMES.normal)).toEqual([])
  })
})

/** Every graphic under 3:1 against a colour next to it, as "graphic on next (ratio)". */
function graphicsBelow(palette: Palette): string[] {
  return Object.values(GRAPHIC_ON).flatMap(({ graphic, next }) =>
    next.filter((other) => contrast(palette[graphic], palette[other]) < 3).map((other) => `${graphic} on ${other} (${contrast(palette[graphic], palette[other]).toFixed(2)})`),
  )
}

describe('contrast of what is not text (WCAG 1.4.11, issue 18)', () => {
  it.each(['normal', 'high'] as const)('%s theme: focus ring, meter fills and chart bars are at least 3:1 against what is next to them', (theme) => {
    expect(graphicsBelow(THEMES[theme])).toEqual([])
  })

  it('the chart bars of before were under 3:1 on the page', () => {
    // The bars were drawn in `surface`: 1.24:1 on the page.
    expect(contrast(THEMES.normal.surface, THEMES.normal.background)).toBeLessThan(3)
    expect(graphicsBelow({ ...THEMES.normal, bar: THEMES.normal.surface })).toEqual(['bar on background (1.24)'])
  })
})
