// A focusable panel: dark at rest; with focus it takes the accent fill, a white
// outline and grows slightly, so the focused element reads from across the room
// (DESIGN §5). Its texts follow the fill: each takes its ON_FOCUS tint while
// focused (theme focusedText), so a status colour stays readable (4.5:1) on the fill.
import { Lightning } from '@lightningjs/sdk'
import { COLOR, FOCUS_SCALE, RADIUS, focusedText } from './theme'
import { roundedShape } from './shape'

/** Each text's colour at rest, kept while it shows its focused tint. */
const restColours = new WeakMap<Lightning.Element, number>()

/** Gives every text under `element` its colour on the focused fill (or back its colour at rest). */
export function recolour(element: Lightning.Element, focused: boolean): void {
  const text = element.text
  if (text) {
    const rest = restColours.get(element) ?? text.textColor
    restColours.set(element, rest)
    text.textColor = focused ? focusedText(rest) : rest
    if (!focused) restColours.delete(element)
  }
  for (const child of element.children) recolour(child, focused)
}

/** A panel's rounded background, its ring (in `ring`'s colour) drawn only when the stroke is set. */
export function panelBackground(ring: number) {
  return roundedShape(COLOR.surface, RADIUS, { width: 0, color: ring })
}

export class FocusBox extends Lightning.Component {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      Background: panelBackground(COLOR.focusRing),
      Content: {},
    }
  }

  override _firstActive(): void {
    this.tag('Background').patch({ w: this.w, h: this.h })
  }

  /** Lays out the box's content; texts take their focused tint if the box has focus now. */
  protected fillContent(children: Record<string, unknown>): void {
    const content = this.tag('Content')
    // A list's recycled row (VirtualList) shows another item with the same parts: they are
    // updated in place, not built again.
    const refs = Object.keys(children)
    if (content.children.length === refs.length && refs.every((ref) => content.tag(ref))) content.patch(children)
    else content.children = children
    if (this.hasFocus()) recolour(content, true)
  }

  override _focus(): void {
    this.patch({ smooth: { scale: FOCUS_SCALE } })
    this.tag('Background').patch({ color: COLOR.focusFill, shader: { stroke: 4 } })
    recolour(this.tag('Content'), true)
  }

  override _unfocus(): void {
    this.patch({ smooth: { scale: 1 } })
    this.tag('Background').patch({ color: COLOR.surface, shader: { stroke: 0 } })
    recolour(this.tag('Content'), false)
  }
}
