// Demo notices: channel and contract changes dated from the seeding day, so on that
// day each one says what its scenario promises (unread, late, free exit open…).
// The `notices` account has the unread ones; the other accounts have realistic,
// read ones, so their home screens open without the banner.
import type { ContractEffect, NoticeKind } from '../../contract'
import { addDays, compareDates, daysBetween } from '../../domain/dates'
import { formatMoney } from '../../domain/format'
import { vatCents } from '../../domain/money'
import type { Insertable } from 'kysely'
import type { Db, NoticeChannelTable, NoticeTable } from '../store/db'
import { priceIndexFor } from './price-index'

interface NoticeSeed {
  id: string
  kind: NoticeKind
  title: string
  details: string[]
  /** Days relative to the seeding day (negative: in the past). */
  announced: number
  effective: number
  unforeseeable?: boolean
  contractEffect?: ContractEffect
  /** Already opened, this many days after it was announced. */
  readAfterDays?: number
  channels?: { name: string; before: number | null; after: number | null }[]
  /**
   * A price change of the base package: the old price is what the account is billed now, read from its
   * newest invoice when the notice is seeded, never typed in; the new price is the new tariff's.
   */
  priceChange?: { packageName: string; newGrossCents: number }
}

/** The yearly update takes effect on 1 March (general §10.2: February to April): the last one on or before `today`. */
function lastMarchFirst(today: string): string {
  const thisYear = `${today.slice(0, 4)}-03-01`
  return compareDates(thisYear, today) <= 0 ? thisYear : `${Number(today.slice(0, 4)) - 1}-03-01`
}

function priceUpdate(id: string, today: string, readAfterDays: number): NoticeSeed {
  const effectiveOn = lastMarchFirst(today)
  const effective = daysBetween(today, effectiveOn)
  return {
    id,
    kind: 'price-update',
    title: 'Atualização anual de preços',
    details: [
      'Os preços dos serviços são atualizados uma vez por ano, entre fevereiro e abril, pela taxa de inflação (índice de preços no consumidor do ano anterior, publicado pelo INE), no mínimo 0,50 € com IVA.',
      `A mensalidade do seu pacote aumenta ${(priceIndexFor(effectiveOn) / 100).toFixed(1).replace('.', ',')} %.`,
    ],
    announced: effective - 35,
    effective,
    readAfterDays,
  }
}

/** Notices per demo account id. */
function noticesFor(today: string): Record<string, NoticeSeed[]> {
  return {
    // The `notices` scenario: four unread (one late, one contract change with the free exit open, one unforeseeable), two read.
    'acc-4102245816': [
      {
        id: 'av-notices-price',
        kind: 'contract-change',
        title: 'Nova mensalidade do pacote NOS 3P',
        details: ['As restantes condições do seu contrato mantêm-se.'],
        priceChange: { packageName: 'NOS 3P', newGrossCents: 6990 },
        announced: -10,
        effective: 25,
        contractEffect: 'adverse',
      },
      {
        id: 'av-notices-panda',
        kind: 'channel-removed',
        title: 'Canal Panda deixa a grelha',
        details: ['O contrato de distribuição do Canal Panda termina; os programas infantis continuam no Panda Kids e no Disney Junior.'],
        // 14 days' notice for a change known long before: late (TV §2.1.3).
        announced: -2,
        effective: 12,
        channels: [{ name: 'Canal Panda', before: 52, after: null }],
      },
      {
        id: 'av-notices-eurosport',
        kind: 'channel-removed',
        title: 'Eurosport 2 deixa de ser emitido',
        details: ['O titular dos direitos deixou de distribuir o canal em Portugal com efeitos imediatos; a NOS informa logo que soube.'],
        announced: -1,
        effective: 3,
        unforeseeable: true,
        channels: [{ name: 'Eurosport 2', before: 41, after: null }],
      },
      {
        id: 'av-notices-star',
        kind: 'channel-replaced',
        title: 'Fox Life passa a Star Life',
        details: ['O canal muda de nome e de imagem; a programação e a posição mantêm-se.'],
        announced: -5,
        effective: 30,
        channels: [
          { name: 'Fox Life', before: 25, after: null },
          { name: 'Star Life', before: null, after: 25 },
        ],
      },
      {
        id: 'av-notices-cnn',
        kind: 'channel-added',
        title: 'CNN Portugal em alta definição',
        details: ['A CNN Portugal passa a ser emitida em HD na posição 7, sem custos adicionais.'],
        announced: -45,
        effective: -12,
        readAfterDays: 1,
        channels: [{ name: 'CNN Portugal HD', before: null, after: 7 }],
      },
      {
        id: 'av-notices-speed',
        kind: 'contract-change',
        title: 'Mais velocidade de internet, sem custos',
        details: ['A velocidade do seu tarifário de internet passa de 500 Mbps para 1 Gbps, pelo mesmo preço.'],
        announced: -60,
        effective: -20,
        contractEffect: 'beneficial',
        readAfterDays: 2,
      },
    ],
    'acc-4100238571': [
      {
        id: 'av-healthy-sic',
        kind: 'channel-renumbered',
        title: 'SIC Notícias muda de posição',
        details: ['Os canais de informação passam a estar juntos, a partir da posição 5.'],
        announced: -50,
        effective: -15,
        readAfterDays: 0,
        channels: [{ name: 'SIC Notícias', before: 8, after: 6 }],
      },
      {
        id: 'av-healthy-address',
        kind: 'contract-change',
        title: 'Nova morada da sede da NOS',
        details: ['A morada da sede da NOS Comunicações, S.A. muda. Nada muda no seu contrato nem no preço.'],
        announced: -90,
        effective: -55,
        contractEffect: 'neutral',
        readAfterDays: 3,
      },
      priceUpdate('av-healthy-ipc', today, 2),
    ],
    'acc-4100561093': [
      {
        id: 'av-overdue-tvcine',
        kind: 'channel-added',
        title: 'TVCine Action junta-se aos canais TVCine',
        details: ['Disponível para quem subscreve o pacote TVCine.'],
        announced: -40,
        effective: -5,
        readAfterDays: 4,
        channels: [{ name: 'TVCine Action', before: null, after: 64 }],
      },
      priceUpdate('av-overdue-ipc', today, 6),
    ],
    // The Utilizador may not read contract terms: this unread contract change is not counted for them.
    'acc-4100774418': [
      {
        id: 'av-restricted-terms',
        kind: 'contract-change',
        title: 'Nova mensalidade do pacote NOS 4P',
        details: ['A mensalidade do pacote NOS 4P passa de 79,90 € para 84,90 € (IVA incluído).'],
        announced: -4,
        effective: 30,
        contractEffect: 'adverse',
      },
      {
        id: 'av-restricted-hollywood',
        kind: 'channel-renumbered',
        title: 'Canal Hollywood muda de posição',
        details: ['Os canais de cinema passam a estar juntos, a partir da posição 60.'],
        announced: -35,
        effective: -2,
        readAfterDays: 1,
        channels: [{ name: 'Canal Hollywood', before: 33, after: 61 }],
      },
    ],
  }
}

function rows(accountId: string, seed: NoticeSeed, today: string): { notice: Insertable<NoticeTable>; channels: NoticeChannelTable[] } {
  const announcedOn = addDays(today, seed.announced)
  return {
    notice: {
      id: seed.id,
      account_id: accountId,
      kind: seed.kind,
      title: seed.title,
      details: seed.details.join('\n\n'),
      announced_on: announcedOn,
      effective_on: addDays(today, seed.effective),
      unforeseeable: seed.unforeseeable ? 1 : 0,
      contract_effect: seed.contractEffect ?? null,
      read_at: seed.readAfterDays === undefined ? null : `${addDays(announcedOn, seed.readAfterDays)}T20:30:00.000Z`,
    },
    channels: (seed.channels ?? []).map((channel, position) => ({
      notice_id: seed.id,
      position,
      name: channel.name,
      number_before: channel.before,
      number_after: channel.after,
    })),
  }
}

/** The base package's monthly price with IVA on the account's newest invoice. */
async function billedBaseGrossCents(db: Db, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('invoice')
    .innerJoin('invoice_line', 'invoice_line.invoice_id', 'invoice.id')
    .select(['invoice_line.net_cents', 'invoice.vat_rate_percent'])
    .where('invoice.account_id', '=', accountId)
    .where('invoice_line.line_group', '=', 'base')
    .orderBy('invoice.period_start', 'desc')
    .executeTakeFirstOrThrow()
  return row.net_cents + vatCents(row.net_cents, row.vat_rate_percent)
}

/** A price-change notice says the price billed now and the new one first. */
async function withBilledPrice(db: Db, accountId: string, seed: NoticeSeed): Promise<NoticeSeed> {
  if (!seed.priceChange) return seed
  const { packageName, newGrossCents } = seed.priceChange
  const old = formatMoney(await billedBaseGrossCents(db, accountId))
  const sentence = `A mensalidade do pacote ${packageName} passa de ${old} para ${formatMoney(newGrossCents)} (IVA incluído), por alteração do tarifário.`
  return { ...seed, details: [sentence, ...seed.details] }
}

/** Seeds the notices of every demo account that exists in `db`. */
export async function seedNotices(db: Db, today: string): Promise<void> {
  const accounts = new Set((await db.selectFrom('account').select('id').execute()).map((row) => row.id))
  for (const [accountId, seeds] of Object.entries(noticesFor(today))) {
    if (!accounts.has(accountId)) continue
    const billed = await Promise.all(seeds.map((seed) => withBilledPrice(db, accountId, seed)))
    const all = billed.map((seed) => rows(accountId, seed, today))
    await db.insertInto('notice').values(all.map((row) => row.notice)).execute()
    const channels = all.flatMap((row) => row.channels)
    if (channels.length) await db.insertInto('notice_channel').values(channels).execute()
  }
}
