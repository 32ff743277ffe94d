// What voice guidance says (issue 18; DESIGN §8): numbers in words, so a speech
// engine never reads "70,27 €" symbol by symbol nor "20/12/2026" slash by slash,
// whatever engine the box has. Pure: the language is passed in; month names come
// from Intl (CLDR), number words from the grammar below.
//
// Portuguese (pt-PT): "um/uma", "dois/duas" and the hundreds from 200
// ("duzentos/duzentas") agree with the noun; "cem" alone but "cento e um"; "mil",
// never "um mil"; "um milhão", "dois milhões" (masculine nouns, so a feminine count
// keeps them masculine: "dois milhões de horas"); "dezasseis", "dezanove" (pt-PT).
// "e" joins hundreds, tens and units, and joins the last group to the others only
// when that group is below 100 or a whole hundred ("mil e cem", "mil cento e um").
// English (en-GB): "one hundred and one", "two thousand and twenty-six".
import { lisbonDate } from './dates'
import { formatTimeOfDay, parseIsoDate, type Formats, type UiLanguage } from './format'

export type Gender = 'm' | 'f'

const PT_UNITS = ['zero', 'um', 'dois', 'três', 'quatro', 'cinco', 'seis', 'sete', 'oito', 'nove', 'dez', 'onze', 'doze', 'treze', 'catorze', 'quinze', 'dezasseis', 'dezassete', 'dezoito', 'dezanove']
const PT_TENS = ['', '', 'vinte', 'trinta', 'quarenta', 'cinquenta', 'sessenta', 'setenta', 'oitenta', 'noventa']
const PT_HUNDREDS = ['', 'cento', 'duzentos', 'trezentos', 'quatrocentos', 'quinhentos', 'seiscentos', 'setecentos', 'oitocentos', 'novecentos']

const EN_UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen']
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']

/** The largest count spoken: a quota, an amount in euros or a year never comes near it. */
const MAX_SPOKEN = 999_999_999_999

function ptFeminine(word: string, gender: Gender): string {
  if (gender === 'm') return word
  if (word === 'um') return 'uma'
  if (word === 'dois') return 'duas'
  return word.endsWith('entos') ? `${word.slice(0, -2)}as` : word
}

/** 1–999 in Portuguese. */
function ptBelowThousand(n: number, gender: Gender): string {
  if (n === 100) return 'cem'
  const words: string[] = []
  const hundreds = Math.floor(n / 100)
  const rest = n % 100
  if (hundreds > 0) words.push(ptFeminine(PT_HUNDREDS[hundreds], gender))
  if (rest >= 20) {
    words.push(PT_TENS[Math.floor(rest / 10)])
    if (rest % 10 > 0) words.push(ptFeminine(PT_UNITS[rest % 10], gender))
  } else if (rest > 0) {
    words.push(ptFeminine(PT_UNITS[rest], gender))
  }
  return words.join(' e ')
}

/** 1–999 in English: "one hundred and one". */
function enBelowThousand(n: number): string {
  const hundreds = Math.floor(n / 100)
  const rest = n % 100
  const tens = rest < 20 ? EN_UNITS[rest] : EN_TENS[Math.floor(rest / 10)] + (rest % 10 > 0 ? `-${EN_UNITS[rest % 10]}` : '')
  if (hundreds === 0) return tens
  return rest === 0 ? `${EN_UNITS[hundreds]} hundred` : `${EN_UNITS[hundreds]} hundred and ${tens}`
}

interface Group {
  value: number
  /** 0 units, 1 thousands, 2 millions, 3 thousands of millions */
  scale: number
}

function groupsOf(n: number): Group[] {
  const groups: Group[] = []
  for (let scale = 0, rest = n; rest > 0; scale++, rest = Math.floor(rest / 1000)) {
    if (rest % 1000 > 0) groups.unshift({ value: rest % 1000, scale })
  }
  return groups
}

function ptGroup({ value, scale }: Group, gender: Gender): string {
  if (scale === 0) return ptBelowThousand(value, gender)
  if (scale === 1) return value === 1 ? 'mil' : `${ptBelowThousand(value, gender)} mil`
  // milhão is a masculine noun: "dois milhões" whatever is counted.
  if (scale === 2) return value === 1 ? 'um milhão' : `${ptBelowThousand(value, 'm')} milhões`
  return value === 1 ? 'mil milhões' : `${ptBelowThousand(value, 'm')} mil milhões`
}

function ptNumber(n: number, gender: Gender): string {
  const groups = groupsOf(n)
  return groups
    .map((group, index) => {
      const words = ptGroup(group, gender)
      if (index === 0) return words
      // "e" before the last group only when it is below 100 or a whole hundred.
      const last = index === groups.length - 1
      return last && (group.value < 100 || group.value % 100 === 0) ? `e ${words}` : words
    })
    .join(' ')
}

const EN_SCALES = ['', 'thousand', 'million', 'billion']

function enNumber(n: number): string {
  const groups = groupsOf(n)
  return groups
    .map((group, index) => {
      const words = group.scale === 0 ? enBelowThousand(group.value) : `${enBelowThousand(group.value)} ${EN_SCALES[group.scale]}`
      // British "and" before a last group below 100: "two thousand and twenty-six".
      return index > 0 && group.scale === 0 && group.value < 100 ? `and ${words}` : words
    })
    .join(' ')
}

/** A whole number in words: 101 → "cento e um", 21 (f) → "vinte e uma", 2026 → "two thousand and twenty-six". */
export function numberWords(n: number, lang: UiLanguage, gender: Gender = 'm'): string {
  if (!Number.isInteger(n) || Math.abs(n) > MAX_SPOKEN) throw new RangeError(`cannot speak ${n}`)
  if (n < 0) return `${lang === 'pt' ? 'menos' : 'minus'} ${numberWords(-n, lang, gender)}`
  if (n === 0) return 'zero'
  return lang === 'pt' ? ptNumber(n, gender) : enNumber(n)
}

/** A noun and the forms it takes: { one: 'fatura', other: 'faturas', gender: 'f' }. */
export interface Noun {
  one: string
  other: string
  gender?: Gender
}

/**
 * A count with its noun: 2 faturas → "duas faturas", 1 → "uma fatura", 0 → "zero faturas";
 * whole millions take "de" in Portuguese: "um milhão de euros", "dois milhões de horas".
 */
export function spokenCount(n: number, noun: Noun, lang: UiLanguage): string {
  const ofMillions = lang === 'pt' && n !== 0 && n % 1_000_000 === 0 ? ' de' : ''
  return `${numberWords(n, lang, noun.gender)}${ofMillions} ${Math.abs(n) === 1 ? noun.one : noun.other}`
}

const MONEY_WORDS: Record<UiLanguage, { euro: Noun; cent: Noun; and: string }> = {
  pt: { euro: { one: 'euro', other: 'euros' }, cent: { one: 'cêntimo', other: 'cêntimos' }, and: 'e' },
  en: { euro: { one: 'euro', other: 'euros' }, cent: { one: 'cent', other: 'cents' }, and: 'and' },
}

/** Cents in words: 7027 → "setenta euros e vinte e sete cêntimos"; 1 → "um cêntimo"; 0 → "zero euros". */
export function spokenMoney(cents: number, lang: UiLanguage): string {
  if (!Number.isInteger(cents)) throw new RangeError(`amount must be whole cents: ${cents}`)
  if (cents < 0) return `${lang === 'pt' ? 'menos' : 'minus'} ${spokenMoney(-cents, lang)}`
  const whole = Math.floor(cents / 100)
  const rest = cents % 100
  const words = MONEY_WORDS[lang]
  if (rest === 0) return spokenCount(whole, words.euro, lang)
  const centWords = spokenCount(rest, words.cent, lang)
  return whole === 0 ? centWords : `${spokenCount(whole, words.euro, lang)} ${words.and} ${centWords}`
}

/** 98 → "noventa e oito por cento", rounded as the screen shows it (formatPercent). */
export function spokenPercent(percent: number, lang: UiLanguage): string {
  return `${numberWords(Math.round(percent), lang)} ${lang === 'pt' ? 'por cento' : 'percent'}`
}

const TIME_WORDS: Record<UiLanguage, { hour: Noun; minute: Noun; and: string }> = {
  pt: { hour: { one: 'hora', other: 'horas', gender: 'f' }, minute: { one: 'minuto', other: 'minutos' }, and: 'e' },
  en: { hour: { one: 'hour', other: 'hours' }, minute: { one: 'minute', other: 'minutes' }, and: 'and' },
}

/** Minutes as hours and minutes: 150 → "duas horas e trinta minutos", 1260 → "vinte e uma horas", 0 → "zero minutos". */
export function spokenDuration(minutes: number, lang: UiLanguage): string {
  const words = TIME_WORDS[lang]
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours === 0) return spokenCount(rest, words.minute, lang)
  const hourWords = spokenCount(hours, words.hour, lang)
  return rest === 0 ? hourWords : `${hourWords} ${words.and} ${spokenCount(rest, words.minute, lang)}`
}

/** Where the focused item sits: (1, 12) → "um de doze" / "one of twelve". */
export function spokenPosition(position: number, total: number, lang: UiLanguage): string {
  return `${numberWords(position, lang)} ${lang === 'pt' ? 'de' : 'of'} ${numberWords(total, lang)}`
}

const monthNames = new Map<UiLanguage, Intl.DateTimeFormat>()

function monthName(date: Date, lang: UiLanguage): string {
  let format = monthNames.get(lang)
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'pt' ? 'pt-PT' : 'en-GB', { month: 'long', timeZone: 'UTC' })
    monthNames.set(lang, format)
  }
  return format.format(date)
}

const EN_ORDINAL_ENDINGS: Record<string, string> = { one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth' }

/** 1–31 as an English ordinal: "first", "twenty-second", "thirtieth". */
function enOrdinal(n: number): string {
  return enNumber(n).replace(/[a-z]+$/, (last) => EN_ORDINAL_ENDINGS[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`))
}

/** "2026-12-20" → "vinte de dezembro de dois mil e vinte e seis" / "the twentieth of December two thousand and twenty-six". */
export function spokenDate(isoDate: string, lang: UiLanguage): string {
  const date = parseIsoDate(isoDate)
  const day = date.getUTCDate()
  const year = numberWords(date.getUTCFullYear(), lang)
  return lang === 'pt'
    ? `${numberWords(day, lang)} de ${monthName(date, lang)} de ${year}`
    : `the ${enOrdinal(day)} of ${monthName(date, lang)} ${year}`
}

/** A billing period: "novembro de dois mil e vinte e seis" / "November two thousand and twenty-six". */
export function spokenMonthYear(isoDate: string, lang: UiLanguage): string {
  const date = parseIsoDate(isoDate)
  const year = numberWords(date.getUTCFullYear(), lang)
  return lang === 'pt' ? `${monthName(date, lang)} de ${year}` : `${monthName(date, lang)} ${year}`
}

/** Digits one by one in groups, as they are typed at an ATM: "123456789", [3, 3, 3] → "um dois três, quatro cinco seis, sete oito nove". */
export function spokenDigits(digits: string, groupSizes: readonly number[], lang: UiLanguage): string {
  if (!/^\d*$/.test(digits)) throw new RangeError(`not digits: ${digits}`)
  if (groupSizes.reduce((sum, size) => sum + size, 0) !== digits.length) throw new RangeError(`groups ${groupSizes.join('+')} do not cover ${digits.length} digits`)
  let start = 0
  return groupSizes
    .map((size) => {
      const group = digits.slice(start, start + size)
      start += size
      return Array.from(group, (digit) => numberWords(Number(digit), lang)).join(' ')
    })
    .join(', ')
}

/** A Multibanco entity (5 digits, one group) and reference (9 digits in three groups of three, as printed). */
export function spokenMultibanco(entity: string, reference: string, lang: UiLanguage): { entity: string; reference: string } {
  return { entity: spokenDigits(entity, [5], lang), reference: spokenDigits(reference, [3, 3, 3], lang) }
}

/**
 * How far a PIN entry has got: (2, 4) → "dois de quatro algarismos introduzidos".
 * It takes counts only, so the digits themselves cannot be spoken.
 */
export function spokenPinProgress(entered: number, length: number, lang: UiLanguage): string {
  return lang === 'pt'
    ? `${numberWords(entered, lang)} de ${numberWords(length, lang)} algarismos introduzidos`
    : `${numberWords(entered, lang)} of ${numberWords(length, lang)} digits entered`
}

/** A unit price in tenths of a cent: 271 → "vinte e sete vírgula um cêntimos" (a point bought, seed 003 §17). */
export function spokenUnitPrice(mills: number, lang: UiLanguage): string {
  if (mills % 10 === 0) return spokenMoney(mills / 10, lang)
  const euros = Math.floor(mills / 1000)
  const cents = Math.floor((mills % 1000) / 10)
  const decimal = `${numberWords(cents, lang)} ${lang === 'pt' ? 'vírgula' : 'point'} ${numberWords(mills % 10, lang)} ${MONEY_WORDS[lang].cent.other}`
  return euros === 0 ? decimal : `${spokenCount(euros, MONEY_WORDS[lang].euro, lang)} ${MONEY_WORDS[lang].and} ${decimal}`
}

/** "2026-12-05" → "cinco de dezembro" / "the fifth of December": "disponível até dd/mm" said. */
export function spokenDayMonth(isoDate: string, lang: UiLanguage): string {
  const date = parseIsoDate(isoDate)
  const day = date.getUTCDate()
  return lang === 'pt' ? `${numberWords(day, lang)} de ${monthName(date, lang)}` : `the ${enOrdinal(day)} of ${monthName(date, lang)}`
}

/** The time of an instant in Portugal: 14:35 → "catorze horas e trinta e cinco minutos" / "fourteen thirty-five"; 21:00 → "twenty-one hundred". */
export function spokenTimeOfDay(instant: string, lang: UiLanguage): string {
  const [hours, minutes] = formatTimeOfDay(instant, 'pt').split(':').map(Number)
  return clockWords(hours!, minutes!, lang)
}

/** A clock time in words: 14:35 → "catorze horas e trinta e cinco minutos" / "fourteen thirty-five". */
function clockWords(hours: number, minutes: number, lang: UiLanguage): string {
  if (lang === 'en') {
    if (minutes === 0) return `${numberWords(hours, lang)} hundred`
    return `${numberWords(hours, lang)} ${minutes < 10 ? 'oh ' : ''}${numberWords(minutes, lang)}`
  }
  const hourWords = hours === 1 ? 'uma hora' : `${numberWords(hours, lang, 'f')} horas`
  return minutes === 0 ? hourWords : `${hourWords} e ${spokenCount(minutes, TIME_WORDS.pt.minute, lang)}`
}

/** An instant as Portugal sees it: "doze de novembro, às vinte e uma horas" / "the twelfth of November at twenty-one hundred". */
export function spokenDayTime(instant: string, lang: UiLanguage): string {
  const day = spokenDayMonth(lisbonDate(new Date(instant)), lang)
  const time = spokenTimeOfDay(instant, lang)
  return lang === 'pt' ? `${day}, às ${time}` : `${day} at ${time}`
}

const SIGN_WORDS: Record<UiLanguage, { month: string; to: string; divided: string; times: string; equals: string }> = {
  pt: { month: ' por mês', to: 'para', divided: 'a dividir por', times: 'vezes', equals: 'igual a' },
  en: { month: ' a month', to: 'to', divided: 'divided by', times: 'times', equals: 'equals' },
}

/** A figure as pt-PT writes it ("2,3", "2,05") in words: "dois vírgula três", "dois vírgula zero cinco". */
function decimalWords(whole: string, decimals: string | undefined, lang: UiLanguage): string {
  const int = numberWords(Number(whole), lang)
  if (!decimals) return int
  const fraction = decimals.startsWith('0') ? [...decimals].map((digit) => numberWords(Number(digit), lang)).join(' ') : numberWords(Number(decimals), lang)
  return `${int} ${lang === 'pt' ? 'vírgula' : 'point'} ${fraction}`
}

/**
 * The screen's signs an engine would read aloud or skip, in words: "12,99 €/mês" is said
 * "… por mês", "a · b" "a, b", "25 → 7" "25 para 7", "a ÷ b × c = d" in words; and the
 * figures of a text the operator wrote ("0,50 €", "01/12/2026", "2,3 %", "14:35", "*****5931") in words too.
 */
export function spokenSigns(text: string, lang: UiLanguage): string {
  const words = SIGN_WORDS[lang]
  return text
    // Figures in a text the operator wrote (a notice's body): amounts, dates and percentages in words.
    .replace(/(\d{1,3}(?:[\s.]\d{3})+|\d+),(\d{2})\s?€/g, (_, euros: string, cents: string) => spokenMoney(Number(euros.replace(/\D/g, '')) * 100 + Number(cents), lang))
    .replace(/\b(\d+)\s?€/g, (_, euros: string) => spokenMoney(Number(euros) * 100, lang))
    .replace(/\b(\d{2})\/(\d{2})\/(\d{4})\b/g, (_, day: string, month: string, year: string) => spokenDate(`${year}-${month}-${day}`, lang))
    // A clock time already on the screen ("até às 14:35", the PIN lock's end).
    .replace(/\b([01]?\d|2[0-3]):([0-5]\d)\b/g, (_, hours: string, minutes: string) => clockWords(Number(hours), Number(minutes), lang))
    // A masked number ("*****5931", a NIF): its visible end, digit by digit.
    .replace(/\*{3,}(\d+)/g, (_, digits: string) => `${lang === 'pt' ? 'terminado em' : 'ending in'} ${spokenDigits(digits, [digits.length], lang)}`)
    .replace(/\b(\d+)(?:,(\d+))?\s?%/g, (_, whole: string, decimals: string | undefined) => `${decimalWords(whole, decimals, lang)} ${lang === 'pt' ? 'por cento' : 'percent'}`)
    .replace(/\/(mês|month)\b/g, words.month)
    .replace(/ · /g, ', ')
    .replace(/ → /g, ` ${words.to} `)
    .replace(/ ÷ /g, ` ${words.divided} `)
    .replace(/ × /g, ` ${words.times} `)
    .replace(/ = /g, ` ${words.equals} `)
}

/** Every number and date of a feature's text in words (format.ts Formats), for voice guidance. */
export function spokenFormats(lang: UiLanguage): Formats {
  return {
    money: (cents) => spokenMoney(cents, lang),
    unitPrice: (mills) => spokenUnitPrice(mills, lang),
    date: (isoDate) => spokenDate(isoDate, lang),
    longDate: (isoDate) => spokenDate(isoDate, lang),
    dayMonth: (isoDate) => spokenDayMonth(isoDate, lang),
    percent: (percent) => spokenPercent(percent, lang),
    hours: (minutes) => spokenDuration(minutes, lang),
    duration: (minutes) => spokenDuration(minutes, lang),
    dayTime: (instant) => spokenDayTime(instant, lang),
    timeOfDay: (instant) => spokenTimeOfDay(instant, lang),
  }
}
