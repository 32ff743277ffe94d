import { describe, expect, it } from 'vitest'
import {
  numberWords,
  spokenCount,
  spokenDate,
  spokenDigits,
  spokenDuration,
  spokenMoney,
  spokenMonthYear,
  spokenMultibanco,
  spokenPercent,
  spokenPinProgress,
  spokenPosition,
} from '../../../src/domain/spoken'

describe('numberWords in Portuguese', () => {
  it.each([
    [0, 'zero'],
    [1, 'um'],
    [2, 'dois'],
    [14, 'catorze'],
    [16, 'dezasseis'],
    [17, 'dezassete'],
    [19, 'dezanove'],
    [20, 'vinte'],
    [21, 'vinte e um'],
    [70, 'setenta'],
    [98, 'noventa e oito'],
    [100, 'cem'],
    [101, 'cento e um'],
    [110, 'cento e dez'],
    [200, 'duzentos'],
    [345, 'trezentos e quarenta e cinco'],
    [999, 'novecentos e noventa e nove'],
    [1000, 'mil'],
    [1001, 'mil e um'],
    [1100, 'mil e cem'],
    [1101, 'mil cento e um'],
    [1200, 'mil e duzentos'],
    [1250, 'mil duzentos e cinquenta'],
    [2000, 'dois mil'],
    [2026, 'dois mil e vinte e seis'],
    [100_000, 'cem mil'],
    [101_000, 'cento e um mil'],
    [1_000_000, 'um milhão'],
    [1_000_001, 'um milhão e um'],
    [1_001_000, 'um milhão e mil'],
    [1_200_000, 'um milhão e duzentos mil'],
    [1_250_000, 'um milhão duzentos e cinquenta mil'],
    [2_000_000, 'dois milhões'],
    [1_000_000_000, 'mil milhões'],
    [-5, 'menos cinco'],
  ])('%i → %s', (n, words) => {
    expect(numberWords(n, 'pt')).toBe(words)
  })

  it.each([
    [1, 'uma'],
    [2, 'duas'],
    [21, 'vinte e uma'],
    [22, 'vinte e duas'],
    [200, 'duzentas'],
    [501, 'quinhentas e uma'],
    [2000, 'duas mil'],
    [200_000, 'duzentas mil'],
    [2_000_002, 'dois milhões e duas'],
    [3, 'três'],
  ])('feminine %i → %s', (n, words) => {
    expect(numberWords(n, 'pt', 'f')).toBe(words)
  })

  it('refuses what it cannot say rather than saying something wrong', () => {
    expect(() => numberWords(1.5, 'pt')).toThrow(RangeError)
    expect(() => numberWords(1e12, 'pt')).toThrow(RangeError)
  })
})

describe('numberWords in English', () => {
  it.each([
    [0, 'zero'],
    [1, 'one'],
    [13, 'thirteen'],
    [21, 'twenty-one'],
    [100, 'one hundred'],
    [101, 'one hundred and one'],
    [1000, 'one thousand'],
    [1001, 'one thousand and one'],
    [1250, 'one thousand two hundred and fifty'],
    [2026, 'two thousand and twenty-six'],
    [1_000_000, 'one million'],
    [2_500_000, 'two million five hundred thousand'],
  ])('%i → %s', (n, words) => {
    expect(numberWords(n, 'en')).toBe(words)
  })
})

describe('spokenMoney', () => {
  it.each([
    [7027, 'setenta euros e vinte e sete cêntimos'],
    [100, 'um euro'],
    [200, 'dois euros'],
    [1, 'um cêntimo'],
    [2, 'dois cêntimos'],
    [27, 'vinte e sete cêntimos'],
    [0, 'zero euros'],
    [101, 'um euro e um cêntimo'],
    [10100, 'cento e um euros'],
    [20000, 'duzentos euros'],
    [100000, 'mil euros'],
    [123456, 'mil duzentos e trinta e quatro euros e cinquenta e seis cêntimos'],
    [100_000_000, 'um milhão de euros'],
    [200_000_000, 'dois milhões de euros'],
    [150_000_000, 'um milhão e quinhentos mil euros'],
    [-500, 'menos cinco euros'],
  ])('%i cents → %s', (cents, words) => {
    expect(spokenMoney(cents, 'pt')).toBe(words)
  })

  it.each([
    [7027, 'seventy euros and twenty-seven cents'],
    [100, 'one euro'],
    [1, 'one cent'],
    [0, 'zero euros'],
    [100_000_000, 'one million euros'],
  ])('%i cents in English → %s', (cents, words) => {
    expect(spokenMoney(cents, 'en')).toBe(words)
  })

  it('never contains a digit, a comma or the euro sign', () => {
    for (const cents of [1, 99, 7027, 123456, 99_999_999]) expect(spokenMoney(cents, 'pt')).not.toMatch(/[\d,€]/)
  })

  it('refuses fractions of a cent', () => {
    expect(() => spokenMoney(70.5, 'pt')).toThrow(RangeError)
  })
})

describe('spokenCount', () => {
  it('agrees the number with the noun', () => {
    const fatura = { one: 'fatura', other: 'faturas', gender: 'f' as const }
    expect(spokenCount(1, fatura, 'pt')).toBe('uma fatura')
    expect(spokenCount(2, fatura, 'pt')).toBe('duas faturas')
    expect(spokenCount(0, fatura, 'pt')).toBe('zero faturas')
    expect(spokenCount(2, { one: 'aviso', other: 'avisos' }, 'pt')).toBe('dois avisos')
    expect(spokenCount(2_000_000, { one: 'hora', other: 'horas', gender: 'f' }, 'pt')).toBe('dois milhões de horas')
    expect(spokenCount(1, { one: 'invoice', other: 'invoices' }, 'en')).toBe('one invoice')
  })
})

describe('spokenPercent and spokenDuration', () => {
  it('says percentages in words, rounded as the screen shows them', () => {
    expect(spokenPercent(98, 'pt')).toBe('noventa e oito por cento')
    expect(spokenPercent(100, 'pt')).toBe('cem por cento')
    expect(spokenPercent(97.6, 'pt')).toBe('noventa e oito por cento')
    expect(spokenPercent(1, 'en')).toBe('one percent')
  })

  it.each([
    [120, 'duas horas'],
    [60, 'uma hora'],
    [1260, 'vinte e uma horas'],
    [12_000, 'duzentas horas'],
    [150, 'duas horas e trinta minutos'],
    [61, 'uma hora e um minuto'],
    [45, 'quarenta e cinco minutos'],
    [0, 'zero minutos'],
  ])('%i minutes → %s', (minutes, words) => {
    expect(spokenDuration(minutes, 'pt')).toBe(words)
  })

  it('says durations in English', () => {
    expect(spokenDuration(150, 'en')).toBe('two hours and thirty minutes')
    expect(spokenDuration(60, 'en')).toBe('one hour')
  })
})

describe('spokenDate and spokenMonthYear', () => {
  it('says the day, the month and the year in words', () => {
    expect(spokenDate('2026-12-20', 'pt')).toBe('vinte de dezembro de dois mil e vinte e seis')
    expect(spokenDate('2027-03-01', 'pt')).toBe('um de março de dois mil e vinte e sete')
    expect(spokenDate('2026-12-20', 'en')).toBe('the twentieth of December two thousand and twenty-six')
    expect(spokenDate('2026-05-01', 'en')).toBe('the first of May two thousand and twenty-six')
    expect(spokenDate('2026-05-22', 'en')).toBe('the twenty-second of May two thousand and twenty-six')
    expect(spokenDate('2026-05-12', 'en')).toBe('the twelfth of May two thousand and twenty-six')
    expect(spokenDate('2026-05-30', 'en')).toBe('the thirtieth of May two thousand and twenty-six')
  })

  it('says the calendar day whatever the time zone (dates travel as YYYY-MM-DD)', () => {
    expect(spokenDate('2026-01-01', 'pt')).toBe('um de janeiro de dois mil e vinte e seis')
    expect(spokenDate('2026-12-31', 'pt')).toBe('trinta e um de dezembro de dois mil e vinte e seis')
  })

  it('says a billing period', () => {
    expect(spokenMonthYear('2026-11-01', 'pt')).toBe('novembro de dois mil e vinte e seis')
    expect(spokenMonthYear('2026-11-01', 'en')).toBe('November two thousand and twenty-six')
  })

  it('refuses a date that does not exist', () => {
    expect(() => spokenDate('2026-02-30', 'pt')).toThrow(RangeError)
  })
})

describe('digits, positions and the PIN', () => {
  it('says a Multibanco entity and reference digit by digit in the groups printed on the invoice', () => {
    expect(spokenMultibanco('21312', '123456789', 'pt')).toEqual({
      entity: 'dois um três um dois',
      reference: 'um dois três, quatro cinco seis, sete oito nove',
    })
    expect(spokenMultibanco('21312', '100200300', 'en').reference).toBe('one zero zero, two zero zero, three zero zero')
  })

  it('refuses groups that do not cover the digits', () => {
    expect(() => spokenDigits('1234', [3], 'pt')).toThrow(RangeError)
    expect(() => spokenDigits('12a', [3], 'pt')).toThrow(RangeError)
  })

  it('says where the focused item sits', () => {
    expect(spokenPosition(1, 12, 'pt')).toBe('um de doze')
    expect(spokenPosition(3, 3, 'en')).toBe('three of three')
  })

  it('says how far a PIN entry has got, never which digits', () => {
    expect(spokenPinProgress(2, 4, 'pt')).toBe('dois de quatro algarismos introduzidos')
    expect(spokenPinProgress(0, 4, 'en')).toBe('zero of four digits entered')
  })
})
