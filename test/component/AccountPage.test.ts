// account: what each access profile of seed 002 sees on the page, the commitment
// estimate and the points as the server computed them, focus moved with the remote,
// and the e-invoice switch from OK to the stored change: confirmation first, Back or
// Cancelar change nothing, a refused or failed write says why and keeps the old state.
// The page is fed the reference API's own answers (Fastify inject over the demo data
// seeded on 23/11/2026), and the switch writes to that same server.
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { bearer, type AccountPage as AccountData, type EInvoice, type Profile } from '../../src/contract'
import { ApiError, type Fetched } from '../../src/data/client'
import { AccountPage } from '../../src/app/account/AccountPage'
import type { ScrollPanel } from '../../src/app/kit/ScrollPanel'
import { provideServices } from '../../src/app/shell/services'
import { COLOR } from '../../src/app/kit/theme'
import { PROFILE_TOKENS, TOKENS, testServer, type TestServer } from '../unit/server/helpers'
import { elementWithText, eur, isShown, mount, shownTexts, spyRouter, textColor } from './helpers'

const NOW = new Date('2026-11-23T10:00:00Z')
/** The four profiles that may open the account page (a Utilizador gets 403, see the last test). */
const PROFILES = ['administrador', 'responsavel-delegado', 'responsavel-faturacao', 'responsavel-tecnico'] as const

let server: TestServer
const answers = {} as Record<(typeof PROFILES)[number] | 'healthy' | 'newCustomer', AccountData>

async function accountOf(token: string): Promise<{ status: number; body: unknown }> {
  const response = await server.app.inject({ method: 'GET', url: '/v1/account', headers: { authorization: bearer(token) } })
  return { status: response.statusCode, body: response.json() }
}

/** The write as the real client makes it, against the reference server, as the household's Administrador. */
async function putEInvoice(enabled: boolean, token: string = TOKENS.admin): Promise<Fetched<EInvoice>> {
  const response = await server.app.inject({ method: 'PUT', url: '/v1/account/einvoice', headers: { authorization: bearer(token) }, payload: { enabled } })
  if (response.statusCode !== 200) {
    const body = response.json() as { reason: string; allowedProfiles?: Profile[] }
    throw new ApiError({ kind: 'forbidden', reason: body.reason, allowedProfiles: body.allowedProfiles ?? [] })
  }
  return { data: response.json() as EInvoice, fetchedAt: NOW.getTime() }
}

const api = { setEInvoice: vi.fn<(enabled: boolean) => Promise<Fetched<EInvoice>>>() }
/** Lets every write the page started reach the server and its answer reach the page. */
async function flush(): Promise<void> {
  for (const result of api.setEInvoice.mock.results) await Promise.resolve(result.value).catch(() => undefined)
  await new Promise((resolve) => setTimeout(resolve, 0))
}

beforeAll(async () => {
  server = await testServer({ now: NOW })
  for (const profile of PROFILES) {
    const { status, body } = await accountOf(PROFILE_TOKENS[profile])
    expect(status).toBe(200)
    answers[profile] = body as AccountData
  }
  answers.healthy = (await accountOf(TOKENS.healthy)).body as AccountData
  answers.newCustomer = (await accountOf(TOKENS.newCustomer)).body as AccountData
}, 60_000)

afterAll(async () => {
  await server?.close()
})

beforeEach(async () => {
  spyRouter()
  api.setEInvoice.mockReset()
  api.setEInvoice.mockImplementation((enabled) => putEInvoice(enabled))
  provideServices({ launch: {} as never, launchProblems: [], api: api as never, version: 'test' })
  // The household starts every test as seeded: e-invoice on.
  await putEInvoice(true)
})

function open(data: AccountData) {
  const harness = mount(AccountPage)
  harness.component.result = { ok: true, data, fetchedAt: NOW.getTime() }
  harness.settle()
  const page = harness.component
  const texts = () => shownTexts(page)
  const dialogShown = () => isShown(page.tag('Dialog')!)
  const dialogTexts = () => shownTexts(page.dialog.tag('Panel')!)
  /** The focused element's texts: what the viewer sees highlighted. */
  const focusedTexts = () => shownTexts(harness.focused())
  return { ...harness, page, texts, dialogShown, dialogTexts, focusedTexts }
}

/** The value shown right of a label (the page lays label and value out as a pair). */
function valueOf(texts: string[], label: string): string | undefined {
  const index = texts.indexOf(label)
  return index < 0 ? undefined : texts[index + 1]
}

/** From the page's first focus, Right to the points and Down (past their scrolling) to the switch. */
function focusSwitch(harness: ReturnType<typeof open>): void {
  harness.press('Right')
  for (let i = 0; i < 10 && harness.focused() !== harness.page.tag('Content.EInvoice'); i++) harness.press('Down')
  expect(harness.focused()).toBe(harness.page.tag('Content.EInvoice'))
}

describe('what each access profile sees (seed 002)', () => {
  test.each(PROFILES)('%s: holder, contract and who is looking, always', (profile) => {
    const { texts } = open(answers[profile])
    const shown = texts()
    expect(shown[0]).toBe('A minha conta')
    expect(valueOf(shown, 'Titular')).toBe('Rui Manuel Rocha')
    // Only the masked NIF reaches the box, and the server vouched for its check digit.
    expect(valueOf(shown, 'NIF')).toBe('*****8596')
    expect(valueOf(shown, 'N.º de contrato')).toBe('4102365518')
    expect(shown).toContain('Morada de instalação: Rua Heróis de França 301, 2.º dto., 4450-158 Matosinhos')
    expect(valueOf(shown, 'Área de Cliente')).toBe('Registada')
    expect(shown).toContain('Rescisão do serviço de televisão')
    expect(shown).toContain('A box não faz rescisões: ligue 16990, vá a uma loja ou use a Área de Cliente.')
  })

  test('Administrador and Responsável Delegado see every section and may switch the e-invoice', () => {
    for (const [profile, viewer] of [
      ['administrador', 'Rui Rocha · Administrador'],
      ['responsavel-delegado', 'Inês Rocha · Responsável Delegado'],
    ] as const) {
      const shown = open(answers[profile]).texts()
      expect(valueOf(shown, 'Está a ver como')).toBe(viewer)
      expect(valueOf(shown, 'Televisão NOS')).toBe('Ativo')
      expect(valueOf(shown, 'UMA 4K (box principal)')).toBe('…0457')
      expect(valueOf(shown, 'Termina a')).toBe('31/12/2027')
      expect(valueOf(shown, 'Saldo')).toBe('2701')
      expect(shown).toContain('Fatura eletrónica: ativa')
      expect(shown).toContain('OK para mudar (pede confirmação).')
      expect(shown.join('\n')).not.toMatch(/só podem? ser vist/)
    }
  })

  test('Responsável de Faturação: financial data, and the services section says why it is hidden and whom to ask', () => {
    const { page, texts } = open(answers['responsavel-faturacao'])
    const shown = texts()
    expect(valueOf(shown, 'Está a ver como')).toBe('Lurdes Rocha · Responsável de Faturação')
    const reason = 'Os serviços e equipamentos da conta só podem ser vistos pelo Administrador, Responsável Delegado ou Responsável Técnico da conta.'
    expect(valueOf(shown, 'Serviços e equipamentos')).toBe(reason)
    expect(textColor(elementWithText(page, reason))).toBe(COLOR.warning)
    expect(shown).toContain('Peça a: Administrador, Responsável Delegado, Responsável Técnico.')
    expect(shown).not.toContain('Televisão NOS')
    expect(shown).not.toContain('Equipamentos')
    expect(valueOf(shown, 'Termina a')).toBe('31/12/2027')
    expect(valueOf(shown, 'Saldo')).toBe('2701')
    // Seed 002: "Pode consultar dados financeiros": the e-invoice's state, not the switch.
    expect(shown).toContain('Fatura eletrónica: ativa')
    expect(shown).toContain('Só o Administrador ou o Responsável Delegado podem mudar a fatura eletrónica.')
    expect(shown).not.toContain('OK para mudar (pede confirmação).')
  })

  test('Responsável Técnico: services and equipment; commitment and points say why not; the e-invoice only shows its state', async () => {
    const { page, texts, press, dialogShown, focused } = open(answers['responsavel-tecnico'])
    const shown = texts()
    expect(valueOf(shown, 'Está a ver como')).toBe('Pedro Rocha · Responsável Técnico')
    expect(valueOf(shown, 'Box adicional')).toBe('Ativo')
    expect(valueOf(shown, 'Router Wi-Fi 6 NOS')).toBe('…8812')
    expect(valueOf(shown, 'Fidelização')).toBe(
      'A fidelização e o valor a pagar numa rescisão antecipada só podem ser vistos pelo Administrador, Responsável Delegado ou Responsável de Faturação da conta.',
    )
    expect(valueOf(shown, 'Pontos')).toBe('Os pontos da conta só podem ser vistos pelo Administrador, Responsável Delegado ou Responsável de Faturação da conta.')
    expect(shown.filter((text) => text === 'Peça a: Administrador, Responsável Delegado, Responsável de Faturação.')).toHaveLength(2)
    expect(shown).not.toContain('Termina a')
    expect(shown).not.toContain('Saldo')
    expect(shown.some((text) => text.includes('€'))).toBe(false)
    // The state is shown; changing it is not offered, and OK asks nothing and writes nothing.
    expect(shown).toContain('Fatura eletrónica: ativa')
    expect(shown).toContain('Só o Administrador ou o Responsável Delegado podem mudar a fatura eletrónica.')
    expect(shown).not.toContain('OK para mudar (pede confirmação).')
    press('Right', 'Down')
    expect(focused()).toBe(page.tag('Content.EInvoice'))
    press('Enter')
    await flush()
    expect(dialogShown()).toBe(false)
    expect(api.setEInvoice).not.toHaveBeenCalled()
    expect(focused()).toBe(page.tag('Content.EInvoice'))
  })

  test('the Utilizador is refused by the server, with the reason and whom to ask (the page shows it in its error panel)', async () => {
    const { status, body } = await accountOf(PROFILE_TOKENS.utilizador)
    expect(status).toBe(403)
    expect(body).toMatchObject({
      reason: 'Os dados da conta (titular, NIF, contrato e morada) só podem ser vistos pelo Administrador, Responsável Delegado, Responsável de Faturação ou Responsável Técnico da conta.',
    })
    const harness = mount(AccountPage)
    const { reason, allowedProfiles } = body as { reason: string; allowedProfiles: Profile[] }
    harness.component.result = { ok: false, failure: { kind: 'forbidden', reason, allowedProfiles }, lastKnown: null }
    harness.settle()
    const shown = shownTexts(harness.component)
    expect(shown.some((text) => text.startsWith(reason) && text.includes('Peça a: Administrador, Responsável Delegado, Responsável de Faturação, Responsável Técnico.'))).toBe(true)
    expect(shownTexts(harness.focused())).toEqual(['Voltar'])
    expect(shown).toContain('Sem acesso')
    expect(shown).not.toContain('Tentar novamente')
  })
})

describe('commitment (seed 001 F.1.1), termination (seed 004 TV §8.2) and points (seed 003)', () => {
  test('the end date, months left and the early-termination estimate with each input of the formula', () => {
    const shown = open(answers.administrador).texts()
    expect(valueOf(shown, 'Termina a')).toBe('31/12/2027')
    expect(valueOf(shown, 'Em falta')).toBe('13 meses e 8 dias')
    expect(shown).toContain('Se pedisse hoje a rescisão, pagaria a vantagem ainda por recuperar:')
    expect(valueOf(shown, 'Vantagem total concedida')).toBe(eur('360,00 €'))
    expect(valueOf(shown, 'Período mínimo')).toBe('24 meses')
    // Counted from the day a termination asked today would take effect.
    expect(valueOf(shown, 'Em falta a 31/12/2026')).toBe('12 meses')
    expect(valueOf(shown, 'Valor estimado')).toBe(eur('180,00 €'))
    expect(shown).toContain(eur('360,00 € ÷ 24 meses × 12 meses = 180,00 €'))
    // After the minimum term (seed 004 TV §8.1).
    expect(shown).toContain('Depois de 31/12/2027, o contrato renova-se por períodos de 1 mês; para o terminar nessa data, avise com pelo menos 1 mês de antecedência.')
  })

  test('a commitment started mid-cycle: the month under way counts by its days in the estimate (seed 001 F.1.1, in proportion)', () => {
    const shown = open(answers.newCustomer).texts()
    expect(valueOf(shown, 'Em falta a 04/12/2026')).toBe('23 meses e 12 dias')
    expect(shown).toContain(eur('240,00 € ÷ 24 meses × 23 meses e 12 dias = 234,00 €'))
  })

  test('asked on 23/11, past the 10-day deadline of this cycle, a TV termination takes effect at the end of the next one', () => {
    const shown = open(answers.administrador).texts()
    expect(shown).toContain(
      'Se pedir hoje (23/11/2026), o serviço só termina a 31/12/2026, no fim do ciclo seguinte (faturado): o prazo deste ciclo acabou a 20/11/2026.',
    )
    expect(shown).toContain('O pedido tem de chegar pelo menos 10 dias antes do fim do ciclo de faturação.')
  })

  test('an account without a commitment says it can leave without an early-termination charge', () => {
    const { page, texts } = open(answers.healthy)
    expect(valueOf(texts(), 'Fidelização')).toBe('Sem fidelização: pode terminar o contrato sem encargos.')
    expect(textColor(elementWithText(page, /^Sem fidelização/))).toBe(COLOR.ok)
    expect(texts()).not.toContain('Valor estimado')
  })

  test('points: balance, what expires within 90 days and when, the exchanges, and the price of missing points', () => {
    const { page, texts } = open(answers.administrador)
    const shown = texts()
    expect(valueOf(shown, 'Saldo')).toBe('2701')
    for (const line of ['100 pontos expiram a 19/12/2026', '95 pontos expiram a 18/01/2027']) {
      expect(shown).toContain(line)
      expect(textColor(elementWithText(page, line))).toBe(COLOR.warning)
    }
    expect(shown).toContain('Os pontos valem 3 anos desde que são atribuídos (1 ponto por cada euro pago).')
    // 18 months since the last equipment exchange, and no commitment in force (seed 003 §4, §6).
    expect(shown).toContain('Troca por equipamento ainda não: só a partir de 29/03/2027; a conta está em período de fidelização.')
    expect(shown).toContain('Pode trocar pontos por um acessório agora.')
    expect(shown).toContain('Trocar pontos por um equipamento obriga a ficar 18 meses no tarifário em que está.')
    expect(textColor(elementWithText(page, 'Pode trocar pontos por um acessório agora.'))).toBe(COLOR.ok)
    expect(shown).toContain(eur('Pontos em falta podem ser comprados a 0,271 € cada.'))
    expect(shown).toContain('Comando de voz para a box: 1500 pontos (tem pontos suficientes)')
    // 1 799 points × 0,271 € = 487,529 €.
    expect(shown).toContain(eur('Router Wi-Fi 6 Mesh: 4500 pontos; faltam 1799, que custam 487,53 €'))
  })
})

describe('focus with the remote', () => {
  // Issue 21 (3): text panels never take focus; the switch, the one action, has it from the start.
  test('the switch has focus; Down scrolls the details by whole rows, Right chooses the points, Left the details', () => {
    const { page, press, focused } = open(answers.administrador)
    const details = page.tag('Content.Details')!
    const points = page.tag('Content.Points')!
    expect(focused()).toBe(page.tag('Content.EInvoice'))
    const y = (panel: ScrollPanel) => panel.tag('Viewport.Content')!.y
    press('Down')
    expect(focused()).toBe(page.tag('Content.EInvoice'))
    expect(y(details)).toBeLessThan(0)
    press('Up')
    expect(y(details)).toBe(0)
    press('Right')
    expect(focused()).toBe(page.tag('Content.EInvoice'))
    // The points are longer than their panel: Down scrolls them, the details stay.
    press('Down')
    expect(y(points)).toBeLessThan(0)
    expect(y(details)).toBe(0)
    press('Left', 'Down')
    expect(y(details)).toBeLessThan(0)
  })
})

describe('the e-invoice switch (fatura eletrónica)', () => {
  test('OK asks first with Cancelar focused; Sim writes off to the server, the switch shows it, OK again turns it back on', async () => {
    const harness = open(answers.administrador)
    const { page, press, texts, dialogShown, dialogTexts, focusedTexts, focused } = harness
    focusSwitch(harness)
    expect(focusedTexts()).toEqual(['Fatura eletrónica: ativa'])

    press('Enter')
    expect(dialogShown()).toBe(true)
    expect(dialogTexts()).toEqual([
      'Fatura eletrónica',
      'Desativar a fatura eletrónica? Passa a receber a fatura em papel, pelo correio.',
      'Cancelar',
      'Sim, desativar',
    ])
    expect(focusedTexts()).toEqual(['Cancelar'])
    // A modal: Up and Down do not reach the page behind it.
    press('Up', 'Down')
    expect(focusedTexts()).toEqual(['Cancelar'])
    press('Right')
    expect(focusedTexts()).toEqual(['Sim, desativar'])
    expect(api.setEInvoice).not.toHaveBeenCalled()

    press('Enter')
    expect(api.setEInvoice).toHaveBeenCalledTimes(1)
    expect(api.setEInvoice).toHaveBeenCalledWith(false)
    expect(dialogTexts()[1]).toBe('A guardar…')
    // A second OK while the answer is awaited sends nothing more.
    press('Enter')
    expect(api.setEInvoice).toHaveBeenCalledTimes(1)
    await flush()
    expect(dialogShown()).toBe(false)
    expect(focused()).toBe(page.tag('Content.EInvoice'))
    expect(focusedTexts()).toEqual(['Fatura eletrónica: desativada'])
    expect(texts()).toContain('Fatura eletrónica desativada.')
    // Stored on the server: the account page now says so to everyone.
    expect(((await accountOf(TOKENS.admin)).body as AccountData).einvoice).toEqual({ enabled: false, canChange: true })
    expect(((await accountOf(TOKENS.delegado)).body as AccountData).einvoice.enabled).toBe(false)

    press('Enter')
    expect(dialogTexts()).toEqual([
      'Fatura eletrónica',
      'Ativar a fatura eletrónica? Deixa de receber a fatura em papel; recebe-a por e-mail e na Área de Cliente.',
      'Cancelar',
      'Sim, ativar',
    ])
    expect(focusedTexts()).toEqual(['Cancelar'])
    press('Right', 'Enter')
    expect(api.setEInvoice).toHaveBeenLastCalledWith(true)
    await flush()
    expect(focusedTexts()).toEqual(['Fatura eletrónica: ativa'])
    expect(texts()).toContain('Fatura eletrónica ativada.')
    expect(((await accountOf(TOKENS.admin)).body as AccountData).einvoice.enabled).toBe(true)
  })

  test('Back in the dialog, or OK on Cancelar, closes it and changes nothing; focus returns to the switch', async () => {
    const harness = open(answers['responsavel-delegado'])
    const { page, press, texts, dialogShown, focusedTexts } = harness
    focusSwitch(harness)
    press('Enter', 'Right')
    expect(focusedTexts()).toEqual(['Sim, desativar'])
    press('Back')
    expect(dialogShown()).toBe(false)
    expect(focusedTexts()).toEqual(['Fatura eletrónica: ativa'])
    press('Enter')
    expect(focusedTexts()).toEqual(['Cancelar'])
    press('Enter')
    expect(dialogShown()).toBe(false)
    expect(harness.focused()).toBe(page.tag('Content.EInvoice'))
    await flush()
    expect(api.setEInvoice).not.toHaveBeenCalled()
    expect(texts()).toContain('Fatura eletrónica: ativa')
    expect(texts()).toContain('OK para mudar (pede confirmação).')
    expect(((await accountOf(TOKENS.admin)).body as AccountData).einvoice.enabled).toBe(true)
  })

  test('a refused write says why and whom to ask; the switch keeps its state', async () => {
    // The viewer lost the profile since the page was opened: the server refuses (403).
    api.setEInvoice.mockImplementation((enabled) => putEInvoice(enabled, TOKENS.tecnico))
    const harness = open(answers.administrador)
    const { press, texts, dialogShown, dialogTexts, focusedTexts } = harness
    focusSwitch(harness)
    press('Enter', 'Right', 'Enter')
    expect(api.setEInvoice).toHaveBeenCalledWith(false)
    await flush()
    expect(dialogShown()).toBe(true)
    expect(dialogTexts()).toEqual([
      'Não foi possível mudar.',
      'A fatura eletrónica só pode ser ativada ou desativada pelo Administrador ou Responsável Delegado da conta. ' +
        'Peça a: Administrador, Responsável Delegado. A fatura eletrónica continua ativa.',
      'Cancelar',
      'Tentar novamente',
    ])
    expect(focusedTexts()).toEqual(['Tentar novamente'])
    expect(texts()).toContain('Fatura eletrónica: ativa')
    press('Back')
    expect(dialogShown()).toBe(false)
    expect(focusedTexts()).toEqual(['Fatura eletrónica: ativa'])
    expect(((await accountOf(TOKENS.admin)).body as AccountData).einvoice.enabled).toBe(true)
  })

  test('the API down: the dialog says so, keeps the old state, and Tentar novamente writes once the API answers', async () => {
    api.setEInvoice.mockRejectedValueOnce(new ApiError({ kind: 'network' }))
    const harness = open(answers.administrador)
    const { press, texts, dialogShown, dialogTexts, focusedTexts } = harness
    focusSwitch(harness)
    press('Enter', 'Right', 'Enter')
    await flush()
    expect(dialogTexts()).toEqual([
      'Não foi possível mudar.',
      'O serviço de conta não responde. Verifique a ligação da box à internet. A fatura eletrónica continua ativa.',
      'Cancelar',
      'Tentar novamente',
    ])
    expect(texts()).toContain('Fatura eletrónica: ativa')
    expect(focusedTexts()).toEqual(['Tentar novamente'])
    press('Enter')
    expect(api.setEInvoice).toHaveBeenCalledTimes(2)
    expect(api.setEInvoice).toHaveBeenLastCalledWith(false)
    await flush()
    expect(dialogShown()).toBe(false)
    expect(focusedTexts()).toEqual(['Fatura eletrónica: desativada'])
    // Opened again, the dialog asks its question afresh, without the old failure.
    press('Enter')
    expect(dialogTexts()).toEqual([
      'Fatura eletrónica',
      'Ativar a fatura eletrónica? Deixa de receber a fatura em papel; recebe-a por e-mail e na Área de Cliente.',
      'Cancelar',
      'Sim, ativar',
    ])
  })
})

describe('right of withdrawal (seed 004 general §6.1–6.5), from the server\'s answer on 23/11/2026', () => {
  test('the new customer, 8 days into a distance contract: until when, what withdrawing pays, and the refund day', () => {
    const shown = open(answers.newCustomer).texts()
    expect(shown).toContain('Direito de livre resolução')
    expect(shown).toContain('Contrato feito à distância: pode desistir dele até 29/11/2026, 14 dias depois de o fazer (15/11/2026), sem pagar a fidelização.')
    expect(shown).toContain('Faltam 6 dias.')
    // 17–23 November: 7 of the 30 days of the cycle month at 63,97 € a month.
    expect(valueOf(shown, 'Se desistir hoje, paga só o serviço já prestado')).toBe(eur('14,93 €'))
    expect(shown).toContain('A devolução do que pagou a mais e a entrega do equipamento fazem-se até 07/12/2026 (14 dias).')
  })

  test('a shop contract has no such right: nothing is said about it (the Técnico, who may not see it, reads why under Fidelização)', () => {
    expect(open(answers.healthy).texts()).not.toContain('Direito de livre resolução')
    expect(open(answers.administrador).texts()).not.toContain('Direito de livre resolução')
    expect(answers['responsavel-tecnico'].withdrawal).toMatchObject({ denied: true })
    expect(open(answers['responsavel-tecnico']).texts()).not.toContain('Direito de livre resolução')
  })
})
