// Mounts one component under a real Lightning Application (canvas2d on happy-dom)
// with the app's remote keymap, and drives it with key presses the way the box does:
// a keydown goes through Application._receiveKeydown, so _capture*/_handle* run
// along the real focus path and focus is recomputed afterwards.
//
// The render loop does not run by itself: time passes only in settle(), frame by
// frame at a fixed 1/60 s, so transitions (focus scale, scrolling) are deterministic.
// Between two press() calls without settle() no time passes: keys pressed in
// quick succession, as a held key repeats.
import { onTestFinished, vi, type Mock } from 'vitest'
import { Lightning, Router } from '@lightningjs/sdk'
import { shownTexts as textsUnder } from '../../src/app/kit/announce'
import { KEYMAP } from '../../src/platform/keys'

export type KeyName = 'Enter' | 'Left' | 'Up' | 'Right' | 'Down' | 'Back' | 'Blue' | '0' | 'Green' | 'Info'

/** Blue: the remote's colour key (406); '0': the digit key, for the installer sequence; Green and Info: voice guidance's keys. */
const KEY_CODE: Record<KeyName, number> = { Enter: 13, Left: 37, Up: 38, Right: 39, Down: 40, Back: 8, Blue: 406, '0': 48, Green: 404, Info: 457 }

type AnyElement = Lightning.Element & { [key: string]: unknown }

export interface Harness<C> {
  app: Lightning.Application
  /** The component under test. */
  component: C
  /** SDK Application.closeApp, as HomePage calls it on Back. */
  closeApp: Mock<() => void>
  /** Presses keys one by one (keydown then keyup), as a remote does; no time passes. */
  press(...keys: KeyName[]): void
  /** Lets `seconds` of frames run: transitions finish, text textures get their size. */
  settle(seconds?: number): void
  /** Presses each key and lets the transitions it started finish: a viewer's pace. */
  pressSlowly(...keys: KeyName[]): void
  /** A number key of the remote (top-row or numeric-pad key codes). */
  digit(d: number, numpad?: boolean): void
  /** The deepest element of the focus path: what the viewer sees highlighted. */
  focused(): Lightning.Component
  focusPath(): Lightning.Component[]
}

export function mount<C extends Lightning.Component>(
  type: new (...args: never[]) => C,
  patch: Record<string, unknown> = {},
  /** Stage size and precision, as the SDK sets them for a resolution: 1080p by default; 720p is 1280×720 at 2/3. */
  size: { w: number; h: number; precision: number } = { w: 1920, h: 1080, precision: 1 },
): Harness<C> {
  const closeApp = vi.fn<() => void>()

  class TestApp extends Lightning.Application {
    static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
      return { Subject: { type, ...patch } } as never
    }

    closeApp(): void {
      closeApp()
    }

    override _getFocused(): Lightning.Component {
      return this.tag('Subject') as Lightning.Component
    }
  }

  const FRAME = 1 / 60
  const app = new TestApp({ stage: { canvas2d: true, ...size, autostart: false, fixedDt: FRAME }, keys: KEYMAP } as never)
  onTestFinished(() => app.destroy())
  const receiver = app as unknown as { _receiveKeydown(e: KeyboardEvent): void; _receiveKeyup(e: KeyboardEvent): void }

  const stage = app.stage as unknown as { drawFrame(): void }
  const press = (...keys: KeyName[]): void => {
    for (const key of keys) {
      const keyCode = KEY_CODE[key]
      receiver._receiveKeydown(new KeyboardEvent('keydown', { keyCode }))
      receiver._receiveKeyup(new KeyboardEvent('keyup', { keyCode }))
    }
  }
  const settle = (seconds = 0.5): void => {
    for (let i = 0; i < Math.ceil(seconds / FRAME); i++) stage.drawFrame()
  }

  return {
    app,
    component: app.tag('Subject') as unknown as C,
    closeApp,
    press,
    settle,
    pressSlowly(...keys) {
      for (const key of keys) {
        press(key)
        settle()
      }
    },
    digit(d, numpad = false) {
      const keyCode = (numpad ? 96 : 48) + d
      receiver._receiveKeydown(new KeyboardEvent('keydown', { keyCode }))
      receiver._receiveKeyup(new KeyboardEvent('keyup', { keyCode }))
    },
    focused() {
      const path = app.focusPath ?? []
      return path[path.length - 1] as Lightning.Component
    },
    focusPath() {
      return [...(app.focusPath ?? [])] as Lightning.Component[]
    },
  }
}

/** Router calls replaced by spies: the pages only ask the Router to go somewhere. */
export function spyRouter() {
  return {
    navigate: vi.spyOn(Router, 'navigate').mockImplementation(() => undefined),
    reload: vi.spyOn(Router, 'reload').mockImplementation(() => undefined),
    back: vi.spyOn(Router, 'back').mockImplementation(() => undefined as never),
  }
}

function children(element: Lightning.Element): Lightning.Element[] {
  return element.hasChildren() ? [...(element.children as Lightning.Element[])] : []
}

/** Visible and not transparent, itself and every ancestor up to the stage root. */
/** The children of an element, typed: Lightning's loose templates leave them `any`. */
export function childrenOf(element: Lightning.Element): Lightning.Element[] {
  return element.children as Lightning.Element[]
}

export function isShown(element: Lightning.Element): boolean {
  for (let e: Lightning.Element | null = element; e; e = e.parent as Lightning.Element | null) {
    if (!e.visible || e.alpha === 0) return false
  }
  return true
}

/** The text of an element that carries a text texture, else null (never creates one). */
export function textOf(element: Lightning.Element): string | null {
  const text = (element as AnyElement).text as { text?: unknown } | null
  return text && typeof text.text === 'string' ? text.text : null
}

/** Every text shown under an element, depth first (the order the tree lays them out). */
export function shownTexts(root: Lightning.Element): string[] {
  return isShown(root) ? textsUnder(root) : []
}

/** The shown element whose text is exactly `text` (throws when there is none). */
export function elementWithText(root: Lightning.Element, text: string | RegExp): Lightning.Element {
  const walk = (element: Lightning.Element): Lightning.Element | null => {
    if (!element.visible || element.alpha === 0) return null
    const own = textOf(element)
    if (own !== null && (typeof text === 'string' ? own === text : text.test(own))) return element
    for (const child of children(element)) {
      const found = walk(child)
      if (found) return found
    }
    return null
  }
  const found = walk(root)
  if (!found) throw new Error(`no shown text ${String(text)} in:\n${shownTexts(root).join('\n')}`)
  return found
}

/** The colour a text is seen in, ARGB: its textColor under its element's tint (channel by channel). */
export function textColor(element: Lightning.Element): number {
  const drawn = ((element as AnyElement).text as { textColor: number }).textColor
  const tint = element.color
  let seen = 0
  for (const shift of [24, 16, 8, 0]) seen += Math.round((((drawn >>> shift) & 0xff) * ((tint >>> shift) & 0xff)) / 255) * 2 ** shift
  return seen
}

/** The value a property is heading to (the end of a running transition, else the current one). */
export function target(element: Lightning.Element, property: 'x' | 'y' | 'scale' | 'alpha'): number {
  const transitions = (element as unknown as { _transitions?: Record<string, { isRunning(): boolean; targetValue: number }> })._transitions
  const transition = transitions?.[property]
  return transition?.isRunning() ? transition.targetValue : (element[property] as number)
}

/** Whether `ancestor` is `element` or contains it. */
export function contains(ancestor: Lightning.Element, element: Lightning.Element): boolean {
  for (let e: Lightning.Element | null = element; e; e = e.parent as Lightning.Element | null) if (e === ancestor) return true
  return false
}

/** Euro amounts as Intl pt-PT writes them: a no-break space before "€" and between thousands. */
export function eur(text: string): string {
  return text.replace(/(\d) (?=\d)/g, '$1\u00a0').replace(/ €/g, '\u00a0€')
}
