// A modal question over a dimmed page: a title, a message and a row of buttons.
// Left/Right move between buttons, OK signals `chosen(id)`, Back signals
// `dismissed` (DESIGN §5: Back closes a dialog). The owner decides where focus
// goes afterwards. The first focused button is `focusId`: the safe one for a
// destructive question. Its key hints say what OK and Back do in this question.
import { Lightning } from '@lightningjs/sdk'
import { SCREEN, TEXT } from './theme'
import { Modal, type ModalSpec, modalTemplate } from './Modal'
import { ActionButton } from './ActionButton'
import { textSpec } from './textSpec'
import { t } from './i18n'
import type { KeyHint } from './KeyHints'

/** A button of the dialog; `Id` is the closed set of answers its owner handles. */
export interface Choice<Id extends string = string> {
  id: Id
  label: string
}

export interface ChoiceDialogSpec<Id extends string = string> {
  title: string
  message?: string
  /** The message as voice guidance says it (dates and amounts in words); else the message. */
  spokenMessage?: string
  choices: Choice<Id>[]
  focusId?: Id
  /** What Back does in this question, for its key hint ("fechar sem alterar"); null while Back does nothing (an answer awaited). */
  back: string | null
  /** Whether OK and the arrows do anything now (false while an answer is awaited); true by default. */
  choosing?: boolean
}

const PANEL = { w: 1100, h: 420 }
const BUTTON = { w: 320, h: 80, gap: 32 }

/** The dialog's children (its buttons are built for each question). */
export interface ChoiceDialogTemplateSpec extends ModalSpec {
  Panel: { Background: object; Title: object; Message: object; Buttons: typeof Lightning.Element }
}

export class ChoiceDialog extends Modal<ChoiceDialogTemplateSpec> {
  private choices: Choice[] = []
  private focusIndex = 0
  private spokenMessage = ''
  private hints: KeyHint[] = []

  static override _template(): Lightning.Component.Template<ChoiceDialogTemplateSpec> {
    return modalTemplate(
      { x: (SCREEN.w - PANEL.w) / 2, y: (SCREEN.h - PANEL.h) / 2, w: PANEL.w, h: PANEL.h },
      {
        Title: { x: 56, y: 48, ...textSpec('', { size: TEXT.heading, bold: true, width: PANEL.w - 112 }) },
        Message: { x: 56, y: 120, ...textSpec('', { width: PANEL.w - 112, maxLines: 4 }) },
        Buttons: { x: 56, y: PANEL.h - BUTTON.h - 48 },
      },
    )
  }

  get isOpen(): boolean {
    return this.visible
  }

  get choiceIds(): string[] {
    return this.choices.map((choice) => choice.id)
  }

  open(spec: ChoiceDialogSpec): void {
    this.choices = spec.choices
    this.focusIndex = Math.max(
      0,
      spec.choices.findIndex((choice) => choice.id === spec.focusId),
    )
    this.tag('Panel.Title')!.text!.text = spec.title
    this.tag('Panel.Message')!.patch({ visible: !!spec.message, text: { text: spec.message ?? '' } })
    this.spokenMessage = spec.spokenMessage ?? spec.message ?? ''
    const choosing = spec.choosing ?? true
    this.hints = [
      ...(choosing ? [{ key: 'ok' as const, label: t('keys.choose') }] : []),
      ...(choosing && spec.choices.length > 1 ? [{ key: 'leftRight' as const, label: t('keys.button') }] : []),
      ...(spec.back === null ? [] : [{ key: 'back' as const, label: spec.back }]),
    ]
    this.tag('Panel.Buttons')!.children = spec.choices.map((choice, i) => ({
      ref: `Choice_${choice.id}`,
      type: ActionButton,
      x: i * (BUTTON.w + BUTTON.gap),
      w: BUTTON.w,
      h: BUTTON.h,
      label: choice.label,
      signals: { pressed: '_choose' },
    }))
    this.visible = true
  }

  /** Voice guidance: the question, then the focused button. */
  get announce(): string[] {
    return [this.tag('Panel.Title')!.text!.text, this.spokenMessage].filter(Boolean)
  }

  close(): void {
    this.visible = false
    this.choices = []
  }

  protected keyHints(): KeyHint[] {
    return this.hints
  }

  override _getFocused(): ActionButton | undefined {
    const button = this.tag('Panel.Buttons')!.children[this.focusIndex]
    return button instanceof ActionButton ? button : undefined
  }

  override _handleLeft(): boolean {
    if (this.focusIndex > 0) this.focusIndex--
    return true
  }

  override _handleRight(): boolean {
    if (this.focusIndex < this.choices.length - 1) this.focusIndex++
    return true
  }

  // A modal dialog keeps Up/Down and the colour keys from reaching the page below.
  override _handleUp(): boolean {
    return true
  }

  override _handleDown(): boolean {
    return true
  }

  override _handleBack(): boolean {
    this.signal('dismissed')
    return true
  }

  _choose(): void {
    const choice = this.choices[this.focusIndex]
    if (choice) this.signal('chosen', choice.id)
  }

  override _handleKey(): boolean {
    return true
  }
}
