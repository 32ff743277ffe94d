// The bench's boxes (bench/api.mjs): enough that no box goes over the API's per-box limit,
// which weighs an answer by its size (src/server/http/auth.ts), so no answer is refused.
import { expect, test } from 'vitest'
import { COST_UNIT_BYTES } from '../../../src/server/http/auth'
// @ts-expect-error: a plain ES module script without types
import { boxesFor, unitsPerAnswer } from '../../../bench/api.mjs'

test('an answer weighs as the API charges it: one unit, and one more each 8 KB from 8 KB on', () => {
  expect(unitsPerAnswer(800)).toBe(1)
  expect(unitsPerAnswer(COST_UNIT_BYTES - 1)).toBe(1)
  expect(unitsPerAnswer(COST_UNIT_BYTES)).toBe(2)
  // The heavy account's recordings page.
  expect(unitsPerAnswer(21_340)).toBe(3)
})

/** RATE_LIMIT's default per box (src/server/start.ts: 20/s, burst 60), which the bench measures. */
const PER_SECOND = 20

test('at 1 000 req/s sustained, each box stays under its allowance, small answers or large', () => {
  for (const bytes of [800, 18_300, 21_340, 64 * 1024]) {
    const boxes = boxesFor(1000, Infinity, unitsPerAnswer(bytes))
    const unitsPerBoxPerSecond = (1000 / boxes) * unitsPerAnswer(bytes)
    expect(unitsPerBoxPerSecond, `${bytes} B`).toBeLessThanOrEqual(PER_SECOND)
  }
})
