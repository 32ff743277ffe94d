// The frame every account page shares: a title, the content the data provider
// brought, and, when the API failed, the reason with retry and back. With
// last-known data the page still shows it, saying when it was fetched.
import { Lightning } from '@lightningjs/sdk'
import type { Loaded } from '../../data/load'
import { t } from './i18n'
import { COLOR, SAFE, TEXT } from './theme'
import { ErrorPanel, describeFailure } from './ErrorPanel'
import { say } from './announce'
import type { ScrollPanel } from './ScrollPanel'
import { textSpec } from './textSpec'
import { type KeyHint, KeyHints } from './KeyHints'
import type { ModalFocusSettings } from './Modal'

/** Top of a page's content, under the shell's breadcrumb and the page title. */
export const CONTENT_Y = SAFE.y + 150

const timeFormat = new Intl.DateTimeFormat('pt-PT', { hour: '2-digit', minute: '2-digit' })

/** What makes a component a Router page (the SDK's typings tell pages by it). */
export interface PageTypeConfig extends Lightning.Component.TypeConfig {
  IsPage: true
}

/** The frame's children. A page's spec extends it, naming what it puts in Content (and beside it: a dialog). */
export interface DataPageSpec extends Lightning.Component.TemplateSpec {
  Title: object
  Stale: object
  Content: object
  Error: typeof ErrorPanel
  Hints: typeof KeyHints
}

export abstract class DataPage<T, S extends DataPageSpec = DataPageSpec> extends Lightning.Component<S, PageTypeConfig> {
  protected showingError = false

  static override _template(): Lightning.Component.Template<DataPageSpec> {
    return {
      Title: { x: SAFE.x, y: SAFE.y + 60, ...textSpec('', { size: TEXT.title, bold: true, width: SAFE.w }) },
      Stale: {
        x: SAFE.x,
        y: SAFE.y + SAFE.h - 40,
        visible: false,
        ...textSpec('', { size: TEXT.small, color: COLOR.warning, width: SAFE.w }),
      },
      Content: {},
      Error: { type: ErrorPanel, x: SAFE.x, y: CONTENT_Y, visible: false },
      // Shown while the page has focus (_handleFocusSettings): the notice banner may take it first.
      Hints: { type: KeyHints, visible: false },
    }
  }

  /** This page by the frame's template: its tags whatever a page adds (see FocusBox's `box`). */
  private get frame(): DataPage<T> {
    return this as DataPage<T>
  }

  /** A result has been set: the page's keys are known (the row of hints may be drawn). */
  private hasResult = false
  private titleText = ''
  /** What voice guidance says after the title on arrival: the page's main fact, from the feature's text.ts. */
  protected arrival: string[] = []

  set title(title: string) {
    this.titleText = title
    this.frame.tag('Title')!.text!.text = title
  }

  /** Said when the page gets focus (the Announcer): its title, its main fact, and that the data is old when it is. */
  get announce(): string[] {
    // A page that keeps focus itself (nothing to act on) reads on into the panel its arrows move.
    const panel = this.showingError || this.focusedContent() ? [] : (this.scrollPanels()[this.scrolled]?.announce ?? [])
    return this.spoken(panel)
  }

  /** Said by the Info key: the arrival, then what else the screen shows (a page adds it in screenFacts). */
  get announceScreen(): string[] {
    return [...this.spoken([]), ...(this.showingError ? [] : this.screenFacts())]
  }

  /** The title, the main fact, `more`, and that the data is old when it is. */
  private spoken(more: string[]): string[] {
    const stale = this.frame.tag('Stale')!
    return [this.titleText, ...(this.showingError ? [] : this.arrival), ...more, stale.visible ? stale.text!.text : ''].filter(Boolean)
  }

  /** What Info reads after the arrival: by default every text panel, left to right. */
  protected screenFacts(): string[] {
    return this.scrollPanels().flatMap((panel) => panel.announce)
  }

  /** Set by the route's data provider. */
  set result(result: Loaded<T>) {
    this.hasResult = true
    const shown = result.ok ? { data: result.data, fetchedAt: result.fetchedAt } : result.lastKnown
    this.showingError = !shown
    this.frame.tag('Error')!.visible = this.showingError
    this.frame.tag('Content')!.visible = !this.showingError
    this.frame.tag('Stale')!.visible = !result.ok && !!shown
    if (!result.ok) {
      this.frame.tag('Error')!.failure = result.failure
      if (shown) {
        this.frame.tag('Stale')!.text!.text = `${t('error.lastKnown', { time: timeFormat.format(shown.fetchedAt) })} ${describeFailure(result.failure)}`
      }
    }
    if (shown) this.render(shown.data)
    this.showKeyHints()
    this._refocus()
  }

  /** Shows what the keys do on this screen now (issue 21, 9): after data comes, or when it changes what keys do. */
  protected showKeyHints(): void {
    this.frame.tag('Hints')!.hints = this.showingError ? [{ key: 'ok', label: t('keys.choose') }, { key: 'back', label: t('keys.back') }] : this.keyHints()
  }

  /**
   * The page's hints are the keys' only while the page has them: a dialog (Modal) shows its own
   * instead. Otherwise they follow what the page now offers (a closed flow may have changed it).
   */
  override _handleFocusSettings(settings: ModalFocusSettings): void {
    this.frame.tag('Hints')!.visible = !settings.modal
    if (!settings.modal && this.hasResult) this.showKeyHints()
  }

  /** ... and so does the notice banner, which takes focus from the page while it is up. */
  override _unfocus(): void {
    this.frame.tag('Hints')!.visible = false
  }

  /**
   * What the keys do on this page with its data shown: OK on what has focus, Left/Right
   * between panels, Up/Down through a panel's text, Back. A page with other keys says so.
   */
  protected keyHints(): KeyHint[] {
    const panels = this.scrollPanels()
    return [
      ...(this.focusedContent() ? [{ key: 'ok' as const, label: t('keys.choose') }] : []),
      ...(panels.length > 1 ? [{ key: 'leftRight' as const, label: t('keys.panel') }] : []),
      ...(panels.length > 0 ? [{ key: 'upDown' as const, label: t('keys.scroll') }] : []),
      { key: 'back', label: t('keys.back') },
    ]
  }

  /** Lays the data out in the Content element. */
  protected abstract render(data: T): void

  /** The element that holds focus when data is shown. */
  protected abstract focusedContent(): Lightning.Component | undefined

  override _getFocused(): Lightning.Component | undefined {
    return this.showingError ? this.frame.tag('Error') : this.focusedContent()
  }

  /** The page's text panels, left to right: Up/Down scroll one, Left/Right choose which. */
  protected scrollPanels(): ScrollPanel[] {
    return []
  }

  private scrolled = 0

  /** Makes panel `index` the one Up/Down scroll; false when there is no such other panel. */
  protected choosePanel(index: number): boolean {
    const panels = this.scrollPanels()
    if (index === this.scrolled || index < 0 || index >= panels.length) return false
    this.scrolled = index
    this.markScrolled()
    // Voice guidance reads the panel the arrows now move, as it read a focused one.
    say(this.frame, panels[index]!.announce.join(' '))
    return true
  }

  /** With two panels or more, a thin outline says which one Up/Down move. */
  protected markScrolled(): void {
    const panels = this.scrollPanels()
    panels.forEach((panel, i) => (panel.scrolling = panels.length > 1 && i === this.scrolled))
  }

  // Left/Right choose among the panels; keys the focused part leaves (a button has no
  // use for Up/Down) scroll the chosen one.
  override _handleLeft(): boolean {
    return this.choosePanel(this.scrolled - 1)
  }

  override _handleRight(): boolean {
    return this.choosePanel(this.scrolled + 1)
  }

  override _handleUp(): boolean {
    return !this.showingError && (this.scrollPanels()[this.scrolled]?.scroll(-1) ?? false)
  }

  override _handleDown(): boolean {
    return !this.showingError && (this.scrollPanels()[this.scrolled]?.scroll(1) ?? false)
  }
}
