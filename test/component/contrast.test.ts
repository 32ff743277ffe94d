// Issue 21 (2): every text reads at 4.5:1 or more (WCAG 2.x, EN 301 549), focused or
// not. The theme's colours are checked on each surface they are drawn on, and the
// focused home card and invoice row are walked text by text, each against what is
// behind it (the box's fill, or a badge's own pill).
import { describe, expect, test } from 'vitest'
import type { Lightning } from '@lightningjs/sdk'
import { HomePage } from '../../src/app/home/HomePage'
import { InvoicesPage } from '../../src/app/invoices/InvoicesPage'
import { COLOR, focusedText } from '../../src/app/kit/theme'
import { invoiceList, overdueOverview } from './fixtures'
import { isShown, mount, textColor } from './helpers'
import { startShell } from './shell'
import { testServer } from '../unit/server/helpers'

const NOW = Date.parse('2026-11-23T10:00:00Z')
const MIN = 4.5

/** WCAG 2.x contrast ratio of two ARGB colours. */
function contrast(a: number, b: number): number {
  const luminance = (argb: number) => {
    const [r, g, bl] = [16, 8, 0].map((shift) => {
      const v = ((argb >>> shift) & 0xff) / 255
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
    }) as [number, number, number]
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl
  }
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

const TEXT_COLOURS = { text: COLOR.text, muted: COLOR.muted, accent: COLOR.accent, ok: COLOR.ok, warning: COLOR.warning, danger: COLOR.danger }
const PILLS = { ok: COLOR.ok, warning: COLOR.warning, danger: COLOR.danger, accent: COLOR.accent }

describe('the theme', () => {
  test('the contrast measure is WCAG’s: white on black 21:1, the focus fill’s red 2.18:1 as the issue measured', () => {
    expect(contrast(0xffffffff, 0xff000000)).toBeCloseTo(21, 5)
    expect(contrast(COLOR.danger, COLOR.focusFill)).toBeCloseTo(2.18, 2)
  })

  test.each(Object.entries(TEXT_COLOURS))('%s text reads on the background and on a surface at rest', (_, colour) => {
    expect(contrast(colour, COLOR.background)).toBeGreaterThanOrEqual(MIN)
    expect(contrast(colour, COLOR.surface)).toBeGreaterThanOrEqual(MIN)
  })

  test.each(Object.entries(TEXT_COLOURS))('%s text has a tint that reads on the focus fill', (_, colour) => {
    expect(contrast(focusedText(colour), COLOR.focusFill)).toBeGreaterThanOrEqual(MIN)
  })

  test.each(Object.entries(PILLS))('a badge label reads on its %s pill', (_, pill) => {
    expect(contrast(COLOR.background, pill)).toBeGreaterThanOrEqual(MIN)
  })
})

/** Every shown text under `element` with the colour drawn behind it. */
function textsOn(element: Lightning.Element, behind: number): { text: string; colour: number; behind: number }[] {
  if (!element.visible) return []
  // A shape (a badge's pill) is its element's Background, drawn under its siblings.
  const fill = element.rect ? element : element.children.find((child) => child.ref === 'Background' && child.rect)
  const here = fill ? fill.color : behind
  const own = element.text ? [{ text: String(element.text.text), colour: textColor(element), behind: here }] : []
  return [...own, ...element.children.flatMap((child) => textsOn(child, here))]
}

function readable(box: Lightning.Element): { text: string; ratio: number }[] {
  const fill = (box.tag('Background') as Lightning.Element).color
  return textsOn(box.tag('Content') as Lightning.Element, fill)
    .filter((t) => t.text.trim() !== '')
    .map((t) => ({ text: t.text, ratio: Math.round(contrast(t.colour, t.behind) * 100) / 100 }))
}

describe('focused and at rest, every text of a box reads at 4.5:1', () => {
  test('home: the overdue invoices card ("Em atraso há … dias" in red) focused, then the next card', () => {
    const harness = mount(HomePage)
    harness.component.result = { ok: true, data: overdueOverview, fetchedAt: NOW }
    harness.settle()
    const card = harness.focused()
    expect(readable(card).map((t) => t.text)).toContain('Em atraso há 12 dias')
    expect(readable(card).filter((t) => t.ratio < MIN)).toEqual([])
    harness.pressSlowly('Right')
    expect(harness.focused()).not.toBe(card)
    expect(readable(card).filter((t) => t.ratio < MIN)).toEqual([])
  })

  test('invoices: the focused row and the rows at rest, badges included', () => {
    const harness = mount(InvoicesPage)
    harness.component.result = { ok: true, data: invoiceList(6), fetchedAt: NOW }
    harness.settle()
    const rows = (harness.component.tag('Content.List')!.tag('Rows') as Lightning.Element).children
    expect(rows.length).toBeGreaterThan(2)
    for (const row of rows) expect(readable(row).filter((t) => t.ratio < MIN)).toEqual([])
  })
})

describe('the start-up banner', () => {
  test('focused (it always is while shown), its count, title, facts and keys read at 4.5:1 on the fill', { timeout: 30_000 }, async () => {
    const server = await testServer()
    try {
      const app = startShell(server, 'demo-notices-0005')
      await app.until('the banner', () => app.onHome() && isShown(app.banner))
      const fill = (app.banner.tag('Background') as Lightning.Element).color
      expect(fill).toBe(COLOR.focusFill)
      const texts = textsOn(app.banner, fill).filter((t) => t.text.trim() !== '')
      expect(texts.map((t) => t.text)).toContain('Tem 4 avisos por ler')
      expect(texts.filter((t) => contrast(t.colour, t.behind) < MIN).map((t) => t.text)).toEqual([])
    } finally {
      await server.close()
    }
  })
})
