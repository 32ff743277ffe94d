import { describe, expect, test } from 'vitest'
import { countRequests, watchIdle } from '../../../src/platform/idle'

/** A stage that draws a frame the way Lightning's loop does: 'update', then renderFrame, then 'frameEnd'. */
function fakeStage() {
  const listeners: Record<string, (() => void)[]> = {}
  const stage = {
    changed: false,
    on: (event: string, listener: () => void) => (listeners[event] ??= []).push(listener),
    ctx: { hasRenderUpdates: () => stage.changed },
    transitions: { active: new Set<unknown>() },
    animations: { active: new Set<unknown>() },
    textureThrottler: { _sources: [] as unknown[] },
    frame() {
      for (const l of listeners.update ?? []) l()
      stage.changed = false
      for (const l of listeners.frameEnd ?? []) l()
    },
  }
  return stage
}

describe('the idle signal QA waits for', () => {
  test('a change is idle only once a frame has drawn it and a quiet frame followed', () => {
    const stage = fakeStage()
    const signal = watchIdle(stage, () => 0, () => false)
    stage.frame()
    expect(signal.idle()).toBe(true)
    stage.changed = true
    expect(signal.pending()).toEqual(['no frame drawn after the last change'])
    stage.frame()
    expect(signal.idle()).toBe(false)
    stage.frame()
    expect(signal.idle()).toBe(true)
  })

  test('a running transition, a page change or a texture waiting keeps it busy', () => {
    const stage = fakeStage()
    let navigating = true
    const signal = watchIdle(stage, () => 0, () => navigating)
    stage.frame()
    stage.transitions.active.add({})
    stage.textureThrottler._sources.push({})
    expect(signal.pending()).toEqual(['1 transition(s)', 'page change', 'textures waiting to upload'])
    stage.transitions.active.clear()
    stage.textureThrottler._sources.length = 0
    navigating = false
    expect(signal.idle()).toBe(true)
  })

  test('requests are counted until they answer or fail', async () => {
    let answer!: (r: Response) => void
    let refuse!: (e: Error) => void
    const calls = [new Promise<Response>((r) => (answer = r)), new Promise<Response>((_, r) => (refuse = r))]
    const target = { fetch: (() => calls.shift()!) as unknown as typeof fetch }
    const inFlight = countRequests(target)
    const first = target.fetch('/a')
    const second = target.fetch('/b').catch(() => undefined)
    const stage = fakeStage()
    const signal = watchIdle(stage, inFlight, () => false)
    stage.frame()
    expect(signal.pending()).toEqual(['2 request(s) in flight'])
    answer(new Response('{}'))
    await first
    refuse(new Error('offline'))
    await second
    expect(inFlight()).toBe(0)
    expect(signal.idle()).toBe(true)
  })
})
