// The answer checker against the contract's JSON Schema: the subset the schemas use.
import { describe, expect, it } from 'vitest'
import { firstMismatch } from '../../../src/data/check'
import { InvoiceDetail, InvoiceList, Overview } from '../../../src/contract'

describe('firstMismatch', () => {
  it.each([
    [{ type: 'string' }, 'x'],
    [{ type: 'integer', minimum: 0, maximum: 10 }, 10],
    [{ type: 'number' }, 1.5],
    [{ type: 'boolean' }, false],
    [{ type: 'null' }, null],
    [{ const: 'paid' }, 'paid'],
    [{ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, '2026-03-16'],
    [{ anyOf: [{ type: 'null' }, { type: 'string' }] }, null],
    [{ type: 'array', items: { type: 'integer' } }, [1, 2, 3]],
    [{ type: 'array' }, ['anything', 1]],
    [{ type: 'object', required: ['a'], properties: { a: { type: 'string' }, b: { type: 'integer' } } }, { a: 'x' }],
    [{}, { anything: true }],
  ])('%j accepts %j', (schema, value) => {
    expect(firstMismatch(schema, value)).toBeNull()
  })

  it.each([
    [{ type: 'string' }, 1, '/: must be a string'],
    [{ type: 'integer' }, 1.5, '/: must be an integer'],
    [{ type: 'number' }, Number.NaN, '/: must be a number'],
    [{ type: 'number' }, '1', '/: must be a number'],
    [{ type: 'integer', minimum: 1 }, 0, '/: below 1'],
    [{ type: 'integer', maximum: 60 }, 61, '/: above 60'],
    [{ type: 'boolean' }, 'true', '/: must be true or false'],
    [{ type: 'null' }, 0, '/: must be null'],
    [{ const: 'paid' }, 'overdue', '/: must be "paid"'],
    [{ type: 'string', pattern: '^\\d+$' }, '12a', '/: has an unexpected format'],
    [{ anyOf: [{ type: 'null' }, { type: 'string' }] }, 3, '/: matches no allowed shape'],
    [{ type: 'array', items: { type: 'integer' } }, [1, 'x'], '/1: must be a number'],
    [{ type: 'array' }, { length: 0 }, '/: must be an array'],
    [{ type: 'object' }, [], '/: must be an object'],
    [{ type: 'object' }, null, '/: must be an object'],
    [{ type: 'object', required: ['a'] }, {}, '/a: is missing'],
    [{ type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'string' } } } } }, { a: { b: 1 } }, '/a/b: must be a string'],
  ])('%j refuses %j with "%s"', (schema, value, problem) => {
    expect(firstMismatch(schema, value)).toBe(problem)
  })

  it('checks the real contract: a list item with a wrong status is named by its index', () => {
    const item = {
      id: 'ft-1',
      number: 'FT 2026/1',
      periodStart: '2026-01-01',
      periodEnd: '2026-01-31',
      issueDate: '2026-02-01',
      dueDate: '2026-02-20',
      totalCents: 1000,
      status: 'paid',
    }
    const verdict = firstMismatch(InvoiceList, { total: 2, position: 0, next: null, previous: null, unpaidCount: 0, unpaidTotalCents: 0, mostUrgent: null, items: [item, { ...item, status: 'lost' }] })
    // Whatever else the schema requires, the first problem lies in the list's items.
    expect(verdict).toMatch(/^\/items\/0|^\/items\/1/)
  })

  it('the contract schemas are plain JSON Schema objects the checker walks (no TypeBox needed at run time)', () => {
    for (const schema of [Overview, InvoiceList, InvoiceDetail]) {
      expect(firstMismatch(schema, 'not an object')).toBe('/: must be an object')
      expect(firstMismatch(schema, {})).toMatch(/is missing$/)
    }
  })

  it('reuses compiled patterns (same verdicts on repeated calls)', () => {
    const schema = { type: 'string', pattern: '^[A-Z]{2}$' }
    for (let i = 0; i < 3; i++) {
      expect(firstMismatch(schema, 'PT')).toBeNull()
      expect(firstMismatch(schema, 'pt')).toBe('/: has an unexpected format')
    }
  })
})
