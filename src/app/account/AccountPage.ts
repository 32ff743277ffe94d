// account: who holds the contract and what it commits to (the words: ./text.ts).
// Left, scrollable: holder, contract, services, commitment and termination. Right:
// points and the e-invoice switch behind a confirmation (the write: ./actions.ts).
import { Lightning } from '@lightningjs/sdk'
import type { AccountPage as AccountData } from '../../contract'
import { ActionButton } from '../kit/ActionButton'
import { ChoiceDialog } from '../kit/ChoiceDialog'
import { columnSpoken } from '../kit/Column'
import { CONTENT_Y, DataPage, type DataPageSpec } from '../kit/DataPage'
import { describeFailure } from '../kit/ErrorPanel'
import { t } from '../kit/i18n'
import { ScrollPanel } from '../kit/ScrollPanel'
import { COLOR, focusFit, SAFE, TEXT } from '../kit/theme'
import { textSpec } from '../kit/textSpec'
import { setEInvoice } from './actions'
import { accountArrival, detailsColumn, type EInvoiceChoice, type EInvoiceStep, einvoiceDialog, pointsColumn } from './text'
import { type Moves, Steps } from '../kit/steps'

const LEFT = { w: 1000, h: SAFE.y + SAFE.h - CONTENT_Y - 10 }
const RIGHT = { x: SAFE.x + LEFT.w + 40, w: SAFE.w - LEFT.w - 40 }
const BUTTON = { w: RIGHT.w, h: 84 }

/** Back or Cancelar closes at any step; a write already sent still lands (its answer goes to the note). */
const EINVOICE_MOVES: Moves<EInvoiceStep> = { closed: ['ask'], ask: ['saving', 'closed'], saving: ['failed', 'closed'], failed: ['saving', 'closed'] }

interface AccountPageSpec extends DataPageSpec {
  Content: { Details: typeof ScrollPanel; Points: typeof ScrollPanel; EInvoice: typeof ActionButton; EInvoiceNote: object }
  Dialog: typeof ChoiceDialog
}

export class AccountPage extends DataPage<AccountData, AccountPageSpec> {
  private data: AccountData | null = null
  /** A write is on its way: a second OK sends nothing more. */
  private saving = false
  private readonly einvoiceStep = new Steps(EINVOICE_MOVES, 'closed')

  static override _template(): Lightning.Component.Template<AccountPageSpec> {
    return {
      ...super._template(),
      Content: {
        Details: { type: ScrollPanel, x: SAFE.x, y: CONTENT_Y, w: LEFT.w, h: LEFT.h },
        Points: { type: ScrollPanel, x: RIGHT.x, y: CONTENT_Y, w: RIGHT.w, h: LEFT.h - BUTTON.h * 2 - 80 },
        // Focused, it grows inside the safe area (focusFit).
        EInvoice: { type: ActionButton, ...focusFit({ x: RIGHT.x, y: CONTENT_Y + LEFT.h - BUTTON.h * 2 - 50, w: BUTTON.w, h: BUTTON.h }), signals: { pressed: '_askEInvoice' } },
        EInvoiceNote: { x: RIGHT.x, y: CONTENT_Y + LEFT.h - BUTTON.h - 40, ...textSpec('', { size: TEXT.small, color: COLOR.muted, width: RIGHT.w, maxLines: 3 }) },
      },
      // The confirmation over the dimmed page (the app's one dialog widget): Back closes it.
      Dialog: { type: ChoiceDialog, signals: { chosen: '_dialogChosen', dismissed: '_dialogDismissed' } },
    }
  }

  get dialog(): ChoiceDialog {
    return this.tag('Dialog')!
  }

  protected render(data: AccountData): void {
    this.data = data
    this.title = t('account.title')
    this.arrival = accountArrival(data)
    this.tag('Content.Details')!.fill(detailsColumn(data, LEFT.w), columnSpoken((f) => detailsColumn(data, LEFT.w, f)))
    this.tag('Content.Points')!.fill(pointsColumn(data.points, RIGHT.w), columnSpoken((f) => pointsColumn(data.points, RIGHT.w, f)))
    this.markScrolled()
    this.renderEInvoice()
    if (!this.einvoiceStep.is('closed')) this.closeDialog()
  }

  private renderEInvoice(): void {
    const einvoice = this.data?.einvoice
    if (!einvoice) return
    this.tag('Content.EInvoice')!.label = t(einvoice.enabled ? 'account.einvoice.on' : 'account.einvoice.off')
    this.tag('Content.EInvoiceNote')!.text!.text = einvoice.canChange ? t('account.einvoice.hint') : t('account.einvoice.denied')
  }

  private openDialog(step: Exclude<EInvoiceStep, 'closed'>, problem = ''): void {
    this.einvoiceStep.go(step)
    this.dialog.open(einvoiceDialog(step, this.data?.einvoice.enabled ?? false, problem))
    this._refocus()
  }

  private closeDialog(): void {
    this.einvoiceStep.go('closed')
    this.dialog.close()
    this._refocus()
  }

  _askEInvoice(): void {
    if (!this.data?.einvoice.canChange || this.saving) return
    this.openDialog('ask')
  }

  _dialogDismissed(): void {
    this.closeDialog()
  }

  _dialogChosen(id: EInvoiceChoice): void {
    if (id === 'confirm') void this.saveEInvoice()
    else this.closeDialog()
  }

  private async saveEInvoice(): Promise<void> {
    const data = this.data
    // A second OK while the first answer is awaited sends nothing more.
    if (!data || this.saving) return
    const enabled = data.einvoice.enabled
    this.saving = true
    this.openDialog('saving')
    const saved = await setEInvoice(!enabled)
    this.saving = false
    if (saved.ok) {
      this.data = { ...data, einvoice: saved.data }
      this.renderEInvoice()
      this.tag('Content.EInvoiceNote')!.text!.text = t(saved.data.enabled ? 'account.einvoice.savedOn' : 'account.einvoice.savedOff')
      if (!this.einvoiceStep.is('closed')) this.closeDialog()
      return
    }
    // Nothing changed: the switch keeps its state; the dialog says why and offers to try again.
    const still = t(enabled ? 'account.einvoice.stillOn' : 'account.einvoice.stillOff')
    if (!this.einvoiceStep.is('closed')) this.openDialog('failed', `${describeFailure(saved.failure)} ${still}`.replace(/\s+/g, ' ').trim())
    else this.tag('Content.EInvoiceNote')!.text!.text = `${t('account.einvoice.failed')} ${still}`
  }

  protected override scrollPanels(): ScrollPanel[] {
    return [this.tag('Content.Details')!, this.tag('Content.Points')!]
  }

  /** The e-invoice switch, the page's one action, has focus from the start (or its dialog). */
  protected focusedContent(): Lightning.Component | undefined {
    return this.einvoiceStep.is('closed') ? this.tag('Content.EInvoice') : this.dialog
  }
}
