// Entry: settings.json overridden by the launch URL, then Launch(App) from the SDK.
import { Launch, Lightning, Router } from '@lightningjs/sdk'
import settings from '../settings.json'
import metadata from '../metadata.json'
import { App } from './app/shell/App'
import { provideServices } from './app/shell/services'
import { applyTheme, COLOR } from './app/kit/theme'
import { ApiClient } from './data/client'
import { DEVICES, RESOLUTIONS } from './platform/devices'
import { countRequests, watchIdle, type IdleStage } from './platform/idle'
import { KEYMAP } from './platform/keys'
import { followPlatform, type PlatformAccessibility } from './platform/accessibility'
import { parseLaunch, type LaunchConfig } from './platform/launch'
import { createSpeechEngine, Voice, type PlatformTts } from './platform/speech'

declare global {
  interface Window {
    attachInspector?: (lightning: typeof Lightning) => void
    /** Set when the app closed itself (Back on home): the box's launcher takes over. */
    gestaoDeContaClosed?: boolean
    /** The box's text-to-speech, set by the box's integration before the app starts (docs/accessibility.md). */
    gestaoDeContaTts?: PlatformTts
    /** The box's accessibility settings, set by the box's integration before the app starts (docs/accessibility.md). */
    gestaoDeContaAccessibility?: PlatformAccessibility
  }
}

const parsed = parseLaunch(window.location.search, settings.launch as LaunchConfig)
const problems = parsed.problems
// Voice guidance, contrast and text size follow the box's settings where the URL says nothing.
const launch = followPlatform(parsed.config, window.location.search, window.gestaoDeContaAccessibility)
// Before App's templates are built: they read the theme's colours and sizes.
applyTheme(launch.contrast, launch.text)
// QA (inspector=1) waits for the app to say it is idle: requests are counted from the first one.
const requestsInFlight = launch.inspector ? countRequests(window) : null
const device = DEVICES[launch.device]
const resolution = RESOLUTIONS[launch.resolution]

/** Voice guidance (voice=1) needs something that speaks: the box's TTS or the Web Speech API. */
function voiceGuidance(): Voice | null {
  if (!launch.voice) return null
  const engine = createSpeechEngine(window, launch.lang)
  // Nothing can speak here: the header says so, as for any launch value that cannot be used.
  if (!engine) problems.push({ param: 'voice', value: '1', fallback: 'false' })
  return engine && new Voice(engine)
}

const api = new ApiClient({ baseUrl: launch.api, sessions: true })
provideServices({ launch, launchProblems: problems, voice: voiceGuidance(), api, version: metadata.version })

// Home's data on its way while the app boots (fonts, strings, first frame, Router): one
// request, the session with the overview in its answer (ApiClient), no longer waiting for the
// first page, which shares it (the client hands a second ask for a path in flight the same
// answer). Sent from a microtask, not from the bundle's top level: with DevTools attached
// (the bench's and the e2e suite's Chromium) a request's initiator stack then names the
// top-level code, and V8 parses the whole bundle again for its source positions (60 ms).
if (launch.token) api.setToken(launch.token)
if (launch.token && launch.mode !== 'installer' && ['', '#', '#home'].includes(window.location.hash)) {
  queueMicrotask(() => api.overview().catch(() => undefined))
}

const appSettings = {
  ...settings.appSettings,
  version: metadata.version,
  keys: KEYMAP,
  stage: {
    ...settings.appSettings.stage,
    memoryPressure: device.memoryPressure,
    bufferMemory: device.bufferMemory,
    pauseRafLoopOnIdle: device.pauseRafLoopOnIdle,
    clearColor: COLOR.background,
    // motion=reduced: each frame advances transitions by a whole second, longer than any of
    // the app's (the SDK Router's page transitions, the longest, end within 0.8 s with their
    // delay), so every one ends on its next frame.
    fixedDt: launch.motion === 'reduced' ? 1 : 0,
  },
}

const platformSettings = {
  ...settings.platformSettings,
  width: resolution.width,
  height: resolution.height,
  inspector: launch.inspector,
  // The SDK Router reads lazyCreate/lazyDestroy/gcOnUnload from the platform
  // settings, not from the routes config (sdk Router/utils/helpers.js getConfigMap):
  // given there, every page was built at boot and none was ever destroyed (issue 8).
  router: { ...device.router },
  fontLoader: loadFontsTogether,
  onClose() {
    window.gestaoDeContaClosed = true
    application.close()
  },
}

/**
 * The SDK loads the fonts one after the other before the first page; both weights
 * at once save a round trip on the way to home (bench: first meaningful frame).
 * static/index.html preloads them while the bundle is parsed.
 */
function loadFontsTogether(fonts: { family: string; url: string }[], store: FontFace[]): Promise<void> {
  return Promise.all(
    fonts.map(({ family, url }) => {
      const face = new FontFace(family, `url(${url})`)
      store.push(face)
      document.fonts.add(face)
      return face.load()
    }),
  ).then(() => undefined)
}

function loadInspector(): Promise<void> {
  return new Promise((resolve) => {
    const script = document.createElement('script')
    script.src = 'lightning-inspect.js'
    script.onload = () => {
      window.attachInspector?.(Lightning)
      resolve()
    }
    // Without the inspector the app still runs: QA sees the page, just not the tree.
    script.onerror = () => resolve()
    document.head.appendChild(script)
  })
}

let application: { close(): void }

void (launch.inspector ? loadInspector() : Promise.resolve()).then(() => {
  application = Launch(App, appSettings as unknown as Parameters<typeof Launch>[1], platformSettings, {}) as unknown as typeof application
  const stage = (application as unknown as { stage: IdleStage & { getCanvas(): HTMLCanvasElement } }).stage
  document.body.appendChild(stage.getCanvas())
  if (requestsInFlight) {
    const signal = watchIdle(stage, requestsInFlight, () => Router.isNavigating())
    window.gestaoDeContaIdle = signal.idle
    window.gestaoDeContaPending = signal.pending
  }
})
