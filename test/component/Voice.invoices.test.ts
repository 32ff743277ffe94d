// Voice guidance (voice=1) through the invoice flow, heard through a recording speech
// engine: home → invoices → an invoice → Back, then the repeat and read-the-screen keys.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { Voice, type SpeechEngine } from '../../src/platform/speech'
import { testServer, type TestServer } from '../unit/server/helpers'
import { startShell } from './shell'

let server: TestServer
beforeAll(async () => {
  server = await testServer()
})
afterAll(() => server.close())

/** Says each phrase at once and keeps it. */
function recordingEngine() {
  const engine = {
    said: [] as string[],
    speak: async (text: string) => {
      engine.said.push(text)
    },
    cancel: () => {},
  } satisfies SpeechEngine & { said: string[] }
  return engine
}

test('home → invoices → an invoice → Back, as heard', { timeout: 60_000 }, async () => {
  const engine = recordingEngine()
  const app = startShell(server, 'demo-overdue-0002', undefined, new Voice(engine))
  const heard = (what: string, phrase: string) => app.until(what, () => engine.said.some((said) => said.startsWith(phrase)))
  const log: string[][] = []
  const step = async (what: string, phrase: string) => {
    await heard(what, phrase)
    app.settle(0.6)
    await new Promise((resolve) => setTimeout(resolve, 600))
    log.push([...engine.said])
    engine.said.length = 0
  }
  await step('home', 'Faturas')
  app.press('Enter')
  await step('invoices', 'Faturas')
  app.press('Up')
  await step('the newer invoice', 'Fatura')
  app.press('Enter')
  await step('an invoice', 'Fatura')
  app.press('Right')
  await step('how to pay', 'Pag')
  app.press('Green')
  await step('repeat', 'Pag')
  app.press('Info')
  await step('the whole screen', 'Fatura')
  app.press('Back')
  await step('back on the list', 'Faturas')

  const multibanco =
    'Pagamento por Multibanco. Entidade: nove zero um cinco zero. Referência: seis dois sete, um zero zero, um sete zero. Montante: setenta e três euros e vinte e cinco cêntimos.'
  const february = 'Fatura de fevereiro de dois mil e vinte e seis, setenta e um euros e sessenta e seis cêntimos, Em atraso'
  const march = 'Fatura de março de dois mil e vinte e seis, setenta e três euros e vinte e cinco cêntimos, Por pagar'
  const invoice = [
    'Fatura FT 2026/1271001',
    'setenta e três euros e vinte e cinco cêntimos, Por pagar, a pagar até um de abril de dois mil e vinte e seis.',
    'Pacote base NOS 3P (TV, Internet 500 Mbps, Voz), cinquenta e sete euros e sessenta e um cêntimos',
    'Aluguer de equipamento: router Wi-Fi 6, dois euros e quarenta e três cêntimos',
    'Total com IVA, setenta e três euros e vinte e cinco cêntimos.',
  ]
  expect(log).toEqual([
    // Home: the greeting, then the focused card, its amount in words.
    ['Olá, João Sousa', 'Faturas', 'setenta e um euros e sessenta e seis cêntimos', 'Em atraso há 12 dias', '2 faturas por pagar: cento e quarenta e quatro euros e noventa e um cêntimos ao todo'],
    // The list: title and main fact, the focused invoice (the overdue one, the most urgent) and where it is among the account's 26 (read in pages, issue 20).
    ['Faturas', 'duas faturas por pagar, cento e quarenta e quatro euros e noventa e um cêntimos.', february, 'dois de vinte e seis'],
    // Up: only what changed, cutting what was being said.
    [march, 'um de vinte e seis'],
    invoice,
    [multibanco],
    [multibanco],
    [`${invoice.map((phrase) => (phrase.endsWith('.') ? phrase : `${phrase}.`)).join(' ')} ${multibanco}`],
    ['Faturas', 'duas faturas por pagar, cento e quarenta e quatro euros e noventa e um cêntimos.', march, 'um de vinte e seis'],
  ])
})

