// The start-up banner (seed 004 TV §2.1.3: changes are announced "on the screen of
// the equipment"): while unread notices exist it names the most urgent one.
// It holds focus while shown, but never traps it: OK opens the notice, Back closes
// it for this run, and an arrow key closes it too and gives focus back to the page.
// Its key hints are the kit's (KeyHints), as on every page and dialog; the page's own
// row gives way while the banner has focus (DataPage._unfocus).
// The shell (App.ts) decides when to show it and where focus goes afterwards.
import { Lightning } from '@lightningjs/sdk'
import type { NoticesOverview, NoticeSummary } from '../../contract'
import { t } from '../kit/i18n'
import { freeExitLine, kindLabel, whenShort } from '../notices/text'
import { COLOR, SAFE, TEXT } from '../kit/theme'
import { textSpec } from '../kit/textSpec'
import { panelBackground, recolour } from '../kit/FocusBox'
import { KeyHints } from '../kit/KeyHints'

export const BANNER = { x: SAFE.x, w: SAFE.w, h: 210, y: SAFE.y + SAFE.h - 210 }

export interface NoticeBannerSpec extends Lightning.Component.TemplateSpec {
  Background: object
  Count: object
  Title: object
  Facts: object
  Hints: typeof KeyHints
}

export class NoticeBanner extends Lightning.Component<NoticeBannerSpec> {
  /** The notice OK opens. */
  notice: NoticeSummary | null = null

  static override _template(): Lightning.Component.Template<NoticeBannerSpec> {
    return {
      x: BANNER.x,
      y: BANNER.y,
      w: BANNER.w,
      h: BANNER.h,
      visible: false,
      // At rest like any panel; focused (it always is while shown) like any focused element.
      Background: { ...panelBackground(COLOR.focusRing), w: BANNER.w, h: BANNER.h },
      Count: { x: 40, y: 24, ...textSpec('', { size: TEXT.small, bold: true, color: COLOR.warning, width: 1100 }) },
      Title: { x: 40, y: 66, ...textSpec('', { size: TEXT.heading, bold: true, width: 1160 }) },
      Facts: { x: 40, y: 128, ...textSpec('', { size: TEXT.body, width: 1160 }) },
      // Right-aligned at x (KeyHints), at the banner's top right as a page's row is at the safe area's.
      Hints: {
        type: KeyHints,
        x: BANNER.w - 40,
        y: 24,
        hints: [
          { key: 'ok', label: t('banner.keys.open') },
          { key: 'back', label: t('keys.close') },
          { key: 'arrows', label: t('banner.keys.page') },
        ],
      },
    }
  }

  /** Fills the banner from home's overview; false when there is nothing unread to show. */
  offer(notices: NoticesOverview): boolean {
    const notice = notices.mostUrgent
    if (notices.unread === 0 || !notice) return false
    this.notice = notice
    this.tag('Count')!.text!.text = notices.unread === 1 ? t('banner.one') : t('banner.many', { count: notices.unread })
    this.tag('Title')!.text!.text = `${kindLabel(notice)}: ${notice.title}`
    this.tag('Facts')!.text!.text = notice.freeExit?.open ? freeExitLine(notice) : whenShort(notice)
    return true
  }

  // The focused look of FocusBox, without its growth: the banner already spans the safe area.
  // Its texts take their focused tints too: the warning-yellow count was 3.74:1 on the fill (QA contrast check).
  override _focus(): void {
    this.tag('Background')!.patch({ color: COLOR.focusFill, shader: { stroke: 4 } })
    recolour(this, true)
  }

  override _unfocus(): void {
    this.tag('Background')!.patch({ color: COLOR.surface, shader: { stroke: 0 } })
    recolour(this, false)
  }

  /** Voice guidance: what the banner shows, then which keys do what. */
  get announce(): string[] {
    return [...[this.tag('Count')!, this.tag('Title')!, this.tag('Facts')!].map((element) => element.text!.text), this.tag('Hints')!.spoken]
  }

  override _handleEnter(): void {
    if (this.notice) this.signal('open', this.notice.id)
  }

  override _handleBack(): void {
    this.signal('dismiss')
  }

  // Arrows are how a viewer looks for the rest of the screen: the banner steps aside.
  override _handleUp(): void {
    this.signal('dismiss')
  }

  override _handleDown(): void {
    this.signal('dismiss')
  }

  override _handleLeft(): void {
    this.signal('dismiss')
  }

  override _handleRight(): void {
    this.signal('dismiss')
  }
}
