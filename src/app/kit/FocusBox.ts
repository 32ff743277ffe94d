// A focusable panel: dark at rest; with focus it takes the accent fill, a white
// outline and grows slightly, so the focused element reads from across the room
// (DESIGN §5). Its texts follow the fill: each takes its ON_FOCUS tint while
// focused (theme focusedText), so a status colour stays readable (4.5:1) on the fill.
import { Lightning } from '@lightningjs/sdk'
import { COLOR, FOCUS_SCALE, RADIUS, focusedText } from './theme'
import { roundedShape } from './shape'

/** Each text's colour at rest, kept while it shows its focused tint. */
const restColours = new WeakMap<Lightning.Element, number>()

const WHITE = 0xffffffff

/**
 * A text's colour as its element's tint over glyphs drawn white: Lightning draws a text
 * texture again whenever its textColor changes, and a tint costs nothing. A focus moving
 * along a list recolours two rows' texts on every key press (issue 20).
 */
function tinted(template: Lightning.Element.PatchTemplate): Lightning.Element.PatchTemplate {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(template)) {
    const child = value !== null && typeof value === 'object' && /^[A-Z]/.test(key)
    out[key] = child ? tinted(value as Lightning.Element.PatchTemplate) : value
  }
  const text = template.text
  if (text && typeof text === 'object' && text.textColor !== undefined) {
    out.color = text.textColor
    out.text = { ...text, textColor: WHITE }
  }
  return out as Lightning.Element.PatchTemplate
}

/** Gives every text under `element` its colour on the focused fill (or back its colour at rest). */
export function recolour(element: Lightning.Element, focused: boolean): void {
  const text = element.text
  if (text) {
    // A text built without tinted() is drawn white once, then tinted.
    if (text.textColor !== WHITE) {
      element.color = text.textColor
      text.textColor = WHITE
    }
    const rest = restColours.get(element) ?? element.color
    restColours.set(element, rest)
    element.color = focused ? focusedText(rest) : rest
    if (!focused) restColours.delete(element)
  }
  for (const child of element.children) recolour(child, focused)
}

/** A panel's rounded background, its ring (in `ring`'s colour) drawn only when the stroke is set. */
export function panelBackground(ring: number) {
  return roundedShape(COLOR.surface, RADIUS, { width: 0, color: ring })
}

/**
 * A FocusBox's children: its Background and its Content, by default an Element whose
 * children a row builds at run time (fillContent); a subclass with a fixed content names
 * it (ActionButton's Label).
 */
export interface FocusBoxSpec<Content extends object = typeof Lightning.Element> extends Lightning.Component.TemplateSpec {
  Background: object
  Content: Content
}

export class FocusBox<S extends FocusBoxSpec<object> = FocusBoxSpec> extends Lightning.Component<S> {
  static override _template(): Lightning.Component.Template<FocusBoxSpec> {
    return {
      Background: panelBackground(COLOR.focusRing),
      Content: {},
    }
  }

  /**
   * This box by its own template. Its tags are there whatever a subclass adds (S extends
   * FocusBoxSpec), but TypeScript cannot see them through the generic S: Lightning's
   * TypeScript guide ("Subclassable Components") upcasts `this` for them, once.
   */
  private get box(): FocusBox {
    return this as FocusBox
  }

  override _firstActive(): void {
    this.box.tag('Background')!.patch({ w: this.w, h: this.h })
  }

  /** Lays out the box's content; texts take their focused tint if the box has focus now. */
  protected fillContent(children: Record<string, Lightning.Element.PatchTemplate>): void {
    const content = this.box.tag('Content')!
    // A list's recycled row (VirtualList) shows another item with the same parts: they are
    // updated in place, not built again.
    const refs = Object.keys(children)
    const focused = this.hasFocus()
    // Back to the colours at rest first: the focused tints are then taken from the new ones.
    if (focused) recolour(content, false)
    const tints = tinted(children) as Record<string, Lightning.Element.PatchTemplate>
    if (content.children.length === refs.length && refs.every((ref) => content.tag(ref))) content.patch(tints)
    else content.childList.patch(tints)
    if (focused) recolour(content, true)
  }

  override _focus(): void {
    this.box.patch({ smooth: { scale: FOCUS_SCALE } })
    this.box.tag('Background')!.patch({ color: COLOR.focusFill, shader: { stroke: 4 } })
    recolour(this.box.tag('Content')!, true)
  }

  override _unfocus(): void {
    this.box.patch({ smooth: { scale: 1 } })
    this.box.tag('Background')!.patch({ color: COLOR.surface, shader: { stroke: 0 } })
    recolour(this.box.tag('Content')!, false)
  }
}
