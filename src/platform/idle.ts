// The app says when it is idle, for QA (launched with inspector=1): no request in
// flight, no transition or animation running, no page change under way, and a frame
// drawn after the last change. The QA lanes poll `window.gestaoDeContaIdle()` instead
// of sleeping a fixed time after each key.

/** The parts of the Lightning stage the signal reads. */
export interface IdleStage {
  on(event: 'update' | 'frameEnd', listener: () => void): void
  /** Gone once the app has closed. */
  ctx?: { hasRenderUpdates(): boolean }
  transitions: { active: Set<unknown> }
  animations: { active: Set<unknown> }
  textureThrottler?: { _sources?: unknown[] }
}

export interface IdleSignal {
  /** True when nothing is pending and the last frame drawn had no change left to draw. */
  idle(): boolean
  /** Why not idle (for a lane that times out waiting). */
  pending(): string[]
}

declare global {
  interface Window {
    gestaoDeContaIdle?: () => boolean
    gestaoDeContaPending?: () => string[]
  }
}

/**
 * Counts the requests in flight through `target.fetch` (the API client calls the global
 * fetch on every request) and returns the count reader. Installed before the app starts.
 */
export function countRequests(target: { fetch: typeof fetch }): () => number {
  const original = target.fetch
  let inFlight = 0
  target.fetch = (input, init) => {
    inFlight++
    let done: Promise<Response>
    try {
      done = original.call(target, input, init)
    } catch (error) {
      inFlight--
      throw error
    }
    return done.finally(() => inFlight--)
  }
  return () => inFlight
}

/**
 * Watches the stage's frames. A frame that drew a change resets the quiet count; a frame
 * with nothing to draw is the "frame after the last change". With pauseRafLoopOnIdle the
 * loop stops after that frame, and stays idle until something changes.
 */
export function watchIdle(stage: IdleStage, requests: () => number, navigating: () => boolean): IdleSignal {
  // 'update' is the last event before renderFrame reads whether there is anything to draw.
  let drawing = true
  let quietFrames = 0
  stage.on('update', () => (drawing = stage.ctx?.hasRenderUpdates() ?? false))
  stage.on('frameEnd', () => (quietFrames = drawing ? 0 : quietFrames + 1))
  const pending = (): string[] => {
    // A closed app (Back on home) has no stage left to wait for.
    if (!stage.ctx) return ['the app closed']
    const reasons: string[] = []
    if (requests() > 0) reasons.push(`${requests()} request(s) in flight`)
    if (stage.transitions.active.size > 0) reasons.push(`${stage.transitions.active.size} transition(s)`)
    if (stage.animations.active.size > 0) reasons.push(`${stage.animations.active.size} animation(s)`)
    if (navigating()) reasons.push('page change')
    if ((stage.textureThrottler?._sources?.length ?? 0) > 0) reasons.push('textures waiting to upload')
    if (stage.ctx.hasRenderUpdates() || quietFrames === 0) reasons.push('no frame drawn after the last change')
    return reasons
  }
  return { idle: () => pending().length === 0, pending }
}
