// invoices/:id: what was billed on the left, how to pay on the right; the remote
// moves between the two panels and scrolls the one that is taller than the screen.
import { Language, type Lightning } from '@lightningjs/sdk'
import { beforeEach, describe, expect, test } from 'vitest'
import type { InvoiceDetail } from '../../src/contract'
import { COLOR } from '../../src/app/kit/theme'
import { InvoiceDetailPage } from '../../src/app/invoices/InvoiceDetailPage'
import type { ScrollPanel } from '../../src/app/kit/ScrollPanel'
import { directDebitInvoice, longInvoice, multibancoInvoice, overdueInvoice } from './fixtures'
import { childrenOf, elementWithText, eur, isShown, mount, shownTexts, spyRouter, textColor, textOf } from './helpers'

const NOW = Date.parse('2026-11-23T10:00:00Z')

function open(invoice: InvoiceDetail) {
  const harness = mount(InvoiceDetailPage)
  harness.component.result = { ok: true, data: invoice, fetchedAt: NOW }
  const page = harness.component
  const lines = page.tag('Content.Lines')!
  const payment = page.tag('Content.Payment')!
  return { ...harness, page, lines, payment, linesText: () => shownTexts(lines), paymentText: () => shownTexts(payment) }
}

/** The text right after `label`: the value of a label/value pair. */
function valueOf(texts: string[], label: string): string | undefined {
  const i = texts.indexOf(label)
  return i < 0 ? undefined : texts[i + 1]
}

beforeEach(() => {
  spyRouter()
})

describe('InvoiceDetailPage: what was billed', () => {
  test('title, status badge, dates and ATCUD', () => {
    const { page, linesText } = open(multibancoInvoice)
    const all = shownTexts(page)
    expect(all[0]).toBe(`Fatura ${multibancoInvoice.number}`)
    expect(all).toContain('Por pagar')
    const texts = linesText()
    expect(valueOf(texts, 'Período')).toBe('01/11/2026 – 30/11/2026')
    expect(valueOf(texts, 'Data da fatura')).toBe('01/11/2026')
    expect(valueOf(texts, 'Emitida a')).toBe('03/11/2026')
    expect(valueOf(texts, 'Data limite de pagamento')).toBe('23/11/2026')
    expect(valueOf(texts, 'ATCUD')).toBe('JJ4TGW2K-4512301')
  })

  test('in English the lines stay as billed, in Portuguese, and the page says so; in Portuguese no such note', async () => {
    expect(open(multibancoInvoice).linesText()).not.toContain('As linhas são as da fatura emitida pelo operador.')
    await Language.set('en')
    try {
      const texts = open(multibancoInvoice).linesText()
      expect(texts).toContain('The lines are as the operator billed them, in Portuguese.')
      expect(texts).toContain('Pacote TV Fibra 150 canais')
    } finally {
      await Language.set('pt')
    }
  })

  test('lines are listed under their group, in the invoice order of groups', () => {
    const texts = open(multibancoInvoice).linesText()
    const from = texts.indexOf('Pacote base')
    expect(texts.slice(from, texts.indexOf('Total sem IVA'))).toEqual([
      'Pacote base',
      'Pacote TV Fibra 150 canais',
      eur('36,99 €'),
      'Mensalidades',
      'Aluguer de box UMA adicional',
      eur('3,25 €'),
      'Sport TV Premium',
      eur('21,95 €'),
      'Consumos adicionais',
      'Aluguer VoD: Oppenheimer',
      eur('3,25 €'),
      'Aluguer VoD: Duna – Parte Dois',
      eur('4,06 €'),
      'Créditos',
      'Crédito: serviço indisponível mais de 24 h',
      eur('-1,50 €'),
    ])
  })

  test('a group without lines has no heading', () => {
    const texts = open({ ...multibancoInvoice, lines: multibancoInvoice.lines.filter((line) => line.group !== 'credit') }).linesText()
    expect(texts).not.toContain('Créditos')
    expect(texts).toContain('Consumos adicionais')
  })

  test('totals before IVA, IVA with its rate, the total, and the change from last month', () => {
    const texts = open(multibancoInvoice).linesText()
    expect(valueOf(texts, 'Total sem IVA')).toBe(eur('68,00 €'))
    expect(valueOf(texts, 'IVA (23%)')).toBe(eur('15,64 €'))
    expect(valueOf(texts, 'Total a pagar')).toBe(eur('83,64 €'))
    expect(texts).toContain(eur('Mais 3,74 € do que no mês anterior'))
  })

  test.each([
    [7990, eur('Mais 3,74 € do que no mês anterior')],
    [9000, eur('Menos 6,36 € do que no mês anterior')],
    [8364, 'Igual ao mês anterior'],
    [null, 'Primeira fatura'],
  ])('previous month %s → "%s"', (previousTotalCents, expected) => {
    expect(open({ ...multibancoInvoice, previousTotalCents }).linesText()).toContain(expected)
  })

  test('a first, partial-period invoice says so', () => {
    expect(open({ ...multibancoInvoice, partialPeriod: true }).linesText()).toContain('Primeira fatura: período parcial desde a ativação.')
    expect(open(multibancoInvoice).linesText()).not.toContain('Primeira fatura: período parcial desde a ativação.')
  })

  test('amounts of thousands use the pt-PT group separator', () => {
    const texts = open({ ...multibancoInvoice, totalCents: 1_234_567 }).linesText()
    expect(valueOf(texts, 'Total a pagar')).toBe(eur('12 345,67 €'))
  })
})

describe('InvoiceDetailPage: how to pay', () => {
  test('Multibanco: entity, reference grouped 3-3-3, amount and beneficiary', () => {
    const texts = open(multibancoInvoice).paymentText()
    expect(texts.slice(0, 2)).toEqual(['Como pagar', 'Multibanco'])
    expect(valueOf(texts, 'Entidade')).toBe('90150')
    expect(valueOf(texts, 'Referência')).toBe('417 203 995')
    expect(valueOf(texts, 'Montante')).toBe(eur('83,64 €'))
    expect(texts).toContain('Beneficiário: Operador TV, S.A.')
    expect(texts).not.toContain('Débito direto')
  })

  test('the issue’s vector: 432,11 € to entity 90150, reference 123 123 451', () => {
    const texts = open({
      ...multibancoInvoice,
      totalCents: 43211,
      payment: { method: 'multibanco', entity: '90150', reference: '123123451', amountCents: 43211, beneficiary: 'Operador TV, S.A.' },
    }).paymentText()
    expect(valueOf(texts, 'Referência')).toBe('123 123 451')
    expect(valueOf(texts, 'Montante')).toBe(eur('432,11 €'))
  })

  test('direct debit: masked account and collection date, no Multibanco data', () => {
    const texts = open(directDebitInvoice).paymentText()
    expect(texts).toContain('Débito direto')
    expect(texts).toContain('Conta PT** **** 0154')
    expect(texts).toContain('Cobrança a 23/11/2026')
    expect(texts).not.toContain('Multibanco')
    expect(texts).not.toContain('Entidade')
  })

  test('a paid invoice says it is paid instead of how to pay', () => {
    const texts = open({ ...multibancoInvoice, status: 'paid' }).paymentText()
    expect(texts).toContain('Fatura paga.')
    expect(texts).not.toContain('Entidade')
  })

  test('a QR code opens the invoice on a phone', () => {
    const { payment } = open(multibancoInvoice)
    expect(shownTexts(payment)).toContain('Abra a fatura no telemóvel')
    const image = childrenOf(payment.tag('Viewport.Content')!).find((child) => typeof (child as { src?: unknown }).src === 'string')
    expect(image).toBeDefined()
    expect((image as unknown as { src: string }).src).toMatch(/^data:image\/gif;base64,/)
    expect(image!.w).toBeGreaterThanOrEqual(150)
    expect(image!.w).toBe(image!.h)
  })
})

describe('InvoiceDetailPage: the overdue timeline', () => {
  test('is not shown for an invoice that is not late', () => {
    const texts = open(multibancoInvoice).paymentText()
    expect(texts.some((text) => text.startsWith('Fatura em atraso'))).toBe(false)
    expect(texts.some((text) => text.includes('suspensão'))).toBe(false)
  })

  test('shows the server’s dates, fees and the date to pay by when late', () => {
    const { page, payment, linesText } = open(overdueInvoice)
    // The invoice's own due date is said to have passed: it is not the date to pay by (issue 21, 10).
    expect(valueOf(linesText(), 'Data limite (já passou)')).toBe('11/11/2026')
    expect(linesText()).not.toContain('Data limite de pagamento')
    expect(shownTexts(page)).toContain('Em atraso')
    const texts = shownTexts(payment)
    const from = texts.indexOf('Fatura em atraso: o que acontece')
    expect(from).toBeGreaterThan(0)
    // "Pague até" the day before "A partir de" (Civil Code art. 279); the fee says on which invoice it comes.
    expect(texts.slice(from, from + 9)).toEqual([
      'Fatura em atraso: o que acontece',
      'O serviço continua ativo.',
      'Até 21/11/2026: aviso das consequências do não pagamento',
      'A partir de 21/12/2026: suspensão do serviço',
      'A partir de 20/01/2027: fim automático do contrato',
      eur('Acrescem 5,00 € de custos de cobrança, na fatura de 01/12/2026, e 0,28 € de juros de mora até hoje (10,15 % ao ano).'),
      'Se pagar só alguns serviços, a suspensão limita-se aos que ficarem por pagar.',
      'Para evitar a suspensão, pague até 20/12/2026 (último dia antes dela).',
      'Abra a fatura no telemóvel',
    ])
    expect(textColor(elementWithText(payment, 'Fatura em atraso: o que acontece'))).toBe(COLOR.danger)
  })

  test('suspended: says what reactivates the service, with the reactivation fee, and by when (004 general §12.7, TV §8.6)', () => {
    const timeline = { ...overdueInvoice.timeline!, serviceStatus: 'suspended' as const, payBy: '2027-01-19', noticeSentOn: '2026-11-18' }
    const texts = open({ ...overdueInvoice, timeline }).paymentText()
    expect(texts).toContain('O serviço está suspenso por falta de pagamento.')
    expect(texts).toContain('18/11/2026: aviso das consequências do não pagamento enviado')
    expect(texts).toContain(eur('Para reativar o serviço, pague até 19/01/2027 a dívida, os juros e 10,00 € de reativação.'))
    expect(texts.some((text) => text.includes('evitar a suspensão'))).toBe(false)
  })

  test('terminated: no date to pay by any more', () => {
    const timeline = { ...overdueInvoice.timeline!, serviceStatus: 'terminated' as const, payBy: null }
    const texts = open({ ...overdueInvoice, timeline }).paymentText()
    expect(texts).toContain('O contrato terminou por falta de pagamento; a dívida continua a ser devida.')
    expect(texts.some((text) => text.includes('pague até'))).toBe(false)
    expect(texts).not.toContain('O serviço continua ativo.')
  })

  test('a business customer and a debt for the debtors\' database are told (004 general §12.6 b, §18.10)', () => {
    const timeline = { ...overdueInvoice.timeline!, nonConsumerTerminationFrom: '2026-11-29', debtorsDatabaseReportable: true }
    const texts = open({ ...overdueInvoice, timeline }).paymentText()
    expect(texts).toContain('Cliente empresarial: a partir de 29/11/2026 o contrato pode ser resolvido, com 8 dias de aviso.')
    expect(texts).toContain(eur('Uma dívida a partir de 184,00 € pode ser comunicada à base de dados partilhada de devedores; será informado no prazo de 5 dias.'))
  })
})

describe('InvoiceDetailPage: the remote', () => {

  // Issue 21 (3): nothing here to act on, so no panel is a focused blue block.
  test('the page holds focus; Down scrolls the lines, Right makes Down scroll the payment panel, Left back', () => {
    const { press, focused, page, lines, payment } = open(overdueInvoice)
    expect(focused()).toBe(page)
    expect(lines.tag('Background')!.color).toBe(COLOR.surface)
    press('Right', 'Down')
    expect(payment.tag('Viewport.Content')!.y).toBeLessThan(0)
    expect(lines.tag('Viewport.Content')!.y).toBe(0)
    press('Left', 'Down')
    expect(focused()).toBe(page)
  })

  /** The rows the panel's window cuts through: a text from its top down its lines, partly in the window. */
  function cutRows(panel: ScrollPanel): string[] {
    const viewport = panel.tag('Viewport')! as Lightning.Element
    const content = panel.tag('Viewport.Content')!
    return content.children
      .filter((row: Lightning.Element) => {
        const text = row.text as unknown as { lineHeight: number; maxLines: number } | null
        if (!text) return false
        const top = row.y + content.y
        const bottom = top + text.lineHeight * Math.max(1, text.maxLines)
        return top < viewport.h && bottom > 0 && (top < 0 || bottom > viewport.h)
      })
      .map((row: Lightning.Element) => String(textOf(row)))
  }

  test('Up/Down scroll by whole rows (no line cut at either edge), to the last row, and stop at both ends', () => {
    const { pressSlowly, lines } = open(longInvoice)
    const content = lines.tag('Viewport.Content')!
    const rows = content.children
    const last = rows[rows.length - 1]!
    expect(textOf(last)).toBe(eur('Mais 141,98 € do que no mês anterior'))
    // There is more below, and the scroll bar says so.
    expect(lines.more).toEqual({ above: false, below: true })
    expect(lines.tag('Bar')!.visible).toBe(true)
    expect(cutRows(lines)).toEqual([])
    for (let i = 0; i < 40 && lines.more.below; i++) {
      pressSlowly('Down')
      expect(cutRows(lines)).toEqual([])
    }
    expect(lines.more).toEqual({ above: true, below: false })
    const bottom = content.y
    // The last row is shown whole.
    expect(last.y + bottom).toBeLessThan(lines.tag('Viewport')!.h)
    pressSlowly('Down')
    expect(content.y).toBe(bottom)
    for (let i = 0; i < 40 && lines.more.above; i++) {
      pressSlowly('Up')
      expect(cutRows(lines)).toEqual([])
    }
    expect(content.y).toBe(0)
  })

  // A held key repeats faster than any animation: no press may be lost.
  test('Down pressed twice quickly scrolls as far as pressed slowly', () => {
    const { press, pressSlowly, settle, lines } = open(longInvoice)
    const content = lines.tag('Viewport.Content')!
    pressSlowly('Down', 'Down')
    const slow = content.y
    pressSlowly('Up', 'Up')
    expect(content.y).toBe(0)
    press('Down', 'Down')
    settle()
    expect(content.y).toBe(slow)
  })

  test('a panel that fits does not move', () => {
    const short = { ...multibancoInvoice, lines: multibancoInvoice.lines.slice(0, 1) }
    const { pressSlowly, lines } = open(short)
    pressSlowly('Down', 'Down')
    expect(lines.tag('Viewport.Content')!.y).toBe(0)
  })

  test('with the overdue timeline the payment panel scrolls down to the QR code', () => {
    const { pressSlowly, payment, page } = open(overdueInvoice)
    const content = payment.tag('Viewport.Content')!
    const qr = childrenOf(content).find((child) => typeof (child as { src?: unknown }).src === 'string')!
    expect(qr.y + qr.h).toBeGreaterThan(payment.h)
    pressSlowly('Right')
    for (let i = 0; i < 10; i++) pressSlowly('Down')
    expect(qr.y + content.y + qr.h).toBeLessThanOrEqual(payment.tag('Viewport')!.h)
    expect(qr.y + content.y).toBeGreaterThan(0)
    // Scrolling the right panel leaves the left one where it was.
    expect(page.tag('Content.Lines')!.tag('Viewport.Content')!.y).toBe(0)
  })

  test('a second invoice opened in the same page starts at the top', () => {
    const { pressSlowly, page, lines } = open(longInvoice)
    pressSlowly('Down', 'Down')
    expect(lines.tag('Viewport.Content')!.y).toBeLessThan(0)
    page.result = { ok: true, data: multibancoInvoice, fetchedAt: NOW }
    expect(lines.tag('Viewport.Content')!.y).toBe(0)
    expect(isShown(elementWithText(lines, 'Pacote base'))).toBe(true)
  })
})
