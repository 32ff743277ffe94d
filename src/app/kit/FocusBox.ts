// A focusable panel: dark at rest; with focus it takes the accent fill, a white
// outline and grows slightly, so the focused element reads from across the room
// (DESIGN §5). Text stays light on both fills, so nothing has to be recoloured.
import { Lightning } from '@lightningjs/sdk'
import { COLOR, FOCUS_SCALE, RADIUS } from './theme'

export class FocusBox extends Lightning.Component {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      Background: {
        rect: true,
        color: COLOR.surface,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS, stroke: 0, strokeColor: COLOR.focusRing },
      },
      Content: {},
    }
  }

  override _firstActive(): void {
    this.tag('Background').patch({ w: this.w, h: this.h })
  }

  override _focus(): void {
    this.patch({ smooth: { scale: FOCUS_SCALE } })
    this.tag('Background').patch({ color: COLOR.focusFill, shader: { stroke: 4 } })
  }

  override _unfocus(): void {
    this.patch({ smooth: { scale: 1 } })
    this.tag('Background').patch({ color: COLOR.surface, shader: { stroke: 0 } })
  }
}
