// The fixtures the component suites feed the pages are answers the real API could
// send: each one fits the contract's schema, and the Multibanco references carry
// the right SIBS check digits for their amount.
import { describe, expect, test } from 'vitest'
import { Value } from 'typebox/value'
import { InvoiceDetail, InvoiceList, Overview } from '../../src/contract'
import { isValidMultibancoReference } from '../../src/domain/multibanco'
import {
  directDebitInvoice,
  invoiceList,
  longInvoice,
  multibancoInvoice,
  overdueInvoice,
  overdueOverview,
  paidOverview,
  restrictedOverview,
  unpaidOverview,
} from './fixtures'

describe('fixtures match the API contract', () => {
  test.each([
    ['24 invoices', invoiceList(24)],
    ['a full page', invoiceList(60)],
    ['no invoices', invoiceList(0)],
  ])('InvoiceList: %s', (_, list) => {
    expect(Value.Check(InvoiceList, list)).toBe(true)
    expect(new Set(list.items.map((item) => item.id)).size).toBe(list.items.length)
  })

  test.each([
    ['multibanco', multibancoInvoice],
    ['direct debit', directDebitInvoice],
    ['overdue', overdueInvoice],
    ['long', longInvoice],
  ])('InvoiceDetail: %s', (_, invoice) => {
    expect([...Value.Errors(InvoiceDetail, invoice)]).toEqual([])
  })

  test.each([
    ['overdue', overdueOverview],
    ['unpaid', unpaidOverview],
    ['paid', paidOverview],
    ['restricted', restrictedOverview],
  ])('Overview: %s', (_, overview) => {
    expect([...Value.Errors(Overview, overview)]).toEqual([])
  })

  test('totals add up and Multibanco references check', () => {
    for (const invoice of [multibancoInvoice, overdueInvoice, directDebitInvoice, longInvoice]) {
      expect(invoice.lines.reduce((sum, line) => sum + line.netCents, 0)).toBe(invoice.netCents)
      expect(invoice.netCents + invoice.vatCents).toBe(invoice.totalCents)
      expect(Math.round((invoice.netCents * invoice.vatRatePercent) / 100)).toBe(invoice.vatCents)
    }
    for (const invoice of [multibancoInvoice, overdueInvoice]) {
      const payment = invoice.payment
      if (payment.method !== 'multibanco') throw new Error('expected Multibanco')
      expect(payment.amountCents).toBe(invoice.totalCents)
      expect(isValidMultibancoReference(payment.entity, payment.reference, payment.amountCents)).toBe(true)
    }
  })

  test('a fixture that breaks the contract is caught', () => {
    expect(Value.Check(InvoiceDetail, { ...multibancoInvoice, status: 'late' })).toBe(false)
  })
})
