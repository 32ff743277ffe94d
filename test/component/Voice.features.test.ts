// Voice guidance (voice=1) in notices, recordings, premium, account and the installer, heard
// through a recording engine: what each page says on arrival and what a focused row says, with
// amounts, dates, percentages and hours in words (issue 18; the words: each feature's text.ts).
import { Router } from '@lightningjs/sdk'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { testServer, type TestServer } from '../unit/server/helpers'
import { startListening } from './shell'

let server: TestServer
beforeAll(async () => {
  server = await testServer()
})
afterAll(() => server.close())

test('each section as heard', { timeout: 120_000 }, async () => {
  const { app, heardAfter } = startListening(server, 'demo-healthy-0001')
  const log: Record<string, string[]> = {}
  await heardAfter('home', () => app.onHome())
  for (const [name, hash, keys] of [
    ['notices', 'notices', []],
    ['notices down', 'notices', ['Down']],
    ['notice', 'notices/', ['Enter']],
    ['recordings', 'recordings', []],
    ['recordings down', 'recordings', ['Down']],
    ['premium', 'premium', []],
    ['premium down', 'premium', ['Down']],
    ['product', 'premium/', ['Enter']],
    ['summary', 'premium/', ['Enter']],
    ['pin', 'premium/', ['Enter']],
    ['account', 'account', []],
    ['account info', 'account', ['Info']],
    ['installer', 'installer', []],
  ] as const) {
    if (keys.length) app.press(...keys)
    else Router.navigate(hash)
    log[name] = await heardAfter(name, () => app.route().startsWith(hash))
    if (name === 'pin') {
      app.digit(7)
      app.digit(9)
      log['pin digits'] = await heardAfter('two digits typed', () => true)
    }
  }
  const year = 'de dois mil e vinte e seis'
  // Both notices were announced on the same day and took effect on the same day: the list orders them by id.
  // The kind is not said twice when it is the title.
  expect(log.notices).toEqual(['Avisos', 'Não há avisos por ler.', `Atualização anual de preços. Em vigor desde um de março ${year}`, 'um de três'])
  expect(log['notices down']).toEqual([
    `SIC Notícias muda de posição. Canal muda de posição. SIC Notícias muda da posição 8 para a posição 6. Em vigor desde um de março ${year}`,
    'dois de três',
  ])
  // The notice: title, its kind, then the panel the arrows move, dates in words.
  expect(log.notice.slice(0, 3)).toEqual(['SIC Notícias muda de posição', 'Canal muda de posição', 'O que muda'])
  expect(log.notice.slice(-2)).toEqual([`Está em vigor desde um de março ${year}.`, `Aviso enviado a vinte e cinco de janeiro ${year}.`])
  // Recordings: the quota in hours and percent, then the first to be deleted, its time in Lisbon and its length.
  expect(log.recordings).toEqual([
    'Gravações',
    'sessenta e seis horas e trinta e seis minutos de cento e vinte horas usadas (cinquenta e cinco por cento)',
    'Livre: cinquenta e três horas e vinte e quatro minutos',
    'Jornal da Noite. SIC, oito de dezembro, às vinte e uma horas e cinquenta minutos, uma hora e quinze minutos. Disponível até vinte e três de março. Vista setenta por cento',
    'um de quarenta e dois',
  ])
  expect(log['recordings down'].at(-1)).toBe('dois de quarenta e dois')
  expect(log.premium).toEqual([
    'Serviços Premium',
    'Subscreve: Sport TV.',
    'Sport TV. vinte e nove euros e noventa e nove cêntimos por mês. Subscrito, Ativo, sem período mínimo por cumprir',
    'um de sete',
  ])
  expect(log['premium down']).toEqual(['TVCine. catorze euros e noventa e nove cêntimos por mês. TVCine Top, TVCine Edition, TVCine Emotion, TVCine Action', 'dois de sete'])
  expect(log.product).toEqual(['TVCine', 'catorze euros e noventa e nove cêntimos por mês', 'Antes do PIN vê o resumo: nada muda até introduzir o PIN.', 'Subscrever'])
  expect(log.summary).toEqual([
    'Subscrever TVCine?',
    'Preço: catorze euros e noventa e nove cêntimos por mês, IVA incluído.',
    'Duração: mensal, renova-se todos os meses até cancelar.',
    `Período mínimo: 30 dias, até catorze de abril ${year}. Se cancelar antes, paga até essa data.`,
    `Primeira cobrança: dezasseis euros e sessenta e um cêntimos, na fatura de dezanove de março ${year}.`,
    'Continuar para o PIN',
  ])
  expect(log.pin[1]).toBe(`Subscrever TVCine: catorze euros e noventa e nove cêntimos por mês, período mínimo até catorze de abril ${year}.`)
  // The PIN: how many digits, never which (7 and 9 were typed).
  expect(log['pin digits']).toEqual(['dois de quatro algarismos introduzidos'])
  expect(log.account.slice(0, 3)).toEqual(['A minha conta', 'Maria Fernandes Costa', 'Sem fidelização: pode terminar o contrato sem encargos.'])
  // Info reads both panels, amounts and dates in words.
  const screen = log['account info'].join(' ')
  expect(screen).toContain(`Se pedir hoje (dezasseis de março ${year}), o serviço só termina a dezoito de abril ${year}`)
  expect(screen).toContain('Pontos em falta podem ser comprados a vinte e sete vírgula um cêntimos cada.')
  expect(screen).toContain('que custam seiscentos e vinte e quatro euros e trinta e oito cêntimos')
  expect(log.installer).toEqual(['Modo instalador', 'Box: Associada, perfil Administrador', expect.stringMatching(/^Ligação: Acessível, \d+ ms$/), 'Medir de novo'])
  // Nowhere an amount, a date, a percentage or hours as figures (server-written notice details aside).
  const figures = /\d+,\d\d\s?€|\d\d\/\d\d|\d\s?%|\d h\b/
  const heard = Object.entries(log).flatMap(([name, lines]) => (name === 'notice' ? [] : lines))
  expect(heard.filter((line) => figures.test(line))).toEqual([])
})
