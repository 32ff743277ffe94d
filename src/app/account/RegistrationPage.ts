// registration: a box whose account is not registered in the Área de Cliente shows a QR
// code and the short steps to register on a phone (seed 000), and checks again on demand.
// Services installed less than 48 h ago are explained as pending activation (seed 004
// TV §6), with when to expect them; after 48 h, whom to call.
import { Lightning, Router } from '@lightningjs/sdk'
import type { Registration } from '../../contract'
import { formatDate } from '../../domain/format'
import { t, uiLanguage } from '../kit/i18n'
import { COLOR, SAFE, TEXT } from '../kit/theme'
import { ActionButton } from '../kit/ActionButton'
import { qrImage } from '../kit/QrCode'
import { textSpec } from '../kit/textSpec'
import { CONTENT_Y, DataPage, type DataPageSpec } from '../kit/DataPage'
import { Column } from '../kit/Column'
import { checkRegistration } from './actions'

const QR_X = SAFE.x + SAFE.w - 440
const TEXT_W = QR_X - SAFE.x - 60
const STEPS = 6
const timeFormat = new Intl.DateTimeFormat('pt-PT', { hour: '2-digit', minute: '2-digit' })

interface RegistrationPageSpec extends DataPageSpec {
  Content: { Body: typeof Lightning.Element; Qr: object; QrCaption: object; Check: typeof ActionButton; Checked: object }
}

export class RegistrationPage extends DataPage<Registration, RegistrationPageSpec> {
  private checking = false
  private registered = false

  static override _template(): Lightning.Component.Template<RegistrationPageSpec> {
    return {
      ...super._template(),
      Content: {
        Body: { x: SAFE.x - 32, y: CONTENT_Y - 20 },
        Qr: { x: QR_X, y: CONTENT_Y },
        QrCaption: { x: QR_X, y: CONTENT_Y + 400, ...textSpec('', { size: TEXT.small, color: COLOR.muted, width: 400, maxLines: 2 }) },
        Check: { type: ActionButton, x: QR_X, y: CONTENT_Y + 500, w: 400, h: 84, signals: { pressed: '_checkAgain' } },
        Checked: { x: QR_X, y: CONTENT_Y + 600, ...textSpec('', { size: TEXT.small, color: COLOR.muted, width: 400, maxLines: 3 }) },
      },
    }
  }

  protected render(registration: Registration): void {
    const lang = uiLanguage()
    this.registered = registration.registered
    this.title = t(registration.registered ? 'registration.title.done' : 'registration.title')
    const column = new Column(TEXT_W)
    if (registration.registered) {
      column.text(t('registration.done'), { color: COLOR.ok, maxLines: 2 })
    } else {
      column.text(t('registration.intro'), { maxLines: 2 })
      for (let step = 1; step <= STEPS; step++) column.text(`${step}. ${t(`registration.step${step}`)}`, { size: TEXT.small, maxLines: 2 })
    }
    if ('denied' in registration.pending) {
      column.gap().text(registration.pending.reason, { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
    } else if (registration.pending.length > 0) {
      column.gap().text(t('registration.pending'), { size: TEXT.heading, bold: true })
      for (const service of registration.pending) {
        const date = service.expectedBy ? formatDate(service.expectedBy, lang) : ''
        column.text(
          service.activation === 'scheduled'
            ? t('registration.pending.scheduled', { name: service.name })
            : service.activation === 'waiting'
              ? t('registration.pending.waiting', { name: service.name, date })
              : t('registration.pending.late', { name: service.name, date, phone: registration.supportPhone }),
          { size: TEXT.small, color: service.activation === 'late' ? COLOR.danger : COLOR.text, maxLines: 2 },
        )
      }
    }
    this.tag('Content.Body')!.childList.patch(column.rows)
    const qr = qrImage(registration.registerUrl, 10)
    this.tag('Content.Qr')!.patch({ w: qr.size, h: qr.size, src: qr.src, visible: !registration.registered })
    this.tag('Content.QrCaption')!.text!.text = registration.registered ? '' : t('registration.qr')
    this.tag('Content.Check')!.label = registration.registered ? t('registration.toAccount') : t('registration.check')
  }

  async _checkAgain(): Promise<void> {
    if (this.checking) return
    if (this.registered && !this.showingError) {
      Router.navigate('account')
      return
    }
    this.checking = true
    this.tag('Content.Checked')!.text!.text = t('registration.checking')
    const result = await checkRegistration()
    this.checking = false
    if (result.ok) {
      this.result = result
      this.tag('Content.Checked')!.text!.text = result.data.registered
        ? t('registration.checked.done')
        : t('registration.checked.not', { time: timeFormat.format(result.fetchedAt) })
    } else {
      this.tag('Content.Checked')!.text!.text = t('registration.checked.failed')
    }
  }

  protected focusedContent(): Lightning.Component | undefined {
    return this.tag('Content.Check')
  }
}
