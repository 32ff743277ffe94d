// A button the remote can reach: a label on a FocusBox; OK fires its `pressed` signal.
import { Lightning } from '@lightningjs/sdk'
import { FocusBox, type FocusBoxSpec } from './FocusBox'
import { textSpec } from './textSpec'
import { TEXT } from './theme'

export interface ActionButtonSpec extends FocusBoxSpec<{ Label: object }> {
  label: string
}

export class ActionButton extends FocusBox<ActionButtonSpec> implements Lightning.Component.ImplementTemplateSpec<ActionButtonSpec> {
  static override _template(): Lightning.Component.Template<ActionButtonSpec> {
    return {
      ...super._template(),
      Content: { Label: { x: 32, mountY: 0.5, ...textSpec('', { size: TEXT.body, bold: true }) } },
    }
  }

  set label(label: string) {
    this.tag('Content.Label')!.text!.text = label
  }

  /** Voice guidance says the label when the button gets focus. */
  get announce(): string {
    return this.tag('Content.Label')!.text!.text
  }

  override _init(): void {
    // Size is known only once the parent's template has been applied.
    this.tag('Content.Label')!.patch({ y: this.h / 2 + 2, text: { wordWrapWidth: this.w - 64, wordWrap: true, maxLines: 1, textOverflow: 'ellipsis' } })
  }

  override _handleEnter(): void {
    this.signal('pressed')
  }
}
