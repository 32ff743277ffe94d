// What the installer screen says (DESIGN §1): left, the account the box is bound to,
// its services active or pending activation (48 h limit, seed 004 TV §6 a) and
// premium entitlements; right, the box profile in force, app version, API,
// reachability and latency, and the last error.
import type { Diagnostics, ServicesDiagnostics } from '../../contract'
import type { Loaded } from '../../data/load'
import type { Formats } from '../../domain/format'
import { Column, SHEET_STYLE } from '../kit/Column'
import { describeFailure } from '../kit/ErrorPanel'
import { formats, spoken, t } from '../kit/i18n'
import { COLOR, SAFE, TEXT } from '../kit/theme'
import type { InstallerReport } from './actions'

const LEFT_W = 900
const RIGHT_W = SAFE.w - 960
const GAP = 24
/** Room left for services before "+N more": the left column ends above the safe bottom. */
const MAX_SERVICE_ROWS = 7
const timeFormat = new Intl.DateTimeFormat('pt-PT', { hour: '2-digit', minute: '2-digit', second: '2-digit' })
/** Decimal megabytes, as the profiles are written (16e6 → 16 MB). */
const MB = 1e6

/** "0,667": a decimal as pt-PT writes it (Intl), at most three places. */
const PRECISION = new Intl.NumberFormat('pt-PT', { maximumFractionDigits: 3 })

export function accountColumn(loaded: Loaded<Diagnostics>, f: Formats = formats()): Column {
  const sheet = new Column(LEFT_W, SHEET_STYLE)
  sheet.heading(t('installer.account'))
  if (!loaded.ok) {
    // 401: the token is unknown, so the box is not bound; anything else: the API could not say.
    const unbound = loaded.failure.kind === 'unauthorized'
    sheet.pair(t('installer.binding'), t(unbound ? 'installer.unbound' : 'installer.unknown'), { color: COLOR.danger })
    sheet.text(describeFailure(loaded.failure), { size: TEXT.small, color: COLOR.warning, maxLines: 3 })
    return sheet
  }
  const { account, viewer, registration, services } = loaded.data
  const pending = registration.state === 'pending-activation'
  sheet
    .pair(t('installer.holder'), account.holderName ?? t('installer.withheld'))
    .pair(t('installer.contract'), account.contractNumber ?? t('installer.withheld'))
    .pair(t('installer.binding'), t('installer.bound', { profile: t(`profile.${viewer.profile}`) }), { color: COLOR.ok })
    .pair(t('installer.registration'), t(pending ? 'installer.registration.pending' : 'installer.registration.active', { date: f.date(registration.accountActivatedOn) }), {
      color: pending ? COLOR.warning : COLOR.ok,
    })
  sheet.gap(GAP).heading(t('installer.services'))
  if ('denied' in services) {
    sheet.text(services.reason, { size: TEXT.small, color: COLOR.warning, maxLines: 2 })
    return sheet
  }
  servicesRows(sheet, services, f)
  sheet.gap(GAP).heading(t('installer.premium'))
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

function servicesRows(sheet: Column, { services }: ServicesDiagnostics, f: Formats): void {
  // Pending first: they are what the installer came to check.
  const ordered = [...services.filter((s) => s.status === 'pending'), ...services.filter((s) => s.status === 'active')]
  const shown = ordered.length > MAX_SERVICE_ROWS ? ordered.slice(0, MAX_SERVICE_ROWS - 1) : ordered
  for (const service of shown) {
    const due = service.activationDueOn ? f.dayMonth(service.activationDueOn) : ''
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

export function boxColumn(report: InstallerReport, f: Formats = formats()): Column {
  const { device, resolution, precision } = report.box
  const sheet = new Column(RIGHT_W, SHEET_STYLE)
  sheet
    .heading(t('installer.box'))
    .pair(t('installer.device'), device.label)
    .pair(t('installer.resolution'), t('installer.resolution.value', { width: resolution.width, height: resolution.height, precision: PRECISION.format(precision) }))
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
    .gap(GAP)
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
    sheet.pair(t('installer.server'), t('installer.server.value', { version: serverVersion, date: f.date(serverDate) }))
  }
  sheet.pair(
    t('installer.lastError'),
    report.lastFailure ? t('installer.lastError.value', { time: timeFormat.format(report.lastFailure.at), what: describeFailure(report.lastFailure.failure) }) : t('installer.lastError.none'),
    { color: report.lastFailure ? COLOR.warning : COLOR.muted, lines: 3 },
  )
  return sheet
}

// What voice guidance says (issue 18): the installer's main fact on arrival; Info reads both columns (kit/Column columnSpoken).

/** Whether the box is bound to an account, and whether the API answers. */
export function installerArrival(report: InstallerReport): string[] {
  const { diagnostics, ping } = report
  const binding = diagnostics.ok
    ? t('installer.bound', { profile: t(`profile.${diagnostics.data.viewer.profile}`) })
    : t(diagnostics.failure.kind === 'unauthorized' ? 'installer.unbound' : 'installer.unknown')
  const api = ping.ok ? t('installer.reachable', { ms: Math.round(ping.latencyMs) }) : t('installer.unreachable')
  return [`${t('installer.binding')}: ${binding}`, `${t('installer.reachability')}: ${api}`].map(spoken)
}
