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
    if (content.children.length === refs.length && refs.every((ref) => content.tag(ref))) content.patch(children)
    else content.childList.patch(children)
    if (this.hasFocus()) recolour(content, true)
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
