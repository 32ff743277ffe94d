// Demo data for premium subscriptions: the operator's catalogue (seed 004 TV §2.1.1:
// a 30-day minimum), promotional codes, each demo account's purchase PIN (printed
// with its token), and the subscriptions its invoices already show.
import { addDays } from '../../domain/dates'
import { MINIMUM_PERIOD_DAYS } from '../../domain/premium'
import type { Db, PremiumProductTable, PromoCodeTable } from '../store/db'
import { premiumLineName } from '../premium/billing'
import { type PinHash, storePinHash } from '../premium/pin'

/** Prices before IVA; at 23 % they read 29,99 €, 14,99 €, 9,99 €… a month. */
function catalogue(today: string): PremiumProductTable[] {
  const product = (
    id: string,
    name: string,
    netCents: number,
    channels: string[],
    description: string,
    promo?: { netCents: number; until: string },
  ): PremiumProductTable => ({
    id,
    position: 0,
    name,
    description,
    channels: channels.join('\n'),
    net_cents: netCents,
    minimum_days: MINIMUM_PERIOD_DAYS,
    promo_net_cents: promo?.netCents ?? null,
    promo_until: promo?.until ?? null,
  })
  return [
    product('sport-tv', 'Sport TV', 2438, ['Sport TV 1', 'Sport TV 2', 'Sport TV 3', 'Sport TV 4', 'Sport TV 5', 'Sport TV+'], 'Futebol nacional e internacional, ténis, basquetebol e motores em direto.'),
    product('tvcine', 'TVCine', 1219, ['TVCine Top', 'TVCine Edition', 'TVCine Emotion', 'TVCine Action'], 'Estreias de cinema todas as semanas e séries premiadas, sem intervalos.'),
    product('btv', 'BTV', 812, ['BTV'], 'O canal do clube: jogos, treinos e programas em exclusivo.'),
    product('pack-infantil', 'Pack Infantil', 406, ['Disney Junior', 'Baby TV', 'Cartoonito', 'Nick Jr.'], 'Desenhos animados e programas para os mais pequenos, sem publicidade.'),
    product(
      'pack-documentarios',
      'Pack Documentários',
      487,
      ['National Geographic Wild', 'História', 'Odisseia', 'Travel Channel'],
      'Natureza, história e viagens.',
      { netCents: 243, until: addDays(today, 20) },
    ),
    product('pack-internacional', 'Pack Internacional', 568, ['TV5Monde', 'RAI Italia', 'Deutsche Welle', 'TVE Internacional'], 'Canais em francês, italiano, alemão e espanhol.'),
    product('pack-musica', 'Pack Música', 324, ['MTV Live', 'Mezzo', 'Trace Urban'], 'Concertos, ópera e videoclipes a qualquer hora.'),
  ].map((row, position) => ({ ...row, position }))
}

function promoCodes(today: string): PromoCodeTable[] {
  return [
    { code: 'BEMVINDO', product_id: null, percent_off: 50, months: 1, valid_until: addDays(today, 60) },
    { code: 'CINEMA3', product_id: 'tvcine', percent_off: 30, months: 3, valid_until: addDays(today, 30) },
    { code: 'VERAO', product_id: null, percent_off: 50, months: 2, valid_until: addDays(today, -10) },
  ]
}

/**
 * Purchase PIN of each demo account (never 0000 or 1234), with its scrypt hash and salt made once
 * by hashNewPin: scrypt is slow on purpose, and tests seed the demo data many times. The PINs are
 * printed with the tokens anyway; test/unit/server/premium.test.ts checks every hash against its PIN.
 */
export const DEMO_PINS: Readonly<Record<string, { pin: string } & PinHash>> = {
  'healthy': { pin: '2468', salt: '80040c70a613545be1383b1b9beba146', hash: 'ada18910f76734151c93bd939a203794ba80cdf67567bb2354f6b0474ef2d66a' },
  'overdue': { pin: '1357', salt: 'ccfd090002e21b55060290ae371d7aa8', hash: 'f85897c5ccf64c13455fe635d21fbafe4a8ede7b7081007b09a7ef72e0e5a31e' },
  'new-customer': { pin: '8642', salt: 'e207b0a810c522f042669be745df3920', hash: '94b232ab0264038f84245f220b0bb049d2479b47a36e70e6a522d2ae6e93d2b0' },
  'restricted': { pin: '9753', salt: '5245a9e50280292dddb79572ae06d92a', hash: '573514868392e064870eade6a02e0210b0358de4ee3ae7f41c2fbc51b244c765' },
  'notices': { pin: '3691', salt: '5c5a9da9571ac598ed4fa11fdbf25232', hash: '2e72d3c0bb0b8bbddaef8eb2775e61aa6b7ea811eacb64f8aad28736eaf0b2fa' },
  'quota-full': { pin: '7410', salt: '0893b3a4792a27b87dd6fc9c326f5f78', hash: 'f1f73022fa83f9d205fcba663be4a2c3212dd8d0b0b7914c8d43ad5854f8bdc3' },
  'heavy': { pin: '8520', salt: 'a589eed32237426d6438c3e109adc3f2', hash: '4572ba2fb6dce247adce31f765e1c027ef8a1e9c42a37e2d97027787719f61ba' },
  admin: { pin: '1590', salt: '29a82098f41ed00bd9c728bcbedfb646', hash: '8adca5b961d7ff93d1aa11102e2b53a27cfdb2fb710881f2aff5e428700dd9d7' },
  unregistered: { pin: '4826', salt: '4e1f7a22c90b3d5e8a6f0b1c2d3e4f50', hash: 'd3949c33fd115f24c6b44bf862e3ebe5d2f77d8af3723467833a67c76a1e476c' },
  'premium': { pin: '2580', salt: 'b0cfe2267d9abf655759140db5c77252', hash: 'a7bcd87fcb1903eadbc7a141cdd450fa0b992b517a4e3750a46179fdee037be5' },
}

/** Subscriptions of the demo accounts; `daysAgo` null: since its invoices show it. */
const SUBSCRIPTIONS: { scenario: string; productId: string; daysAgo: number | null }[] = [
  { scenario: 'healthy', productId: 'sport-tv', daysAgo: null },
  { scenario: 'quota-full', productId: 'tvcine', daysAgo: null },
  { scenario: 'premium', productId: 'sport-tv', daysAgo: null },
  // Inside its 30-day minimum on any seeding day; not yet on an invoice.
  { scenario: 'premium', productId: 'pack-infantil', daysAgo: 5 },
]

/** First day of the unbroken run of newest invoices that carry `description`, and the price billed. */
async function billedSince(db: Db, accountId: string, description: string): Promise<{ since: string; netCents: number }> {
  const invoices = await db.selectFrom('invoice').select(['id', 'period_start']).where('account_id', '=', accountId).orderBy('period_start', 'desc').execute()
  let since: string | null = null
  let netCents = 0
  for (const [index, invoice] of invoices.entries()) {
    const line = await db.selectFrom('invoice_line').select('net_cents').where('invoice_id', '=', invoice.id).where('description', '=', description).executeTakeFirst()
    if (!line) break
    since = invoice.period_start
    if (index === 0) netCents = line.net_cents
  }
  if (since === null) throw new Error(`demo account ${accountId}: no invoice carries «${description}»`)
  return { since, netCents }
}

export async function seedPremium(db: Db, today: string): Promise<void> {
  const products = catalogue(today)
  await db.insertInto('premium_product').values(products).execute()
  await db.insertInto('promo_code').values(promoCodes(today)).execute()

  const scenarios = await db.selectFrom('demo_scenario').select(['id', 'account_id']).execute()
  const accountOf = new Map(scenarios.map((scenario) => [scenario.id, scenario.account_id]))

  // One PIN per account: viewers of the same household (other profiles' scenarios) print the same one.
  const accountPins = new Map<string, string>()
  for (const scenario of scenarios) {
    const demo = DEMO_PINS[scenario.id]
    if (!demo) continue
    await storePinHash(db, scenario.account_id, demo)
    accountPins.set(scenario.account_id, demo.pin)
  }
  for (const scenario of scenarios) {
    const pin = accountPins.get(scenario.account_id)
    if (pin) await db.updateTable('demo_scenario').set({ purchase_pin: pin }).where('id', '=', scenario.id).execute()
  }

  for (const [index, subscription] of SUBSCRIPTIONS.entries()) {
    const accountId = accountOf.get(subscription.scenario)
    if (!accountId) continue
    const product = products.find((row) => row.id === subscription.productId)
    if (!product) throw new Error(`no premium product ${subscription.productId}`)
    // A subscription keeps the price it was sold at: the one its invoices show.
    const billed =
      subscription.daysAgo === null
        ? await billedSince(db, accountId, premiumLineName(product.name))
        : { since: addDays(today, -subscription.daysAgo), netCents: product.net_cents }
    await db
      .insertInto('premium_subscription')
      .values({
        id: `sub-demo-${String(index + 1).padStart(4, '0')}`,
        account_id: accountId,
        product_id: product.id,
        started_on: billed.since,
        minimum_days: product.minimum_days,
        net_cents: billed.netCents,
      })
      .execute()
  }
}
