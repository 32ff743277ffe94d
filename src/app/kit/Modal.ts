// A modal's frame: hidden until opened, above its page, which is dimmed behind a panel
// with a thin border. The border is the panel's own Background, drawn under the panel's
// content (./shape.ts), so no title, message or button gets a box of its own. While a
// modal has focus the shell dims its breadcrumb too (App._handleFocusSettings): the page
// layer cannot draw over the shell's header. A modal shows its own key hints where the
// page shows its (KeyHints, the safe area's top right), above the dim: the page's row
// gives way while the modal has focus (DataPage._handleFocusSettings).
import { Lightning } from '@lightningjs/sdk'
import { COLOR, RADIUS, SCREEN } from './theme'
import { roundedShape, shaped } from './shape'
import { type KeyHint, KeyHints } from './KeyHints'

/** How much of what lies behind a modal still shows: the page under its Dim, the breadcrumb. */
export const BEHIND_MODAL_ALPHA = 0.2

export function modalTemplate(panel: { x: number; y: number; w: number; h: number }, content: Record<string, unknown>) {
  return {
    visible: false,
    zIndex: 10,
    Dim: { w: SCREEN.w, h: SCREEN.h, rect: true, color: Math.round((1 - BEHIND_MODAL_ALPHA) * 255) * 0x1000000 },
    Panel: { x: panel.x, y: panel.y, ...shaped(panel, roundedShape(COLOR.background, RADIUS, { width: 2, color: COLOR.muted }), content) },
    Hints: { type: KeyHints },
  }
}

/** Focus settings: `modal` is true while a modal is in the focus path. */
export interface ModalFocusSettings {
  modal?: boolean
}

/** A modal's frame: the Dim over the page, the Panel and its key hints; a modal's spec names what its Panel holds. */
export interface ModalSpec extends Lightning.Component.TemplateSpec {
  Dim: object
  Panel: object
  Hints: typeof KeyHints
}

export abstract class Modal<S extends ModalSpec = ModalSpec> extends Lightning.Component<S> {
  /** This modal by the frame's template: its tags whatever a modal adds (see FocusBox's `box`). */
  private get frame(): Modal {
    return this as Modal
  }

  override _setFocusSettings(settings: ModalFocusSettings): void {
    settings.modal = true
  }

  /** Every step of a modal moves focus (_refocus), so its hints follow the step it shows. */
  override _handleFocusSettings(): void {
    this.frame.tag('Hints')!.hints = this.keyHints()
  }

  /** What OK, Back, the arrows and any colour key do in this modal now (issue 21, 9). */
  protected abstract keyHints(): KeyHint[]

  /** The hints shown now (tests, voice guidance). */
  get hintsShown(): KeyHint[] {
    return this.frame.tag('Hints')!.shown
  }
}
