// Why a page has no data, in plain pt-PT, with a way forward: retry or go back.
import { Lightning, Router } from '@lightningjs/sdk'
import type { ApiFailure } from '../../data/client'
import { t } from './i18n'
import { COLOR, focusGrowth, TEXT } from './theme'
import { ActionButton } from './ActionButton'
import { textSpec } from './textSpec'

const WIDTH = 1200
const BACK_X = 460
/** The panel starts at the safe area's left edge: a button there is moved in by its focus growth. */
const RETRY = { x: focusGrowth(420), w: 420 }
const BACK = { x: focusGrowth(320), w: 320 }

export function describeFailure(failure: ApiFailure): string {
  switch (failure.kind) {
    case 'timeout':
      return t('error.timeout', { seconds: Math.round(failure.afterMs / 1000) })
    case 'server':
      return t('error.server', { status: failure.status })
    case 'forbidden':
      return [
        t('error.forbidden', { reason: failure.reason }),
        failure.allowedProfiles.length
          ? t('denied.whoCanHelp', { profiles: failure.allowedProfiles.map((p) => t(`profile.${p}`)).join(', ') })
          : '',
      ]
        .filter(Boolean)
        .join(' ')
    case 'unauthorized':
    case 'not-found':
    case 'bad-request':
      return t(`error.${failure.kind}`, { reason: failure.reason })
    case 'pin':
      return failure.reason
    default:
      return t(`error.${failure.kind}`)
  }
}

export interface ErrorPanelSpec extends Lightning.Component.TemplateSpec {
  Title: object
  Message: object
  Help: object
  Retry: typeof ActionButton
  Back: typeof ActionButton
}

export class ErrorPanel extends Lightning.Component<ErrorPanelSpec> {
  private focusIndex = 0
  private refused = false

  static override _template(): Lightning.Component.Template<ErrorPanelSpec> {
    return {
      Title: { ...textSpec(t('error.title'), { size: TEXT.heading, bold: true, width: WIDTH }) },
      Message: { y: 70, ...textSpec('', { width: WIDTH, maxLines: 4 }) },
      Help: { y: 250, ...textSpec(t('error.help'), { size: TEXT.small, color: COLOR.muted, width: WIDTH }) },
      Retry: { type: ActionButton, x: RETRY.x, y: 330, w: RETRY.w, h: 84, label: t('action.retry'), signals: { pressed: '_retry' } },
      Back: { type: ActionButton, x: BACK_X, y: 330, w: BACK.w, h: 84, label: t('action.back'), signals: { pressed: '_back' } },
    }
  }

  set failure(failure: ApiFailure) {
    // A refusal of the viewer's profile is not a fault: trying again cannot help, and neither can 16990.
    this.refused = failure.kind === 'forbidden'
    this.tag('Title')!.text!.text = t(this.refused ? 'error.refused.title' : 'error.title')
    this.tag('Message')!.text!.text = describeFailure(failure)
    this.tag('Help')!.visible = !this.refused
    this.tag('Retry')!.visible = !this.refused
    this.tag('Back')!.x = this.refused ? BACK.x : BACK_X
    this.focusIndex = this.refused ? 1 : 0
  }

  /** Voice guidance: what failed and why, then the focused button says itself. */
  get announce(): string[] {
    const shown = [this.tag('Title')!, this.tag('Message')!, this.tag('Help')!].filter((element) => element.visible)
    return shown.map((element) => element.text!.text)
  }

  _retry(): void {
    Router.reload()
  }

  _back(): void {
    Router.back()
  }

  override _handleLeft(): void {
    if (!this.refused) this.focusIndex = 0
  }

  override _handleRight(): void {
    this.focusIndex = 1
  }

  override _getFocused(): ActionButton | undefined {
    return this.tag(this.focusIndex === 0 ? 'Retry' : 'Back')
  }
}
