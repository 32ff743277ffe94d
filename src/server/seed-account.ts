// Demo data of the account section: the other access profiles of seed 002 watching
// the `admin` scenario's account (one household, several people with their own
// profile), so each profile has its own scenario and token.
import type { Profile } from '../contract'
import type { Transaction } from 'kysely'
import type { Database } from './db'

/** The household of the `admin` scenario. */
export const FAMILY_ACCOUNT_ID = 'acc-4102365518'

interface ViewerScenario {
  id: string
  description: string
  token: string
  accountId: string
  viewer: { name: string; profile: Profile }
}

const VIEWER_SCENARIOS: ViewerScenario[] = [
  {
    id: 'delegado',
    description: 'Perfil Responsável Delegado na conta da família Rocha: vê e gere tudo, como o Administrador.',
    token: 'demo-delegado-0009',
    accountId: FAMILY_ACCOUNT_ID,
    viewer: { name: 'Inês Rocha', profile: 'responsavel-delegado' },
  },
  {
    id: 'faturacao',
    description: 'Perfil Responsável de Faturação na conta da família Rocha: faturas, fidelização, pontos e fatura eletrónica; não vê serviços nem equipamentos.',
    token: 'demo-faturacao-0010',
    accountId: FAMILY_ACCOUNT_ID,
    viewer: { name: 'Lurdes Rocha', profile: 'responsavel-faturacao' },
  },
  {
    id: 'tecnico',
    description: 'Perfil Responsável Técnico na conta da família Rocha: serviços e equipamentos; as faturas e os valores são recusados com o motivo.',
    token: 'demo-tecnico-0011',
    accountId: FAMILY_ACCOUNT_ID,
    viewer: { name: 'Pedro Rocha', profile: 'responsavel-tecnico' },
  },
]

/** Seeds the account section's demo data; `firstPosition` orders its scenarios after seed.ts's. */
export async function seedAccountSection(trx: Transaction<Database>, _today: string, firstPosition: number): Promise<void> {
  for (const [index, scenario] of VIEWER_SCENARIOS.entries()) {
    await trx
      .insertInto('device_token')
      .values({ token: scenario.token, account_id: scenario.accountId, viewer_name: scenario.viewer.name, viewer_profile: scenario.viewer.profile })
      .execute()
    await trx
      .insertInto('demo_scenario')
      .values({ id: scenario.id, position: firstPosition + index, description: scenario.description, token: scenario.token })
      .execute()
  }
}
