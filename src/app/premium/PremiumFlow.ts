// Subscribing or cancelling, over the product page: summary (duration, price,
// minimum period or last day, stated before anything is confirmed) → purchase PIN
// (remote digits or keypad, masked, tries left) → result. Back leaves at any step
// with nothing sent; only a PIN sends, with one idempotency key for the whole flow,
// so an answer lost on the way and a second try never act twice.
import { Lightning } from '@lightningjs/sdk'
import type { PremiumReceipt } from '../../contract'
import { type ApiFailure, newIdempotencyKey } from '../../data/client'
import { t } from '../kit/i18n'
import { COLOR, SAFE, SCREEN, TEXT } from '../kit/theme'
import { ActionButton } from '../kit/ActionButton'
import type { KeyHint } from '../kit/KeyHints'
import { announceAgain } from '../kit/announce'
import { Modal, type ModalSpec, modalTemplate } from '../kit/Modal'
import { describeFailure } from '../kit/ErrorPanel'
import { PinEntry } from '../kit/PinEntry'
import { textSpec } from '../kit/textSpec'
import { changePremium } from './actions'
import type { FlowSpec } from './flowText'
import { cancelledLines, type Line, lockedMessage, subscribedLines } from './text'
import { type Moves, Steps } from '../kit/steps'

type Step = 'closed' | 'summary' | 'pin' | 'locked' | 'sending' | 'result'

/** Back or "Voltar" leaves from any step but `sending`: the answer to a PIN is always seen. */
const MOVES: Moves<Step> = {
  closed: ['summary'],
  summary: ['pin', 'locked', 'closed'],
  pin: ['sending', 'closed'],
  locked: ['closed'],
  sending: ['pin', 'locked', 'result'],
  result: ['closed'],
}

// Below the shell's breadcrumb (SAFE.y, one small line), so the border never runs through it.
const PANEL = { x: 260, y: SAFE.y + 44, w: SCREEN.w - 520, h: SAFE.h - 56 }
const PAD = 56
const BUTTON = { w: 420, h: 84, gap: 32 }
const LINE = 46

interface PremiumFlowSpec extends ModalSpec {
  Panel: {
    Background: object
    Heading: object
    Lines: typeof Lightning.Element
    Pin: typeof PinEntry
    PinHelp: object
    Buttons: { Primary: typeof ActionButton; Leave: typeof ActionButton }
  }
}

export class PremiumFlow extends Modal<PremiumFlowSpec> {
  private readonly steps = new Steps(MOVES, 'closed')
  private spec: FlowSpec | null = null
  private idempotencyKey = ''
  private buttonIndex = 0

  static override _template(): Lightning.Component.Template<PremiumFlowSpec> {
    return modalTemplate(PANEL, {
      Heading: { x: PAD, y: 40, ...textSpec('', { size: TEXT.heading, bold: true, width: PANEL.w - 2 * PAD }) },
      Lines: { x: PAD, y: 110 },
      Pin: { type: PinEntry, x: PAD, y: 200, visible: false, signals: { complete: '_pinComplete' } },
      PinHelp: { x: PAD + 600, y: 200, visible: false, ...textSpec('', { size: TEXT.small, color: COLOR.muted, width: PANEL.w - 2 * PAD - 600, maxLines: 8 }) },
      Buttons: {
        x: PAD,
        y: PANEL.h - BUTTON.h - 48,
        Primary: { type: ActionButton, w: BUTTON.w, h: BUTTON.h, signals: { pressed: '_primary' } },
        Leave: { type: ActionButton, x: BUTTON.w + BUTTON.gap, w: BUTTON.w, h: BUTTON.h, signals: { pressed: 'close' } },
      },
    })
  }

  get isOpen(): boolean {
    return !this.steps.is('closed')
  }

  get currentStep(): Step {
    return this.steps.now
  }

  open(spec: FlowSpec): void {
    this.spec = spec
    // One intended write: every try of this flow carries the same key.
    this.idempotencyKey = newIdempotencyKey()
    this.visible = true
    this.showSummary()
  }

  /** Leaves the flow; while a request is on its way the viewer waits for its answer. */
  close(): void {
    if (this.steps.is('sending', 'closed')) return
    this.steps.go('closed')
    this.visible = false
    this.signal('closed')
  }

  private showSummary(): void {
    const spec = this.spec as FlowSpec
    this.steps.go('summary')
    this.setHeading(t(`premium.flow.${spec.action}.title`, { name: spec.productName }))
    this.setLines(spec.summary)
    this.showPin(false)
    this.setButtons(t('premium.flow.toPin'), t('premium.flow.leave'))
    this.buttonIndex = 0
    this._refocus()
  }

  /** The primary button: from the summary to the PIN; from a result, back to the product. */
  _primary(): void {
    if (this.steps.is('summary')) this.showPinStep()
    else if (this.steps.is('result', 'locked')) this.close()
  }

  private showPinStep(message = ''): void {
    const spec = this.spec as FlowSpec
    const { lockedUntil } = spec.pin
    this.steps.go(lockedUntil ? 'locked' : 'pin')
    this.setHeading(t('premium.flow.pin.title'))
    this.setLines([spec.recap])
    this.showPin(true)
    const pin = this.tag('Panel.Pin')!
    if (lockedUntil) {
      // Locked: the hour it ends (Lisbon time) stays on screen, and "Voltar" has focus: never nothing focused.
      pin.lock(lockedMessage(spec.pin))
      this.setButtons(t('premium.flow.back'), null)
      this.buttonIndex = 0
    } else {
      this.setButtons(null, null)
      pin.reset(spec.pin.triesLeft, message)
    }
    this._refocus()
  }

  async _pinComplete(pinDigits: string): Promise<void> {
    const spec = this.spec
    if (!spec || !this.steps.is('pin')) return
    this.steps.go('sending')
    this.setHeading(t('premium.flow.sending'))
    this._refocus()
    const receipt = await changePremium(spec.action, spec.productId, pinDigits, this.idempotencyKey)
    if (!receipt.ok) return this.failed(receipt.failure)
    this.showResult(receipt.data)
    this.signal('changed', receipt.data)
  }

  private failed(failure: ApiFailure): void {
    const spec = this.spec as FlowSpec
    if (failure.kind === 'pin') {
      spec.pin = {
        triesLeft: failure.triesLeft,
        lockedUntil: failure.lockedUntil,
        locks: failure.locks,
        lockMinutes: failure.lockMinutes,
        nextLockMinutes: failure.nextLockMinutes ?? spec.pin.nextLockMinutes,
      }
      // The page keeps the count too: leaving and coming back must not give tries back.
      this.signal('pinChanged', spec.pin)
      this.showPinStep(t('premium.pin.wrong'))
      return
    }
    if (failure.kind === 'network' || failure.kind === 'timeout' || failure.kind === 'server') {
      // It may have arrived: the same key makes a second try safe, never a second purchase.
      this.showPinStep(`${describeFailure(failure)} ${t('premium.flow.retrySafe')}`)
      return
    }
    this.steps.go('result')
    this.setHeading(t('premium.flow.refused'))
    this.setLines([{ text: describeFailure(failure), color: COLOR.warning }, { text: t('premium.flow.nothingChanged') }])
    this.showPin(false)
    this.setButtons(t('premium.flow.backToProduct'), null)
    this.buttonIndex = 0
    this._refocus()
  }

  private showResult(receipt: PremiumReceipt): void {
    const spec = this.spec as FlowSpec
    const { subscription } = receipt
    this.steps.go('result')
    this.showPin(false)
    this.setHeading(t(`premium.flow.${receipt.action}`, { name: spec.productName }))
    this.setLines(receipt.action === 'subscribed' ? subscribedLines(subscription) : cancelledLines(subscription))
    this.setButtons(t('premium.flow.backToProduct'), null)
    this.buttonIndex = 0
    this._refocus()
  }

  private setHeading(text: string): void {
    this.tag('Panel.Heading')!.text!.text = text
  }

  private setLines(lines: Line[]): void {
    this.tag('Panel.Lines')!.childList.clear()
    this.tag('Panel.Lines')!.children = lines.map((line, i) => ({
      y: i * LINE * 2,
      ...textSpec(line.text, { color: line.color ?? COLOR.text, width: PANEL.w - 2 * PAD, maxLines: 2 }),
    }))
    this.spokenLines = lines.map((line) => line.spoken ?? line.text)
    // Each step (summary, PIN, sending, result: "Nada foi alterado") is said as it comes.
    announceAgain(this)
  }

  private spokenLines: string[] = []

  /** Voice guidance: the step's heading and lines, then the focused button or the PIN entry. */
  get announce(): string[] {
    return [this.tag('Panel.Heading')!.text!.text, ...this.spokenLines]
  }

  private showPin(shown: boolean): void {
    this.tag('Panel.Pin')!.visible = shown
    this.tag('Panel.PinHelp')!.patch({ visible: shown, text: { text: `${t('pin.prompt')}\n\n${t('premium.flow.pinBack')}` } })
  }

  private setButtons(primary: string | null, leave: string | null): void {
    this.tag('Panel.Buttons')!.visible = primary !== null
    if (primary !== null) this.tag('Panel.Buttons.Primary')!.label = primary
    this.tag('Panel.Buttons.Leave')!.visible = leave !== null
    if (leave !== null) this.tag('Panel.Buttons.Leave')!.label = leave
  }

  /**
   * Back leaves with nothing sent (summary, PIN) or returns to the product (locked, result);
   * while the PIN's answer is awaited no key does anything.
   */
  protected keyHints(): KeyHint[] {
    const spec = this.spec
    if (!spec || this.steps.is('sending', 'closed')) return []
    if (this.steps.is('locked', 'result')) {
      const product = t('premium.flow.keys.product')
      return [{ key: 'ok', label: product }, { key: 'back', label: product }]
    }
    const back: KeyHint = { key: 'back', label: t(`premium.flow.keys.leave.${spec.action}`) }
    if (this.steps.is('pin')) return [...this.tag('Panel.Pin')!.keyHints, back]
    return [{ key: 'ok', label: t('keys.choose') }, { key: 'leftRight', label: t('keys.button') }, back]
  }

  override _handleBack(): boolean {
    this.close()
    return true
  }

  override _handleLeft(): boolean {
    if (this.steps.is('summary')) this.buttonIndex = 0
    this._refocus()
    return true
  }

  override _handleRight(): boolean {
    if (this.steps.is('summary')) this.buttonIndex = 1
    this._refocus()
    return true
  }

  // A modal: keys the focused part does not use stop here, never reaching the page below.
  override _handleUp(): boolean {
    return true
  }

  override _handleDown(): boolean {
    return true
  }

  _handleDigit(): boolean {
    return true
  }

  override _getFocused(): Lightning.Component | undefined {
    if (this.steps.is('pin')) return this.tag('Panel.Pin')
    if (this.steps.is('summary', 'result', 'locked')) {
      return this.tag(this.buttonIndex === 0 ? 'Panel.Buttons.Primary' : 'Panel.Buttons.Leave')
    }
    return this
  }
}
