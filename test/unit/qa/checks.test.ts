import { expect, test } from 'vitest'
import { contrastFindings, dialogFocus, inheritedShaders, lineContrast, lineCuts, textOverlaps, type Pixels } from '../../../qa/checks'
import type { Box, ProbedText } from '../../../qa/probe'

const text = (value: string, lines: Box[], more: Partial<ProbedText> = {}): ProbedText => ({
  text: value,
  box: { x: lines[0]!.x, y: lines[0]!.y, w: Math.max(...lines.map((l) => l.w)), h: lines.length * 40 },
  ellipsized: false,
  cut: null,
  lines,
  clip: null,
  layer: 0,
  dimmed: false,
  focused: false,
  ...more,
})

test('a wrapped text whose second line runs onto the text below is an overlap; texts side by side or in other layers are not', () => {
  // Home, unregistered (issue 21 item 4): the reason wraps to a second line, onto the call to action.
  const reason = text('Conta não registada na Área de Cliente', [
    { x: 100, y: 400, w: 500, h: 28 },
    { x: 100, y: 437, w: 200, h: 28 },
  ])
  const action = text('OK para ver como registar no telemóvel', [{ x: 100, y: 440, w: 520, h: 28 }])
  expect(textOverlaps([reason, action])).toEqual([
    '"Conta não registada na Área de Cliente" (100,400 500×80) and "OK para ver como registar no telemóvel" (100,440 520×40) are drawn over each other',
  ])
  // Its texture's box reaches below the glyphs (Lightning adds half a font size): only the glyph bands count.
  const below = text('Próxima fatura', [{ x: 100, y: 472, w: 300, h: 28 }], { box: { x: 100, y: 472, w: 300, h: 40 } })
  const label = text('Total', [{ x: 100, y: 400, w: 80, h: 28 }], { box: { x: 100, y: 400, w: 300, h: 80 } })
  const value = text('70,27 €', [{ x: 300, y: 400, w: 100, h: 28 }])
  expect(textOverlaps([label, value, below])).toEqual([])
  expect(textOverlaps([reason, { ...action, layer: 10 }])).toEqual([])
})

test('a line crossing its scroll panel\'s clip edge is cut; whole lines inside, and lines scrolled wholly out, are not', () => {
  const clip = { what: 'ScrollPanel (element Viewport)', box: { x: 100, y: 200, w: 600, h: 300 } }
  const paragraph = (y: number) =>
    text('Mais 4,96 € do que no mês anterior', [0, 1, 2].map((i) => ({ x: 120, y: y + i * 40, w: 400, h: 28 })), { clip })
  // The last line's band (y 480–508) runs past the clip's bottom (500).
  expect(lineCuts([paragraph(400)])).toEqual([
    '"Mais 4,96 € do que no mês anterior": line 3 (120,480 400×28) is cut by the clip edge of ScrollPanel (element Viewport) (100,200 600×300)',
  ])
  // Scrolled by whole lines: the first line above the clip, the others inside.
  expect(lineCuts([paragraph(160)])).toEqual([])
  // A badge cut on the right by a list row's clip.
  expect(lineCuts([text('Em reclamação', [{ x: 650, y: 300, w: 120, h: 28 }], { clip })])).toHaveLength(1)
})

test('an element drawn with an ancestor\'s rounded-rectangle shader is a finding; a dialog with nothing focused in it too', () => {
  expect(
    inheritedShaders({ inheritedShaders: [{ what: 'text "Apagar"', box: { x: 1, y: 2, w: 3, h: 4 }, owner: 'element Panel', shader: 'RoundedRectangleShader', stroke: 2, radius: 16 }] }),
  ).toEqual(['text "Apagar" (1,2 3×4) is drawn with the RoundedRectangleShader of its ancestor element Panel (a 2 px border, radius 16): give it shader: null'])
  expect(inheritedShaders({ inheritedShaders: [] })).toEqual([])
  expect(dialogFocus({ dialog: { what: 'PinEntry', focusedInside: false, focused: 'PinEntry' } })).toEqual([
    'the dialog PinEntry is open and the focus is on PinEntry, not inside it',
  ])
  expect(dialogFocus({ dialog: { what: 'ChoiceDialog', focusedInside: true, focused: 'ActionButton Choice_keep' } })).toEqual([])
  expect(dialogFocus({ dialog: null })).toEqual([])
})

/** A fill with a text-like pattern of strokes (3 px cores with anti-aliased edges), as a renderer draws it. */
function drawn(fill: [number, number, number], ink: [number, number, number], w = 200, h = 40): Pixels {
  const data = new Uint8Array(w * h * 4)
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4
      const stroke = y >= 8 && y < 32 && x >= 10 && x < 190 ? x % 8 : -1
      // 0–2 core, 3 and 7 half-covered edges, the rest fill.
      const cover = stroke >= 0 && stroke <= 2 ? 1 : stroke === 3 || stroke === 7 ? 0.5 : 0
      for (let c = 0; c < 3; c++) data[i + c] = Math.round(fill[c]! * (1 - cover) + ink[c]! * cover)
      data[i + 3] = 255
    }
  }
  return { width: w, height: h, data }
}

test('contrast is measured from pixels: red status text on the focus fill fails, white passes', () => {
  // Issue 21 item 2: the red status text (#E5484D) on the focus fill #1F5F99 measured 2.18:1.
  const red = lineContrast(drawn([0x1f, 0x5f, 0x99], [0xe5, 0x48, 0x4d]), { x: 0, y: 0, w: 200, h: 40 })
  expect(red!.fill).toBe('#1f5f99')
  expect(red!.ratio).toBeGreaterThan(1.5)
  expect(red!.ratio).toBeLessThan(2.5)
  const white = lineContrast(drawn([0x1f, 0x5f, 0x99], [0xff, 0xff, 0xff]), { x: 0, y: 0, w: 200, h: 40 })
  expect(white!.ratio).toBeGreaterThan(6)
  // Nothing but fill: nothing to measure.
  expect(lineContrast(drawn([0x1f, 0x5f, 0x99], [0x1f, 0x5f, 0x99]), { x: 0, y: 0, w: 200, h: 40 })).toBeNull()
})

test('contrast findings name the text, measured where the image lies on the screen', () => {
  const image = drawn([0x1f, 0x5f, 0x99], [0xe5, 0x48, 0x4d])
  const late = text('Em atraso há 12 dias', [{ x: 515, y: 309, w: 170, h: 22 }])
  const findings = contrastFindings([late], image, { x: 500, y: 300 }, 'focused: ')
  expect(findings).toHaveLength(1)
  expect(findings[0]).toMatch(/^focused: "Em atraso há 12 dias" measures [12]\.\d\d:1 \(#[0-9a-f]{6} on #1f5f99\), under 4.5:1$/)
  // A text outside the image (another part of the screen) is not judged from it.
  expect(contrastFindings([{ ...late, lines: [{ x: 0, y: 0, w: 100, h: 20 }] }], image, { x: 500, y: 300 }, '')).toEqual([])
  expect(contrastFindings([late], drawn([0x1f, 0x5f, 0x99], [0xff, 0xff, 0xff]), { x: 500, y: 300 }, '')).toEqual([])
})
