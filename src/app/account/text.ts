// What account says: holder, contract, services and equipment with their activation
// (seed 004 TV §6), commitment and the early-termination estimate with every input
// (seed 001 F.1.1), the TV termination date (seed 004 TV §8.2), points (seed 003);
// a section the profile may not see says why and who can help (seed 002).
import type { AccountPage as AccountData, CommitmentSection, Denied, ExchangeEligibility, PointsSection, ServicesSection, WithdrawalSection } from '../../contract'
import { EXCHANGE_COMMITMENT_MONTHS } from '../../domain/account'
import { formatDate, formatMoney, formatUnitPrice } from '../../domain/format'
import { Column } from '../kit/Column'
import { t, uiLanguage } from '../kit/i18n'
import { COLOR, TEXT } from '../kit/theme'

/** A commitment's time left as a viewer reads it: "13 meses e 8 dias", "1 mês", "20 dias". */
export function periodText(months: number, days: number): string {
  const monthsText = t(months === 1 ? 'account.period.month' : 'account.period.months', { count: months })
  if (days === 0) return monthsText
  const daysText = t(days === 1 ? 'account.period.day' : 'account.period.days', { count: days })
  return months === 0 ? daysText : t('account.period.monthsAndDays', { months: monthsText, days: daysText })
}

function deniedBlock(column: Column, title: string, section: Denied): void {
  column
    .gap()
    .text(title, { size: TEXT.heading, bold: true })
    .text(section.reason, { size: TEXT.small, color: COLOR.warning, maxLines: 3 })
    .text(t('denied.whoCanHelp', { profiles: section.allowedProfiles.map((p) => t(`profile.${p}`)).join(', ') }), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
}

function servicesBlock(column: Column, section: ServicesSection | Denied): void {
  if ('denied' in section) return deniedBlock(column, t('account.services'), section)
  const lang = uiLanguage()
  column.gap().text(t('account.services'), { size: TEXT.heading, bold: true })
  for (const service of section.services) {
    if (service.activation === 'active') {
      column.pair(service.name, t('account.service.active'), { color: COLOR.ok })
      continue
    }
    const expected = service.expectedBy ? formatDate(service.expectedBy, lang) : ''
    column.pair(service.name, t('account.service.pending'), { color: COLOR.warning })
    column.text(
      service.activation === 'scheduled'
        ? t('account.service.scheduled')
        : service.activation === 'waiting'
          ? t('account.service.waiting', { date: expected })
          : t('account.service.late', { date: expected, phone: section.supportPhone }),
      { size: TEXT.small, color: service.activation === 'late' ? COLOR.danger : COLOR.muted, maxLines: 2 },
    )
  }
  column.gap(10).text(t('account.equipment'), { size: TEXT.small, color: COLOR.muted, bold: true })
  for (const item of section.equipment) column.pair(item.model, item.serialMasked)
}

/**
 * The right of withdrawal while it runs (004 general §6.1–6.5); nothing where the law gives none. A profile
 * that may not see it is told why once, by the commitment block (the same permission).
 */
function withdrawalBlock(column: Column, section: WithdrawalSection | null | Denied | undefined): void {
  if (!section || 'denied' in section) return
  const lang = uiLanguage()
  column
    .gap()
    .text(t('account.withdrawal'), { size: TEXT.heading, bold: true })
    .text(t(`account.withdrawal.${section.channel}`, { date: formatDate(section.until, lang), concluded: formatDate(section.concludedOn, lang) }), { color: COLOR.ok, maxLines: 3 })
    .text(section.daysLeft === 0 ? t('account.withdrawal.lastDay') : t('account.withdrawal.daysLeft', { count: section.daysLeft }), { size: TEXT.small, color: COLOR.warning })
    .pair(t('account.withdrawal.used'), formatMoney(section.serviceUsedCents), { bold: true })
    .text(t('account.withdrawal.settle', { date: formatDate(section.settleBy, lang) }), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
}

function commitmentBlock(column: Column, section: CommitmentSection | null | Denied, data: AccountData): void {
  const lang = uiLanguage()
  if (section !== null && 'denied' in section) return deniedBlock(column, t('account.commitment'), section)
  column.gap().text(t('account.commitment'), { size: TEXT.heading, bold: true })
  if (section === null) {
    column.text(t('account.commitment.none'), { color: COLOR.ok, maxLines: 2 })
    return
  }
  column
    .pair(t('account.commitment.end'), formatDate(section.endDate, lang), { bold: true })
    .pair(t('account.commitment.left'), periodText(section.monthsLeft, section.daysLeft))
    .text(t('account.termination.estimate'), { size: TEXT.small, color: COLOR.muted, bold: true })
    .pair(t('account.commitment.advantage'), formatMoney(section.advantageCents))
    .pair(t('account.commitment.minimum'), t('account.months', { count: section.minimumMonths }))
    .pair(t('account.commitment.leftAt', { date: formatDate(data.termination.effectiveDate, lang) }), periodText(section.monthsLeftAtTermination, section.daysLeftAtTermination))
    .pair(t('account.commitment.charge'), formatMoney(section.earlyTerminationCents), { bold: true })
    .text(
      t('account.commitment.formula', {
        advantage: formatMoney(section.advantageCents),
        minimum: section.minimumMonths,
        left: periodText(section.monthsLeftAtTermination, section.daysLeftAtTermination),
        charge: formatMoney(section.earlyTerminationCents),
      }),
      { size: TEXT.small, color: COLOR.muted, maxLines: 2 },
    )
    // Seed 004 TV §8.1: after the minimum term the contract renews month by month unless ended with a month's notice.
    .text(t('account.commitment.renewal', { date: formatDate(section.endDate, lang) }), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
}

export function detailsColumn(data: AccountData, width: number): Column {
  const lang = uiLanguage()
  const column = new Column(width)
  column
    .pair(t('account.holder'), data.holderName, { bold: true })
    .pair(t('account.nif'), data.nifValid ? data.nifMasked : `${data.nifMasked} (${t('account.nif.invalid')})`)
    .pair(t('account.contract'), data.contractNumber)
    .text(t('account.address', { address: data.address }), { maxLines: 2 })
    .pair(t('account.viewer'), `${data.viewer.name} · ${t(`profile.${data.viewer.profile}`)}`)
    .pair(t('account.registered'), data.registered ? t('account.registered.yes') : t('account.registered.no'), {
      color: data.registered ? COLOR.ok : COLOR.warning,
    })
  servicesBlock(column, data.services)
  withdrawalBlock(column, data.withdrawal)
  commitmentBlock(column, data.commitment, data)
  const termination = data.termination
  column
    .gap()
    .text(t('account.termination'), { size: TEXT.heading, bold: true })
    .text(
      t(termination.inThisCycle ? 'account.termination.thisCycle' : 'account.termination.nextCycle', {
        today: formatDate(termination.askedOn, lang),
        date: formatDate(termination.effectiveDate, lang),
        deadline: formatDate(termination.deadline, lang),
        cycleEnd: formatDate(termination.cycleEnd, lang),
      }),
      { maxLines: 3 },
    )
    .text(t('account.termination.equipment', { date: formatDate(termination.equipmentReturnBy, lang) }), { size: TEXT.small, maxLines: 3 })
    .text(t('account.termination.rule', { days: termination.noticeDays }), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
    .text(t('account.termination.readOnly'), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
  return column
}

export function exchangeLine(kind: 'equipment' | 'accessory', eligibility: ExchangeEligibility): { text: string; color: number } {
  if (eligibility.allowed) return { text: t(`account.points.${kind}.yes`), color: COLOR.ok }
  const reasons = eligibility.blockedBy.map((block) =>
    block === 'too-soon' && eligibility.possibleFrom
      ? t('account.points.block.too-soon', { date: formatDate(eligibility.possibleFrom, uiLanguage()) })
      : t(`account.points.block.${block}`),
  )
  return { text: `${t(`account.points.${kind}.no`)} ${reasons.join('; ')}.`, color: COLOR.warning }
}

export function pointsColumn(section: PointsSection | Denied, width: number): Column {
  const column = new Column(width)
  if ('denied' in section) {
    deniedBlock(column, t('account.points'), section)
    return column
  }
  const lang = uiLanguage()
  column.text(t('account.points'), { size: TEXT.heading, bold: true }).pair(t('account.points.balance'), String(section.balance), { bold: true })
  if (section.expiring.length === 0) column.text(t('account.points.noneExpiring'), { size: TEXT.small, color: COLOR.muted })
  for (const lot of section.expiring) {
    column.text(t('account.points.expiring', { points: lot.points, date: formatDate(lot.expiresOn, lang) }), { size: TEXT.small, color: COLOR.warning })
  }
  column.text(t('account.points.validity', { years: section.validityMonths / 12 }), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
  for (const kind of ['equipment', 'accessory'] as const) {
    const line = exchangeLine(kind, section[kind])
    column.text(line.text, { size: TEXT.small, color: line.color, maxLines: 2 })
  }
  // Seed 003 §9: an equipment exchange binds the account for 18 months.
  column.text(t('account.points.exchangeCommitment', { months: EXCHANGE_COMMITMENT_MONTHS }), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
  column.text(t('account.points.price', { price: formatUnitPrice(section.pointPriceMills) }), {
    size: TEXT.small,
    color: COLOR.muted,
    maxLines: 2,
  })
  for (const reward of section.rewards) {
    column.text(
      reward.missing === 0
        ? t('account.points.reward.enough', { name: reward.name, points: reward.points })
        : t('account.points.reward.missing', { name: reward.name, points: reward.points, missing: reward.missing, cost: formatMoney(reward.missingCostCents) }),
      { size: TEXT.small, maxLines: 2 },
    )
  }
  return column
}
