// Issue 21 (9): every screen says what its keys do, in one row at the top right, each
// key as a chip (a colour key in its remote colour): home, a list, a detail page with
// two panels, recordings with its colour keys, the refused-section page, an error.
import { beforeEach, describe, expect, test } from 'vitest'
import type { Lightning } from '@lightningjs/sdk'
import { AccessPage } from '../../src/app/access/AccessPage'
import { HomePage } from '../../src/app/home/HomePage'
import { InvoiceDetailPage } from '../../src/app/invoices/InvoiceDetailPage'
import { InvoicesPage } from '../../src/app/invoices/InvoicesPage'
import { KeyHints } from '../../src/app/kit/KeyHints'
import { KEY_COLOUR, SAFE } from '../../src/app/kit/theme'
import { RecordingsPage } from '../../src/app/recordings/RecordingsPage'
import { restrictedOverview, invoiceList, multibancoInvoice, overdueOverview } from './fixtures'
import { mount, shownTexts, spyRouter } from './helpers'
import { quotaFullList } from './recordingFixtures'

const NOW = Date.parse('2026-11-23T10:00:00Z')

beforeEach(() => {
  spyRouter()
})

/** The page's hints as read on screen: each chip's glyph (a colour key's chip has none) and label. */
function hintsOf(page: new (...args: never[]) => Lightning.Component, result: unknown) {
  const harness = mount(page)
  ;(harness.component as unknown as { result: unknown }).result = result
  harness.settle()
  const hints = harness.component.tag('Hints') as KeyHints
  const row = hints.tag('Row')!
  const texts = shownTexts(row)
  return { harness, hints, row, texts }
}

describe('key hints', () => {
  test('home: OK opens, the arrows move, Back leaves the app; the row ends at the safe area', () => {
    const { texts, hints, row, harness } = hintsOf(HomePage, { ok: true, data: overdueOverview, fetchedAt: NOW })
    expect(texts).toEqual(['OK', 'abrir', '← ↑ ↓ →', 'mudar de secção', 'Voltar', 'sair'])
    harness.settle()
    // Right-aligned on the safe area's right edge, inside it (the row hangs left of its x: mountX 1).
    expect(row.mountX).toBe(1)
    expect(row.finalW).toBeGreaterThan(300)
    const right = hints.x + row.finalX + row.finalW * (1 - row.mountX)
    expect(right).toBeCloseTo(SAFE.x + SAFE.w, 0)
    expect(hints.y + row.finalY).toBeGreaterThanOrEqual(SAFE.y - 4)
  })

  test('the invoices list names what OK opens and that Up/Down move along it', () => {
    const { texts } = hintsOf(InvoicesPage, { ok: true, data: invoiceList(24), fetchedAt: NOW })
    expect(texts).toEqual(['OK', 'ver a fatura', '↑ ↓', 'mudar de linha', 'Voltar', 'voltar'])
  })

  test('an invoice: Left/Right between its lines and how to pay, Up/Down read more', () => {
    const { texts } = hintsOf(InvoiceDetailPage, { ok: true, data: multibancoInvoice, fetchedAt: NOW })
    expect(texts).toEqual(['← →', 'linhas / como pagar', '↑ ↓', 'ler mais', 'Voltar', 'voltar'])
  })

  test('recordings: the yellow and red keys with chips in their colours', () => {
    const { texts, hints, row } = hintsOf(RecordingsPage, { ok: true, data: quotaFullList(), fetchedAt: NOW })
    expect(texts).toEqual(['OK', 'opções', '↑ ↓', 'mudar de linha', 'proteger', 'apagar', 'Voltar', 'voltar'])
    expect(hints.shown.map((hint) => hint.key)).toEqual(['ok', 'upDown', 'yellow', 'red', 'back'])
    expect(row.tag('Chip2.Background').color).toBe(KEY_COLOUR.yellow)
    expect(row.tag('Chip3.Background').color).toBe(KEY_COLOUR.red)
  })

  test('a refused section in full: two panels to read, Back', () => {
    const refusal = { section: 'invoices', viewer: 'utilizador', denied: (restrictedOverview.invoices as { denied: true; reason: string; allowedProfiles: string[] }) }
    const { texts } = hintsOf(AccessPage, { ok: true, data: refusal, fetchedAt: NOW })
    expect(texts).toEqual(['← →', 'mudar de painel', '↑ ↓', 'ler mais', 'Voltar', 'voltar'])
  })

  test('an error: OK chooses a button, Back goes back', () => {
    const { texts } = hintsOf(InvoicesPage, { ok: false, failure: { kind: 'network' }, lastKnown: null })
    expect(texts).toEqual(['OK', 'escolher', 'Voltar', 'voltar'])
  })
})
