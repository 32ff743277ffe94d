// The two browser engines of the QA lanes, behind one small interface: Debian's
// Chromium through playwright-core, and WPE WebKit (the engine the boxes run)
// through WPEWebDriver over plain WebDriver HTTP, with cog on a headless Weston
// so the page gets the real viewport size. Both are driven by remote keys only.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'
import { CHROMIUM, CHROMIUM_ARGS, freePort } from '../test/e2e/harness'

/**
 * Chromium logs every refused request; an API refusal (a profile's 403, a wrong PIN) is the
 * app working, shown on screen and checked there. A 404 or 5xx stays an error: a missing asset.
 */
const API_REFUSAL = /Failed to load resource: the server responded with a status of (401|403|409|422|429)\b/

/** The remote's keys, by the names QA key paths use. */
export type RemoteKey = 'Up' | 'Down' | 'Left' | 'Right' | 'Enter' | 'Back' | 'Red' | 'Green' | 'Yellow' | 'Blue' | `${0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`

/** Keyboard stand-ins (README, Remote keys): Back is Escape, the colour keys F1–F4. */
const PLAYWRIGHT_KEY: Record<string, string> = {
  Up: 'ArrowUp', Down: 'ArrowDown', Left: 'ArrowLeft', Right: 'ArrowRight', Enter: 'Enter', Back: 'Escape',
  Red: 'F1', Green: 'F2', Yellow: 'F3', Blue: 'F4',
}
/** WebDriver's key values for the same keys (W3C WebDriver §17.4.2). */
const WEBDRIVER_KEY: Record<string, string> = {
  Up: '\uE013', Down: '\uE015', Left: '\uE012', Right: '\uE014', Enter: '\uE007', Back: '\uE00C',
  Red: '\uE031', Green: '\uE032', Yellow: '\uE033', Blue: '\uE034',
}

export type EngineId = 'chromium' | 'wpe'

/**
 * The stage's canvas as PNG: a frame drawn now and read before it is presented; with a clip
 * (arguments[0]), only that region, copied into a 2D canvas in the same task.
 */
const CANVAS_SNAPSHOT = `
  var node = document.querySelector('div[type]');
  var stage = node && node.element && node.element.stage;
  if (!stage) return 'no Lightning stage (inspector=1?)';
  stage.forceRenderUpdate();
  stage.drawFrame();
  var canvas = stage.getCanvas(), clip = arguments[0];
  if (!clip) return canvas.toDataURL('image/png');
  var part = document.createElement('canvas');
  part.width = clip.w;
  part.height = clip.h;
  part.getContext('2d').drawImage(canvas, clip.x, clip.y, clip.w, clip.h, 0, 0, clip.w, clip.h);
  return part.toDataURL('image/png');
`

export interface Tab {
  open(url: string): Promise<void>
  press(key: RemoteKey): Promise<void>
  /** Runs `body` (a function body returning JSON) in the page. */
  evaluate<T>(body: string): Promise<T>
  /** The screen, or only `clip` (CSS pixels, which are the stage's pixels in every lane). */
  screenshot(clip?: { x: number; y: number; w: number; h: number }): Promise<Buffer>
  /** Errors the engine itself reported (Chromium's console); the page's own hook covers both engines. */
  engineErrors(): string[]
  close(): Promise<void>
}

export interface Engine {
  id: EngineId
  /** Engine name and version, for the report. */
  version: string
  tab(viewport: { width: number; height: number }): Promise<Tab>
  close(): Promise<void>
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// ---------------------------------------------------------------- Chromium

export async function startChromium(): Promise<Engine> {
  // The page is composited in software: the stage is still drawn by WebGL in SwiftShader, but
  // compositing each frame through SwiftShader too cost twice the time; measured at load 15–17,
  // a screenshot at 2160p took 0.5–0.8 s instead of 1.5–2.3 s, and 0.14–0.17 s instead of 0.27–0.32 s at 1080p.
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--disable-gpu-compositing'] })
  return {
    id: 'chromium',
    version: `Chromium ${browser.version()}`,
    async tab(viewport) {
      const page: Page = await browser.newPage({ viewport })
      const cdp = await page.context().newCDPSession(page)
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().includes('ERR_CONNECTION_REFUSED') && !API_REFUSAL.test(message.text())) errors.push(message.text())
      })
      return {
        async open(url) {
          await page.goto(url)
        },
        async press(key) {
          await page.keyboard.press(PLAYWRIGHT_KEY[key] ?? key)
        },
        evaluate: <T>(body: string) => page.evaluate(`(() => { ${body} })()`) as Promise<T>,
        // DevTools' own capture with its fast PNG encoder: the same pixels in a larger file, and a
        // 2160p screenshot in 223 ms instead of Playwright's 389 (mean of 15, one lane alone, load ~2).
        async screenshot(clip) {
          const area = clip ? { clip: { x: clip.x, y: clip.y, width: clip.w, height: clip.h, scale: 1 } } : {}
          const { data } = await cdp.send('Page.captureScreenshot', { format: 'png', optimizeForSpeed: true, ...area })
          return Buffer.from(data, 'base64')
        },
        engineErrors: () => errors,
        close: () => page.close(),
      }
    },
    close: () => browser.close(),
  }
}

// ---------------------------------------------------------------- WPE WebKit

export const WPE = { cog: '/usr/bin/cog', driver: '/usr/bin/WPEWebDriver', weston: '/usr/bin/weston' }

/** Why the WPE lanes cannot run here, or null when cog, WPEWebDriver and Weston are installed. */
export function wpeMissing(): string | null {
  const missing = Object.values(WPE).filter((path) => !existsSync(path))
  return missing.length ? `not installed: ${missing.join(', ')} (apt-get install -y cog wpewebkit-driver weston)` : null
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not ready after ${timeoutMs} ms`)
    await sleep(100)
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  return exited
}

/**
 * Stops a WebDriver and the browser it started: the driver runs in its own process group, since
 * a cog whose session was deleted may outlive its driver (measured: 4 of 8 WPE tabs left a cog
 * running, each at 10–15 % CPU, 20 minutes after the run had ended).
 */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid !== undefined) {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      // The group is already gone.
    }
  }
  await stop(child)
}

/**
 * A headless Weston (pixman renderer, one 1920×1080 output) for cog's Wayland
 * platform: cog's own headless platform has no way to set the view size in 0.16,
 * whereas on Wayland COG_PLATFORM_WL_VIEW_WIDTH/HEIGHT size the view exactly.
 */
async function startWeston(runtimeDir: string, socket: string): Promise<ChildProcess> {
  rmSync(runtimeDir, { recursive: true, force: true })
  mkdirSync(runtimeDir, { recursive: true, mode: 0o700 })
  const weston = spawn(WPE.weston, ['--backend=headless-backend.so', '--use-pixman', '--width=1920', '--height=1080', `--socket=${socket}`, '--idle-time=0'], {
    env: { ...process.env, XDG_RUNTIME_DIR: runtimeDir },
    stdio: 'ignore',
  })
  await waitFor('weston', () => existsSync(`${runtimeDir}/${socket}`))
  return weston
}

export async function startWpe(): Promise<Engine> {
  const missing = wpeMissing()
  if (missing) throw new Error(`WPE lane: ${missing}`)
  const runtimeDir = `/tmp/gestao-qa-wpe-${process.pid}`
  const socket = 'wayland-qa'
  const weston = await startWeston(runtimeDir, socket)
  const drivers: ChildProcess[] = []
  const version = `WPE WebKit (cog ${(await commandOutput(WPE.cog, ['--version'])).trim()})`

  return {
    id: 'wpe',
    version,
    async tab(viewport) {
      // cog takes its view size from the environment when WPEWebDriver starts it: one driver per tab.
      const port = await freePort()
      const driver = spawn(WPE.driver, [`--port=${port}`], {
        env: {
          ...process.env,
          XDG_RUNTIME_DIR: runtimeDir,
          WAYLAND_DISPLAY: socket,
          COG_PLATFORM_WL_VIEW_WIDTH: String(viewport.width),
          COG_PLATFORM_WL_VIEW_HEIGHT: String(viewport.height),
        },
        stdio: 'ignore',
        detached: true,
      })
      drivers.push(driver)
      const base = `http://127.0.0.1:${port}`
      await waitFor('WPEWebDriver', async () => {
        try {
          return (await fetch(`${base}/status`)).ok
        } catch {
          return false
        }
      })
      const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
        const response = await fetch(base + path, {
          method,
          headers: { 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        })
        const json = (await response.json()) as { value: T & { error?: string; message?: string } }
        if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${json.value?.error} ${json.value?.message}`)
        return json.value
      }
      const session = await call<{ sessionId: string }>('POST', '/session', {
        capabilities: { alwaysMatch: { 'wpe:browserOptions': { binary: WPE.cog, args: ['--automation', '--platform=wl'] } } },
      })
      const s = `/session/${session.sessionId}`
      // A wait for the app to settle (qa/probe.ts WAIT_IDLE) runs in the page for up to 30 s.
      await call('POST', `${s}/timeouts`, { script: 120_000 })
      return {
        async open(url) {
          await call('POST', `${s}/url`, { url })
        },
        async press(key) {
          const value = WEBDRIVER_KEY[key] ?? key
          await call('POST', `${s}/actions`, {
            actions: [{ type: 'key', id: 'remote', actions: [{ type: 'keyDown', value }, { type: 'keyUp', value }] }],
          })
        },
        evaluate: <T>(body: string) => call<T>('POST', `${s}/execute/sync`, { script: body, args: [] }),
        async screenshot(clip) {
          // WebKit's WebDriver screenshot of a WPE view leaves the WebGL canvas out (it comes back as
          // the page background only), so the canvas is read in the page: draw a frame, then
          // toDataURL in the same task, while the drawing buffer is still valid.
          const data = await call<string>('POST', `${s}/execute/sync`, { script: CANVAS_SNAPSHOT, args: [clip ?? null] })
          if (!data.startsWith('data:image/png;base64,')) throw new Error(`WPE canvas snapshot failed: ${data.slice(0, 200)}`)
          return Buffer.from(data.slice('data:image/png;base64,'.length), 'base64')
        },
        engineErrors: () => [],
        async close() {
          await call('DELETE', s).catch(() => undefined)
          await stopGroup(driver)
        },
      }
    },
    async close() {
      await Promise.all(drivers.map(stopGroup))
      await stop(weston)
      rmSync(runtimeDir, { recursive: true, force: true })
    },
  }
}

function commandOutput(command: string, args: string[]): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'ignore'] })
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.on('exit', () => resolve(out))
    child.on('error', () => resolve(''))
  })
}
