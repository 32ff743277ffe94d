// Issue 21 (9): every dialog shows what OK, the arrows and Back do in it, in the same
// key-hint row the pages show (KeyHints, the safe area's top right), above the dim; the
// page's own row gives way while the dialog has focus and comes back when it closes.
// The same for the PIN's states, the start-up notice banner and the not-found page.
import { afterAll, beforeAll, beforeEach, expect, test, vi } from 'vitest'
import type { Lightning } from '@lightningjs/sdk'
import { bearer, type AccountPage as AccountData, type InvoiceDetail } from '../../src/contract'
import { ApiError } from '../../src/data/client'
import type { Loaded } from '../../src/data/load'
import { AccountPage } from '../../src/app/account/AccountPage'
import { InvoiceDetailPage } from '../../src/app/invoices/InvoiceDetailPage'
import { KeyHints } from '../../src/app/kit/KeyHints'
import { SAFE } from '../../src/app/kit/theme'
import { PremiumDetailPage } from '../../src/app/premium/PremiumDetailPage'
import { RecordingsPage } from '../../src/app/recordings/RecordingsPage'
import { NotFoundPage } from '../../src/app/shell/MessagePage'
import { NoticeBanner } from '../../src/app/shell/NoticeBanner'
import { provideServices } from '../../src/app/shell/services'
import { TOKENS, testServer, type TestServer } from '../unit/server/helpers'
import { multibancoInvoice } from './fixtures'
import { isShown, mount, shownTexts, spyRouter } from './helpers'
import { NOW, sportDetail, tvcineDetail } from './premiumFixtures'
import { quotaFullList } from './recordingFixtures'

const api = { changePremium: vi.fn(), setEInvoice: vi.fn(), complainAboutInvoice: vi.fn() }
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

let server: TestServer
let admin: AccountData
beforeAll(async () => {
  server = await testServer({ now: new Date(NOW) })
  admin = (await server.app.inject({ method: 'GET', url: '/v1/account', headers: { authorization: bearer(TOKENS.admin) } })).json() as AccountData
}, 60_000)
afterAll(async () => {
  await server?.close()
})

beforeEach(() => {
  spyRouter()
  for (const fn of Object.values(api)) fn.mockReset()
  provideServices({ launch: {} as never, launchProblems: [], api: api as never, version: 'test' })
})

/** A hint row as read on screen: each chip's glyph and what the key does. */
const rowTexts = (hints: Lightning.Element) => (isShown(hints) ? shownTexts(hints) : [])

/** A page or a dialog: it has a key-hint row of its own. */
interface Hinted {
  tag(path: 'Hints'): KeyHints | undefined
}

/** A page with the data given, and the rows of hints of the page and of its dialog (`dialogOf`). */
function page<P extends Lightning.Component & Hinted & { result: Loaded<unknown> }>(type: new (...args: never[]) => P, data: unknown, dialogOf: (page: P) => Hinted) {
  const harness = mount(type)
  harness.component.result = { ok: true, data, fetchedAt: NOW }
  harness.settle()
  return {
    ...harness,
    pageHints: () => rowTexts(harness.component.tag('Hints')!),
    dialogHints: () => rowTexts(dialogOf(harness.component).tag('Hints')!),
  }
}

test('recordings: the options say OK chooses, ← → moves, Back closes with nothing changed; the delete question, Back keeps it', () => {
  const p = page(RecordingsPage, quotaFullList(), (recordings) => recordings.dialog)
  expect(p.pageHints()).toEqual(['OK', 'opções', '↑ ↓', 'mudar de linha', 'proteger', 'apagar', 'Voltar', 'voltar'])
  p.press('Enter')
  expect(p.dialogHints()).toEqual(['OK', 'escolher', '← →', 'mudar de botão', 'Voltar', 'fechar sem alterar'])
  // Only the dialog's row is shown: the page's gives way.
  expect(p.pageHints()).toEqual([])
  // "Apagar" among the options asks the delete question.
  p.press('Right', 'Enter')
  expect(p.dialogHints()).toEqual(['OK', 'escolher', '← →', 'mudar de botão', 'Voltar', 'não apagar'])
  p.press('Back')
  expect(p.pageHints()).toEqual(['OK', 'opções', '↑ ↓', 'mudar de linha', 'proteger', 'apagar', 'Voltar', 'voltar'])
  // Where the page's row is: the safe area's top right, above the dim.
  const hints = p.component.dialog.tag('Hints')!
  expect(hints.x).toBe(SAFE.x + SAFE.w)
  expect(hints.y).toBe(SAFE.y)
})

test('e-invoice: the question and a failed write, Back closes with nothing changed; while the answer is awaited, the request goes on', async () => {
  let answer: (value: never) => void = () => undefined
  api.setEInvoice.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)))
  const p = page(AccountPage, admin, (account) => account.dialog)
  p.press('Enter')
  expect(p.dialogHints()).toEqual(['OK', 'escolher', '← →', 'mudar de botão', 'Voltar', 'fechar sem alterar'])
  p.press('Right', 'Enter')
  expect(p.dialogHints()).toEqual(['OK', 'escolher', '← →', 'mudar de botão', 'Voltar', 'fechar (o pedido segue)'])
  api.setEInvoice.mockImplementationOnce(() => Promise.reject(new ApiError({ kind: 'network' })))
  answer(Promise.reject(new ApiError({ kind: 'network' })) as never)
  await flush()
  expect(p.dialogHints()).toEqual(['OK', 'escolher', '← →', 'mudar de botão', 'Voltar', 'fechar sem alterar'])
  p.press('Back')
  expect(p.pageHints()).toEqual(['OK', 'escolher', '← →', 'mudar de painel', '↑ ↓', 'ler mais', 'Voltar', 'voltar'])
})

test('Reclamar: Back leaves with no complaint at each step; while it is sent no key is offered; the answer, Back closes', async () => {
  let answer: (value: unknown) => void = () => undefined
  api.complainAboutInvoice.mockImplementation(() => new Promise((resolve) => (answer = resolve)))
  const invoice: InvoiceDetail = { ...multibancoInvoice, complaint: null, complaintBy: '2026-12-03', complainDenied: null }
  const p = page(InvoiceDetailPage, invoice, (detail) => detail.dialog)
  const leave = ['OK', 'escolher', '← →', 'mudar de botão', 'Voltar', 'sair sem reclamar']
  p.press('Enter')
  expect(p.dialogHints()).toEqual(leave)
  p.press('Enter')
  expect(p.dialogHints()).toEqual(leave)
  p.press('Enter')
  expect(p.dialogHints()).toEqual(leave)
  p.press('Right', 'Enter')
  expect(p.dialogHints()).toEqual([])
  const complaint = { filedOn: '2026-11-23', line: null, reason: 'not-contracted' as const, disputedCents: 8364, suspendsPayment: true, decisionBy: '2026-12-23', decidedOn: null }
  answer({ data: { complaint, replayed: false }, fetchedAt: NOW })
  await flush()
  expect(p.dialogHints()).toEqual(['OK', 'escolher', 'Voltar', 'fechar'])
})

test('premium: the summary, Back leaves with nothing subscribed or cancelled; the PIN pad, its error and its lock', async () => {
  const s = page(PremiumDetailPage, tvcineDetail, (premium) => premium.tag('Flow')!)
  s.press('Enter')
  expect(s.dialogHints()).toEqual(['OK', 'escolher', '← →', 'mudar de botão', 'Voltar', 'sair sem subscrever'])
  expect(s.pageHints()).toEqual([])
  s.press('Enter')
  expect(s.dialogHints()).toEqual(['0–9', 'marcar o PIN', '← ↑ ↓ →', 'mudar de tecla', 'OK', 'marcar o algarismo', 'Voltar', 'sair sem subscrever'])
  // On ⌫, OK erases.
  s.press('Down', 'Down', 'Down')
  expect(s.dialogHints()).toEqual(['0–9', 'marcar o PIN', '← ↑ ↓ →', 'mudar de tecla', 'OK', 'apagar o último', 'Voltar', 'sair sem subscrever'])
  // A wrong PIN: OK only dismisses the error (it never types a digit).
  api.changePremium.mockImplementationOnce(() =>
    Promise.reject(new ApiError({ kind: 'pin', reason: 'PIN de compras errado.', triesLeft: 1, lockedUntil: null, locks: 0, lockMinutes: null, nextLockMinutes: 15 })),
  )
  for (const d of '1111') s.digit(Number(d))
  expect(s.dialogHints()).toEqual([])
  await flush()
  expect(s.dialogHints()).toEqual(['OK', 'tentar de novo', '0–9', 'marcar o PIN', 'Voltar', 'sair sem subscrever'])
  s.press('Enter')
  expect(s.dialogHints()[5]).toBe('marcar o algarismo')
  // Locked: OK on Voltar and Back both return to the product.
  api.changePremium.mockImplementationOnce(() =>
    Promise.reject(new ApiError({ kind: 'pin', reason: 'bloqueado', triesLeft: 0, lockedUntil: '2026-11-23T10:15:00.000Z', locks: 1, lockMinutes: 15, nextLockMinutes: 60 })),
  )
  for (const d of '2222') s.digit(Number(d))
  await flush()
  expect(s.dialogHints()).toEqual(['OK', 'voltar ao produto', 'Voltar', 'voltar ao produto'])
  // Closed, the page's row is back and says what the page offers now: no button to press.
  s.press('Back')
  expect(s.pageHints()).toEqual(['↑ ↓', 'ler mais', 'Voltar', 'voltar'])

  const c = page(PremiumDetailPage, sportDetail, (premium) => premium.tag('Flow')!)
  c.press('Enter')
  expect(c.dialogHints()).toEqual(['OK', 'escolher', '← →', 'mudar de botão', 'Voltar', 'sair sem cancelar'])
})

test('the notice banner: the kit row with OK, Back and the arrows, and voice guidance says it', () => {
  const { component: banner, settle } = mount(NoticeBanner)
  banner.offer({
    unread: 2,
    total: 3,
    mostUrgent: { id: 'n1', kind: 'channel-removed', title: 'Eurosport 2 deixa de ser emitido', announcedOn: '2026-11-20', effectiveOn: '2026-11-26', daysLeft: 3, readAt: null, late: true, freeExit: null },
  } as never)
  banner.visible = true
  settle()
  const hints = banner.tag('Hints')!
  expect(hints).toBeInstanceOf(KeyHints)
  expect(shownTexts(hints)).toEqual(['OK', 'ver o aviso', 'Voltar', 'fechar', '← ↑ ↓ →', 'ir para o ecrã'])
  expect(banner.announce.at(-1)).toBe('OK: ver o aviso. Voltar: fechar. As setas: ir para o ecrã.')
})

test('not found: OK goes to the start, Back goes back', () => {
  const { component } = mount(NotFoundPage)
  expect(shownTexts(component.tag('Hints')!)).toEqual(['OK', 'ir para o início', 'Voltar', 'voltar'])
})
