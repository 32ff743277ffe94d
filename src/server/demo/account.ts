// Demo data of the account section (seed 001, seed 003): each account's address, e-invoice,
// commitment, equipment and points history. The household of the `admin` scenario, whose
// other viewers are scenarios of their own in scenarios.json, has the fullest one.
import type { Transaction } from 'kysely'
import type { ContractChannel } from '../../domain/account'
import { addDays, addMonths } from '../../domain/dates'
import { invoiceAmounts } from '../../domain/money'
import type { AccountContractTable, AccountEquipmentTable, Database } from '../store/db'
import { DEMO, isAccountScenario, product } from './scenario'

interface ContractFacts {
  address: string
  registered?: boolean
  einvoice?: boolean
  /** Commitment: months before the current cycle's start it began, its length and the advantage granted. */
  commitment?: { startedMonthsAgo: number; months: number; advantageCents: number }
  /** Days before the seeding day of the last points exchanges (seed 003 §6, §18). */
  lastEquipmentExchangeDaysAgo?: number
  lastAccessoryExchangeDaysAgo?: number
  equipment: Omit<AccountEquipmentTable, 'account_id' | 'position'>[]
  /** Points awarded before the invoice history, days before the seeding day (valid 3 years, seed 003 §7). */
  olderAwards?: { daysAgo: number; points: number }[]
  /** A contract made away from a shop, days before the seeding day (004 general §6.1); absent: made in a shop the day of activation. */
  sale?: { channel: Exclude<ContractChannel, 'shop'>; concludedDaysAgo: number }
}

const UMA = { kind: 'box', model: 'UMA 4K (box principal)' } as const
const IRIS = { kind: 'box', model: 'Iris (box adicional)' } as const
const ROUTER = { kind: 'router', model: 'Router Wi-Fi 6 NOS' } as const

const CONTRACTS: Record<string, ContractFacts> = {
  'acc-4100238571': {
    address: 'Rua de Santa Catarina 512, 3.º esq., 4000-446 Porto',
    einvoice: false,
    lastEquipmentExchangeDaysAgo: 620,
    equipment: [{ ...UMA, serial: 'UMA4K2209A17734' }, { ...IRIS, serial: 'IRS2305B00921' }, { ...ROUTER, serial: 'RTW6-88120455' }],
  },
  'acc-4100561093': {
    address: 'Rua da Carreira 77, 9000-042 Funchal',
    equipment: [{ ...UMA, serial: 'UMA4K2111C55120' }, { ...ROUTER, serial: 'RTW6-71002231' }],
  },
  'acc-4101907724': {
    address: 'Rua Dr. Hintze Ribeiro 15, 9500-049 Ponta Delgada',
    commitment: { startedMonthsAgo: 0, months: 24, advantageCents: 24_000 },
    // Ordered by phone 8 days ago: a distance contract, withdrawable "within 14 (fourteen) days" (004 general §6.1).
    sale: { channel: 'distance', concludedDaysAgo: 8 },
    equipment: [{ ...UMA, serial: 'UMA4K2603D01288' }, { ...ROUTER, serial: 'RTW6-99310877' }],
  },
  'acc-4100774418': {
    address: 'Avenida da Liberdade 190, 1250-147 Lisboa',
    commitment: { startedMonthsAgo: 5, months: 24, advantageCents: 30_000 },
    equipment: [{ ...UMA, serial: 'UMA4K2010A33391' }, { ...ROUTER, serial: 'RTW6-50211940' }],
  },
  // The admin/delegado/faturacao/tecnico household: a 24-month commitment 10 months in, points about to expire.
  'acc-4102365518': {
    address: 'Rua Heróis de França 301, 2.º dto., 4450-158 Matosinhos',
    einvoice: true,
    commitment: { startedMonthsAgo: 10, months: 24, advantageCents: 36_000 },
    lastEquipmentExchangeDaysAgo: 420,
    lastAccessoryExchangeDaysAgo: 210,
    olderAwards: [
      { daysAgo: 1070, points: 700 },
      { daysAgo: 1040, points: 95 },
      { daysAgo: 900, points: 210 },
    ],
    equipment: [{ ...UMA, serial: 'UMA4K2407F20457' }, { ...IRIS, serial: 'IRS2505A11873' }, { ...ROUTER, serial: 'RTW6-30558812' }],
  },
  'acc-4100987650': {
    address: 'Largo do Pelourinho 4, 7000-513 Évora',
    registered: false,
    equipment: [{ ...UMA, serial: 'UMA4K1903B77102' }, { ...IRIS, serial: 'IRS2611C00017' }],
  },
}

const DEFAULT_CONTRACT: ContractFacts = { address: 'Rua Augusta 100, 1100-053 Lisboa', equipment: [{ ...UMA, serial: 'UMA4K2201A00001' }] }

/**
 * Monthly value of the services contracted, with IVA (004 general §6.3): the scenario's base package and rentals
 * at their list prices, which a contract made in the last days (its first invoice) is billed at.
 */
function monthlyValueCents(accountId: string): number {
  const scenario = DEMO.scenarios.find((entry) => isAccountScenario(entry) && entry.account.id === accountId)
  const plan = scenario && isAccountScenario(scenario) ? scenario.firstInvoice : undefined
  if (!scenario || !isAccountScenario(scenario) || !plan) throw new Error(`demo/account.ts: a sale channel needs a first-invoice scenario (${accountId})`)
  return invoiceAmounts([plan.basePackage, ...plan.rentals].map((key) => product(key).netCents), scenario.account.region).totalCents
}

/** Seeds the account section's demo data: each account's contract, equipment and points. */
export async function seedAccountSection(trx: Transaction<Database>, today: string): Promise<void> {
  const accounts = await trx.selectFrom('account').select(['id', 'activated_on']).execute()
  for (const { id, activated_on } of accounts) {
    const facts = CONTRACTS[id] ?? DEFAULT_CONTRACT
    let commitmentStart: string | null = null
    if (facts.commitment) {
      // Commitments start with the newest invoice's period: on a billing cycle, or at activation for a first
      // partial period (new-customer), where the estimate counts the month under way by its days (seed 001 F.1.1).
      const newest = await trx
        .selectFrom('invoice')
        .select(['period_start', 'period_end', 'partial_period'])
        .where('account_id', '=', id)
        .orderBy('period_start', 'desc')
        .executeTakeFirst()
      const cycle = newest?.period_start ?? today
      commitmentStart = addMonths(cycle, -facts.commitment.startedMonthsAgo)
    }
    const row: AccountContractTable = {
      account_id: id,
      address: facts.address,
      registered: facts.registered === false ? 0 : 1,
      einvoice: facts.einvoice ? 1 : 0,
      commitment_start: commitmentStart,
      commitment_months: facts.commitment?.months ?? null,
      advantage_cents: facts.commitment?.advantageCents ?? null,
      last_equipment_exchange: facts.lastEquipmentExchangeDaysAgo ? addDays(today, -facts.lastEquipmentExchangeDaysAgo) : null,
      last_accessory_exchange: facts.lastAccessoryExchangeDaysAgo ? addDays(today, -facts.lastAccessoryExchangeDaysAgo) : null,
      sale_channel: facts.sale?.channel ?? 'shop',
      concluded_on: facts.sale ? addDays(today, -facts.sale.concludedDaysAgo) : activated_on,
      monthly_cents: facts.sale ? monthlyValueCents(id) : null,
    }
    await trx.insertInto('account_contract').values(row).execute()
    await trx
      .insertInto('account_equipment')
      .values(facts.equipment.map((item, position) => ({ account_id: id, position, ...item })))
      .execute()
    for (const award of facts.olderAwards ?? []) {
      await trx.insertInto('points_award').values({ account_id: id, awarded_on: addDays(today, -award.daysAgo), points: award.points }).execute()
    }
    if (facts.lastAccessoryExchangeDaysAgo) {
      await trx
        .insertInto('points_redemption')
        .values({ account_id: id, redeemed_on: addDays(today, -facts.lastAccessoryExchangeDaysAgo), points: 600, kind: 'accessory' })
        .execute()
    }
  }
}
