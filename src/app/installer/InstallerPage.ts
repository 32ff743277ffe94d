// installer: the box at setup, in one read-only screen an installer reads in ten
// seconds (DESIGN §1; the words: ./text.ts). OK measures again; Back leaves (on its
// own launch, closes the app).
import { Lightning, Router } from '@lightningjs/sdk'
import { ActionButton } from '../kit/ActionButton'
import { columnSpoken } from '../kit/Column'
import { CONTENT_Y, DataPage, type DataPageSpec } from '../kit/DataPage'
import { t } from '../kit/i18n'
import { SAFE } from '../kit/theme'
import type { InstallerReport } from './actions'
import { accountColumn, boxColumn, installerArrival } from './text'

const LEFT_X = SAFE.x
const RIGHT_X = SAFE.x + 960

interface InstallerPageSpec extends DataPageSpec {
  Content: { Account: typeof Lightning.Element; Box: typeof Lightning.Element; Remeasure: typeof ActionButton }
}

export class InstallerPage extends DataPage<InstallerReport, InstallerPageSpec> {
  private standalone = false

  static override _template(): Lightning.Component.Template<InstallerPageSpec> {
    return {
      ...super._template(),
      Content: {
        Account: { x: LEFT_X, y: CONTENT_Y },
        Box: { x: RIGHT_X, y: CONTENT_Y },
        Remeasure: { type: ActionButton, x: RIGHT_X, y: SAFE.y + SAFE.h - 84, w: 460, h: 84, signals: { pressed: '_remeasure' } },
      },
    }
  }

  override _init(): void {
    this.title = t('installer.title')
    this.tag('Content.Remeasure')!.label = t('installer.remeasure')
  }

  protected render(report: InstallerReport): void {
    this.standalone = report.standalone
    this.title = t('installer.title')
    this.tag('Content.Account')!.childList.patch(accountColumn(report.diagnostics).rows)
    this.tag('Content.Box')!.childList.patch(boxColumn(report).rows)
    this.arrival = installerArrival(report)
    this.heard = [...columnSpoken((f) => accountColumn(report.diagnostics, f)), ...columnSpoken((f) => boxColumn(report, f))]
  }

  private heard: string[] = []

  /** Info reads both columns. */
  protected override screenFacts(): string[] {
    return this.heard
  }

  protected focusedContent(): Lightning.Component | undefined {
    return this.tag('Content.Remeasure')
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
