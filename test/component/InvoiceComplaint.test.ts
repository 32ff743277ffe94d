// "Reclamar" on invoices/:id (004 general §19.3–19.5; 001 G; seed 002): the part and the
// reason chosen with the remote, a confirmation with Cancelar focused, one idempotency key
// for every try of a flow, the server's answer on the page; nothing for a profile that may not.
import { beforeEach, expect, test, vi } from 'vitest'
import { Value } from 'typebox/value'
import { type ComplaintReceipt, type ComplaintRequest, InvoiceDetail } from '../../src/contract'
import { ApiError, type Fetched } from '../../src/data/client'
import { InvoiceDetailPage } from '../../src/app/invoices/InvoiceDetailPage'
import { provideServices } from '../../src/app/shell/services'
import { multibancoInvoice } from './fixtures'
import { eur, isShown, mount, shownTexts, spyRouter } from './helpers'

const NOW = Date.parse('2026-11-23T10:00:00Z')
const invoice: InvoiceDetail = { ...multibancoInvoice, complaint: null, complaintBy: '2026-12-03', complainDenied: null }

type Complain = (id: string, request: ComplaintRequest) => Promise<Fetched<ComplaintReceipt>>
const api = { complainAboutInvoice: vi.fn<Complain>() }
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

function open(data: InvoiceDetail) {
  expect(Value.Check(InvoiceDetail, data)).toBe(true)
  const harness = mount(InvoiceDetailPage)
  harness.component.result = { ok: true, data, fetchedAt: NOW }
  harness.settle()
  const dialog = harness.component.dialog
  return { ...harness, dialog, dialogTexts: () => shownTexts(dialog.tag('Panel')!), focusedText: () => shownTexts(harness.focused()).join(' ') }
}

beforeEach(() => {
  spyRouter()
  api.complainAboutInvoice.mockReset()
  provideServices({ launch: {} as never, launchProblems: [], api: api as never, version: 'test' })
})

test('Reclamar: a line and a reason chosen, confirmed, recorded once; the invoice then shows the complaint', async () => {
  const complaint = { filedOn: '2026-11-23', line: 0, reason: 'not-contracted' as const, disputedCents: 4550, suspendsPayment: true, decisionBy: '2026-12-23', decidedOn: null }
  api.complainAboutInvoice.mockResolvedValue({ data: { complaint, replayed: false }, fetchedAt: NOW })
  const page = open(invoice)
  expect(shownTexts(page.component.tag('Content.Payment')!)).toContain('Pode reclamar desta fatura até 03/12/2026 (30 dias desde a emissão).')
  expect(shownTexts(page.component.tag('Content.Complain')!)).toEqual(['Reclamar'])
  page.press('Enter')
  expect(page.dialogTexts()).toEqual(expect.arrayContaining(['O que reclama?', eur('A fatura toda: 83,64 €')]))
  expect(page.focusedText()).toBe('Continuar')
  // "Outra parte": the first line, with its IVA (36,99 € + 23 %).
  page.press('Left', 'Enter')
  expect(page.dialogTexts()).toContain(eur('Pacote TV Fibra 150 canais: 45,50 €'))
  page.press('Right', 'Enter')
  expect(page.dialogTexts()).toEqual(expect.arrayContaining(['Porque reclama?', 'valor diferente do contratado']))
  page.press('Left', 'Enter', 'Right', 'Enter')
  expect(page.dialogTexts()).toContain(
    eur('Reclamado: Pacote TV Fibra 150 canais (45,50 €). Motivo: serviço não contratado. Se reclamar até 23/11/2026, o pagamento desta parte fica suspenso até à decisão.'),
  )
  // Cancelar is focused: OK right away sends nothing.
  expect(page.focusedText()).toBe('Cancelar')
  page.press('Right', 'Enter', 'Enter')
  await flush()
  page.settle()
  expect(api.complainAboutInvoice).toHaveBeenCalledTimes(1)
  const [id, request] = api.complainAboutInvoice.mock.calls[0]!
  expect(id).toBe(invoice.id)
  expect(request).toMatchObject({ line: 0, reason: 'not-contracted' })
  expect(page.dialogTexts()).toEqual(
    expect.arrayContaining([
      'Reclamação registada',
      eur('Apresentada a 23/11/2026. Reclamado: Pacote TV Fibra 150 canais, 45,50 €. Motivo: serviço não contratado. O pagamento desta parte fica suspenso até à decisão, que deve chegar até 23/12/2026.'),
    ]),
  )
  page.press('Enter')
  expect(isShown(page.dialog)).toBe(false)
  expect(shownTexts(page.component.tag('Content.Payment')!)).toContain('Reclamação')
  expect(isShown(page.component.tag('Content.Complain')!)).toBe(false)
})

test('Back at any step closes the dialog with nothing sent; a failed try keeps the same key for the retry', async () => {
  const page = open(invoice)
  page.press('Enter', 'Back')
  expect(isShown(page.dialog)).toBe(false)
  expect(page.focused()).toBe(page.component)
  page.press('Enter', 'Enter', 'Enter', 'Back')
  expect(api.complainAboutInvoice).not.toHaveBeenCalled()

  api.complainAboutInvoice.mockRejectedValueOnce(new ApiError({ kind: 'bad-request', reason: 'O prazo para reclamar da fatura terminou a 03/12/2026.' }))
  api.complainAboutInvoice.mockResolvedValueOnce({
    data: { complaint: { filedOn: '2026-11-23', line: null, reason: 'wrong-amount', disputedCents: 8364, suspendsPayment: true, decisionBy: '2026-12-23', decidedOn: null }, replayed: false },
    fetchedAt: NOW,
  })
  page.press('Enter', 'Enter', 'Enter', 'Right', 'Enter')
  await flush()
  page.settle()
  expect(page.dialogTexts()).toEqual(expect.arrayContaining(['A reclamação não foi registada']))
  page.press('Enter')
  await flush()
  const keys = api.complainAboutInvoice.mock.calls.map(([, request]) => request.idempotencyKey)
  expect(keys).toHaveLength(2)
  expect(keys[1]).toBe(keys[0])
})

test('the Responsável de Faturação sees until when one can complain and who can, with no Reclamar', () => {
  const denied = { denied: true as const, reason: 'As faturas só podem ser reclamadas pelo Administrador ou Responsável Delegado da conta.', allowedProfiles: ['administrador' as const, 'responsavel-delegado' as const] }
  const page = open({ ...invoice, complainDenied: denied })
  expect(isShown(page.component.tag('Content.Complain')!)).toBe(false)
  expect(shownTexts(page.component.tag('Content.Payment')!)).toEqual(expect.arrayContaining(['Peça a: Administrador, Responsável Delegado.']))
})
