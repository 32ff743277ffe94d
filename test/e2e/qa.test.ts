// The fast subset of the QA lanes (npm run qa is the full matrix): every route the
// remote reaches in the overdue scenario, at 720p and 1080p in Chromium, every
// screen checked, and the 1080p screens compared with their goldens (qa/golden/).
import { expect, test } from 'vitest'
import { runQa } from '../../qa/lanes'

test('every route of the overdue scenario passes the QA checks at 720p and 1080p, and matches its golden', async () => {
  const result = await runQa({
    lanes: [
      { engine: 'chromium', device: 'uma', resolution: '720p' },
      { engine: 'chromium', device: 'uma', resolution: '1080p' },
    ],
    scenarios: ['overdue'],
    out: 'test-results/qa',
    golden: 'compare',
    // A route with no golden yet (a section just landed) is checked but not compared: run npm run qa:golden.
    requireGoldens: false,
  })
  expect(result.visits.overdue.map((visit) => visit.route)).toEqual(expect.arrayContaining(['home', 'invoices', 'invoices/:id', 'installer', '*']))
  expect(result.screens.filter((screen) => !screen.ok).map((screen) => `${screen.laneId} ${screen.route}: ${screen.failures.map((f) => f.message).join('; ')}`)).toEqual([])
}, 600_000)
