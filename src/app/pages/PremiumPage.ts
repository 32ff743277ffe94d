// premium: the catalogue on the left (price a month with IVA, promotion, whether the
// account has it), the account's subscriptions on the right (minimum period, next
// charge, a cancellation's last day), the purchase PIN's lock and, for a profile
// that may only look, why it cannot subscribe (seed 004 TV §2.1.1; seed 002).
// OK on a product opens premium/:id, where subscribing and cancelling happen.
import { Lightning, Router } from '@lightningjs/sdk'
import type { PremiumCatalogue, PremiumProduct, PremiumSubscription } from '../../contract'
import { formatDate, formatMoney } from '../../domain/format'
import { t, uiLanguage } from '../i18n'
import { COLOR, SAFE, TEXT } from '../theme'
import { FocusBox } from '../widgets/FocusBox'
import { textSpec } from '../widgets/text'
import { ReturnFocus, VirtualList } from '../widgets/VirtualList'
import { CONTENT_Y, DataPage } from './DataPage'
import { Column, ScrollPanel } from './InvoiceDetailPage'
import { nextChargeLine, refusalLines, subscriptionState } from './premiumText'

const LIST = { w: 1000, rowHeight: 128, spacing: 14, viewportHeight: 5 * 142 }
/** Under the one-line hint. */
const LIST_Y = CONTENT_Y + 30
const RIGHT = { x: SAFE.x + LIST.w + 40, w: SAFE.w - LIST.w - 40, h: SAFE.y + SAFE.h - CONTENT_Y - 10 }

export class PremiumRow extends FocusBox {
  product: PremiumProduct | null = null

  set item({ product, subscription }: { product: PremiumProduct; subscription: PremiumSubscription | undefined }) {
    this.product = product
    // What the account pays now if subscribed (promotion included); else today's price, a promotion with its end below.
    const price = subscription ? subscription.monthlyCents : (product.promo?.monthlyCents ?? product.monthlyCents)
    const status = subscription
      ? { ...subscriptionState(subscription), text: `${t('premium.subscribed')} · ${subscriptionState(subscription).text}` }
      : product.promo
        ? { text: t('premium.promoUntil', { until: formatDate(product.promo.until, uiLanguage()), price: formatMoney(product.monthlyCents) }), color: COLOR.ok }
        : { text: product.channels.join(', '), color: COLOR.muted }
    this.tag('Content').children = {
      Name: { x: 32, y: 18, ...textSpec(product.name, { bold: true, width: 560 }) },
      Price: {
        x: LIST.w - 32,
        y: 18,
        mountX: 1,
        ...textSpec(t('premium.perMonth', { price: formatMoney(price) }), { align: 'right', color: (subscription ?? product).promo ? COLOR.ok : COLOR.text }),
      },
      Status: { x: 32, y: 70, ...textSpec(status.text, { size: TEXT.small, color: status.color, width: LIST.w - 64 }) },
    }
  }

  override _handleEnter(): void {
    if (this.product) Router.navigate(`premium/${this.product.id}`)
  }
}

function subscriptionsColumn(catalogue: PremiumCatalogue): Column {
  const lang = uiLanguage()
  const column = new Column(RIGHT.w)
  column.text(t('premium.yours'), { size: TEXT.heading, bold: true })
  for (const line of refusalLines(catalogue.pin, catalogue.manageDenied)) column.text(line.text, { size: TEXT.small, color: line.color, maxLines: 3 })
  if (catalogue.subscriptions.length === 0) column.text(t('premium.none'), { color: COLOR.muted })
  for (const subscription of catalogue.subscriptions) {
    const state = subscriptionState(subscription)
    column
      .gap(10)
      .pair(subscription.name, formatMoney(subscription.monthlyCents), { bold: true })
      .text(state.text, { size: TEXT.small, color: state.color })
      .text(nextChargeLine(subscription), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
  }
  column.gap().text(t('premium.chargesOn', { date: formatDate(catalogue.nextInvoiceDate, lang) }), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
  return column
}

export class PremiumPage extends DataPage<PremiumCatalogue> {
  private products: PremiumProduct[] = []
  private focusRight = false
  /** Back from a product: focus returns to it. */
  private readonly returnFocus = new ReturnFocus()

  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      ...super._template(),
      Content: {
        Hint: { x: SAFE.x, y: SAFE.y + 124, ...textSpec('', { size: TEXT.small, color: COLOR.muted, width: LIST.w }) },
        List: { type: VirtualList, x: SAFE.x, y: LIST_Y },
        Subscriptions: { type: ScrollPanel, x: RIGHT.x, y: CONTENT_Y, w: RIGHT.w, h: RIGHT.h },
      },
    }
  }

  protected render(catalogue: PremiumCatalogue): void {
    this.title = t('premium.title')
    this.products = catalogue.products
    this.tag('Hint').text.text = t('premium.hint')
    const byProduct = new Map(catalogue.subscriptions.map((subscription) => [subscription.productId, subscription]))
    ;(this.tag('List') as VirtualList<{ product: PremiumProduct; subscription: PremiumSubscription | undefined }>).setup({
      items: catalogue.products.map((product) => ({ product, subscription: byProduct.get(product.id) })),
      width: LIST.w,
      rowHeight: LIST.rowHeight,
      spacing: LIST.spacing,
      viewportHeight: LIST.viewportHeight,
      index: this.returnFocus.index(catalogue.products.map((item) => item.id)),
      row: (item) => ({ type: PremiumRow, item }) as never,
    })
    const column = subscriptionsColumn(catalogue)
    ;(this.tag('Subscriptions') as ScrollPanel).fill(column.rows, column.height)
  }

  /** The SDK Router keeps this state when the page is left and gives it back on Back. */
  override historyState(state?: Record<string, unknown> | null): Record<string, unknown> | null {
    return this.returnFocus.historyState(this.tag('List') as VirtualList, this.products.map((item) => item.id), state)
  }

  override _handleLeft(): boolean {
    if (!this.focusRight) return false
    this.focusRight = false
    this._refocus()
    return true
  }

  override _handleRight(): boolean {
    if (this.focusRight) return false
    this.focusRight = true
    this._refocus()
    return true
  }

  protected focusedContent(): Lightning.Component | undefined {
    if (this.focusRight) return this.tag('Subscriptions') as Lightning.Component
    return this.products.length ? (this.tag('List') as Lightning.Component) : (this.tag('Subscriptions') as Lightning.Component)
  }
}
