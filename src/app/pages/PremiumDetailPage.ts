// premium/:id: what the product includes, its price a month with IVA, the minimum
// period (seed 004 TV §2.1.1) and then either what subscribing today means (start,
// minimum period end, first charge and its invoice) or the subscription as it
// stands with the exact day a cancellation would take effect (§8.2). The button on
// the right opens the subscribe or cancel flow; a profile that may only look, a
// locked PIN or a cancellation already asked for say so instead.
import { Lightning } from '@lightningjs/sdk'
import type { PinState, PremiumProductDetail, PremiumReceipt, SubscribeQuote } from '../../contract'
import { formatDate, formatMoney } from '../../domain/format'
import { t, uiLanguage } from '../i18n'
import { COLOR, SAFE, TEXT } from '../theme'
import { ActionButton } from '../widgets/ActionButton'
import { CONTENT_Y, DataPage } from './DataPage'
import { Column, ScrollPanel } from './InvoiceDetailPage'
import { type FlowSpec, type PremiumAction, PremiumFlow } from './PremiumFlow'
import { cancellationLine, nextChargeLine, paidLine, priceLine, refusalLines, subscriptionState } from './premiumText'

const LEFT = { w: 1100, h: SAFE.y + SAFE.h - CONTENT_Y - 10 }
const RIGHT = { x: SAFE.x + LEFT.w + 40, w: SAFE.w - LEFT.w - 40 }
const BUTTON = { h: 84 }
/** Column indents its rows; the notes line up with the button's edge. */
const NOTE_PAD = 32

function quoteBlock(column: Column, quote: SubscribeQuote): void {
  const lang = uiLanguage()
  column
    .gap()
    .text(t('premium.ifSubscribed'), { size: TEXT.heading, bold: true })
    .pair(t('premium.startsOn'), formatDate(quote.startsOn, lang))
    .pair(t('premium.minimumEnds'), formatDate(quote.minimumEndsOn, lang), { bold: true })
    .pair(t('premium.firstCharge', { date: formatDate(quote.firstChargeOn, lang) }), formatMoney(quote.firstChargeCents), { bold: true })
    .text(t('premium.firstCharge.why'), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
}

function detailColumn(detail: PremiumProductDetail): Column {
  const lang = uiLanguage()
  const { product, subscription } = detail
  const column = new Column(LEFT.w)
  column
    .text(product.description, { maxLines: 2 })
    .text(t('premium.channels', { channels: product.channels.join(', ') }), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
    .gap()
    .pair(t('premium.price', { vat: product.vatRatePercent }), formatMoney(product.monthlyCents), { bold: true })
  if (product.promo) column.pair(t('premium.promo', { date: formatDate(product.promo.until, lang) }), formatMoney(product.promo.monthlyCents), { color: COLOR.ok })
  column.pair(t('premium.minimum'), t('premium.days', { count: product.minimumDays })).text(t('premium.duration'), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
  if (detail.quote) quoteBlock(column, detail.quote)
  if (subscription) {
    const state = subscriptionState(subscription)
    column
      .gap()
      .text(t('premium.yourSubscription'), { size: TEXT.heading, bold: true })
      .text(state.text, { color: state.color })
      .pair(t('premium.since'), formatDate(subscription.startedOn, lang))
      .pair(t('premium.payingNow'), paidLine(subscription))
      .text(nextChargeLine(subscription), { size: TEXT.small, maxLines: 2 })
    if (subscription.cancellation) {
      column
        .text(t('premium.cancelRequested', { date: formatDate(subscription.cancellation.requestedOn, lang) }), { size: TEXT.small, color: COLOR.muted, bold: true })
        .text(cancellationLine(subscription.cancellation), { color: COLOR.warning, maxLines: 2 })
    }
  }
  return column
}

/** What the summary states before the PIN: duration, price and minimum period, or the last day. */
function flowSpec(detail: PremiumProductDetail, action: PremiumAction): FlowSpec {
  const lang = uiLanguage()
  const { product, subscription, quote } = detail
  if (action === 'subscribe' && quote) {
    const price = priceLine(quote.monthlyCents, quote.promo)
    return {
      action,
      productId: product.id,
      productName: product.name,
      summary: [
        t('premium.summary.price', { price }),
        t('premium.summary.duration'),
        t('premium.summary.minimum', { days: product.minimumDays, date: formatDate(quote.minimumEndsOn, lang) }),
        t('premium.summary.firstCharge', { amount: formatMoney(quote.firstChargeCents), date: formatDate(quote.firstChargeOn, lang) }),
      ],
      recap: t('premium.recap.subscribe', { name: product.name, price, date: formatDate(quote.minimumEndsOn, lang) }),
      pin: detail.pin,
    }
  }
  const cancellation = subscription?.cancelToday
  if (!subscription || !cancellation) throw new Error(`nothing to ${action} for ${product.id}`)
  return {
    action,
    productId: product.id,
    productName: product.name,
    summary: [cancellationLine(cancellation), t('premium.summary.until', { price: paidLine(subscription) }), nextChargeLine(subscription), t('premium.summary.after', { channels: product.channels.join(', ') })],
    recap: t('premium.recap.cancel', { name: product.name, date: formatDate(cancellation.endsOn, lang) }),
    pin: detail.pin,
  }
}

export class PremiumDetailPage extends DataPage<PremiumProductDetail> {
  private detail: PremiumProductDetail | null = null
  private focusAction = true

  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      ...super._template(),
      Content: {
        Details: { type: ScrollPanel, x: SAFE.x, y: CONTENT_Y, w: LEFT.w, h: LEFT.h },
        Action: { type: ActionButton, x: RIGHT.x, y: CONTENT_Y, w: RIGHT.w, h: BUTTON.h, signals: { pressed: '_startFlow' } },
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
    const details = detailColumn(detail)
    ;(this.tag('Details') as ScrollPanel).fill(details.rows, details.height)
    const action = this.action
    this.tag('Action').visible = action !== null
    if (action) (this.tag('Action') as ActionButton).label = t(`premium.action.${action}`)
    // Next to the button, what pressing it would mean; or why there is no button.
    const notes = refusalLines(detail.pin, detail.manageDenied)
    const cancelToday = detail.subscription?.cancelToday
    if (action === 'cancel' && cancelToday) notes.push({ text: t('premium.ifCancelled'), color: COLOR.muted }, { text: cancellationLine(cancelToday), color: COLOR.text })
    if (action) notes.push({ text: t('premium.action.hint'), color: COLOR.muted })
    if (detail.subscription?.cancellation) notes.push({ text: t('premium.alreadyCancelled'), color: COLOR.muted })
    const column = new Column(RIGHT.w + 2 * NOTE_PAD)
    for (const note of notes) column.text(note.text, { size: TEXT.small, color: note.color, maxLines: 3 })
    this.tag('Note').y = CONTENT_Y + (action ? BUTTON.h : 0)
    this.tag('Note').childList.clear()
    this.tag('Note').children = column.rows
    this.focusAction = action !== null
  }

  _startFlow(): void {
    const action = this.action
    if (!this.detail || !action) return
    ;(this.tag('Flow') as PremiumFlow).open(flowSpec(this.detail, action))
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
    this.focusAction = this.action !== null
    this._refocus()
  }

  override _handleLeft(): boolean {
    if (!this.focusAction) return false
    this.focusAction = false
    this._refocus()
    return true
  }

  override _handleRight(): boolean {
    if (this.focusAction || this.action === null) return false
    this.focusAction = true
    this._refocus()
    return true
  }

  override _getFocused(): Lightning.Component | undefined {
    const flow = this.tag('Flow') as PremiumFlow
    return flow.isOpen ? flow : super._getFocused()
  }

  protected focusedContent(): Lightning.Component {
    return this.tag(this.focusAction ? 'Action' : 'Details') as Lightning.Component
  }
}
