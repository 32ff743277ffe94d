// Component suites run Lightning in canvas2d mode on happy-dom: happy-dom has no
// canvas, vitest-canvas-mock supplies a 2D context that records calls.
import 'vitest-canvas-mock'
import { afterEach, vi } from 'vitest'
import { Language } from '@lightningjs/sdk'
// @ts-expect-error: a plain ES module script without types
import { mergeTranslations } from '../../scripts/translations.mjs'

// The app's real dictionaries, in pt-PT as a subscriber sees them. Set before any
// component is created: Lightning builds (and caches) a class's template once,
// and some templates translate their fixed labels ("Tentar novamente").
// The SDK's initLanguage would fetch the file; translations() + set() is the
// same without the network.
Language.translations(mergeTranslations())
await Language.set('pt')

// Two warnings that are facts of canvas2d on happy-dom, not of the app: the
// canvas renderer has no RoundedRectangle shader (WebGL boxes draw the corners),
// and happy-dom has no createImageBitmap for Lightning's image worker.
const KNOWN = ['[Lightning] Shader has no implementation for render target', "[Lightning] Can't use image worker"]
const warn = console.warn.bind(console)
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && KNOWN.some((known) => (args[0] as string).startsWith(known))) return
  warn(...args)
}

// Router spies (helpers.spyRouter) and other mocks start clean in every test.
afterEach(() => {
  vi.restoreAllMocks()
})
