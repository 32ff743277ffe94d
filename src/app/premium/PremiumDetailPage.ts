// premium/:id: what the product includes, its price a month with IVA, the minimum
// period (seed 004 TV §2.1.1) and then either what subscribing today means (start,
// minimum period end, first charge and its invoice) or the subscription as it
// stands with the exact day a cancellation would take effect (§8.2). The button on
// the right opens the subscribe or cancel flow; a profile that may only look, a
// locked PIN or a cancellation already asked for say so instead.
import { Lightning } from '@lightningjs/sdk'
import type { PinState, PremiumProductDetail, PremiumReceipt } from '../../contract'
import { ActionButton } from '../kit/ActionButton'
import { Column, columnSpoken } from '../kit/Column'
import { CONTENT_Y, DataPage, type DataPageSpec } from '../kit/DataPage'
import { t } from '../kit/i18n'
import { ScrollPanel } from '../kit/ScrollPanel'
import { focusFit, SAFE, TEXT } from '../kit/theme'
import type { PremiumAction } from './actions'
import { PremiumFlow } from './PremiumFlow'
import { flowSpec } from './flowText'
import { actionNotes, detailColumn, productArrival } from './text'

const LEFT = { w: 1100, h: SAFE.y + SAFE.h - CONTENT_Y - 10 }
const RIGHT = { x: SAFE.x + LEFT.w + 40, w: SAFE.w - LEFT.w - 40 }
const BUTTON = { h: 84 }
/** Column indents its rows; the notes line up with the button's edge. */
const NOTE_PAD = 32

interface PremiumDetailPageSpec extends DataPageSpec {
  Content: { Details: typeof ScrollPanel; Action: typeof ActionButton; Note: typeof Lightning.Element }
  Flow: typeof PremiumFlow
}

export class PremiumDetailPage extends DataPage<PremiumProductDetail, PremiumDetailPageSpec> {
  private detail: PremiumProductDetail | null = null

  static override _template(): Lightning.Component.Template<PremiumDetailPageSpec> {
    return {
      ...super._template(),
      Content: {
        Details: { type: ScrollPanel, x: SAFE.x, y: CONTENT_Y, w: LEFT.w, h: LEFT.h },
        // Focused, it grows inside the safe area (focusFit).
        Action: { type: ActionButton, ...focusFit({ x: RIGHT.x, y: CONTENT_Y, w: RIGHT.w, h: BUTTON.h }), signals: { pressed: '_startFlow' } },
        Note: { x: RIGHT.x - NOTE_PAD },
      },
      Flow: { type: PremiumFlow, signals: { changed: '_changed', pinChanged: '_pinChanged', closed: '_flowClosed' } },
    }
  }

  /** Subscribe when not subscribed; cancel when subscribed and not already cancelled; else nothing. */
  private get action(): PremiumAction | null {
    const detail = this.detail
    if (!detail || detail.manageDenied || detail.pin.lockedUntil) return null
    if (detail.quote) return 'subscribe'
    return detail.subscription?.cancelToday ? 'cancel' : null
  }

  protected render(detail: PremiumProductDetail): void {
    this.detail = detail
    this.title = detail.product.name
    this.tag('Content.Details')!.fill(detailColumn(detail, LEFT.w), columnSpoken((f) => detailColumn(detail, LEFT.w, f)))
    const action = this.action
    this.arrival = productArrival(detail, action)
    this.tag('Content.Action')!.visible = action !== null
    if (action) this.tag('Content.Action')!.label = t(`premium.action.${action}`)
    // Next to the button, what pressing it would mean; or why there is no button.
    const notes = actionNotes(detail, action)
    const column = new Column(RIGHT.w + 2 * NOTE_PAD)
    for (const note of notes) column.text(note.text, { size: TEXT.small, color: note.color, maxLines: 3 })
    this.tag('Content.Note')!.y = CONTENT_Y + (action ? BUTTON.h : 0)
    this.tag('Content.Note')!.childList.clear()
    this.tag('Content.Note')!.childList.patch(column.rows)
  }

  _startFlow(): void {
    const action = this.action
    if (!this.detail || !action) return
    this.tag('Flow')!.open(flowSpec(this.detail, action))
    this._refocus()
  }

  /** The server's answer: the subscription as it now stands, shown behind the result. */
  _changed(receipt: PremiumReceipt): void {
    if (!this.detail) return
    this.render({ ...this.detail, product: { ...this.detail.product, subscribed: true }, subscription: receipt.subscription, quote: null, pin: receipt.pin })
  }

  _pinChanged(pin: PinState): void {
    if (this.detail) this.render({ ...this.detail, pin })
  }

  _flowClosed(): void {
    this._refocus()
  }

  protected override scrollPanels(): ScrollPanel[] {
    return [this.tag('Content.Details')!]
  }

  override _getFocused(): Lightning.Component | undefined {
    const flow = this.tag('Flow')!
    return flow.isOpen ? flow : super._getFocused()
  }

  /** The subscribe or cancel button when there is one; Up/Down scroll the details either way. */
  protected focusedContent(): Lightning.Component | undefined {
    return this.action === null ? undefined : this.tag('Content.Action')
  }
}
