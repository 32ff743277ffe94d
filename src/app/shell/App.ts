// The shell: the breadcrumb of the box menu the app was opened from, notices about
// bad launch parameters, "A carregar…" while a page loads, and the Router's pages. With voice
// guidance on (voice=1) the ui-components Announcer speaks what gets focus: each
// component in the focus path that is new says its `announce`, then the
// `announceContext`s ("1 de 12"), and speech is cut when focus moves (issue 18).
import { Lightning, Router } from '@lightningjs/sdk'
import { withAnnouncer } from '@lightningjs/ui-components/src'
import { asOneUtterance, type Speakable } from '../../platform/speech'
import { KEYMAP, digitOf } from '../../platform/keys'
import type { NoticesOverview } from '../../contract'
import { DEVICES } from '../../platform/devices'
import { t } from '../kit/i18n'
import { routes } from './routes'
import { INSTALLER_ROUTE, KeySequence } from './installerKeys'
import { services } from './services'
import { COLOR, FONT, FONT_BOLD, SAFE, TEXT } from '../kit/theme'
import { NoticeBanner } from './NoticeBanner'
import { textSpec } from '../kit/textSpec'
import { ref } from '../kit/ref'
import { BEHIND_MODAL_ALPHA, type ModalFocusSettings } from '../kit/Modal'

/** How long keys wait for a page that is loading: a little past the client's 8 s timeout. */
const LOADING_KEYS_HELD_MS = 9_000
/** The only page the notice banner shows on. */
const HOME_ROUTE = 'home'

/** The Announcer speaks only while announcerEnabled, which _setup turns on only when there is a voice. */
function speak(speakable: Speakable) {
  return services().voice?.speak(speakable)
}

/** What a page may offer to be read by the Info key: the whole screen, not only what has focus. */
interface ReadableScreen {
  announceScreen?: string[]
}

export class App extends withAnnouncer(Router.App, speak) {
  private readonly installerKeys = new KeySequence()
  /** When keys started waiting for a loading page (ignoreWhileLoading); null when none is. */
  private loadingSince: number | null = null
  static getFonts(): { family: string; url: string }[] {
    return [
      { family: FONT, url: 'fonts/roboto-400.woff2' },
      { family: FONT_BOLD, url: 'fonts/roboto-700.woff2' },
    ]
  }

  static language(): string {
    return services().launch.lang
  }

  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    const base = super._template()
    // No full-screen element: the stage's clearColor is the theme's background (src/index.ts),
    // and while a page loads the pages are hidden, not covered (the Loading state below). Each
    // 1920×1080 quad is drawn in full on every frame: a background under every page, and an
    // opaque veil over home while its overview came, tripled what a frame fills.
    return {
      ...base,
      Loading: {
        visible: false,
        zIndex: 99,
        Label: { x: 960, y: 540, mount: 0.5, ...textSpec(t('loading'), { size: TEXT.heading, color: COLOR.muted }) },
      },
      Header: {
        zIndex: 100,
        Breadcrumb: { x: SAFE.x, y: SAFE.y, ...textSpec('', { size: TEXT.small, color: COLOR.muted, width: 1000 }) },
        // Under the row of key hints each page shows at the top right (kit/KeyHints).
        LaunchNotice: {
          x: SAFE.x + SAFE.w,
          y: SAFE.y + 40,
          mountX: 1,
          ...textSpec('', { size: TEXT.small, color: COLOR.warning, width: 700, maxLines: 2, align: 'right' }),
        },
      },
      // Above the loading message (99) and the header (100).
      NoticeBanner: { type: NoticeBanner, zIndex: 101, signals: { open: '_openNotice', dismiss: '_dismissNoticeBanner' } },
    }
  }

  /**
   * The SDK Router's Loading state (a page's data is on its way): "A carregar…" on the bare
   * background, with the pages (the one being left and the one loading) hidden. The SDK's own
   * covers them with an opaque full-screen veil.
   */
  static override _states(): Lightning.Component.Constructor[] {
    return [
      // States are known by their class names (kept in the build: rollup.config.mjs keep_classnames).
      ...super._states().filter((state) => state.name !== 'Loading'),
      class Loading extends this {
        override $enter(): void {
          this.showLoading(true)
        }

        override $exit(): void {
          this.showLoading(false)
        }
      },
    ]
  }

  private showLoading(loading: boolean): void {
    this.tag('Loading')!.visible = loading
    this.tag('Pages')!.visible = !loading
  }

  /** The notice banner is offered once per run, the first time home has the account's overview. */
  private noticeBannerOffered = false
  private noticeBannerUp = false
  /** Home's notices, waiting for home to be the page on screen. */
  private pendingNotices: NoticesOverview | null = null

  offerNoticeBanner(notices: NoticesOverview): void {
    if (this.noticeBannerOffered) return
    this.pendingNotices = notices
    this.showNoticeBannerOnHome()
  }

  /**
   * The banner is the subscriber's, on home: the installer screen (Blue 0 0 0) and the
   * not-found page (a deep link, with home loaded behind it) never get it. It shows once home
   * is the page on screen, and goes when another page opens.
   */
  private pageChanged(): void {
    if (this.noticeBannerUp && Router.getActiveRoute() !== HOME_ROUTE) this.setNoticeBanner(false)
    this.showNoticeBannerOnHome()
  }

  private showNoticeBannerOnHome(): void {
    const notices = this.pendingNotices
    if (!notices || Router.getActiveRoute() !== HOME_ROUTE) return
    this.pendingNotices = null
    this.noticeBannerOffered = true
    if (ref(this, 'NoticeBanner', NoticeBanner).offer(notices)) this.setNoticeBanner(true)
  }

  private setNoticeBanner(up: boolean): void {
    this.noticeBannerUp = up
    this.tag('NoticeBanner').visible = up
    // Focus moves between the banner and the page; the page keeps its own focused card.
    this._refocus()
  }

  _openNotice(id: string): void {
    this.setNoticeBanner(false)
    Router.navigate(`notices/${id}`)
  }

  _dismissNoticeBanner(): void {
    this.setNoticeBanner(false)
  }

  override _setup(): void {
    const { launch } = services()
    this.tag('Breadcrumb').text.text = t(`breadcrumb.${launch.entry}`)
    this.showLaunchProblems()
    const config = routes(
      DEVICES[launch.device],
      services().api.hasToken ? null : () => this.showLaunchProblems(),
      (notices) => this.offerNoticeBanner(notices),
    )
    if (launch.mode === 'installer') config.root = INSTALLER_ROUTE
    config.afterEachRoute = () => this.pageChanged()
    // QA (npm run qa) takes the route list from the app itself.
    if (launch.inspector) (window as { gestaoDeContaRoutes?: string[] }).gestaoDeContaRoutes = config.routes.map((route) => route.path)
    // A launch address without a page names the root page in place: the Router then opens it
    // at once, where navigating to it waits for a hashchange event, a task away, and a frame is
    // drawn without it on the way to home (issue 20: home's first meaningful frame).
    if (window.location.hash.replace(/^#/, '') === '') history.replaceState(history.state, '', `#${String(config.root)}`)
    Router.startRouter(config, this)
    this.announcerEnabled = !!services().voice
  }

  /**
   * Closing the app (Back on home, or on an installer launched by mode=installer)
   * removes it from the stage while the Announcer's focus debounce (400 ms) is still
   * pending; left to fire, it reads the focus path of an app that is gone and throws.
   */
  override _detach(): void {
    this._debounceAnnounceFocusChanges.clear()
    this._resetFocusTimer.clear()
  }

  /** A modal dims the page under it; the breadcrumb, above the pages, is dimmed alike while one has focus. */
  override _handleFocusSettings(settings: ModalFocusSettings): void {
    this.tag('Header').alpha = settings.modal ? BEHIND_MODAL_ALPHA : 1
  }

  /** Green: the last utterance again (voice guidance only; otherwise the key is the page's). */
  _handleGreen(): boolean {
    const voice = services().voice
    voice?.repeat()
    return !!voice
  }

  /** Info: the whole screen, read from the top (voice guidance only). */
  _handleInfo(): boolean {
    if (!services().voice) return false
    const page = Router.getActivePage() as ReadableScreen | undefined
    if (page?.announceScreen && !this.noticeBannerUp) this.$announce(asOneUtterance(page.announceScreen))
    else this.$announcerRefresh()
    return true
  }

  /**
   * The Router's active page, once it is on the tree. With lazyDestroy the Router
   * removes the page being left before it activates the next one; a refocus in
   * between must not name the removed page (Lightning throws, and the Router's
   * navigation queue is left stuck).
   */
  override _getFocused(): Lightning.Component | undefined {
    // While the notice banner is up it has focus; the page underneath keeps its own focused card.
    if (this.noticeBannerUp) return ref(this, 'NoticeBanner', Lightning.Component)
    const page = Router.getActivePage() as Lightning.Component | undefined
    return page?.attached ? page : undefined
  }

  /**
   * Watches every key for the installer sequence (Blue 0 0 0) without taking it from the page.
   * Takes every key while a page is loading (see ignoreWhileLoading).
   */
  override _captureKey(event: KeyboardEvent): boolean {
    const digit = digitOf(event)
    const name = digit !== null ? String(digit) : (KEYMAP[event.keyCode] ?? '')
    if (this.installerKeys.push(name) && Router.getActiveHash() !== INSTALLER_ROUTE) Router.navigate(INSTALLER_ROUTE)
    return this.ignoreWhileLoading()
  }

  /**
   * While the Router is loading a page, the page still on screen is on its way out and
   * takes no keys. Passed on, a key was taken by that page while the address already
   * named the next one: Back on home closed the app; Back elsewhere stepped history
   * back a second time; OK started another navigation that cancelled the pending one
   * (even a step back, whose history entry was already gone), so home fell out of
   * history and a later Back closed the app from a page (key fuzzer, npm run fuzz:keys).
   * So keys wait: the page opens (or the client's 8 s timeout shows its error panel)
   * and takes the next ones, with history whole.
   */
  private ignoreWhileLoading(): boolean {
    const active = Router.getActiveHash()
    const target = decodeURIComponent(window.location.hash.replace(/^#/, ''))
    // Only a real page change under way: the address names another page than the one on screen.
    const loading = !this.noticeBannerUp && Router.isNavigating() && !!active && active !== '$' && target !== active
    if (!loading) {
      this.loadingSince = null
      return false
    }
    // Never deaf for long: past the client's 8 s timeout keys pass again, whatever the Router's state.
    this.loadingSince ??= Date.now()
    return Date.now() - this.loadingSince < LOADING_KEYS_HELD_MS
  }

  /** A bad launch value is never silent: it is named with the value used instead. */
  showLaunchProblems(): void {
    this.tag('LaunchNotice').text.text = services()
      .launchProblems.map((problem) => t('launch.problem', { ...problem }))
      .join('\n')
  }
}
