// The purchase PIN, typed from the remote's number keys or on an on-screen keypad
// (DESIGN §5): digits are masked, the tries left are shown, and a locked PIN says
// until when. Four digits fire `complete(pin)`; the server checks them. After a wrong
// PIN the keypad waits behind a focused "Tentar de novo": the OK that dismisses the
// error must never type a digit and start the next try (issue 21: it cost a viewer a
// try, then the lock). The remote's number keys type at once: they are never pressed
// to mean OK.
import { Lightning } from '@lightningjs/sdk'
import { digitOf } from '../../platform/keys'
import { spokenPinProgress, numberWords } from '../../domain/spoken'
import { spoken, t, uiLanguage } from './i18n'
import { COLOR, TEXT } from './theme'
import { say } from './announce'
import { FocusBox } from './FocusBox'
import { ActionButton } from './ActionButton'
import { textSpec } from './textSpec'
import { roundedShape, shaped } from './shape'
import type { KeyHint } from './KeyHints'

export const PIN_DIGITS = 4
/** Keypad as on a phone: 1–9, then delete and 0. */
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'del', '0'] as const
const KEY = { w: 150, h: 96, gap: 20, columns: 3 }
const SLOT = { w: 84, h: 104, gap: 24 }

class PinKey extends FocusBox {
  /**
   * Voice guidance names only the delete key: a digit key said aloud as it is pressed
   * would say the PIN (issue 18). The prompt sends a blind viewer to the number keys.
   */
  announce = ''

  set label(label: string) {
    if (label === '⌫') this.announce = t('voice.pin.erase')
    this.fillContent({
      Label: { x: KEY.w / 2, y: KEY.h / 2 + 2, mount: 0.5, ...textSpec(label, { size: TEXT.heading, bold: true }) },
    })
  }
}

/** The slots and keys are built in a loop (Slot0…, Key0…), so Slots and Keypad are Elements whose children have no fixed names. */
export interface PinEntrySpec extends Lightning.Component.TemplateSpec {
  Slots: typeof Lightning.Element
  Status: object
  Keypad: typeof Lightning.Element
  Retry: typeof ActionButton
}

export class PinEntry extends Lightning.Component<PinEntrySpec> {
  private digits = ''
  private focusIndex = 0
  private locked = false
  /** A wrong PIN (or a failed try) is on screen: OK dismisses it before the keypad takes keys again. */
  private showingError = false

  static override _template(): Lightning.Component.Template<PinEntrySpec> {
    const slots: Record<string, unknown> = {}
    for (let i = 0; i < PIN_DIGITS; i++) {
      slots[`Slot${i}`] = {
        x: i * (SLOT.w + SLOT.gap),
        ...shaped(SLOT, roundedShape(COLOR.surface, 12), {
          Mark: { x: SLOT.w / 2, y: SLOT.h / 2 + 4, mount: 0.5, ...textSpec('–', { size: TEXT.title, bold: true, color: COLOR.muted }) },
        }),
      }
    }
    const keys: Record<string, unknown> = {}
    KEYS.forEach((key, i) => {
      keys[`Key${i}`] = {
        type: PinKey,
        x: (i % KEY.columns) * (KEY.w + KEY.gap),
        y: Math.floor(i / KEY.columns) * (KEY.h + KEY.gap),
        w: KEY.w,
        h: KEY.h,
        label: key === 'del' ? '⌫' : key,
      }
    })
    return {
      Slots: slots,
      Status: { y: SLOT.h + 24, ...textSpec('', { size: TEXT.body, width: 560, maxLines: 3 }) },
      Keypad: { y: SLOT.h + 150, ...keys },
      Retry: {
        type: ActionButton,
        y: SLOT.h + 150,
        w: KEY.columns * KEY.w + (KEY.columns - 1) * KEY.gap,
        h: KEY.h,
        visible: false,
        label: t('pin.retry'),
        signals: { pressed: '_dismissError' },
      },
    }
  }

  /** Empties the entry for a new try; `message` says why (a wrong PIN), `triesLeft` how many remain. */
  reset(triesLeft: number, message = ''): void {
    this.locked = false
    this.digits = ''
    this.focusIndex = 0
    this.showError(message !== '')
    const tries = triesLeft === 1 ? t('pin.triesLeft.one') : t('pin.triesLeft', { count: triesLeft })
    this.showStatus(message ? `${message} ${tries}` : tries, message ? COLOR.warning : COLOR.muted)
    const spokenTries = triesLeft === 1 ? t('voice.pin.triesLeft.one') : t('voice.pin.triesLeft', { count: numberWords(triesLeft, uiLanguage(), 'f') })
    this.spokenStatus = message ? `${message} ${spokenTries}` : spokenTries
    // A wrong PIN is a result: said at once, with the tries left.
    if (message) this.say(this.spokenStatus)
    this.renderSlots()
    this._refocus()
  }

  /** No more tries: the reason (until when) stays on screen and no digit is taken. */
  lock(message: string): void {
    this.locked = true
    this.digits = ''
    this.showError(false)
    this.tag('Keypad')!.visible = false
    this.showStatus(message, COLOR.danger)
    // "até às 14:35" said in words.
    this.spokenStatus = spoken(message)
    this.say(this.spokenStatus)
    this.renderSlots()
    this._refocus()
  }

  /** The keypad waits behind "Tentar de novo" while an error is shown (`shown`), else it takes keys. */
  private showError(shown: boolean): void {
    this.showingError = shown
    this.tag('Retry')!.visible = shown
    this.tag('Keypad')!.visible = !shown
    this._refocus()
  }

  /** OK on "Tentar de novo": the error has been read; the keypad is back, its first key focused. */
  _dismissError(): void {
    this.focusIndex = 0
    this.showError(false)
  }

  /**
   * What the keys do in the entry now, for its dialog's hints: the number keys type; with the
   * keypad the arrows move and OK types the focused digit (or erases); after an error OK only
   * dismisses it. Locked, nothing.
   */
  get keyHints(): KeyHint[] {
    if (this.locked) return []
    const digits: KeyHint = { key: 'digits', label: t('pin.keys.digits') }
    if (this.showingError) return [{ key: 'ok', label: t('pin.keys.retry') }, digits]
    const erase = KEYS[this.focusIndex] === 'del'
    return [digits, { key: 'arrows', label: t('pin.keys.move') }, { key: 'ok', label: t(erase ? 'pin.keys.erase' : 'pin.keys.type') }]
  }

  /** Voice guidance on focus: the prompt, what the status line says, and how far the entry has got (a count, never a digit). */
  get announce(): string[] {
    return [t('voice.pin.prompt'), this.spokenStatus, spokenPinProgress(this.digits.length, PIN_DIGITS, uiLanguage())]
  }

  /** The status line as said: a wrong PIN and the tries left in words, or the lock. */
  private spokenStatus = ''

  private say(text: string): void {
    say(this, text)
  }

  get isLocked(): boolean {
    return this.locked
  }

  /** How many digits are typed (the digits themselves never leave the widget but in `complete`). */
  get length(): number {
    return this.digits.length
  }

  _handleDigit(event: KeyboardEvent): boolean {
    const digit = digitOf(event)
    if (digit === null) return false
    if (this.showingError && !this.locked) this._dismissError()
    this.typeDigit(String(digit))
    return true
  }

  override _handleEnter(): void {
    const key = KEYS[this.focusIndex]
    if (key === 'del') this.erase()
    else if (key !== undefined) this.typeDigit(key)
  }

  override _handleLeft(): boolean {
    return this.move(this.focusIndex % KEY.columns === 0 ? 0 : -1)
  }

  override _handleRight(): boolean {
    return this.move(this.focusIndex % KEY.columns === KEY.columns - 1 ? 0 : 1)
  }

  override _handleUp(): boolean {
    return this.move(-KEY.columns)
  }

  override _handleDown(): boolean {
    return this.move(this.focusIndex + KEY.columns < KEYS.length ? KEY.columns : KEYS.length - 1 - this.focusIndex)
  }

  override _getFocused(): Lightning.Component | undefined {
    if (this.locked) return undefined
    if (this.showingError) return this.tag('Retry')!
    const key = this.tag('Keypad')!.children[this.focusIndex]
    return key instanceof PinKey ? key : undefined
  }

  private move(by: number): boolean {
    const next = this.focusIndex + by
    if (this.locked || this.showingError || by === 0 || next < 0 || next >= KEYS.length) return false
    this.focusIndex = next
    return true
  }

  private typeDigit(digit: string): void {
    if (this.locked || this.digits.length >= PIN_DIGITS) return
    this.digits += digit
    this.renderSlots()
    this.say(spokenPinProgress(this.digits.length, PIN_DIGITS, uiLanguage()))
    if (this.digits.length === PIN_DIGITS) {
      const pin = this.digits
      this.signal('complete', pin)
    }
  }

  private erase(): void {
    if (this.locked) return
    this.digits = this.digits.slice(0, -1)
    this.renderSlots()
    this.say(spokenPinProgress(this.digits.length, PIN_DIGITS, uiLanguage()))
  }

  private showStatus(text: string, color: number): void {
    this.tag('Status')!.patch({ text: { text, textColor: color } })
  }

  /** Masked: a dot per typed digit, a dash for each still to type. */
  private renderSlots(): void {
    for (let i = 0; i < PIN_DIGITS; i++) {
      const typed = i < this.digits.length
      this.tag('Slots')!.tag(`Slot${i}.Mark`).patch({ text: { text: typed ? '●' : '–', textColor: typed ? COLOR.text : COLOR.muted } })
    }
  }
}
