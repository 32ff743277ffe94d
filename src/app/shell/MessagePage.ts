// Boot, not-found and error pages: a message and, where it helps, a way back home,
// with the key hints every screen shows (KeyHints): OK goes home, Back goes back.
import { Lightning, Router } from '@lightningjs/sdk'
import { t } from '../kit/i18n'
import { COLOR, focusFit, SAFE, TEXT } from '../kit/theme'
import { ActionButton } from '../kit/ActionButton'
import type { PageTypeConfig } from '../kit/DataPage'
import { textSpec } from '../kit/textSpec'
import { KeyHints } from '../kit/KeyHints'

interface MessagePageSpec extends Lightning.Component.TemplateSpec {
  Title: object
  Body: object
  Home: typeof ActionButton
  Hints: typeof KeyHints
}

abstract class MessagePage extends Lightning.Component<MessagePageSpec, PageTypeConfig> {
  static override _template(): Lightning.Component.Template<MessagePageSpec> {
    return {
      Title: { x: SAFE.x, y: 360, ...textSpec('', { size: TEXT.title, bold: true, width: SAFE.w }) },
      Body: { x: SAFE.x, y: 450, ...textSpec('', { width: 1400, maxLines: 3 }) },
      Home: { type: ActionButton, ...focusFit({ x: SAFE.x, y: 620, w: 460, h: 84 }), visible: false, signals: { pressed: '_home' } },
      Hints: { type: KeyHints },
    }
  }

  protected show(title: string, body: string, withHomeButton: boolean): void {
    this.tag('Title')!.text!.text = title
    this.tag('Body')!.text!.text = body
    this.tag('Home')!.patch({ visible: withHomeButton, label: t('action.home') })
    // Back from a deep link walks up its path (routes.ts backtrack).
    this.tag('Hints')!.hints = withHomeButton ? [{ key: 'ok', label: t('keys.home') }, { key: 'back', label: t('keys.back') }] : []
  }

  _home(): void {
    Router.navigate('home', { keepAlive: false }, false)
  }

  override _getFocused(): Lightning.Component | undefined {
    const home = this.tag('Home')
    return home?.visible ? home : undefined
  }
}

export class BootPage extends MessagePage {
  override _init(): void {
    this.show(t('app.title'), t('boot.loading'), false)
    this.tag('Body')!.text!.textColor = COLOR.muted
  }
}

export class NotFoundPage extends MessagePage {
  override _init(): void {
    this.show(t('notFound.title'), t('notFound.body'), true)
  }
}

/** The Router's `!` page: an unexpected error in navigation or a page. */
export class CrashPage extends MessagePage {
  override _init(): void {
    this.show(t('crash.title'), `${t('crash.body')} ${t('error.help')}`, true)
  }
}
