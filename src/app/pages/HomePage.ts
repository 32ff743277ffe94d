// home: the account at a glance. Each card opens its section; Back exits the app.
import { Lightning, Router } from '@lightningjs/sdk'
import type { Overview } from '../../contract'
import { formatDate, formatMoney } from '../../domain/format'
import { t, uiLanguage } from '../i18n'
import { COLOR, SAFE, TEXT } from '../theme'
import { FocusBox } from '../widgets/FocusBox'
import { textSpec } from '../widgets/text'
import { CONTENT_Y, DataPage } from './DataPage'

const CARD = { w: 560, h: 300, gap: 48 }

interface CardSpec {
  ref: string
  route: string | null
  title: string
  lines: { text: string; color?: number; size?: number }[]
}

export class HomeCard extends FocusBox {
  route: string | null = null

  set spec(spec: CardSpec) {
    this.route = spec.route
    const content: Record<string, unknown> = {
      Title: { x: 36, y: 32, ...textSpec(spec.title, { size: TEXT.body, color: COLOR.muted, width: CARD.w - 72 }) },
    }
    let y = 90
    spec.lines.forEach((line, i) => {
      const size = line.size ?? TEXT.body
      content[`Line${i}`] = { x: 36, y, ...textSpec(line.text, { size, color: line.color ?? COLOR.text, width: CARD.w - 72, maxLines: 2 }) }
      y += Math.round(size * 1.5)
    })
    this.tag('Content').children = content
  }

  override _handleEnter(): void {
    if (this.route) Router.navigate(this.route)
  }
}

export class HomePage extends DataPage<Overview> {
  private focusIndex = 0

  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      ...super._template(),
      Contract: { x: SAFE.x, y: SAFE.y + 130, ...textSpec('', { size: TEXT.small, color: COLOR.muted, width: SAFE.w }) },
      Content: { x: SAFE.x, y: CONTENT_Y + 60 },
    }
  }

  protected render(overview: Overview): void {
    this.title = t('home.greeting', { name: overview.viewer.name })
    this.tag('Contract').text.text = `${overview.account.holderName} · ${t('home.contract', { number: overview.account.contractNumber })} · ${t(`profile.${overview.viewer.profile}`)}`
    const cards = [invoicesCard(overview)]
    this.tag('Content').children = cards.map((spec, i) => ({
      ref: spec.ref,
      type: HomeCard,
      x: i * (CARD.w + CARD.gap),
      w: CARD.w,
      h: CARD.h,
      spec,
    }))
    this.focusIndex = Math.min(this.focusIndex, cards.length - 1)
  }

  protected focusedContent(): Lightning.Component | undefined {
    return this.tag('Content').children[this.focusIndex] as Lightning.Component | undefined
  }

  override _handleLeft(): void {
    this.focusIndex = Math.max(0, this.focusIndex - 1)
  }

  override _handleRight(): void {
    this.focusIndex = Math.min(this.tag('Content').children.length - 1, this.focusIndex + 1)
  }

  /** Back on home closes the app (the Router would otherwise walk history). */
  override _handleBack(): void {
    ;(this.application as unknown as { closeApp(): void }).closeApp()
  }
}

function invoicesCard(overview: Overview): CardSpec {
  const section = overview.invoices
  const title = t('home.invoices')
  if ('denied' in section) {
    // Still focusable: it opens nothing but explains itself (seed 002 profiles).
    return {
      ref: 'Invoices',
      route: null,
      title,
      lines: [
        { text: t('home.invoices.denied'), color: COLOR.warning },
        { text: section.reason, size: TEXT.small },
      ],
    }
  }
  const next = section.next
  if (!next || next.status === 'paid') {
    return { ref: 'Invoices', route: 'invoices', title, lines: [{ text: t('home.invoices.none'), color: COLOR.ok }] }
  }
  const late = next.status === 'overdue'
  return {
    ref: 'Invoices',
    route: 'invoices',
    title,
    lines: [
      { text: formatMoney(next.totalCents), size: TEXT.title },
      {
        text: late ? t('home.invoices.late', { days: next.daysOverdue }) : t('home.invoices.due', { date: formatDate(next.dueDate, uiLanguage()) }),
        color: late ? COLOR.danger : COLOR.text,
      },
      ...(section.unpaidCount > 1 ? [{ text: t('home.invoices.unpaid', { count: section.unpaidCount }), size: TEXT.small }] : []),
    ],
  }
}
