// The spoken formats a feature's text.ts takes for voice guidance (issue 18): every number and
// date of a sentence in words, Portugal's clock for instants, the screen's signs in words.
import { describe, expect, it } from 'vitest'
import { shownFormats } from '../../../src/domain/format'
import { spokenDayMonth, spokenDayTime, spokenFormats, spokenSigns, spokenTimeOfDay, spokenUnitPrice } from '../../../src/domain/spoken'

describe('instants as Portugal sees them', () => {
  it('says the time of day in Lisbon, summer time included', () => {
    expect(spokenTimeOfDay('2026-11-12T21:00:00Z', 'pt')).toBe('vinte e uma horas')
    expect(spokenTimeOfDay('2026-07-01T13:05:00Z', 'pt')).toBe('catorze horas e cinco minutos')
    expect(spokenTimeOfDay('2026-01-10T01:01:00Z', 'pt')).toBe('uma hora e um minuto')
    expect(spokenTimeOfDay('2026-01-10T00:30:00Z', 'pt')).toBe('zero horas e trinta minutos')
    expect(spokenTimeOfDay('2026-07-01T13:05:00Z', 'en')).toBe('fourteen oh five')
    expect(spokenTimeOfDay('2026-11-12T21:00:00Z', 'en')).toBe('twenty-one hundred')
  })

  it('says the day of an instant in Lisbon, not UTC', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in Lisbon (UTC+1).
    expect(spokenDayTime('2026-06-30T23:30:00Z', 'pt')).toBe('um de julho, às zero horas e trinta minutos')
    expect(spokenDayTime('2026-11-12T21:30:00Z', 'en')).toBe('the twelfth of November at twenty-one thirty')
  })

  it('says a day and month without the year', () => {
    expect(spokenDayMonth('2026-12-05', 'pt')).toBe('cinco de dezembro')
    expect(spokenDayMonth('2026-12-22', 'en')).toBe('the twenty-second of December')
  })
})

describe('prices and signs', () => {
  it('says a point price in tenths of a cent (seed 003 §17: 0,271 €)', () => {
    expect(spokenUnitPrice(271, 'pt')).toBe('vinte e sete vírgula um cêntimos')
    expect(spokenUnitPrice(1271, 'pt')).toBe('um euro e vinte e sete vírgula um cêntimos')
    expect(spokenUnitPrice(250, 'pt')).toBe('vinte e cinco cêntimos')
    expect(spokenUnitPrice(271, 'en')).toBe('twenty-seven point one cents')
  })

  it('says the signs a speech engine would read aloud or skip', () => {
    expect(spokenSigns('doze euros/mês · Subscrito', 'pt')).toBe('doze euros por mês, Subscrito')
    expect(spokenSigns('Fox Life (25 → 7)', 'pt')).toBe('Fox Life (25 para 7)')
    expect(spokenSigns('a ÷ 24 meses × 13 meses = b', 'pt')).toBe('a a dividir por 24 meses vezes 13 meses igual a b')
    expect(spokenSigns('nine euros/month', 'en')).toBe('nine euros a month')
  })

  it('says the figures of a text the operator wrote (a notice body) in words, keeping plain numbers', () => {
    expect(spokenSigns('Passa de 64,85 € para 69,90 €/mês a partir de 01/12/2026 (mais 7,8 %).', 'pt')).toBe(
      'Passa de sessenta e quatro euros e oitenta e cinco cêntimos para sessenta e nove euros e noventa cêntimos por mês a partir de um de dezembro de dois mil e vinte e seis (mais sete vírgula oito por cento).',
    )
    expect(spokenSigns('Taxa de 0,50\u00a0€ com IVA; 1\u00a0234,05 € no total; 10 €; 2,05 %', 'pt')).toBe(
      'Taxa de cinquenta cêntimos com IVA; mil duzentos e trinta e quatro euros e cinco cêntimos no total; dez euros; dois vírgula zero cinco por cento',
    )
    expect(spokenSigns('Bloqueado até às 14:35.', 'pt')).toBe('Bloqueado até às catorze horas e trinta e cinco minutos.')
    expect(spokenSigns('NIF *****5931', 'pt')).toBe('NIF terminado em cinco nove três um')
    expect(spokenSigns('Eurosport 2 (posição 41) deixa de estar disponível.', 'pt')).toBe('Eurosport 2 (posição 41) deixa de estar disponível.')
    expect(spokenSigns('From 01/12/2026: 0,50 € more (2,3 %).', 'en')).toBe('From the first of December two thousand and twenty-six: fifty cents more (two point three percent).')
  })
})

describe('spoken and shown formats', () => {
  it('write the same facts, one in figures and one in words', () => {
    const shown = shownFormats('pt')
    const spoken = spokenFormats('pt')
    expect([shown.money(7027), spoken.money(7027)]).toEqual(['70,27\u00a0€', 'setenta euros e vinte e sete cêntimos'])
    expect([shown.date('2026-12-20'), spoken.date('2026-12-20')]).toEqual(['20/12/2026', 'vinte de dezembro de dois mil e vinte e seis'])
    expect([shown.percent(98), spoken.percent(98)]).toEqual(['98%', 'noventa e oito por cento'])
    expect([shown.hours(5880), spoken.hours(5880)]).toEqual(['98 h', 'noventa e oito horas'])
    expect([shown.duration(150), spoken.duration(150)]).toEqual(['2 h 30 min', 'duas horas e trinta minutos'])
    // No figure is left in a spoken format's output.
    const heard = [spoken.money(1), spoken.unitPrice(271), spoken.longDate('2027-03-05'), spoken.dayMonth('2026-12-05'), spoken.dayTime('2026-11-12T21:00:00Z'), spoken.timeOfDay('2026-11-12T21:00:00Z')]
    for (const text of heard) expect(text).not.toMatch(/\d/)
  })
})
