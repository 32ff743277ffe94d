// IBANs never leave the server whole: the subscriber recognises the account
// from the country and the last four digits.

/** "PT50000201231234567890154" → "PT** **** 0154" */
export function maskIban(iban: string): string {
  const compact = iban.replace(/\s+/g, '').toUpperCase()
  return `${compact.slice(0, 2)}** **** ${compact.slice(-4)}`
}
