// premium: the catalogue on the left (price a month with IVA, promotion, whether the
// account has it), the account's subscriptions on the right (minimum period, next
// charge, a cancellation's last day), the purchase PIN's lock and, for a profile
// that may only look, why it cannot subscribe (seed 004 TV §2.1.1; seed 002).
// OK on a product opens premium/:id, where subscribing and cancelling happen.
import { Lightning } from '@lightningjs/sdk'
import type { PremiumCatalogue } from '../../contract'
import { columnSpoken } from '../kit/Column'
import { CONTENT_Y } from '../kit/DataPage'
import { t } from '../kit/i18n'
import { type ListContent, ListPage, type ListPageSpec } from '../kit/ListPage'
import { ScrollPanel } from '../kit/ScrollPanel'
import { COLOR, SAFE, TEXT } from '../kit/theme'
import { textSpec } from '../kit/textSpec'
import { type CatalogueItem, PremiumRow, ROW } from './PremiumRow'
import { catalogueSpoken, premiumArrival, subscriptionsColumn } from './text'

const LIST = { spacing: 14, viewportHeight: 5 * 142 }
/** Under the one-line hint. */
const LIST_Y = CONTENT_Y + 30
const RIGHT = { x: SAFE.x + ROW.w + 40, w: SAFE.w - ROW.w - 40, h: SAFE.y + SAFE.h - CONTENT_Y - 10 }

interface PremiumPageSpec extends ListPageSpec {
  Content: ListContent & { Hint: object; Subscriptions: typeof ScrollPanel }
}

export class PremiumPage extends ListPage<PremiumCatalogue, CatalogueItem, PremiumPageSpec> {
  private focusRight = false

  static override _template(): Lightning.Component.Template<PremiumPageSpec> {
    return {
      ...super._template(),
      Content: {
        Hint: { x: SAFE.x, y: SAFE.y + 124, ...textSpec('', { size: TEXT.small, color: COLOR.muted, width: ROW.w }) },
        List: ListPage.listTemplate(SAFE.x, LIST_Y).List,
        Subscriptions: { type: ScrollPanel, x: RIGHT.x, y: CONTENT_Y, w: RIGHT.w, h: RIGHT.h },
      },
    }
  }

  protected idOf(item: CatalogueItem): string {
    return item.id
  }

  protected render(catalogue: PremiumCatalogue): void {
    this.title = t('premium.title')
    this.tag('Content.Hint')!.text!.text = t('premium.hint')
    const byProduct = new Map(catalogue.subscriptions.map((subscription) => [subscription.productId, subscription]))
    this.showList(
      catalogue.products.map((product) => ({ id: product.id, product, subscription: byProduct.get(product.id) })),
      { width: ROW.w, rowHeight: ROW.h, spacing: LIST.spacing, viewportHeight: LIST.viewportHeight, row: (item) => ({ type: PremiumRow, item }) as never, spoken: (item) => catalogueSpoken(item.product, item.subscription) },
      null,
    )
    this.arrival = [premiumArrival(catalogue)]
    this.tag('Content.Subscriptions')!.fill(subscriptionsColumn(catalogue, RIGHT.w), columnSpoken((f) => subscriptionsColumn(catalogue, RIGHT.w, f)))
  }

  /** No products: the page holds focus and Up/Down read the subscriptions column (it says why, e.g. a profile that may only look). */
  protected override emptyFocus(): undefined {
    return undefined
  }

  protected override scrollPanels(): ScrollPanel[] {
    return [this.tag('Content.Subscriptions')!]
  }

  /** Right: Up/Down scroll the subscriptions (outlined) instead of the list; Left: back to the list. */
  override _handleLeft(): boolean {
    return this.scrollSubscriptions(false)
  }

  override _handleRight(): boolean {
    return this.scrollSubscriptions(true)
  }

  private scrollSubscriptions(on: boolean): boolean {
    if (this.focusRight === on || (!on && this.items.length === 0)) return false
    this.focusRight = on
    this.tag('Content.Subscriptions')!.scrolling = on
    this._refocus()
    return true
  }

  protected override focusedContent(): Lightning.Component | undefined {
    return this.focusRight ? undefined : super.focusedContent()
  }
}
