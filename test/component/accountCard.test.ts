// The account card on home: what it says for each state of the account glance, and where OK goes.
import { describe, expect, test } from 'vitest'
import type { AccountGlance, Overview } from '../../src/contract'
import { accountCard } from '../../src/app/home/text'
import { COLOR } from '../../src/app/kit/theme'
import { overview, paidOverview } from './fixtures'

const withGlance = (accountGlance: AccountGlance, viewer?: Overview['viewer']): Overview => ({
  ...(viewer ? overview(paidOverview.invoices, viewer) : paidOverview),
  accountGlance,
})
const lines = (spec: ReturnType<typeof accountCard>) => spec.lines.map((line) => line.text)

describe('home account card', () => {
  test('a commitment under way: its end and what is left, months then days; the points and what expires soon', () => {
    const spec = accountCard(withGlance({ registered: true, commitment: { endDate: '2027-12-31', monthsLeft: 13, daysLeft: 8 }, points: { balance: 2701, expiringSoon: 195 } }))
    expect(spec.route).toBe('account')
    expect(lines(spec)).toEqual(['Fidelização até 31/12/2027', 'Faltam 13 meses e 8 dias', '2701 pontos', '195 pontos expiram nos próximos 90 dias'])
    expect(spec.lines[3]!.color).toBe(COLOR.warning)
  })

  test('one month, or days only, read as such', () => {
    const left = (monthsLeft: number, daysLeft: number) =>
      lines(accountCard(withGlance({ registered: true, commitment: { endDate: '2027-01-31', monthsLeft, daysLeft }, points: { balance: 0, expiringSoon: 0 } })))[1]
    expect(left(1, 0)).toBe('Faltam 1 mês')
    expect(left(0, 20)).toBe('Faltam 20 dias')
    expect(left(1, 1)).toBe('Faltam 1 mês e 1 dia')
  })

  test('no commitment says so; a profile that may not see it is not told a number', () => {
    expect(lines(accountCard(withGlance({ registered: true, commitment: null, points: { balance: 10, expiringSoon: 0 } })))).toEqual(['Sem fidelização em curso', '10 pontos'])
    const denied = { denied: true as const, reason: 'Não.', allowedProfiles: ['administrador' as const] }
    const tecnico = accountCard(withGlance({ registered: true, commitment: denied, points: denied }, { name: 'Pedro', profile: 'responsavel-tecnico' }))
    expect(tecnico.route).toBe('account')
    expect(lines(tecnico)).toEqual(['Titular, contrato e serviços'])
  })

  test('not registered: OK opens the registration steps; a Utilizador is told why the account is not for them, OK tells who can give access', () => {
    const unregistered = accountCard(withGlance({ registered: false, commitment: null, points: { balance: 0, expiringSoon: 0 } }))
    expect(unregistered.route).toBe('registration')
    expect(lines(unregistered)[0]).toBe('Conta não registada na Área de Cliente')
    const utilizador = accountCard(withGlance({ registered: true, commitment: null, points: { balance: 0, expiringSoon: 0 } }, { name: 'Tiago', profile: 'utilizador' }))
    expect(utilizador.route).toBe('access/account')
    expect(lines(utilizador)).toEqual(['Sem acesso aos dados da conta', expect.stringMatching(/^Os dados da conta .* só podem ser vistos pelo Administrador/), 'OK para saber quem pode dar acesso'])
  })
})
