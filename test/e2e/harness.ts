// Real-browser harness: the built reference API (in-memory SQLite, demo data) and
// the built app behind a static server, both on 127.0.0.1 ephemeral ports, driven
// in Debian's Chromium through playwright-core with remote keys only. The app runs
// with `inspector=1`, so Lightning's tree is mirrored into the DOM: a text element
// carries its string in `texture-text`, the focused element has `focused="true"`.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
// @ts-expect-error: a plain ES module script without types
import { serveApp } from '../../scripts/serve-app.mjs'

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
]
export const ARTIFACTS = 'test-results/e2e'

export const VIEWPORT = { '720p': { width: 1280, height: 720 }, '1080p': { width: 1920, height: 1080 } } as const
export type Resolution = keyof typeof VIEWPORT

/** A free port on 127.0.0.1, for the API (its URL goes into the app's launch URL). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export interface Api {
  url: string
  stop(): Promise<void>
}

/**
 * Starts dist/server/main.mjs on a fresh in-memory database seeded with the demo accounts.
 * `sessions`: the API's SESSIONS. "optional" by default here: tests read and change the
 * server's state beside the box with the demo device token (a session of their own would
 * end the box's, seed 004 TV §4.2). The key fuzzer runs the app on the API as deployed.
 * Without a `port`, a free one is probed; another server can take it before the API listens
 * (the app server binds port 0 at the same time), so an API that exits before answering
 * /health is started again on another port, never left for a test to meet someone else's 404.
 */
export async function startApi(port?: number, sessions: 'required' | 'optional' = 'optional'): Promise<Api> {
  for (let attempt = 1; ; attempt++) {
    const api = await spawnApi(port ?? (await freePort()), sessions)
    if (api) return api
    if (port !== undefined || attempt === 5) throw new Error(`the API did not start on ${port ?? 'five free ports'} (see its error above)`)
  }
}

/** The API on `port`, once it answers /health; null when it exits first (its port was taken). */
async function spawnApi(port: number, sessions: 'required' | 'optional'): Promise<Api | null> {
  const url = `http://127.0.0.1:${port}`
  const child: ChildProcess = spawn(process.execPath, ['dist/server/main.mjs'], {
    // The app is served on a free port of 127.0.0.1 (serveApp), so any port of that host may call.
    env: { ...process.env, PORT: String(port), DB_FILE: ':memory:', LOG_LEVEL: 'warn', SESSIONS: sessions, DEMO: '1', CORS_ORIGINS: 'http://127.0.0.1:*' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const deadline = Date.now() + 30_000
  // Checked before each answer counts: another server on the port may answer too.
  while (child.exitCode === null && !(await fetch(`${url}/health`).then((response) => response.ok, () => false))) {
    if (Date.now() > deadline) throw new Error(`the API on ${url} did not answer /health within 30 s`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  if (child.exitCode !== null) return null
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await exited
    },
  }
}

export interface Session {
  browser: Browser
  appUrl: string
  api: Api
  /** A port where no API listens yet, for the "API down" cases. */
  deadApiPort: number
  close(): Promise<void>
}

export async function startSession({ sessions = 'optional' }: { sessions?: 'required' | 'optional' } = {}): Promise<Session> {
  mkdirSync(ARTIFACTS, { recursive: true })
  const [api, app, browser] = await Promise.all([
    startApi(undefined, sessions),
    serveApp({ port: 0, apiOrigins: ['http://127.0.0.1:*'] }),
    chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }),
  ])
  // Probed once the API listens, so it cannot be the API's port.
  const deadPort = await freePort()
  return {
    browser,
    appUrl: app.url,
    api,
    deadApiPort: deadPort,
    async close() {
      await browser.close()
      await app.server.close()
      await api.stop()
    },
  }
}

export interface Box {
  page: Page
  /** Uncaught errors and console errors seen so far. */
  errors: string[]
  /** Presses remote keys (keyboard names: ArrowDown, Enter, Backspace…), at a viewer's pace. */
  press(...keys: string[]): Promise<void>
  /** Every text on screen, in tree order. */
  texts(): Promise<string[]>
  /** Waits until a text containing `text` is rendered. */
  waitForText(text: string | RegExp, timeout?: number): Promise<void>
  /** The texts inside the focused element. */
  focusedTexts(): Promise<string[]>
  /** Waits until the focused element's first text is `text` (a page shows its rows a frame before a row takes focus). */
  waitForFocus(text: string, timeout?: number): Promise<void>
  /** The Lightning route in the URL hash. */
  route(): Promise<string>
  screenshot(name: string): Promise<void>
}

const PACE_MS = 350

/** Opens the app as a box would, at a resolution, with launch parameters; `beforeApp(arg)` runs in the page before the app (e.g. a recording speechSynthesis). */
export async function openBox(session: Session, resolution: Resolution, params: Record<string, string>, beforeApp?: (arg?: unknown) => void, arg?: unknown): Promise<Box> {
  const page = await session.browser.newPage({ viewport: VIEWPORT[resolution] })
  if (beforeApp) await page.addInitScript(beforeApp, arg)
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    // A refused connection is the point of the "API down" cases, not an app error.
    if (message.type() === 'error' && !message.text().includes('ERR_CONNECTION_REFUSED')) errors.push(message.text())
  })
  const query = new URLSearchParams({ api: session.api.url, resolution, inspector: '1', ...params })
  await page.goto(`${session.appUrl}?${query}`)

  // Runs in the page: texts not hidden by an invisible or transparent ancestor.
  const texts = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('[texture-text]')]
        .filter((node) => !node.closest('[visible="false"], [alpha="0"]'))
        .map((node) => node.getAttribute('texture-text') ?? ''),
    )
  const focusedTexts = () =>
    page.$$eval('[focused="true"] [texture-text], [focused="true"][texture-text]', (nodes) => nodes.map((node) => node.getAttribute('texture-text') ?? ''))
  return {
    page,
    errors,
    async press(...keys) {
      for (const key of keys) {
        await page.keyboard.press(key)
        await page.waitForTimeout(PACE_MS)
      }
    },
    texts,
    async waitForText(text, timeout = 10_000) {
      const matches = (value: string) => (typeof text === 'string' ? value.includes(text) : text.test(value))
      const deadline = Date.now() + timeout
      while (!(await texts()).some(matches)) {
        if (Date.now() > deadline) throw new Error(`"${text}" not on screen after ${timeout} ms; shown: ${(await texts()).join(' | ')}`)
        await page.waitForTimeout(100)
      }
    },
    focusedTexts,
    async waitForFocus(text, timeout = 10_000) {
      const deadline = Date.now() + timeout
      while ((await focusedTexts())[0] !== text) {
        if (Date.now() > deadline) throw new Error(`"${text}" not focused after ${timeout} ms; focused: ${(await focusedTexts()).join(' | ')}`)
        await page.waitForTimeout(100)
      }
    },
    async route() {
      return page.evaluate(() => decodeURIComponent(location.hash.replace(/^#/, '')))
    },
    async screenshot(name) {
      await page.screenshot({ path: join(ARTIFACTS, `${name}-${resolution}.png`) })
    },
  }
}

/** Walks focus over the home grid until the card whose text starts with `title` has it (its place depends on the sections present); returns the focused card's text. */
export async function focusCard(box: Box, title: string): Promise<string> {
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowLeft', 'ArrowDown', 'ArrowRight', 'ArrowRight']) {
    const focused = (await box.focusedTexts()).join(' ')
    if (focused.startsWith(title)) return focused
    await box.press(key)
  }
  return (await box.focusedTexts()).join(' ')
}
