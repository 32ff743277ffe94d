// Issue 21 (8): a refused section is not a dead end. Its home card says how it starts
// and that OK tells more; OK opens the whole reason, who may see the section and what
// each profile does (seed 002), how the Administrador gives access (seed 002's steps)
// and how to register in the Área de Cliente (seed 000); Back returns to the card.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { HomeCard } from '../../src/app/home/HomeCard'
import { testServer, type TestServer } from '../unit/server/helpers'
import { shownTexts } from './helpers'
import { startShell } from './shell'

let server: TestServer
beforeAll(async () => {
  server = await testServer()
})
afterAll(() => server.close())

test('restricted (Utilizador): OK on the refused invoices card opens who can give access and how; Back returns to the card', { timeout: 60_000 }, async () => {
  const app = startShell(server, 'demo-restricted-0004')
  const focusedCard = () => (app.focused() instanceof HomeCard ? app.focused().ref : null)
  await app.until('home', () => app.onHome() && focusedCard() === 'Invoices')
  expect(shownTexts(app.focused())).toContain('OK para saber quem pode dar acesso')

  app.press('Enter')
  await app.until('the refusal in full', () => app.route() === 'access/invoices' && shownTexts(app.app).includes('Como pedir acesso'))
  const texts = shownTexts(app.app)
  expect(texts).toContain('Sem acesso às faturas')
  // The whole reason, including the part the card cut: who may see the invoices.
  expect(texts).toContain('As faturas só podem ser vistas pelo Administrador, Responsável Delegado ou Responsável de Faturação da conta.')
  expect(texts).toContain('O seu perfil é Utilizador: pode consultar e gerir apenas o serviço que lhe foi atribuído.')
  expect(texts).toContain('Responsável de Faturação: pode consultar dados financeiros (faturas, referências e valores).')
  expect(texts).toContain('3. carrega em «Gerir Utilizadores»;')
  expect(texts).toContain('4. escolhe «Adicionar Utilizador»;')
  expect(texts).toContain('1. escolha «Quero registar-me»;')

  app.settle()
  app.press('Back')
  await app.until('home again', () => app.onHome() && focusedCard() !== null)
  expect(focusedCard()).toBe('Invoices')
})
