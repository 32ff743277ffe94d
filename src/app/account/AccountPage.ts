// account: who holds the contract and what it commits to (the words: ./text.ts).
// Left, scrollable: holder, contract, services, commitment and termination. Right:
// points and the e-invoice switch behind a confirmation (the write: ./actions.ts).
import { Lightning } from '@lightningjs/sdk'
import type { AccountPage as AccountData } from '../../contract'
import { ActionButton } from '../kit/ActionButton'
import { ChoiceDialog } from '../kit/ChoiceDialog'
import { columnSpoken } from '../kit/Column'
import { CONTENT_Y, DataPage } from '../kit/DataPage'
import { describeFailure } from '../kit/ErrorPanel'
import { t } from '../kit/i18n'
import { ScrollPanel } from '../kit/ScrollPanel'
import { COLOR, SAFE, TEXT } from '../kit/theme'
import { textSpec } from '../kit/textSpec'
import { setEInvoice } from './actions'
import { accountArrival, detailsColumn, pointsColumn } from './text'
import { ref } from '../kit/ref'

const LEFT = { w: 1000, h: SAFE.y + SAFE.h - CONTENT_Y - 10 }
const RIGHT = { x: SAFE.x + LEFT.w + 40, w: SAFE.w - LEFT.w - 40 }
const BUTTON = { w: RIGHT.w, h: 84 }

export class AccountPage extends DataPage<AccountData> {
  private data: AccountData | null = null
  private saving = false

  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      ...super._template(),
      Content: {
        Details: { type: ScrollPanel, x: SAFE.x, y: CONTENT_Y, w: LEFT.w, h: LEFT.h },
        Points: { type: ScrollPanel, x: RIGHT.x, y: CONTENT_Y, w: RIGHT.w, h: LEFT.h - BUTTON.h * 2 - 80 },
        EInvoice: { type: ActionButton, x: RIGHT.x, y: CONTENT_Y + LEFT.h - BUTTON.h * 2 - 50, w: BUTTON.w, h: BUTTON.h, signals: { pressed: '_askEInvoice' } },
        EInvoiceNote: { x: RIGHT.x, y: CONTENT_Y + LEFT.h - BUTTON.h - 40, ...textSpec('', { size: TEXT.small, color: COLOR.muted, width: RIGHT.w, maxLines: 3 }) },
      },
      // The confirmation over the dimmed page (the app's one dialog widget): Back closes it.
      Dialog: { type: ChoiceDialog, signals: { chosen: '_dialogChosen', dismissed: '_dialogDismissed' } },
    }
  }

  get dialog(): ChoiceDialog {
    return ref(this, 'Dialog', ChoiceDialog)
  }

  protected render(data: AccountData): void {
    this.data = data
    this.title = t('account.title')
    this.arrival = accountArrival(data)
    ref(this, 'Details', ScrollPanel).fill(detailsColumn(data, LEFT.w), columnSpoken((f) => detailsColumn(data, LEFT.w, f)))
    ref(this, 'Points', ScrollPanel).fill(pointsColumn(data.points, RIGHT.w), columnSpoken((f) => pointsColumn(data.points, RIGHT.w, f)))
    this.markScrolled()
    this.renderEInvoice()
    if (this.dialog.isOpen) this.closeDialog()
  }

  private renderEInvoice(): void {
    const einvoice = this.data?.einvoice
    if (!einvoice) return
    ref(this, 'EInvoice', ActionButton).label = t(einvoice.enabled ? 'account.einvoice.on' : 'account.einvoice.off')
    this.tag('EInvoiceNote').text.text = einvoice.canChange ? t('account.einvoice.hint') : t('account.einvoice.denied')
  }

  /**
   * The question (Cancelar focused: OK right away changes nothing), the same while the answer is
   * awaited, or why nothing changed after a refused or failed write (OK right away tries again).
   */
  private openDialog(step: { kind: 'ask' } | { kind: 'saving' } | { kind: 'failed'; problem: string }): void {
    const enabled = this.data?.einvoice.enabled ?? false
    const failed = step.kind === 'failed'
    this.dialog.open({
      title: failed ? t('account.einvoice.failed') : t('account.einvoice.title'),
      message: failed ? step.problem : step.kind === 'saving' ? t('account.einvoice.saving') : t(enabled ? 'account.einvoice.confirmOff' : 'account.einvoice.confirmOn'),
      choices: [
        { id: 'cancel', label: t('account.einvoice.cancel') },
        { id: 'confirm', label: failed ? t('account.einvoice.retry') : t(enabled ? 'account.einvoice.turnOff' : 'account.einvoice.turnOn') },
      ],
      focusId: step.kind === 'ask' ? 'cancel' : 'confirm',
    })
    this._refocus()
  }

  private closeDialog(): void {
    this.dialog.close()
    this._refocus()
  }

  _askEInvoice(): void {
    if (!this.data?.einvoice.canChange || this.saving) return
    this.openDialog({ kind: 'ask' })
  }

  _dialogDismissed(): void {
    this.closeDialog()
  }

  _dialogChosen(id: string): void {
    if (id === 'confirm') void this.saveEInvoice()
    else this.closeDialog()
  }

  private async saveEInvoice(): Promise<void> {
    const data = this.data
    // A second OK while the first answer is awaited sends nothing more.
    if (!data || this.saving) return
    const enabled = data.einvoice.enabled
    this.saving = true
    this.openDialog({ kind: 'saving' })
    const saved = await setEInvoice(!enabled)
    this.saving = false
    if (saved.ok) {
      this.data = { ...data, einvoice: saved.data }
      this.renderEInvoice()
      this.tag('EInvoiceNote').text.text = t(saved.data.enabled ? 'account.einvoice.savedOn' : 'account.einvoice.savedOff')
      if (this.dialog.isOpen) this.closeDialog()
      return
    }
    // Nothing changed: the switch keeps its state; the dialog says why and offers to try again.
    const still = t(enabled ? 'account.einvoice.stillOn' : 'account.einvoice.stillOff')
    if (this.dialog.isOpen) this.openDialog({ kind: 'failed', problem: `${describeFailure(saved.failure)} ${still}`.replace(/\s+/g, ' ').trim() })
    else this.tag('EInvoiceNote').text.text = `${t('account.einvoice.failed')} ${still}`
  }

  protected override scrollPanels(): ScrollPanel[] {
    return [ref(this, 'Details', ScrollPanel), ref(this, 'Points', ScrollPanel)]
  }

  /** The e-invoice switch, the page's one action, has focus from the start (or its dialog). */
  protected focusedContent(): Lightning.Component {
    return this.dialog.isOpen ? this.dialog : ref(this, 'EInvoice', Lightning.Component)
  }
}
