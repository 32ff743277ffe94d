// Portuguese tax number (NIF): 9 digits, the last a mod-11 check digit.

/** Leading digits the Autoridade Tributária assigns (people, companies, public bodies, estates, condominiums…). */
const VALID_PREFIX = /^(?:[1235689]|45|7[0-24-57-9]|9[0189])/

export function isValidNif(nif: string): boolean {
  if (!/^\d{9}$/.test(nif) || !VALID_PREFIX.test(nif)) return false
  let sum = 0
  for (let index = 0; index < 8; index++) sum += Number(nif[index]) * (9 - index)
  const remainder = sum % 11
  const checkDigit = remainder < 2 ? 0 : 11 - remainder
  return checkDigit === Number(nif[8])
}

/** "*****6789": enough for the holder to recognise it on a shared screen, useless to anyone else. */
export function maskNif(nif: string): string {
  return '*'.repeat(Math.max(0, nif.length - 4)) + nif.slice(-4)
}
