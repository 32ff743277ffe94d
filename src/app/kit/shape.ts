// Rounded shapes: panels, badges, PIN slots. Lightning draws every child that has no
// shader of its own through its parent's (ElementCore._setShaderOwnerRecursive), so a
// text inside a shaped element got the shape's border drawn round it and lost its
// corners to the rounding (issue 21: boxes round every dialog label, the "E" of "Em
// reclamação" cut). A shape is therefore always a leaf: the `Background` drawn first,
// under its siblings, never the parent of what it frames.
import { Lightning } from '@lightningjs/sdk'

export interface Border {
  width: number
  color: number
}

/** A rounded rectangle of `color`, with a `border` when given (width 0 keeps its colour for later). */
export function roundedShape(color: number, radius: number, border?: Border) {
  return {
    rect: true,
    color,
    shader: { type: Lightning.shaders.RoundedRectangle, radius, stroke: border?.width ?? 0, strokeColor: border?.color ?? color },
  }
}

/** An element of size w×h framed by a rounded `Background` under `content`. */
export function shaped(size: { w: number; h: number }, shape: ReturnType<typeof roundedShape>, content: Record<string, unknown>): Record<string, unknown> {
  return { w: size.w, h: size.h, Background: { w: size.w, h: size.h, ...shape }, ...content }
}
