// The walking skeleton in a real browser: the built app and API, remote keys only,
// at 720p and 1080p. Screenshots land in test-results/e2e/.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openBox, startApi, startSession, type Resolution, type Session } from './harness'

let session: Session
beforeAll(async () => {
  session = await startSession()
})
afterAll(async () => {
  await session?.close()
})

describe.each<Resolution>(['720p', '1080p'])('at %s', (resolution) => {
  test('home → invoices → detail → back, with the keyboard as the remote', async () => {
    const box = await openBox(session, resolution, { scenario: 'overdue' })
    await box.waitForText('Olá, João Sousa')
    expect(await box.texts()).toContain('Em atraso há 12 dias')
    expect(await box.focusedTexts()).toContain('Faturas')
    await box.screenshot('home-overdue')

    await box.press('Enter')
    await box.waitForText('Últimos 12 meses')
    expect(await box.route()).toBe('invoices')
    // The most urgent first (issue 21, 10): the overdue October has focus, the newer November is above it.
    expect((await box.focusedTexts()).join(' ')).toMatch(/outubro de 2026 .*Em atraso/)
    await box.press('ArrowUp')
    expect((await box.focusedTexts()).join(' ')).toMatch(/novembro de 2026 70,35\s€ Por pagar/)
    await box.press('ArrowDown')
    expect((await box.focusedTexts()).join(' ')).toMatch(/outubro de 2026 .*Em atraso/)
    await box.screenshot('invoices-overdue')

    await box.press('Enter')
    await box.waitForText('Fatura em atraso: o que acontece')
    expect(await box.route()).toMatch(/^invoices\/[\w-]+$/)
    const detail = await box.texts()
    expect(detail).toContain('Multibanco')
    expect(detail).toContain('Entidade')
    expect(detail.some((text) => /^A partir de \d\d\/\d\d\/\d{4}: suspensão do serviço$/.test(text))).toBe(true)
    expect(detail).toContain('O serviço continua ativo.')
    await box.screenshot('invoice-detail-overdue')

    await box.press('Backspace')
    await box.waitForText('Últimos 12 meses')
    // Back returns to the row that was open, not to the top of the list.
    expect((await box.focusedTexts()).join(' ')).toMatch(/outubro de 2026/)
    await box.press('Escape')
    await box.waitForText('Olá, João Sousa')
    expect(await box.route()).toBe('home')
    expect(box.errors).toEqual([])
    await box.page.close()
  })
})

test('a healthy account has nothing to pay', async () => {
  const box = await openBox(session, '720p', { scenario: 'healthy' })
  await box.waitForText('Não há faturas por pagar.')
  await box.press('Enter')
  // The list is built when opened (lazy pages): OK before its data arrives has no row to open.
  await box.waitForText('Últimos 12 meses')
  await box.press('Enter')
  await box.waitForText('Fatura paga.')
  expect(box.errors).toEqual([])
  await box.page.close()
})

test('a new customer sees the first, partial-period invoice', async () => {
  const box = await openBox(session, '720p', { scenario: 'new-customer' })
  await box.waitForText('Olá,')
  // The list page is built when it is opened (Router lazyCreate): keys wait while it loads
  // (App.ignoreWhileLoading), so wait for the list before the second OK.
  await box.press('Enter')
  await box.waitForText('Últimos 12 meses')
  await box.press('Enter')
  await box.waitForText('Primeira fatura: período parcial desde a ativação.')
  await box.screenshot('invoice-detail-new-customer')
  expect(box.errors).toEqual([])
  await box.page.close()
})

test('the Utilizador profile is told who can see the invoices; OK tells who can give access and how', async () => {
  const box = await openBox(session, '720p', { scenario: 'restricted' })
  await box.waitForText('Sem acesso às faturas')
  const card = (await box.focusedTexts()).join(' ')
  expect(card).toMatch(/Administrador, Responsável Delegado ou Responsável de Faturação/)
  await box.screenshot('home-restricted')
  // OK on a refused card opens the whole reason and how to get access (issue 21, 8).
  await box.press('Enter')
  await box.waitForText('Como pedir acesso')
  expect(await box.route()).toBe('access/invoices')
  await box.screenshot('access-invoices')
  await box.press('Backspace')
  await box.waitForText('Sem acesso às faturas')
  expect(await box.route()).toBe('home')
  expect(box.errors).toEqual([])
  await box.page.close()
})

test('the Iris entry shows its breadcrumb; English is available', async () => {
  const box = await openBox(session, '720p', { scenario: 'overdue', entry: 'iris', lang: 'en', device: 'iris' })
  await box.waitForText('Apps › A minha conta › Gestão de conta')
  await box.waitForText('Invoices')
  await box.screenshot('home-iris-en')
  expect(box.errors).toEqual([])
  await box.page.close()
})

test('a bad launch parameter falls back visibly instead of blanking the screen', async () => {
  const box = await openBox(session, '720p', { scenario: 'overdue', device: 'toaster', lang: 'fr' })
  await box.waitForText('Parâmetro device=toaster inválido: a usar uma.')
  await box.waitForText('Parâmetro lang=fr inválido: a usar pt.')
  await box.waitForText('Olá, João Sousa')
  await box.screenshot('home-bad-parameters')
  await box.page.close()
})

test('an unknown demo scenario is named, and home explains the missing authorisation', async () => {
  const box = await openBox(session, '720p', { scenario: 'nobody' })
  await box.waitForText('Parâmetro scenario=nobody inválido')
  await box.waitForText('Esta box não está autorizada a ver a conta.')
  await box.page.close()
})

test('with the API down the page says so and offers a retry that works once it is back', async () => {
  const box = await openBox(session, '720p', { scenario: 'overdue', api: `http://127.0.0.1:${session.deadApiPort}` })
  await box.waitForText('Não foi possível carregar', 20_000)
  expect(await box.texts()).toContain('O serviço de conta não responde. Verifique a ligação da box à internet.')
  expect(await box.focusedTexts()).toContain('Tentar novamente')
  await box.screenshot('home-api-down')
  const api = await startApi(session.deadApiPort)
  try {
    await box.press('Enter')
    await box.waitForText('Olá, João Sousa', 20_000)
  } finally {
    await api.stop()
  }
  await box.page.close()
})

test('an unknown route is a real page with a way back', async () => {
  const box = await openBox(session, '720p', { scenario: 'overdue' })
  await box.waitForText('Olá, João Sousa')
  await box.page.evaluate(() => {
    location.hash = '#no/such/page'
  })
  await box.waitForText('Página não encontrada')
  await box.press('Enter')
  await box.waitForText('Olá, João Sousa')
  await box.page.close()
})

test('Back on home closes the app through the SDK', async () => {
  const box = await openBox(session, '720p', { scenario: 'healthy' })
  await box.waitForText('Olá,')
  await box.press('Backspace')
  expect(await box.page.evaluate(() => (window as { gestaoDeContaClosed?: boolean }).gestaoDeContaClosed)).toBe(true)
  await box.page.close()
})
