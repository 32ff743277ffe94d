// motion=reduced (WCAG 2.3.3): a viewer whom movement unsettles sees each change whole on the
// next frame; the focus ring does not grow, a list does not glide. QA's lanes launch with it.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { FOCUS_SCALE } from '../../src/app/kit/theme'
import { openBox, type Session, startSession } from './harness'

let session: Session
beforeAll(async () => {
  session = await startSession()
})
afterAll(async () => {
  await session?.close()
})

/** The focused element's scale on every frame drawn while `keys` are pressed. */
async function scalesWhilePressing(motion: 'full' | 'reduced', keys: string[]): Promise<number[]> {
  const box = await openBox(session, '720p', { scenario: 'healthy', motion })
  await box.waitForText('Olá,')
  await box.press('ArrowRight')
  await box.page.evaluate(() => {
    const root = document.querySelector('div[type]') as (Element & { element: { stage: { on(event: string, listener: () => void): void } } }) | null
    const scales: number[] = ((window as unknown as { scales: number[] }).scales = [])
    root?.element.stage.on('frameEnd', () => {
      const focused = document.querySelector('[focused="true"]') as (Element & { element: { scale: number } }) | null
      if (focused) scales.push(focused.element.scale)
    })
  })
  await box.press(...keys)
  const scales = await box.page.evaluate(() => (window as unknown as { scales: number[] }).scales)
  expect(box.errors).toEqual([])
  await box.page.close()
  return scales
}

test('with motion=reduced the focus is whole on the first frame after each key', async () => {
  const scales = await scalesWhilePressing('reduced', ['ArrowLeft', 'ArrowRight', 'ArrowDown'])
  expect(scales.length).toBeGreaterThan(0)
  expect(scales.every((scale) => scale === FOCUS_SCALE)).toBe(true)
})

test('by default the focus grows over several frames', async () => {
  // Six moves: on a loaded machine one frame can outlast a growth (0.2 s); not six of them.
  const scales = await scalesWhilePressing('full', ['ArrowLeft', 'ArrowRight', 'ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight'])
  expect(scales.some((scale) => scale > 1 && scale < FOCUS_SCALE)).toBe(true)
})
