// home: the account at a glance, a grid of section cards. Each card opens its
// section; Back exits the app.
import { Lightning } from '@lightningjs/sdk'
import type { Overview } from '../../contract'
import { t } from '../kit/i18n'
import { COLOR, SAFE, TEXT } from '../kit/theme'
import { textSpec } from '../kit/textSpec'
import type { KeyHint } from '../kit/KeyHints'
import { CONTENT_Y, DataPage, type DataPageSpec } from '../kit/DataPage'
import { CARD, COLUMNS, HomeCard } from './HomeCard'
import { accountCard, type CardSpec, cardFrames, contractLine, homeKeys, invoicesCard, noticesCard, premiumCard, recordingsCard } from './text'

/** The sections on home, in reading order; a section adds its card here. */
const CARDS: ((overview: Overview) => CardSpec)[] = [invoicesCard, noticesCard, recordingsCard, accountCard, premiumCard]

interface HomePageSpec extends DataPageSpec {
  Contract: object
  /** The cards, built from the overview. */
  Content: typeof Lightning.Element
}

export class HomePage extends DataPage<Overview, HomePageSpec> {
  private focusIndex = 0
  /** The card to focus when the cards are laid out (Back from a section, issue 21). */
  private wantedCard: string | null = null

  static override _template(): Lightning.Component.Template<HomePageSpec> {
    return {
      ...super._template(),
      Contract: { x: SAFE.x, y: SAFE.y + 130, ...textSpec('', { size: TEXT.small, color: COLOR.muted, width: SAFE.w }) },
      Content: { x: SAFE.x + CARD.inset, y: CONTENT_Y + 60 },
    }
  }

  /**
   * The grid is laid out when the page is made, each card a frame and a title, while the
   * overview is on its way: when it comes, `render` fills the cards in place.
   */
  override _init(): void {
    this.tag('Content')!.children = cardFrames().map((spec, i) => ({
      ref: spec.ref,
      type: HomeCard,
      x: (i % COLUMNS) * (CARD.w + CARD.gap),
      y: Math.floor(i / COLUMNS) * (CARD.h + CARD.gap),
      w: CARD.w,
      h: CARD.h,
      spec,
    }))
  }

  protected render(overview: Overview): void {
    this.title = t('home.greeting', { name: overview.viewer.name })
    this.tag('Contract')!.text!.text = contractLine(overview)
    const cards = CARDS.map((card) => card(overview))
    const content = this.tag('Content')!
    for (const spec of cards) {
      const card = content.tag(spec.ref)
      if (card instanceof HomeCard) card.spec = spec
    }
    const wanted = cards.findIndex((spec) => spec.ref === this.wantedCard)
    this.focusIndex = wanted >= 0 ? wanted : Math.min(this.focusIndex, cards.length - 1)
  }

  /**
   * The Router keeps this in history when a card opens its section, and hands it back
   * to the home built anew on Back (pages are destroyed when left): the viewer lands on
   * the card that opened the section, not on the first one.
   */
  override historyState(state?: Record<string, unknown> | null): Record<string, unknown> | undefined {
    if (!state) {
      const card = this.focusedContent()?.ref
      return card ? { card } : undefined
    }
    if (typeof state.card !== 'string') return undefined
    this.wantedCard = state.card
    const index = this.tag('Content')!.children.findIndex((card: Lightning.Element) => card.ref === state.card)
    if (index >= 0) this.focusIndex = index
    return undefined
  }

  protected override keyHints(): KeyHint[] {
    return homeKeys()
  }

  protected focusedContent(): HomeCard | undefined {
    const card = this.tag('Content')!.children[this.focusIndex]
    return card instanceof HomeCard ? card : undefined
  }

  override _handleLeft(): boolean {
    return this.moveFocus(this.focusIndex % COLUMNS === 0 ? 0 : -1)
  }

  override _handleRight(): boolean {
    return this.moveFocus(this.focusIndex % COLUMNS === COLUMNS - 1 ? 0 : 1)
  }

  override _handleUp(): boolean {
    return this.moveFocus(-COLUMNS)
  }

  override _handleDown(): boolean {
    const count = this.tag('Content')!.children.length
    // Down from a column the last row does not reach lands on the last card.
    if (this.focusIndex + COLUMNS >= count && Math.floor(this.focusIndex / COLUMNS) < Math.floor((count - 1) / COLUMNS)) {
      return this.moveFocus(count - 1 - this.focusIndex)
    }
    return this.moveFocus(COLUMNS)
  }

  private moveFocus(by: number): boolean {
    const next = this.focusIndex + by
    if (by === 0 || next < 0 || next >= this.tag('Content')!.children.length) return false
    this.focusIndex = next
    return true
  }

  /** Back on home closes the app (the Router would otherwise walk history). */
  override _handleBack(): void {
    ;(this.application as unknown as { closeApp(): void }).closeApp()
  }
}

