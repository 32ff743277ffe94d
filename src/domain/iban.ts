// IBANs never leave the server whole: the subscriber recognises the account
// from the country and the last four digits.

/** "PT50000201231234567890154" → "PT** **** 0154" */
export function maskIban(iban: string): string {
  const compact = iban.replace(/\s+/g, '').toUpperCase()
  return `${compact.slice(0, 2)}** **** ${compact.slice(-4)}`
}

/** ISO 13616 check: the country and check digits moved to the end, letters as 10–35, the number mod 97 is 1. */
function iso13616Valid(compact: string): boolean {
  return mod97(`${compact.slice(4)}${compact.slice(0, 4)}`) === 1
}

/** The remainder by 97 of a long number written in base 36 digits (letters count as 10–35), one digit at a time. */
function mod97(digits: string): number {
  let remainder = 0
  for (const char of digits) remainder = Number(`${remainder}${parseInt(char, 36)}`) % 97
  return remainder
}

/**
 * Whether an IBAN's check digits hold: the ISO 13616 pair, and for a Portuguese one (PT + 21-digit NIB) the
 * NIB's own two check digits too (98 − the first 19 digits × 100 mod 97).
 */
export function ibanValid(iban: string): boolean {
  const compact = iban.replace(/\s+/g, '').toUpperCase()
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact) || !iso13616Valid(compact)) return false
  if (!compact.startsWith('PT')) return true
  const nib = compact.slice(4)
  if (!/^\d{21}$/.test(nib)) return false
  return 98 - mod97(`${nib.slice(0, 19)}00`) === Number(nib.slice(19))
}
