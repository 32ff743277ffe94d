// Issue 21 (4): on home no two texts of a card overlap and every text stays inside its
// card (and above its meter), in every demo scenario, pt and en, at 1080p and 720p.
// The canvas mock measures a character as 1 px, so nothing ever wraps there; here a
// character is measured by Roboto's advance widths (roughly), so long lines wrap as
// they do on the box ("Conta não registada na Área de Cliente" takes two lines).
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { Language, type Lightning } from '@lightningjs/sdk'
import type { Overview } from '../../src/contract'
import { HomePage } from '../../src/app/home/HomePage'
import { CARD } from '../../src/app/home/HomeCard'
import { applyTheme } from '../../src/app/kit/theme'
import { TOKENS, get, testServer, type TestServer } from '../unit/server/helpers'
import { mount } from './helpers'

/** Roboto's advance widths in em, by kind of character (narrow, wide, capitals, the rest). */
function advance(char: string): number {
  if (char === ' ') return 0.25
  if ('iljtfrI.,:;!|\'’()'.includes(char)) return 0.3
  if ('mwMW'.includes(char)) return 0.85
  if (/[A-ZÁÉÍÓÚÂÊÔÃÕÇ0-9€%]/.test(char)) return 0.62
  return 0.55
}

beforeEach(() => {
  vi.spyOn(CanvasRenderingContext2D.prototype, 'measureText').mockImplementation(function (this: CanvasRenderingContext2D, text: string) {
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(this.font)?.[1] ?? 10)
    return { width: [...text].reduce((sum, char) => sum + advance(char) * size, 0) } as TextMetrics
  })
})

let server: TestServer
const overviews = new Map<string, Overview>()
beforeAll(async () => {
  server = await testServer({ now: new Date('2026-11-23T10:00:00Z') })
  for (const [name, token] of Object.entries(TOKENS)) overviews.set(name, (await get(server.app, '/v1/overview', token)).body as Overview)
}, 120_000)
afterAll(async () => {
  await server.close()
  await Language.set('pt')
  applyTheme('normal', 'normal')
})

interface Box {
  text: string
  x: number
  y: number
  right: number
  bottom: number
}

/** How many lines a text was drawn on (the texture's render info). */
function linesOf(element: Lightning.Element): number {
  const source = (element.texture as unknown as { _source?: { renderInfo?: { lines: string[] } } } | null)?._source
  return source?.renderInfo?.lines.length ?? 0
}

/** Every text under a card, as the box its lines cover in the card's coordinates: as wide as drawn, a line height a line. */
function textBoxes(card: Lightning.Element): Box[] {
  const boxes: Box[] = []
  const walk = (element: Lightning.Element, x: number, y: number) => {
    const ex = x + element.finalX
    const ey = y + element.finalY
    if (element.text && element.text.text) {
      const lines = linesOf(element)
      expect(lines, `"${element.text.text}" was never rendered`).toBeGreaterThan(0)
      boxes.push({ text: String(element.text.text), x: ex, y: ey, right: ex + element.renderWidth, bottom: ey + lines * element.text.lineHeight })
    }
    for (const child of element.children) walk(child, ex, ey)
  }
  for (const child of card.children) walk(child, 0, 0)
  return boxes
}

const overlap = (a: Box, b: Box) => a.x < b.right && b.x < a.right && a.y < b.bottom && b.y < a.bottom

const RESOLUTIONS = { '1080p': { w: 1920, h: 1080, precision: 1 }, '720p': { w: 1280, h: 720, precision: 2 / 3 } }

// text=large too (issue 18): the recordings card's last line touched its quota bar.
describe.each([
  ['pt', 'normal'],
  ['en', 'normal'],
  ['pt', 'large'],
  ['en', 'large'],
] as const)('home in %s, %s text', (lang, text) => {
  test.each(Object.keys(RESOLUTIONS) as (keyof typeof RESOLUTIONS)[])('at %s: in every scenario, no two texts of a card overlap and each stays inside it', async (resolution) => {
    await Language.set(lang)
    applyTheme('normal', text)
    for (const [name, overview] of overviews) {
      const harness = mount(HomePage, {}, RESOLUTIONS[resolution])
      ;(harness.component as unknown as { result: unknown }).result = { ok: true, data: overview, fetchedAt: Date.parse('2026-11-23T10:00:00Z') }
      harness.settle()
      for (const card of harness.component.tag('Content')!.children as Lightning.Element[]) {
        const boxes = textBoxes(card)
        const meter = card.tag('Content.Lines.Meter') as Lightning.Element | undefined
        const floor = meter ? card.tag('Content.Lines').finalY + meter.finalY : CARD.h
        // The meter itself inside the card, with room below it.
        if (meter) expect(floor + meter.h, `${name}, ${card.ref}: the meter`).toBeLessThanOrEqual(CARD.h - 8)
        for (const box of boxes) {
          const where = `${name}, ${card.ref}: "${box.text}"`
          expect(box.right, where).toBeLessThanOrEqual(CARD.w)
          expect(box.bottom, where).toBeLessThanOrEqual(floor)
        }
        for (const [i, a] of boxes.entries()) {
          for (const b of boxes.slice(i + 1)) expect(overlap(a, b), `${name}, ${card.ref}: "${a.text}" overlaps "${b.text}"`).toBe(false)
        }
      }
      harness.app.destroy()
    }
  })
})
