// pt-PT formats through Intl (CLDR): "1234,56 €", "12 345,67 €", "05/03/2026",
// "5 de março de 2026". Never hand-built. Dates travel as YYYY-MM-DD and are
// formatted in UTC so the calendar day never shifts with the box's time zone.

export type UiLanguage = 'pt' | 'en'

/** Amounts are euro amounts in Portugal whatever the UI language: always pt-PT. */
const MONEY_LOCALE = 'pt-PT'
const DATE_LOCALES: Record<UiLanguage, string> = { pt: 'pt-PT', en: 'en-GB' }

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>()

function numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let format = cache.get(key) as Intl.NumberFormat | undefined
  if (!format) {
    format = new Intl.NumberFormat(MONEY_LOCALE, options)
    cache.set(key, format)
  }
  return format
}

function dateFormat(lang: UiLanguage, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const cacheKey = `${lang}:${key}`
  let format = cache.get(cacheKey) as Intl.DateTimeFormat | undefined
  if (!format) {
    format = new Intl.DateTimeFormat(DATE_LOCALES[lang], { ...options, timeZone: 'UTC' })
    cache.set(cacheKey, format)
  }
  return format
}

/** Parses YYYY-MM-DD as a UTC midnight; throws on anything else (a bad date must not show as "Invalid Date"). */
export function parseIsoDate(isoDate: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate)
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`)
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  if (date.getUTCDate() !== Number(match[3])) throw new RangeError(`no such day: ${isoDate}`)
  return date
}

/** 123456 → "1234,56 €" (CLDR groups only from five digits in pt-PT). */
export function formatMoney(cents: number): string {
  return numberFormat('eur', { style: 'currency', currency: 'EUR' }).format(cents / 100)
}

/** A unit price in tenths of a cent: 271 → "0,271 €" (a point bought, seed 003 §17). */
export function formatUnitPrice(mills: number): string {
  return numberFormat('eur3', { style: 'currency', currency: 'EUR', minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(mills / 1000)
}

/** "05/03/2026" */
export function formatDate(isoDate: string, lang: UiLanguage = 'pt'): string {
  return dateFormat(lang, 'short', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(parseIsoDate(isoDate))
}

/** "05/03" — for "disponível até dd/mm". */
export function formatDayMonth(isoDate: string, lang: UiLanguage = 'pt'): string {
  return dateFormat(lang, 'dm', { day: '2-digit', month: '2-digit' }).format(parseIsoDate(isoDate))
}

/** "5 de março de 2026" */
export function formatLongDate(isoDate: string, lang: UiLanguage = 'pt'): string {
  return dateFormat(lang, 'long', { day: 'numeric', month: 'long', year: 'numeric' }).format(parseIsoDate(isoDate))
}

/** "março de 2026": a billing period. */
export function formatMonthYear(isoDate: string, lang: UiLanguage = 'pt'): string {
  return dateFormat(lang, 'my', { month: 'long', year: 'numeric' }).format(parseIsoDate(isoDate))
}

/** "mar." : a chart axis label. */
export function formatShortMonth(isoDate: string, lang: UiLanguage = 'pt'): string {
  return dateFormat(lang, 'mshort', { month: 'short' }).format(parseIsoDate(isoDate))
}

/** 23 → "23%" (CLDR pt-PT) */
export function formatPercent(percent: number): string {
  return numberFormat('pct', { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100)
}

/** "14:35": the time of an instant in Portugal (e.g. until when purchases are locked). */
export function formatTimeOfDay(isoInstant: string, lang: UiLanguage = 'pt'): string {
  const key = `${lang}:hm`
  let format = cache.get(key) as Intl.DateTimeFormat | undefined
  if (!format) {
    format = new Intl.DateTimeFormat(DATE_LOCALES[lang], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Lisbon' })
    cache.set(key, format)
  }
  return format.format(new Date(isoInstant))
}

/** Quota minutes as hours: 5880 → "98 h", 90 → "1,5 h" (pt-PT, CLDR unit). */
export function formatHours(minutes: number): string {
  return numberFormat('hours', { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 }).format(minutes / 60)
}

/** A recording's length: 45 → "45 min", 150 → "2 h 30 min" (pt-PT, CLDR units). */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  const min = numberFormat('minutes', { style: 'unit', unit: 'minute', unitDisplay: 'short' })
  if (hours === 0) return min.format(rest)
  const h = numberFormat('wholeHours', { style: 'unit', unit: 'hour', unitDisplay: 'short' }).format(hours)
  return rest === 0 ? h : `${h} ${min.format(rest)}`
}

const lisbonTime = new Intl.DateTimeFormat('pt-PT', { timeZone: 'Europe/Lisbon', day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' })

/** An instant as Portugal sees it: "12/11, 21:30". */
export function formatDayTime(instant: string): string {
  return lisbonTime.format(new Date(instant))
}

/**
 * How a feature's text writes its numbers and dates: as shown (below) or in words for
 * voice guidance (`spokenFormats` in ./spoken.ts). A text.ts function takes one, so the
 * screen and the voice say the same sentence, each in its own form.
 */
export interface Formats {
  money(cents: number): string
  unitPrice(mills: number): string
  /** "05/03/2026" */
  date(isoDate: string): string
  /** "5 de março de 2026" */
  longDate(isoDate: string): string
  /** "05/03" */
  dayMonth(isoDate: string): string
  percent(percent: number): string
  /** quota minutes: "98 h" */
  hours(minutes: number): string
  /** a recording's length: "2 h 30 min" */
  duration(minutes: number): string
  /** "12/11, 21:30" in Portugal */
  dayTime(instant: string): string
  /** "14:35" in Portugal */
  timeOfDay(instant: string): string
}

export function shownFormats(lang: UiLanguage): Formats {
  return {
    money: formatMoney,
    unitPrice: formatUnitPrice,
    date: (isoDate) => formatDate(isoDate, lang),
    longDate: (isoDate) => formatLongDate(isoDate, lang),
    dayMonth: (isoDate) => formatDayMonth(isoDate, lang),
    percent: formatPercent,
    hours: formatHours,
    duration: formatDuration,
    dayTime: formatDayTime,
    timeOfDay: (instant) => formatTimeOfDay(instant, lang),
  }
}
