// installer: one read-only screen; OK measures again, Back leaves or closes.
import { beforeEach, describe, expect, test } from 'vitest'
import type { Diagnostics } from '../../src/contract'
import { KeySequence } from '../../src/app/shell/installerKeys'
import type { InstallerReport } from '../../src/app/installer/actions'
import { InstallerPage } from '../../src/app/installer/InstallerPage'
import { COLOR } from '../../src/app/kit/theme'
import { DEVICES, RESOLUTIONS } from '../../src/platform/devices'
import { elementWithText, mount, shownTexts, spyRouter, textColor } from './helpers'

const NOW = Date.parse('2026-11-23T10:00:00Z')

const DIAGNOSTICS: Diagnostics = {
  account: { id: 'acc-1', holderName: 'Ana Rita Medeiros', contractNumber: '4101907724' },
  viewer: { name: 'Ana Rita Medeiros', profile: 'administrador' },
  registration: { state: 'pending-activation', accountActivatedOn: '2026-11-17' },
  services: {
    services: [
      { name: 'Televisão NOS', kind: 'tv', status: 'active', requestedOn: '2026-11-15', installedOn: '2026-11-15', activatedOn: '2026-11-17', activationDueOn: null, activationLate: false },
      { name: 'Telefone fixo', kind: 'voice', status: 'pending', requestedOn: '2026-11-15', installedOn: '2026-11-15', activatedOn: null, activationDueOn: '2026-11-17', activationLate: true },
      { name: 'Canal premium Sport TV', kind: 'premium', status: 'pending', requestedOn: '2026-11-22', installedOn: '2026-11-15', activatedOn: null, activationDueOn: '2026-11-24', activationLate: false },
    ],
    entitlements: [{ name: 'Canal premium Sport TV', status: 'pending', since: null }],
  },
  serverDate: '2026-11-23',
  serverVersion: '0.1.0',
}

function report(overrides: Partial<InstallerReport> = {}): InstallerReport {
  return {
    diagnostics: { ok: true, data: DIAGNOSTICS, fetchedAt: NOW },
    ping: { ok: true, latencyMs: 12.4, version: '0.1.0' },
    box: { device: DEVICES.low, resolution: RESOLUTIONS['720p'], precision: 2 / 3 },
    appVersion: '0.1.0',
    apiBaseUrl: 'http://10.0.0.5:3000',
    lastFailure: null,
    standalone: false,
    ...overrides,
  }
}

function open(data: InstallerReport) {
  const harness = mount(InstallerPage)
  harness.component.result = { ok: true, data, fetchedAt: NOW }
  harness.settle()
  return harness
}

let router: ReturnType<typeof spyRouter>
beforeEach(() => {
  router = spyRouter()
})

describe('InstallerPage', () => {
  test('reads the binding, pending services first with their 48 h limit, and the box in force', () => {
    const { component } = open(report())
    const texts = shownTexts(component)
    expect(texts[0]).toBe('Modo instalador')
    expect(texts).toContain('Associada · perfil Administrador')
    expect(texts).toContain('Ativação pendente (conta de 17/11/2026)')
    // Pending services come before the active ones.
    expect(texts.indexOf('Telefone fixo')).toBeLessThan(texts.indexOf('Televisão NOS'))
    expect(textColor(elementWithText(component, 'Atrasado (prazo 17/11)'))).toBe(COLOR.danger)
    expect(textColor(elementWithText(component, 'Pendente até 24/11'))).toBe(COLOR.warning)
    expect(texts).toContain('Low memory')
    expect(texts).toContain('1280×720 · precisão 0,667')
    expect(texts).toContain(`texturas ${DEVICES.low.memoryPressure / 1e6} MB · buffer ${DEVICES.low.bufferMemory / 1e6} MB`)
    expect(texts).toContain('Acessível · 12 ms')
    expect(texts).toContain('http://10.0.0.5:3000')
    expect(texts).toContain('Nenhum')
  })

  test('an unbound box says so, and the last error is named', () => {
    const { component } = open(
      report({
        diagnostics: { ok: false, failure: { kind: 'unauthorized', reason: 'O token não é conhecido.' }, lastKnown: null },
        lastFailure: { path: '/v1/diagnostics', failure: { kind: 'unauthorized', reason: 'O token não é conhecido.' }, at: NOW },
      }),
    )
    const texts = shownTexts(component)
    expect(texts).toContain('Não associada a nenhuma conta')
    expect(texts.some((text) => /: Esta box não está autorizada a ver a conta\. O token não é conhecido\.$/.test(text))).toBe(true)
  })

  test('OK measures again; Back goes back, or closes the app when launched as installer', () => {
    const harness = open(report())
    expect(shownTexts(harness.focused())).toEqual(['Medir de novo'])
    harness.press('Enter')
    expect(router.reload).toHaveBeenCalledTimes(1)
    harness.press('Back')
    expect(harness.closeApp).not.toHaveBeenCalled()

    const standalone = open(report({ standalone: true }))
    standalone.press('Back')
    expect(standalone.closeApp).toHaveBeenCalledTimes(1)
  })
})

describe('the installer key sequence', () => {
  test('Blue 0 0 0 completes it; another key or a pause of more than 3 s starts over', () => {
    let now = 0
    const keys = new KeySequence(undefined, () => now)
    const push = (...names: string[]) => names.map((name) => keys.push(name)).at(-1)
    expect(push('Blue', '0', '0', '0')).toBe(true)
    expect(push('Blue', '0', '1', '0')).toBe(false)
    expect(push('Blue', 'Blue', '0', '0', '0')).toBe(true)
    push('Blue', '0')
    now += 3500
    expect(push('0', '0')).toBe(false)
  })
})
