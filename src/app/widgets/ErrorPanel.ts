// Why a page has no data, in plain pt-PT, with a way forward: retry or go back.
import { Lightning, Router } from '@lightningjs/sdk'
import type { ApiFailure } from '../../data/client'
import { t } from '../i18n'
import { COLOR, TEXT } from '../theme'
import { ActionButton } from './ActionButton'
import { textSpec } from './text'

const WIDTH = 1200

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

export class ErrorPanel extends Lightning.Component {
  private focusIndex = 0

  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      Title: { ...textSpec(t('error.title'), { size: TEXT.heading, bold: true, width: WIDTH }) },
      Message: { y: 70, ...textSpec('', { width: WIDTH, maxLines: 4 }) },
      Help: { y: 250, ...textSpec(t('error.help'), { size: TEXT.small, color: COLOR.muted, width: WIDTH }) },
      Retry: { type: ActionButton, y: 330, w: 420, h: 84, label: t('action.retry'), signals: { pressed: '_retry' } },
      Back: { type: ActionButton, x: 460, y: 330, w: 320, h: 84, label: t('action.back'), signals: { pressed: '_back' } },
    }
  }

  set failure(failure: ApiFailure) {
    this.tag('Message').text.text = describeFailure(failure)
    this.focusIndex = 0
  }

  _retry(): void {
    Router.reload()
  }

  _back(): void {
    Router.back()
  }

  override _handleLeft(): void {
    this.focusIndex = 0
  }

  override _handleRight(): void {
    this.focusIndex = 1
  }

  override _getFocused(): Lightning.Component {
    return this.tag(this.focusIndex === 0 ? 'Retry' : 'Back') as Lightning.Component
  }
}
