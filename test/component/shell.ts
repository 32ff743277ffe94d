// The real shell for one run: App + SDK Router + pages, against the reference API
// (Fastify inject over a seeded in-memory database). The SDK Router is a module
// singleton, so a test file starts the shell once: one run of the app per file.
import { Router } from '@lightningjs/sdk'
import { App } from '../../src/app/shell/App'
import { provideServices } from '../../src/app/shell/services'
import type { NoticeBanner } from '../../src/app/shell/NoticeBanner'
import { ApiClient } from '../../src/data/client'
import { parseLaunch, type LaunchConfig } from '../../src/platform/launch'
import settings from '../../settings.json'
import { type SpeechEngine, Voice } from '../../src/platform/speech'
import type { TestServer } from '../unit/server/helpers'
import { mount, shownTexts } from './helpers'

/**
 * `gate`: awaited before each API answer, so a test can hold the API (a page still loading);
 * `voice`: voice guidance on, speaking through it (a recording engine).
 */
export function startShell(server: TestServer, token: string, gate: () => Promise<void> = async () => {}, voice: Voice | null = null) {
  const injected = (async (input: string | URL | Request, init: RequestInit = {}) => {
    await gate()
    const url = new URL(String(input))
    const response = await server.app.inject({
      method: (init.method ?? 'GET') as 'GET' | 'POST',
      url: url.pathname + url.search,
      headers: (init.headers ?? {}) as Record<string, string>,
    })
    return new Response(response.body, { status: response.statusCode })
  }) as typeof fetch
  window.location.hash = ''
  Router.setHistory([])
  const { config } = parseLaunch(`?token=${token}`, settings.launch as LaunchConfig)
  const api = new ApiClient({ baseUrl: 'http://api.test', fetch: injected })
  // As src/index.ts does: the launch's token is known before the Router starts (no boot page).
  api.setToken(token)
  provideServices({ launch: config, launchProblems: [], api, version: 'test', voice })
  const harness = mount(App)
  const banner = harness.component.tag('NoticeBanner') as NoticeBanner
  /** Lets frames run and promises (API answers, Router transitions) settle until `ready`. */
  const until = async (what: string, ready: () => boolean) => {
    for (let i = 0; i < 300; i++) {
      if (ready()) return
      harness.settle(0.05)
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    throw new Error(`never: ${what}; on screen: ${shownTexts(harness.app).join(' | ')}`)
  }
  const route = () => decodeURIComponent(window.location.hash.replace(/^#/, ''))
  const onHome = () => route() === 'home' && shownTexts(harness.app).some((text) => text.startsWith('Olá,'))
  const unreadOnServer = async () =>
    (await server.app.inject({ url: '/v1/overview', headers: { authorization: `Bearer ${token}` } })).json().notices.unread as number
  return { ...harness, banner, until, route, onHome, unreadOnServer }
}

/**
 * The shell with voice guidance on, heard through a recording engine: `heardAfter` waits
 * until `ready()` and something was said, lets the Announcer's debounce pass, and returns
 * (and forgets) what was said.
 */
export function startListening(server: TestServer, token: string) {
  const said: string[] = []
  const engine: SpeechEngine = { speak: async (text) => void said.push(text), cancel: () => {} }
  const app = startShell(server, token, undefined, new Voice(engine))
  const heardAfter = async (what: string, ready: () => boolean) => {
    await app.until(what, () => ready() && said.length > 0)
    app.settle(0.6)
    await new Promise((resolve) => setTimeout(resolve, 600))
    const heard = [...said]
    said.length = 0
    return heard
  }
  return { app, heardAfter }
}
