// The account section in a real browser: an unregistered account is led to register
// on a phone (QR code and the steps of seed 000) and can check again; the account page
// shows the commitment estimate with its inputs, and the e-invoice switch, turned off
// and on again with the remote at 720p, asks first and stays as set on the server.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { type Box, focusCard, openBox, type Session, startSession } from './harness'

let session: Session
beforeAll(async () => {
  session = await startSession()
})
afterAll(async () => {
  await session?.close()
})

test('an unregistered account shows a QR code and the steps, and checks again on demand', async () => {
  const box = await openBox(session, '1080p', { scenario: 'unregistered' })
  await box.waitForText('Olá, Conceição Lopes')
  expect(await focusCard(box, 'Conta')).toMatch(/Conta não registada na Área de Cliente/)
  await box.press('Enter')
  await box.waitForText('Registe a conta na Área de Cliente')
  expect(await box.route()).toBe('registration')
  const texts = await box.texts()
  expect(texts).toContain('1. escolha «Quero registar-me»;')
  expect(texts).toContain('6. abra o e-mail que recebeu e carregue no link para terminar.')
  expect(texts).toContain('Aponte a câmara do telemóvel para o código.')
  expect(texts.some((text) => /^Box adicional \(quarto\): a ativação pode demorar até 48 horas desde a aceitação e a instalação; fica a funcionar e visível até \d\d\/\d\d\/\d{4}\.$/.test(text))).toBe(true)
  expect(await box.focusedTexts()).toEqual(['Verificar de novo'])
  await box.screenshot('registration-unregistered')
  await box.press('Enter')
  await box.waitForText(/Ainda não está registada \(verificado às \d\d:\d\d\)\./)
  expect(await box.focusedTexts()).toEqual(['Verificar de novo'])
  await box.press('Backspace')
  await box.waitForText('Olá, Conceição Lopes')
  expect(box.errors).toEqual([])
  await box.page.close()
})

/** The account page as the API answers it to a demo account's token. */
async function einvoiceOnServer(scenario: string): Promise<{ enabled: boolean; canChange: boolean }> {
  const scenarios = (await (await fetch(`${session.api.url}/v1/demo/scenarios`)).json()) as { items: { id: string; token: string }[] }
  const token = scenarios.items.find((item) => item.id === scenario)?.token
  const answer = await fetch(`${session.api.url}/v1/account`, { headers: { authorization: `Bearer ${token}` } })
  expect(answer.status).toBe(200)
  return ((await answer.json()) as { einvoice: { enabled: boolean; canChange: boolean } }).einvoice
}

/** From the account page's first focus: Right to the points, Down (past their scrolling) to the e-invoice switch. */
async function focusEInvoice(box: Box): Promise<string> {
  await box.press('ArrowRight')
  for (let i = 0; i < 10; i++) {
    const focused = (await box.focusedTexts()).join(' ')
    if (focused.startsWith('Fatura eletrónica')) return focused
    await box.press('ArrowDown')
  }
  return (await box.focusedTexts()).join(' ')
}

test('at 720p the e-invoice is turned off and on with the remote, after a confirmation, and stays so on the server', async () => {
  expect(await einvoiceOnServer('admin')).toEqual({ enabled: true, canChange: true })
  const box = await openBox(session, '720p', { scenario: 'admin' })
  await box.waitForText('Olá, Rui Rocha')
  expect(await focusCard(box, 'Conta')).toMatch(/^Conta Fidelização até/)
  await box.press('Enter')
  await box.waitForText('Fatura eletrónica: ativa')
  expect(await box.route()).toBe('account')
  expect(await box.texts()).toContain('Rui Rocha · Administrador')
  expect(await focusEInvoice(box)).toBe('Fatura eletrónica: ativa')

  // Off: OK asks first, with Cancelar focused; Right to "Sim, desativar", OK.
  await box.press('Enter')
  await box.waitForText('Desativar a fatura eletrónica?')
  expect(await box.focusedTexts()).toEqual(['Cancelar'])
  await box.screenshot('account-einvoice-confirm')
  await box.press('ArrowRight')
  expect(await box.focusedTexts()).toEqual(['Sim, desativar'])
  await box.press('Enter')
  await box.waitForText('Fatura eletrónica desativada.')
  expect(await box.focusedTexts()).toEqual(['Fatura eletrónica: desativada'])
  expect(await box.texts()).not.toContain('Desativar a fatura eletrónica? Passa a receber a fatura em papel, pelo correio.')
  expect(await einvoiceOnServer('admin')).toEqual({ enabled: false, canChange: true })

  // Reloaded (the box restarted on this page), the switch reads what the server stored.
  await box.page.reload()
  await box.waitForText('Fatura eletrónica: desativada')
  expect(await box.route()).toBe('account')

  // On again, from the reloaded page, with the remote only.
  expect(await focusEInvoice(box)).toBe('Fatura eletrónica: desativada')
  await box.press('Enter')
  await box.waitForText('Ativar a fatura eletrónica?')
  expect(await box.focusedTexts()).toEqual(['Cancelar'])
  await box.press('ArrowRight', 'Enter')
  await box.waitForText('Fatura eletrónica ativada.')
  expect(await box.focusedTexts()).toEqual(['Fatura eletrónica: ativa'])
  expect(await einvoiceOnServer('admin')).toEqual({ enabled: true, canChange: true })
  await box.screenshot('account-einvoice-on')
  expect(box.errors).toEqual([])
  await box.page.close()
})

test('at 1080p a write the API never receives says why, keeps the switch as it was, and Tentar novamente succeeds once it gets through', async () => {
  const box = await openBox(session, '1080p', { scenario: 'delegado' })
  await box.waitForText('Olá, Inês Rocha')
  await focusCard(box, 'Conta')
  await box.press('Enter')
  await box.waitForText('Fatura eletrónica: ativa')
  expect(await focusEInvoice(box)).toBe('Fatura eletrónica: ativa')
  // The connection drops on the way to the API: the box never gets an answer.
  await box.page.route('**/v1/account/einvoice', (route) => route.abort('connectionrefused'))
  await box.press('Enter', 'ArrowRight', 'Enter')
  await box.waitForText('Não foi possível mudar.')
  const texts = await box.texts()
  expect(texts).toContain('O serviço de conta não responde. Verifique a ligação da box à internet. A fatura eletrónica continua ativa.')
  expect(texts).toContain('Fatura eletrónica: ativa')
  expect(await box.focusedTexts()).toEqual(['Tentar novamente'])
  await box.screenshot('account-einvoice-failed')
  expect(await einvoiceOnServer('delegado')).toEqual({ enabled: true, canChange: true })

  await box.page.unroute('**/v1/account/einvoice')
  await box.press('Enter')
  await box.waitForText('Fatura eletrónica desativada.')
  expect(await box.focusedTexts()).toEqual(['Fatura eletrónica: desativada'])
  expect(await einvoiceOnServer('delegado')).toEqual({ enabled: false, canChange: true })
  // Leave the household as it was seeded for the other tests of this file.
  await box.press('Enter', 'ArrowRight', 'Enter')
  await box.waitForText('Fatura eletrónica ativada.')
  expect(box.errors.filter((error) => !error.includes('net::ERR_CONNECTION_REFUSED') && !error.includes('Failed to load resource'))).toEqual([])
  await box.page.close()
})
