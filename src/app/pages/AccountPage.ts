// account: who holds the contract and what it commits to. Left, scrollable: holder,
// NIF (masked, checked by the server), contract, address, viewer's profile, services
// and equipment with their activation, commitment and the early-termination estimate
// with every input (seed 001 F.1.1), the TV termination date (seed 004 TV §8.2).
// Right: points (seed 003) and the e-invoice switch behind a confirmation.
// Sections the profile may not see say why and who can help.
import { Lightning } from '@lightningjs/sdk'
import type { AccountPage as AccountData, CommitmentSection, Denied, ExchangeEligibility, PointsSection, ServicesSection } from '../../contract'
import { ApiError } from '../../data/client'
import { EXCHANGE_COMMITMENT_MONTHS } from '../../domain/account'
import { formatDate, formatMoney, formatUnitPrice } from '../../domain/format'
import { t, uiLanguage } from '../i18n'
import { services } from '../services'
import { COLOR, SAFE, TEXT } from '../theme'
import { ActionButton } from '../widgets/ActionButton'
import { ChoiceDialog } from '../widgets/ChoiceDialog'
import { describeFailure } from '../widgets/ErrorPanel'
import { textSpec } from '../widgets/text'
import { periodText } from './accountPeriod'
import { CONTENT_Y, DataPage } from './DataPage'
import { Column, ScrollPanel } from './InvoiceDetailPage'

const LEFT = { w: 1000, h: SAFE.y + SAFE.h - CONTENT_Y - 10 }
const RIGHT = { x: SAFE.x + LEFT.w + 40, w: SAFE.w - LEFT.w - 40 }
const BUTTON = { w: RIGHT.w, h: 84 }

type Focus = 'details' | 'points' | 'einvoice'

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

function detailsColumn(data: AccountData): Column {
  const lang = uiLanguage()
  const column = new Column(LEFT.w)
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
    .text(t('account.termination.rule', { days: termination.noticeDays }), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
    .text(t('account.termination.readOnly'), { size: TEXT.small, color: COLOR.muted, maxLines: 2 })
  return column
}

function exchangeLine(kind: 'equipment' | 'accessory', eligibility: ExchangeEligibility): { text: string; color: number } {
  if (eligibility.allowed) return { text: t(`account.points.${kind}.yes`), color: COLOR.ok }
  const reasons = eligibility.blockedBy.map((block) =>
    block === 'too-soon' && eligibility.possibleFrom
      ? t('account.points.block.too-soon', { date: formatDate(eligibility.possibleFrom, uiLanguage()) })
      : t(`account.points.block.${block}`),
  )
  return { text: `${t(`account.points.${kind}.no`)} ${reasons.join('; ')}.`, color: COLOR.warning }
}

function pointsColumn(section: PointsSection | Denied): Column {
  const column = new Column(RIGHT.w)
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

export class AccountPage extends DataPage<AccountData> {
  private data: AccountData | null = null
  private focus: Focus = 'details'
  private saving = false

  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      ...super._template(),
      Content: {
        Details: { type: ScrollPanel, x: SAFE.x, y: CONTENT_Y, w: LEFT.w, h: LEFT.h },
        Points: { type: ScrollPanel, x: RIGHT.x, y: CONTENT_Y, w: RIGHT.w, h: LEFT.h - BUTTON.h * 2 - 80 },
        EInvoice: { type: ActionButton, x: RIGHT.x, y: CONTENT_Y + LEFT.h - BUTTON.h * 2 - 50, w: BUTTON.w, h: BUTTON.h, signals: { pressed: '_askEInvoice' } },
        EInvoiceNote: { x: RIGHT.x, y: CONTENT_Y + LEFT.h - BUTTON.h - 40, ...textSpec('', { size: TEXT.small, color: COLOR.muted, width: RIGHT.w, maxLines: 3 }) },
      },
      // The confirmation over the dimmed page (the app's one dialog widget): Back closes it.
      Dialog: { type: ChoiceDialog, signals: { chosen: '_dialogChosen', dismissed: '_dialogDismissed' } },
    }
  }

  get dialog(): ChoiceDialog {
    return this.tag('Dialog') as ChoiceDialog
  }

  protected render(data: AccountData): void {
    this.data = data
    this.title = t('account.title')
    const details = detailsColumn(data)
    ;(this.tag('Details') as ScrollPanel).fill(details.rows, details.height)
    const points = pointsColumn(data.points)
    ;(this.tag('Points') as ScrollPanel).fill(points.rows, points.height)
    this.renderEInvoice()
    if (this.dialog.isOpen) this.closeDialog()
  }

  private renderEInvoice(): void {
    const einvoice = this.data?.einvoice
    if (!einvoice) return
    ;(this.tag('EInvoice') as ActionButton).label = t(einvoice.enabled ? 'account.einvoice.on' : 'account.einvoice.off')
    this.tag('EInvoiceNote').text.text = einvoice.canChange ? t('account.einvoice.hint') : t('account.einvoice.denied')
  }

  /**
   * The question (Cancelar focused: OK right away changes nothing), the same while the answer is
   * awaited, or why nothing changed after a refused or failed write (OK right away tries again).
   */
  private openDialog(step: { kind: 'ask' } | { kind: 'saving' } | { kind: 'failed'; problem: string }): void {
    const enabled = this.data?.einvoice.enabled ?? false
    const failed = step.kind === 'failed'
    this.dialog.open({
      title: failed ? t('account.einvoice.failed') : t('account.einvoice.title'),
      message: failed ? step.problem : step.kind === 'saving' ? t('account.einvoice.saving') : t(enabled ? 'account.einvoice.confirmOff' : 'account.einvoice.confirmOn'),
      choices: [
        { id: 'cancel', label: t('account.einvoice.cancel') },
        { id: 'confirm', label: failed ? t('account.einvoice.retry') : t(enabled ? 'account.einvoice.turnOff' : 'account.einvoice.turnOn') },
      ],
      focusId: step.kind === 'ask' ? 'cancel' : 'confirm',
    })
    this._refocus()
  }

  private closeDialog(): void {
    this.dialog.close()
    this.focus = 'einvoice'
    this._refocus()
  }

  _askEInvoice(): void {
    if (!this.data?.einvoice.canChange || this.saving) return
    this.openDialog({ kind: 'ask' })
  }

  _dialogDismissed(): void {
    this.closeDialog()
  }

  _dialogChosen(id: string): void {
    if (id === 'confirm') void this.saveEInvoice()
    else this.closeDialog()
  }

  private async saveEInvoice(): Promise<void> {
    const data = this.data
    // A second OK while the first answer is awaited sends nothing more.
    if (!data || this.saving) return
    const enabled = data.einvoice.enabled
    this.saving = true
    this.openDialog({ kind: 'saving' })
    try {
      const saved = await services().api.setEInvoice(!enabled)
      this.data = { ...data, einvoice: saved.data }
      this.renderEInvoice()
      this.tag('EInvoiceNote').text.text = t(saved.data.enabled ? 'account.einvoice.savedOn' : 'account.einvoice.savedOff')
      this.saving = false
      if (this.dialog.isOpen) this.closeDialog()
    } catch (error) {
      this.saving = false
      // Nothing changed: the switch keeps its state; the dialog says why and offers to try again.
      const why = error instanceof ApiError ? describeFailure(error.failure) : ''
      const still = t(enabled ? 'account.einvoice.stillOn' : 'account.einvoice.stillOff')
      if (this.dialog.isOpen) this.openDialog({ kind: 'failed', problem: `${why} ${still}`.replace(/\s+/g, ' ').trim() })
      else this.tag('EInvoiceNote').text.text = `${t('account.einvoice.failed')} ${still}`
    }
  }

  override _handleLeft(): boolean {
    if (this.focus === 'details') return false
    this.focus = 'details'
    this._refocus()
    return true
  }

  override _handleRight(): boolean {
    if (this.focus !== 'details') return true
    this.focus = 'points'
    this._refocus()
    return true
  }

  override _handleUp(): boolean {
    if (this.focus !== 'einvoice') return false
    this.focus = 'points'
    this._refocus()
    return true
  }

  override _handleDown(): boolean {
    if (this.focus !== 'points') return false
    this.focus = 'einvoice'
    this._refocus()
    return true
  }

  protected focusedContent(): Lightning.Component {
    if (this.dialog.isOpen) return this.dialog
    const tags: Record<Focus, string> = { details: 'Details', points: 'Points', einvoice: 'EInvoice' }
    return this.tag(tags[this.focus]) as Lightning.Component
  }
}
