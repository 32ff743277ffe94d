// installer: the box at setup, in one read-only screen an installer reads in ten
// seconds (DESIGN §1). Left, the account the box is bound to, its services active
// or pending activation (48 h limit, seed 004 TV §6 a) and premium entitlements;
// right, the box profile in force, app version, API, reachability and latency,
// and the last error. OK measures again; Back leaves (on its own launch, closes).
import { Lightning, Router } from '@lightningjs/sdk'
import type { Diagnostics, ServicesDiagnostics } from '../../contract'
import type { ApiFailure } from '../../data/client'
import type { Loaded } from '../../data/load'
import { formatDate, formatDayMonth } from '../../domain/format'
import type { DeviceProfile, Resolution } from '../../platform/devices'
import { t, uiLanguage } from '../i18n'
import { COLOR, SAFE, TEXT } from '../theme'
import { ActionButton } from '../widgets/ActionButton'
import { describeFailure } from '../widgets/ErrorPanel'
import { textSpec } from '../widgets/text'
import { CONTENT_Y, DataPage } from './DataPage'

/** What the installer route's provider gathers: the server's view and the box's own. */
export interface InstallerReport {
  diagnostics: Loaded<Diagnostics>
  ping: { ok: true; latencyMs: number; version: string } | { ok: false; failure: ApiFailure; latencyMs: number }
  box: { device: DeviceProfile; resolution: Resolution; precision: number }
  appVersion: string
  apiBaseUrl: string
  lastFailure: { path: string; failure: ApiFailure; at: number } | null
  /** Reached by its own launch (`mode=installer`): Back closes the app instead of going back. */
  standalone: boolean
}

const LEFT = { x: SAFE.x, w: 900 }
const RIGHT = { x: SAFE.x + 960, w: SAFE.w - 960 }
const LABEL_W = 300
const ROW = 42
/** Room left for services before "+N more": the left column ends above the safe bottom. */
const MAX_SERVICE_ROWS = 7

type Rows = Record<string, unknown>
const timeFormat = new Intl.DateTimeFormat('pt-PT', { hour: '2-digit', minute: '2-digit', second: '2-digit' })
/** Decimal megabytes, as the profiles are written (16e6 → 16 MB). */
const MB = 1e6

/** A column of headed label/value rows, top to bottom. */
class Sheet {
  readonly rows: Rows = {}
  y = 0
  private count = 0

  constructor(private readonly width: number) {}

  heading(text: string): this {
    this.rows[`R${this.count++}`] = { y: this.y, ...textSpec(text, { size: TEXT.heading, bold: true, color: COLOR.accent, width: this.width }) }
    this.y += 54
    return this
  }

  /** A muted label and its value; the value wraps to `lines` lines, then ends in an ellipsis. */
  pair(label: string, value: string, options: { color?: number; labelColor?: number; lines?: number; labelWidth?: number } = {}): this {
    const labelWidth = options.labelWidth ?? LABEL_W
    const lines = options.lines ?? 1
    this.rows[`R${this.count++}`] = { y: this.y + 3, ...textSpec(label, { size: TEXT.small, color: options.labelColor ?? COLOR.muted, width: labelWidth - 20 }) }
    this.rows[`R${this.count++}`] = {
      x: labelWidth,
      y: this.y,
      ...textSpec(value, { color: options.color ?? COLOR.text, width: this.width - labelWidth, maxLines: lines }),
    }
    this.y += ROW + (lines - 1) * Math.round(TEXT.body * 1.3)
    return this
  }

  text(text: string, options: { color?: number; size?: number; lines?: number } = {}): this {
    const lines = options.lines ?? 1
    const size = options.size ?? TEXT.body
    this.rows[`R${this.count++}`] = { y: this.y, ...textSpec(text, { size, color: options.color ?? COLOR.text, width: this.width, maxLines: lines }) }
    this.y += ROW + (lines - 1) * Math.round(size * 1.3)
    return this
  }

  gap(px = 24): this {
    this.y += px
    return this
  }
}

export class InstallerPage extends DataPage<InstallerReport> {
  private standalone = false

  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      ...super._template(),
      Content: {
        Account: { x: LEFT.x, y: CONTENT_Y },
        Box: { x: RIGHT.x, y: CONTENT_Y },
        Remeasure: { type: ActionButton, x: RIGHT.x, y: SAFE.y + SAFE.h - 84, w: 460, h: 84, signals: { pressed: '_remeasure' } },
      },
    }
  }

  override _init(): void {
    this.title = t('installer.title')
    this.tag('Remeasure').label = t('installer.remeasure')
  }

  protected render(report: InstallerReport): void {
    this.standalone = report.standalone
    this.title = t('installer.title')
    this.tag('Account').children = accountSheet(report.diagnostics).rows
    this.tag('Box').children = boxSheet(report).rows
  }

  protected focusedContent(): Lightning.Component {
    return this.tag('Remeasure') as Lightning.Component
  }

  _remeasure(): void {
    Router.reload()
  }

  override _handleBack(): boolean | void {
    if (this.standalone) {
      ;(this.application as unknown as { closeApp(): void }).closeApp()
      return
    }
    return false
  }
}

function accountSheet(loaded: Loaded<Diagnostics>): Sheet {
  const sheet = new Sheet(LEFT.w)
  sheet.heading(t('installer.account'))
  if (!loaded.ok) {
    // 401: the token is unknown, so the box is not bound; anything else: the API could not say.
    const unbound = loaded.failure.kind === 'unauthorized'
    sheet.pair(t('installer.binding'), t(unbound ? 'installer.unbound' : 'installer.unknown'), { color: COLOR.danger })
    sheet.text(describeFailure(loaded.failure), { size: TEXT.small, color: COLOR.warning, lines: 3 })
    return sheet
  }
  const lang = uiLanguage()
  const { account, viewer, registration, services } = loaded.data
  const pending = registration.state === 'pending-activation'
  sheet
    .pair(t('installer.holder'), account.holderName)
    .pair(t('installer.contract'), account.contractNumber)
    .pair(t('installer.binding'), t('installer.bound', { profile: t(`profile.${viewer.profile}`) }), { color: COLOR.ok })
    .pair(t('installer.registration'), t(pending ? 'installer.registration.pending' : 'installer.registration.active', { date: formatDate(registration.accountActivatedOn, lang) }), {
      color: pending ? COLOR.warning : COLOR.ok,
    })
  sheet.gap().heading(t('installer.services'))
  if ('denied' in services) {
    sheet.text(services.reason, { size: TEXT.small, color: COLOR.warning, lines: 2 })
    return sheet
  }
  servicesRows(sheet, services)
  sheet.gap().heading(t('installer.premium'))
  if (services.entitlements.length === 0) sheet.text(t('installer.premium.none'), { color: COLOR.muted })
  for (const entitlement of services.entitlements) {
    sheet.pair(
      entitlement.status === 'active' ? t('installer.status.active') : t('installer.status.pending'),
      entitlement.name,
      { labelColor: entitlement.status === 'active' ? COLOR.ok : COLOR.warning, labelWidth: 200 },
    )
  }
  return sheet
}

function servicesRows(sheet: Sheet, { services }: ServicesDiagnostics): void {
  const lang = uiLanguage()
  // Pending first: they are what the installer came to check.
  const ordered = [...services.filter((s) => s.status === 'pending'), ...services.filter((s) => s.status === 'active')]
  const shown = ordered.length > MAX_SERVICE_ROWS ? ordered.slice(0, MAX_SERVICE_ROWS - 1) : ordered
  for (const service of shown) {
    const due = service.activationDueOn ? formatDayMonth(service.activationDueOn, lang) : ''
    const [status, color] =
      service.status === 'active'
        ? [t('installer.status.active'), COLOR.ok]
        : service.activationLate
          ? [t('installer.status.late', { date: due }), COLOR.danger]
          : service.activationDueOn
            ? [t('installer.status.pendingUntil', { date: due }), COLOR.warning]
            : [t('installer.status.pending'), COLOR.warning]
    sheet.pair(status, service.name, { labelColor: color })
  }
  if (shown.length < ordered.length) sheet.text(t('installer.more', { count: ordered.length - shown.length }), { size: TEXT.small, color: COLOR.muted })
}

function failureLine(failure: ApiFailure): string {
  return describeFailure(failure)
}

function boxSheet(report: InstallerReport): Sheet {
  const { device, resolution, precision } = report.box
  const sheet = new Sheet(RIGHT.w)
  sheet
    .heading(t('installer.box'))
    .pair(t('installer.device'), device.label)
    .pair(t('installer.resolution'), t('installer.resolution.value', { width: resolution.width, height: resolution.height, precision: Math.round(precision * 1000) / 1000 }))
    .pair(
      t('installer.memory'),
      t('installer.memory.value', {
        pressure: Math.round(device.memoryPressure / MB),
        buffer: Math.round((device.bufferMemory / MB) * 10) / 10,
      }),
    )
    .pair(
      t('installer.lifecycle'),
      [
        device.pauseRafLoopOnIdle ? t('installer.lifecycle.idle') : '',
        device.router.lazyDestroy ? t('installer.lifecycle.destroy') : '',
        device.router.gcOnUnload ? t('installer.lifecycle.gc') : '',
      ]
        .filter(Boolean)
        .join(' · '),
      { lines: 2 },
    )
    .pair(t('installer.version'), report.appVersion)
    .gap()
    .heading(t('installer.api'))
    .pair(t('installer.apiUrl'), report.apiBaseUrl)
  const { ping } = report
  if (ping.ok) {
    sheet.pair(t('installer.reachability'), t('installer.reachable', { ms: Math.round(ping.latencyMs) }), { color: ping.latencyMs > 1000 ? COLOR.warning : COLOR.ok })
  } else {
    sheet.pair(t('installer.reachability'), t('installer.unreachable'), { color: COLOR.danger })
  }
  if (report.diagnostics.ok) {
    const { serverDate, serverVersion } = report.diagnostics.data
    sheet.pair(t('installer.server'), t('installer.server.value', { version: serverVersion, date: formatDate(serverDate, uiLanguage()) }))
  }
  sheet.pair(
    t('installer.lastError'),
    report.lastFailure ? t('installer.lastError.value', { time: timeFormat.format(report.lastFailure.at), what: failureLine(report.lastFailure.failure) }) : t('installer.lastError.none'),
    { color: report.lastFailure ? COLOR.warning : COLOR.muted, lines: 3 },
  )
  return sheet
}
