// A home card: a section at a glance. Focusable even when it opens nothing, so a
// refusal or a pending state is read, not skipped (seed 002 profiles).
import { Router } from '@lightningjs/sdk'
import { COLOR, TEXT } from '../kit/theme'
import { FocusBox } from '../kit/FocusBox'
import { textSpec } from '../kit/textSpec'
import type { CardSpec } from './text'

export const CARD = { w: 544, h: 300, gap: 48 }

/**
 * The flex margin that leaves `gap` px between a text's last line and the next text: a
 * text's drawn box is its lines plus half its font size below the last baseline (Lightning's
 * text texture), which the margin takes back.
 */
function below(size: number, gap: number): number {
  return gap - Math.round(Math.max(size, TEXT.min) / 2)
}

export class HomeCard extends FocusBox {
  route: string | null = null

  /** Voice guidance: the card's title and lines, each as it is best heard. */
  announce: string[] = []

  set spec(spec: CardSpec) {
    this.route = spec.route
    this.announce = [spec.title, ...spec.lines.map((line) => line.spoken ?? line.text)]
    // A column laid out by the texts' drawn heights (flex), so a line that wraps onto a
    // second one pushes the next line down instead of running into it (issue 21, 4).
    const lines: Record<string, unknown> = {
      Title: { ...textSpec(spec.title, { size: TEXT.body, color: COLOR.muted, width: CARD.w - 72 }), flexItem: { marginBottom: below(TEXT.body, 19) } },
    }
    spec.lines.forEach((line, i) => {
      const size = line.size ?? TEXT.body
      lines[`Line${i}`] = { ...textSpec(line.text, { size, color: line.color ?? COLOR.text, width: CARD.w - 72, maxLines: 2 }), flexItem: { marginBottom: below(size, Math.round(size * 0.2)) } }
    })
    const content: Record<string, unknown> = { Lines: { x: 36, y: 32, w: CARD.w - 72, flex: { direction: 'column', alignItems: 'flex-start' }, ...lines } }
    if (spec.meter) {
      const w = CARD.w - 72
      content.Meter = {
        x: 36,
        y: CARD.h - 52,
        w,
        h: 16,
        rect: true,
        color: COLOR.background,
        Fill: { w: Math.round((w * Math.min(100, Math.max(0, spec.meter.percent))) / 100), h: 16, rect: true, color: spec.meter.color },
      }
    }
    this.fillContent(content)
  }

  override _handleEnter(): void {
    if (this.route) Router.navigate(this.route)
  }
}

