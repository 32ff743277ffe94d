// A list with nothing in it: says what that means, and offers the one way on, focused,
// so the viewer is never on a screen where nothing is highlighted (DESIGN §5).
import { Lightning, Router } from '@lightningjs/sdk'
import { t } from './i18n'
import { ActionButton } from './ActionButton'
import { textSpec } from './textSpec'

export interface EmptyStateSpec extends Lightning.Component.TemplateSpec {
  Message: object
  Back: typeof ActionButton
}

export class EmptyState extends Lightning.Component<EmptyStateSpec> {
  static override _template(): Lightning.Component.Template<EmptyStateSpec> {
    return {
      visible: false,
      Message: { ...textSpec('', { width: 1000, maxLines: 2 }) },
      Back: { type: ActionButton, y: 100, w: 320, h: 84, label: t('action.back'), signals: { pressed: '_back' } },
    }
  }

  /** Shows `message`, or hides the whole state when the list has items (null). */
  show(message: string | null): void {
    this.visible = message !== null
    if (message !== null) this.tag('Message')!.text!.text = message
  }

  get announce(): string {
    return this.tag('Message')!.text!.text
  }

  _back(): void {
    Router.back()
  }

  override _getFocused(): ActionButton | undefined {
    return this.tag('Back')
  }
}
