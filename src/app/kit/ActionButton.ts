// A button the remote can reach: a label on a FocusBox; OK fires its `pressed` signal.
import { Lightning } from '@lightningjs/sdk'
import { FocusBox } from './FocusBox'
import { textSpec } from './textSpec'
import { TEXT } from './theme'

export class ActionButton extends FocusBox {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    const base = super._template() as Record<string, Record<string, unknown>>
    return {
      ...base,
      Content: { Label: { x: 32, mountY: 0.5, ...textSpec('', { size: TEXT.body, bold: true }) } },
    }
  }

  set label(label: string) {
    this.tag('Label').text.text = label
  }

  /** Voice guidance says the label when the button gets focus. */
  get announce(): string {
    return this.tag('Label').text.text
  }

  override _init(): void {
    // Size is known only once the parent's template has been applied.
    this.tag('Label').patch({ y: this.h / 2 + 2, text: { wordWrapWidth: this.w - 64, wordWrap: true, maxLines: 1, textOverflow: 'ellipsis' } })
  }

  override _handleEnter(): void {
    this.signal('pressed')
  }
}
