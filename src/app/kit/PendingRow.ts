// The row a paged list shows while its item's page is on its way (data/PagedWindow):
// the row's place and size, saying it is loading, so a held key never shows a gap.
import { FocusBox } from './FocusBox'
import { t } from './i18n'
import { COLOR, TEXT } from './theme'
import { textSpec } from './textSpec'

export class PendingRow extends FocusBox {
  override _init(): void {
    this.fillContent({ Label: { x: 28, y: 12, ...textSpec(t('loading'), { size: TEXT.small, color: COLOR.muted, width: 640 }) } })
  }
}
