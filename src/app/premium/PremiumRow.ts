// One product of the catalogue: name, price a month with IVA (the promotion's when
// it runs) and whether the account has it. OK opens premium/:id.
import { Router } from '@lightningjs/sdk'
import type { PremiumProduct, PremiumSubscription } from '../../contract'
import { formatMoney } from '../../domain/format'
import { FocusBox } from '../kit/FocusBox'
import { t } from '../kit/i18n'
import { COLOR, TEXT } from '../kit/theme'
import { textSpec } from '../kit/textSpec'
import { rowStatus } from './text'

export const ROW = { w: 1000, h: 128 }

export interface CatalogueItem {
  id: string
  product: PremiumProduct
  subscription: PremiumSubscription | undefined
}

export class PremiumRow extends FocusBox {
  product: PremiumProduct | null = null

  set item({ product, subscription }: CatalogueItem) {
    this.product = product
    // What the account pays now if subscribed (promotion included); else today's price, a promotion with its end below.
    const price = subscription ? subscription.monthlyCents : (product.promo?.monthlyCents ?? product.monthlyCents)
    const status = rowStatus(product, subscription)
    this.fillContent({
      Name: { x: 32, y: 18, ...textSpec(product.name, { bold: true, width: 560 }) },
      Price: {
        x: this.w - 32,
        y: 18,
        mountX: 1,
        ...textSpec(t('premium.perMonth', { price: formatMoney(price) }), { align: 'right', color: (subscription ?? product).promo ? COLOR.ok : COLOR.text }),
      },
      Status: { x: 32, y: 70, ...textSpec(status.text, { size: TEXT.small, color: status.color, width: this.w - 64 }) },
    })
  }

  override _handleEnter(): void {
    if (this.product) Router.navigate(`premium/${this.product.id}`)
  }
}
