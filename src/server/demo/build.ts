// Demo scenarios of the reference server: one account each, with its own
// device token. Every date is computed from the seeding day, so on that day
// the overdue invoice is exactly 12 days late and the new customer's first
// invoice is not yet due. Afterwards time runs on as it would for a real
// account (13 days late tomorrow); seed an empty database to start over.
import type { InvoiceLine, Profile, VatRegion } from '../../contract'
import {
  type BillingPeriod,
  firstPartialPeriod,
  indexedNetPrice,
  type InvoiceDates,
  invoiceDates,
  ISSUE_DELAY_DAYS,
  monthlyPeriod,
  proratedCents,
  unavailabilityCreditCents,
} from '../../domain/billing'
import { addDays, addMonths, compareDates, daysBetween } from '../../domain/dates'
import { invoiceAmounts, VAT_RATE_PERCENT } from '../../domain/money'
import { multibancoReference } from '../../domain/multibanco'
import type { AccountServiceTable, AccountTable, Db, InvoiceLineTable, InvoiceTable } from '../store/db'
import { MULTIBANCO_ENTITY } from '../operator'
import { seedNotices } from './notices'
import { seedAccountSection } from './account'
import { seedRecordings } from './recordings'
import { seedPremium } from './premium'
import { priceIndexFor } from './price-index'
import { seededRandom } from './random'

interface Product {
  description: string
  netCents: number
}

interface PaymentFacts {
  paidOn: string | null
  disputedOn: string | null
}

/** How an invoice `monthsAgo` periods before the newest one was settled, as known on `today`. */
type PaymentPlan = (monthsAgo: number, dates: InvoiceDates, today: string) => PaymentFacts

interface InvoiceDraft {
  dates: InvoiceDates
  partialPeriod: boolean
  lines: InvoiceLine[]
  payment: PaymentFacts
}

interface Scenario {
  id: string
  description: string
  token: string
  viewer: { name: string; profile: Profile }
  account: Omit<AccountTable, 'activated_on'>
  /** Services with their dates as days before the seeding day (null: not yet active). */
  /** `installedDaysAgo`: null while the installation is scheduled; absent, installed the day it was ordered. */
  services: { name: string; kind: AccountServiceTable['kind']; requestedDaysAgo: number; installedDaysAgo?: number | null; activatedDaysAgo: number | null }[]
  activatedDaysAgo: number
  invoices: (today: string) => InvoiceDraft[]
}

const BASE_3P: Product = { description: 'Pacote base NOS 3P (TV, Internet 500 Mbps, Voz)', netCents: 5272 }
const BASE_4P: Product = { description: 'Pacote base NOS 4P (TV, Internet 1 Gbps, Voz, Telemóvel)', netCents: 6496 }
const BOX_RENTAL: Product = { description: 'Aluguer de equipamento: box adicional', netCents: 406 }
const ROUTER_RENTAL: Product = { description: 'Aluguer de equipamento: router Wi-Fi 6', netCents: 243 }
const SPORT_TV: Product = { description: 'Canal premium Sport TV', netCents: 2438 }
const CINEMA: Product = { description: 'Canal premium TVCine', netCents: 1211 }
const VOD_NET_CENTS = [324, 406]
const FILMS = [
  'Os Maias',
  'Variações',
  'Alma Viva',
  'Great Yarmouth',
  'O Pátio das Cantigas',
  'Dune: Parte Dois',
  'Oppenheimer',
  'Divertida-Mente 2',
  'Gladiador II',
  'Sonhar é Preciso',
]
const OUTAGE_CREDIT = 'Crédito por indisponibilidade do serviço superior a 24 h'


interface MonthlyHistory {
  /** Start of one billed period (index 0); every other period is counted from it, months apart. */
  cycleStart: string
  /** Index of the newest billed period: 0 for `cycleStart` itself, 1 for the one after. */
  newestIndex: number
  months: number
  region: VatRegion
  /** Price of the oldest invoice; each March the index updates it. */
  basePackage: Product
  rentals: Product[]
  premium?: { product: Product; fromMonthsAgo: number; toMonthsAgo: number }
  /** Chance of VoD rentals in a month (seed 001 §12: billed with the monthly fee). */
  vodChance: number
  /** More than 24 h without service, credited on the invoice that many months ago (seed 004 general §8.3). */
  outage?: { monthsAgo: number; hours: number }
  payment: PaymentPlan
  randomSeed: number
}

function monthlyHistory(history: MonthlyHistory, today: string): InvoiceDraft[] {
  const random = seededRandom(history.randomSeed)
  const vatRate = VAT_RATE_PERCENT[history.region]
  let basePrice = history.basePackage.netCents
  const drafts: InvoiceDraft[] = []
  for (let monthsAgo = history.months - 1; monthsAgo >= 0; monthsAgo--) {
    const period = monthlyPeriod(history.cycleStart, history.newestIndex - monthsAgo)
    const isFirst = monthsAgo === history.months - 1
    if (!isFirst && period.periodStart.slice(5, 7) === '03') basePrice = indexedNetPrice(basePrice, priceIndexFor(period.periodStart), vatRate)
    const lines: InvoiceLine[] = [
      { group: 'base', description: history.basePackage.description, netCents: basePrice },
      ...history.rentals.map((rental): InvoiceLine => ({ group: 'monthly', ...rental })),
    ]
    const premium = history.premium
    if (premium && monthsAgo <= premium.fromMonthsAgo && monthsAgo >= premium.toMonthsAgo) {
      lines.push({ group: 'monthly', ...premium.product })
    }
    if (random() < history.vodChance) {
      const rentals = random() < 0.3 ? 2 : 1
      for (let rental = 0; rental < rentals; rental++) {
        const film = FILMS[Math.floor(random() * FILMS.length)]
        const netCents = VOD_NET_CENTS[Math.floor(random() * VOD_NET_CENTS.length)]
        lines.push({ group: 'extra', description: `Aluguer VOD: ${film}`, netCents })
      }
    }
    if (history.outage?.monthsAgo === monthsAgo) {
      // 001 D: on "o valor mensal dos Serviços contratados": the base package, rentals and premium together.
      const monthlyServices = lines.filter((line) => line.group === 'base' || line.group === 'monthly').reduce((sum, line) => sum + line.netCents, 0)
      lines.push({ group: 'credit', description: OUTAGE_CREDIT, netCents: unavailabilityCreditCents(monthlyServices, history.outage.hours, period) })
    }
    const dates = invoiceDates(period)
    drafts.push({ dates, partialPeriod: false, lines, payment: history.payment(monthsAgo, dates, today) })
  }
  return drafts
}

/** The newest period on a cycle day whose invoice is already issued on `today`. */
function newestIssuedPeriodStart(today: string, cycleDay: number): string {
  const thisMonth = `${today.slice(0, 8)}${String(cycleDay).padStart(2, '0')}`
  return compareDates(addDays(thisMonth, ISSUE_DELAY_DAYS), today) <= 0 ? thisMonth : addMonths(thisMonth, -1)
}

const unpaid: PaymentFacts = { paidOn: null, disputedOn: null }

/** A direct debit is collected on the due date (seed 004 TV §7.2: paid "through the means indicated"). */
const collectedOnDueDate: PaymentPlan = (_monthsAgo, dates) => ({ paidOn: dates.dueDate, disputedOn: null })

/** Paid at an ATM a few days before the due date; not yet, if that day is still to come. */
const paidByMultibanco: PaymentPlan = (monthsAgo, dates, today) => {
  const paidOn = addDays(dates.dueDate, -(2 + (monthsAgo % 5)))
  return { paidOn: compareDates(paidOn, today) <= 0 ? paidOn : null, disputedOn: null }
}

const SCENARIOS: Scenario[] = [
  {
    id: 'healthy',
    description: 'Conta em dia: todas as faturas pagas por débito direto, Sport TV ativo; Continente (IVA 23 %).',
    token: 'demo-healthy-0001',
    viewer: { name: 'Maria Fernandes', profile: 'administrador' },
    account: {
      id: 'acc-4100238571',
      holder_name: 'Maria Fernandes Costa',
      contract_number: '4100238571',
      nif: '218745931',
      region: 'continente',
      consumer: 1,
      payment_method: 'direct-debit',
      iban: 'PT50000201231234567890154',
    },
    activatedDaysAgo: 1240,
    services: [
      { name: 'Televisão NOS', kind: 'tv', requestedDaysAgo: 1242, activatedDaysAgo: 1240 },
      { name: 'Internet Fibra 500 Mbps', kind: 'internet', requestedDaysAgo: 1242, activatedDaysAgo: 1240 },
      { name: 'Telefone fixo', kind: 'voice', requestedDaysAgo: 1242, activatedDaysAgo: 1240 },
      { name: 'Box adicional', kind: 'equipment', requestedDaysAgo: 700, activatedDaysAgo: 698 },
      { name: 'Canal premium Sport TV', kind: 'premium', requestedDaysAgo: 250, activatedDaysAgo: 250 },
    ],
    // The newest invoice was collected 3 days ago; the next one is not issued yet.
    invoices: (today) =>
      monthlyHistory(
        {
          cycleStart: addDays(today, -25),
          newestIndex: 0,
          months: 26,
          region: 'continente',
          basePackage: BASE_3P,
          rentals: [BOX_RENTAL],
          premium: { product: SPORT_TV, fromMonthsAgo: 7, toMonthsAgo: 0 },
          vodChance: 0.45,
          outage: { monthsAgo: 9, hours: 60 },
          payment: collectedOnDueDate,
          randomSeed: 1,
        },
        today,
      ),
  },
  {
    id: 'overdue',
    description:
      'Fatura em atraso (12 dias no dia em que os dados foram criados), Multibanco, prazos de aviso, suspensão e resolução; uma fatura em reclamação; Madeira (IVA 22 %).',
    token: 'demo-overdue-0002',
    viewer: { name: 'João Sousa', profile: 'administrador' },
    account: {
      id: 'acc-4100561093',
      holder_name: 'João Pedro Sousa',
      contract_number: '4100561093',
      nif: '235610283',
      region: 'madeira',
      consumer: 1,
      payment_method: 'multibanco',
      iban: null,
    },
    activatedDaysAgo: 980,
    services: [
      { name: 'Televisão NOS', kind: 'tv', requestedDaysAgo: 983, activatedDaysAgo: 980 },
      { name: 'Internet Fibra 500 Mbps', kind: 'internet', requestedDaysAgo: 983, activatedDaysAgo: 980 },
      { name: 'Telefone fixo', kind: 'voice', requestedDaysAgo: 983, activatedDaysAgo: 980 },
    ],
    // Due 12 days ago: period started 34 days ago (issued 2 days in, due 20 days after issue).
    // The next invoice, issued since, is por pagar; the one 5 months ago is under complaint.
    invoices: (today) =>
      monthlyHistory(
        {
          cycleStart: addDays(today, -34),
          newestIndex: 1,
          months: 26,
          region: 'madeira',
          basePackage: BASE_3P,
          rentals: [ROUTER_RENTAL],
          premium: { product: CINEMA, fromMonthsAgo: 20, toMonthsAgo: 14 },
          vodChance: 0.3,
          payment: (monthsAgo, dates, today) => {
            if (monthsAgo <= 1) return unpaid
            if (monthsAgo === 5) return { paidOn: null, disputedOn: addDays(dates.issueDate, 6) }
            return paidByMultibanco(monthsAgo, dates, today)
          },
          randomSeed: 2,
        },
        today,
      ),
  },
  {
    id: 'new-customer',
    description:
      'Cliente novo: primeira fatura, período parcial desde a ativação há 6 dias; voz, Sport TV e box adicional por ativar; Açores (IVA 16 %).',
    token: 'demo-new-customer-0003',
    viewer: { name: 'Ana Medeiros', profile: 'administrador' },
    account: {
      id: 'acc-4101907724',
      holder_name: 'Ana Rita Medeiros',
      contract_number: '4101907724',
      nif: '250394766',
      region: 'acores',
      consumer: 1,
      payment_method: 'multibanco',
      iban: null,
    },
    activatedDaysAgo: 6,
    services: [
      { name: 'Televisão NOS', kind: 'tv', requestedDaysAgo: 8, activatedDaysAgo: 6 },
      { name: 'Internet Fibra 1 Gbps', kind: 'internet', requestedDaysAgo: 8, activatedDaysAgo: 6 },
      { name: 'Telefone fixo (portabilidade do número em curso)', kind: 'voice', requestedDaysAgo: 8, installedDaysAgo: 6, activatedDaysAgo: null },
      // Ordered yesterday on a box installed 6 days ago: its 48 h run from the order.
      { name: 'Canal premium Sport TV', kind: 'premium', requestedDaysAgo: 1, installedDaysAgo: 6, activatedDaysAgo: null },
      // Installation only scheduled: the 48 h have not started (004 TV §6 a).
      { name: 'Box adicional (instalação agendada)', kind: 'equipment', requestedDaysAgo: 3, installedDaysAgo: null, activatedDaysAgo: null },
    ],
    // Billing starts at the commercial activation (seed 004 general §3.1, §10.3): the first
    // invoice runs from the activation day to the eve of the first full cycle, 12 days from now.
    invoices: (today) => {
      const cycleStart = addDays(today, 12)
      const period = firstPartialPeriod(addDays(today, -6), cycleStart)
      const cycleMonth: BillingPeriod = monthlyPeriod(cycleStart, -1)
      const lines: InvoiceLine[] = [
        { group: 'base', description: BASE_3P.description, netCents: proratedCents(BASE_3P.netCents, period, cycleMonth) },
        { group: 'monthly', description: ROUTER_RENTAL.description, netCents: proratedCents(ROUTER_RENTAL.netCents, period, cycleMonth) },
      ]
      return [{ dates: invoiceDates(period), partialPeriod: true, lines, payment: unpaid }]
    },
  },
  {
    id: 'restricted',
    description:
      'Perfil Utilizador (só o telemóvel que lhe foi atribuído): as faturas são recusadas (403) com o motivo e os perfis que podem ajudar; Continente.',
    token: 'demo-restricted-0004',
    viewer: { name: 'Tiago Pinto', profile: 'utilizador' },
    account: {
      id: 'acc-4100774418',
      holder_name: 'Carlos Alberto Pinto',
      contract_number: '4100774418',
      nif: '192837460',
      region: 'continente',
      consumer: 1,
      payment_method: 'direct-debit',
      iban: 'PT50003506970000412345692',
    },
    activatedDaysAgo: 1500,
    services: [
      { name: 'Televisão NOS', kind: 'tv', requestedDaysAgo: 1503, activatedDaysAgo: 1500 },
      { name: 'Internet Fibra 1 Gbps', kind: 'internet', requestedDaysAgo: 1503, activatedDaysAgo: 1500 },
      { name: 'Telefone fixo', kind: 'voice', requestedDaysAgo: 1503, activatedDaysAgo: 1500 },
      { name: 'Telemóvel de Tiago Pinto', kind: 'mobile', requestedDaysAgo: 400, activatedDaysAgo: 399 },
    ],
    invoices: (today) =>
      monthlyHistory(
        {
          cycleStart: newestIssuedPeriodStart(today, 1),
          newestIndex: 0,
          months: 24,
          region: 'continente',
          basePackage: BASE_4P,
          rentals: [BOX_RENTAL, ROUTER_RENTAL],
          vodChance: 0.2,
          outage: { monthsAgo: 15, hours: 30 },
          payment: collectedOnDueDate,
          randomSeed: 4,
        },
        today,
      ),
  },
  {
    id: 'notices',
    description:
      'Avisos por ler: Eurosport 2 sai já (imprevisível), Canal Panda sai com aviso tardio (14 dias), Fox Life passa a Star Life, nova mensalidade com direito a cancelar sem custos ainda aberto; o banner aparece ao abrir.',
    token: 'demo-notices-0005',
    viewer: { name: 'Rui Carvalho', profile: 'administrador' },
    account: {
      id: 'acc-4102245816',
      holder_name: 'Rui Almeida Carvalho',
      contract_number: '4102245816',
      nif: '245183671',
      region: 'continente',
      consumer: 1,
      payment_method: 'direct-debit',
      iban: 'PT50003300004555698867005',
    },
    activatedDaysAgo: 820,
    services: [
      { name: 'Televisão NOS', kind: 'tv', requestedDaysAgo: 823, activatedDaysAgo: 820 },
      { name: 'Internet Fibra 1 Gbps', kind: 'internet', requestedDaysAgo: 823, activatedDaysAgo: 820 },
      { name: 'Telefone fixo', kind: 'voice', requestedDaysAgo: 823, activatedDaysAgo: 820 },
    ],
    invoices: (today) =>
      monthlyHistory(
        {
          cycleStart: newestIssuedPeriodStart(today, 8),
          newestIndex: 0,
          months: 24,
          region: 'continente',
          basePackage: BASE_3P,
          rentals: [ROUTER_RENTAL],
          vodChance: 0.25,
          payment: collectedOnDueDate,
          randomSeed: 5,
        },
        today,
      ),
  },
  {
    id: 'quota-full',
    description:
      'Quota de gravações a 98 % (100 h): vistas, por ver, protegidas, uma indisponível por decisão do titular de direitos, uma a ser vista agora e várias a apagar nos próximos 30 dias.',
    token: 'demo-quota-full-0006',
    viewer: { name: 'Inês Almeida', profile: 'administrador' },
    account: {
      id: 'acc-4102215530',
      holder_name: 'Inês Margarida Almeida',
      contract_number: '4102215530',
      nif: '229871054',
      region: 'continente',
      consumer: 1,
      payment_method: 'direct-debit',
      iban: 'PT50003300004531234567815',
    },
    activatedDaysAgo: 900,
    services: [
      { name: 'Televisão NOS', kind: 'tv', requestedDaysAgo: 903, activatedDaysAgo: 900 },
      { name: 'Internet Fibra 500 Mbps', kind: 'internet', requestedDaysAgo: 903, activatedDaysAgo: 900 },
      { name: 'Canal premium TVCine', kind: 'premium', requestedDaysAgo: 300, activatedDaysAgo: 300 },
    ],
    invoices: (today) =>
      monthlyHistory(
        {
          cycleStart: newestIssuedPeriodStart(today, 8),
          newestIndex: 0,
          months: 24,
          region: 'continente',
          basePackage: BASE_3P,
          rentals: [ROUTER_RENTAL],
          premium: { product: CINEMA, fromMonthsAgo: 9, toMonthsAgo: 0 },
          vodChance: 0.3,
          payment: collectedOnDueDate,
          randomSeed: 5,
        },
        today,
      ),
  },
  {
    id: 'heavy',
    description:
      'Conta com 2000 gravações (quota de 4500 h), vista pelo Responsável Técnico: para medir a lista longa num equipamento com pouca memória; as faturas são-lhe recusadas.',
    token: 'demo-heavy-0007',
    viewer: { name: 'Sofia Ramos', profile: 'responsavel-tecnico' },
    account: {
      id: 'acc-4103348812',
      holder_name: 'Sofia Isabel Ramos',
      contract_number: '4103348812',
      nif: '241586976',
      region: 'continente',
      consumer: 1,
      payment_method: 'direct-debit',
      iban: 'PT50001800034567890123477',
    },
    activatedDaysAgo: 2100,
    services: [
      { name: 'Televisão NOS', kind: 'tv', requestedDaysAgo: 2103, activatedDaysAgo: 2100 },
      { name: 'Internet Fibra 1 Gbps', kind: 'internet', requestedDaysAgo: 2103, activatedDaysAgo: 2100 },
      { name: 'Box adicional', kind: 'equipment', requestedDaysAgo: 1000, activatedDaysAgo: 998 },
    ],
    invoices: (today) =>
      monthlyHistory(
        {
          cycleStart: newestIssuedPeriodStart(today, 15),
          newestIndex: 0,
          months: 24,
          region: 'continente',
          basePackage: BASE_4P,
          rentals: [BOX_RENTAL],
          vodChance: 0.5,
          payment: collectedOnDueDate,
          randomSeed: 6,
        },
        today,
      ),
  },
  {
    id: 'admin',
    description:
      'Perfil Administrador de uma família com fidelização de 24 meses a meio, pontos, duas boxes e fatura eletrónica; os perfis delegado, faturacao e tecnico veem a mesma conta; Continente.',
    token: 'demo-admin-0008',
    viewer: { name: 'Rui Rocha', profile: 'administrador' },
    account: {
      id: 'acc-4102365518',
      holder_name: 'Rui Manuel Rocha',
      contract_number: '4102365518',
      nif: '214638596',
      region: 'continente',
      consumer: 1,
      payment_method: 'direct-debit',
      iban: 'PT50001800034567891234515',
    },
    activatedDaysAgo: 800,
    services: [
      { name: 'Televisão NOS', kind: 'tv', requestedDaysAgo: 802, activatedDaysAgo: 800 },
      { name: 'Internet Fibra 1 Gbps', kind: 'internet', requestedDaysAgo: 802, activatedDaysAgo: 800 },
      { name: 'Telefone fixo', kind: 'voice', requestedDaysAgo: 802, activatedDaysAgo: 800 },
      { name: 'Telemóvel de Inês Rocha', kind: 'mobile', requestedDaysAgo: 310, activatedDaysAgo: 309 },
      { name: 'Box adicional', kind: 'equipment', requestedDaysAgo: 310, activatedDaysAgo: 308 },
    ],
    invoices: (today) =>
      monthlyHistory(
        {
          cycleStart: newestIssuedPeriodStart(today, 1),
          newestIndex: 0,
          months: 26,
          region: 'continente',
          basePackage: BASE_4P,
          rentals: [BOX_RENTAL],
          vodChance: 0.35,
          payment: collectedOnDueDate,
          randomSeed: 5,
        },
        today,
      ),
  },
  {
    id: 'premium',
    description:
      'Serviços premium: Pack Infantil subscrito há 5 dias (dentro do período mínimo de 30 dias), Sport TV há 6 meses (cancelável já, no fim do ciclo); catálogo de 7 produtos; PIN de compras 2580; Continente.',
    token: 'demo-premium-0012',
    viewer: { name: 'Marta Lopes', profile: 'administrador' },
    account: {
      id: 'acc-4102345117',
      holder_name: 'Marta Sousa Lopes',
      contract_number: '4102345117',
      nif: '237814609',
      region: 'continente',
      consumer: 1,
      payment_method: 'multibanco',
      iban: null,
    },
    activatedDaysAgo: 800,
    services: [
      { name: 'Televisão NOS', kind: 'tv', requestedDaysAgo: 803, activatedDaysAgo: 800 },
      { name: 'Internet Fibra 500 Mbps', kind: 'internet', requestedDaysAgo: 803, activatedDaysAgo: 800 },
      { name: 'Canal premium Sport TV', kind: 'premium', requestedDaysAgo: 190, activatedDaysAgo: 190 },
      { name: 'Canal premium Pack Infantil', kind: 'premium', requestedDaysAgo: 5, activatedDaysAgo: 5 },
    ],
    // The period in progress started 8 days ago; Sport TV is on the last 7 invoices (demo/premium.ts
    // dates the subscription from them); Pack Infantil, 5 days old, goes on the next one.
    invoices: (today) =>
      monthlyHistory(
        {
          cycleStart: addDays(today, -8),
          newestIndex: 0,
          months: 24,
          region: 'continente',
          basePackage: BASE_3P,
          rentals: [ROUTER_RENTAL],
          premium: { product: SPORT_TV, fromMonthsAgo: 6, toMonthsAgo: 0 },
          vodChance: 0.25,
          payment: paidByMultibanco,
          randomSeed: 6,
        },
        today,
      ),
  },
  {
    id: 'unregistered',
    description:
      'Conta antiga nunca registada na Área de Cliente (código QR e passos para registar no telemóvel); uma box adicional instalada ontem ainda por ativar (48 h); Continente.',
    token: 'demo-unregistered-0013',
    viewer: { name: 'Conceição Lopes', profile: 'administrador' },
    account: {
      id: 'acc-4100987650',
      holder_name: 'Maria da Conceição Lopes',
      contract_number: '4100987650',
      nif: '239810457',
      region: 'continente',
      consumer: 1,
      payment_method: 'multibanco',
      iban: null,
    },
    activatedDaysAgo: 2100,
    services: [
      { name: 'Televisão NOS', kind: 'tv', requestedDaysAgo: 2102, activatedDaysAgo: 2100 },
      { name: 'Telefone fixo', kind: 'voice', requestedDaysAgo: 2102, activatedDaysAgo: 2100 },
      { name: 'Box adicional (quarto)', kind: 'equipment', requestedDaysAgo: 1, activatedDaysAgo: null },
    ],
    invoices: (today) =>
      monthlyHistory(
        {
          cycleStart: newestIssuedPeriodStart(today, 15),
          newestIndex: 0,
          months: 24,
          region: 'continente',
          basePackage: BASE_3P,
          rentals: [],
          vodChance: 0.05,
          payment: paidByMultibanco,
          randomSeed: 12,
        },
        today,
      ),
  },
]

/** Series validation code the tax authority gives each yearly series (deterministic stand-in). */
function seriesValidationCode(year: number): string {
  const alphabet = 'BCDFGHJKLMNPQRSTVWXZ23456789'
  const random = seededRandom(year)
  return Array.from({ length: 8 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')
}

/** One series per year; numbers grow with the issue date, and demo accounts never collide. */
function invoiceNumbering(issueDate: string, scenarioIndex: number) {
  const year = Number(issueDate.slice(0, 4))
  const sequence = 1_200_000 + (daysBetween(`${year}-01-01`, issueDate) + 1) * 1000 + scenarioIndex
  const padded = String(sequence).padStart(7, '0')
  return {
    id: `ft-${year}-${padded}`,
    number: `FT ${year}/${padded}`,
    atcud: `${seriesValidationCode(year)}-${sequence}`,
    /** 7 digits of the Multibanco reference: the year's last digit and the sequence. */
    multibancoReference7: `${year % 10}${String(sequence % 1_000_000).padStart(6, '0')}`,
  }
}

function invoiceRows(scenario: Scenario, scenarioIndex: number, draft: InvoiceDraft) {
  const { account } = scenario
  const numbering = invoiceNumbering(draft.dates.issueDate, scenarioIndex)
  const amounts = invoiceAmounts(
    draft.lines.map((line) => line.netCents),
    account.region,
  )
  const multibanco = account.payment_method === 'multibanco'
  const invoice: InvoiceTable = {
    id: numbering.id,
    account_id: account.id,
    number: numbering.number,
    atcud: numbering.atcud,
    period_start: draft.dates.periodStart,
    period_end: draft.dates.periodEnd,
    invoice_date: draft.dates.invoiceDate,
    issue_date: draft.dates.issueDate,
    due_date: draft.dates.dueDate,
    partial_period: draft.partialPeriod ? 1 : 0,
    region: account.region,
    vat_rate_percent: amounts.vatRatePercent,
    net_cents: amounts.netCents,
    vat_cents: amounts.vatCents,
    total_cents: amounts.totalCents,
    payment_method: account.payment_method,
    multibanco_entity: multibanco ? MULTIBANCO_ENTITY : null,
    multibanco_reference: multibanco ? multibancoReference(MULTIBANCO_ENTITY, numbering.multibancoReference7, amounts.totalCents) : null,
    debit_iban: multibanco ? null : account.iban,
    paid_on: draft.payment.paidOn,
    disputed_on: draft.payment.disputedOn,
  }
  const lines: InvoiceLineTable[] = draft.lines.map((line, position) => ({
    invoice_id: invoice.id,
    position,
    line_group: line.group,
    description: line.description,
    net_cents: line.netCents,
  }))
  return { invoice, lines }
}

export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('account').select('id').limit(1).executeTakeFirst()
  return row === undefined
}

/** Writes every demo scenario, dated relative to `today` (a Lisbon calendar day). */
export async function seedDemoAccounts(db: Db, today: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const [index, scenario] of SCENARIOS.entries()) {
      const { account } = scenario
      await trx
        .insertInto('account')
        .values({ ...account, activated_on: addDays(today, -scenario.activatedDaysAgo) })
        .execute()
      await trx
        .insertInto('device_token')
        .values({ token: scenario.token, account_id: account.id, viewer_name: scenario.viewer.name, viewer_profile: scenario.viewer.profile })
        .execute()
      await trx
        .insertInto('account_service')
        .values(
          scenario.services.map((service, position) => ({
            account_id: account.id,
            position,
            name: service.name,
            kind: service.kind,
            status: service.activatedDaysAgo === null ? ('pending' as const) : ('active' as const),
            requested_on: addDays(today, -service.requestedDaysAgo),
            installed_on: service.installedDaysAgo === null ? null : addDays(today, -(service.installedDaysAgo ?? service.requestedDaysAgo)),
            activated_on: service.activatedDaysAgo === null ? null : addDays(today, -service.activatedDaysAgo),
          })),
        )
        .execute()
      await seedRecordings(trx, scenario.id, account.id, today, index)
      const rows = scenario.invoices(today).map((draft) => invoiceRows(scenario, index, draft))
      await trx.insertInto('invoice').values(rows.map((row) => row.invoice)).execute()
      await trx.insertInto('invoice_line').values(rows.flatMap((row) => row.lines)).execute()
      await trx
        .insertInto('demo_scenario')
        .values({ id: scenario.id, position: index, description: scenario.description, token: scenario.token })
        .execute()
    }
    await seedNotices(trx, today)
    await seedAccountSection(trx, today, SCENARIOS.length)
    await seedPremium(trx, today)
  })
}
