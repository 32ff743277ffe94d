// SIBS Multibanco payment references: 7 digits chosen by the creditor followed
// by 2 check digits that bind the reference to the entity and the amount, so
// an ATM refuses a payment with a mistyped reference or amount.

/** 10^(21-i) mod 97 for each of the 20 digits of entity(5) + reference(7) + cents(8). */
const WEIGHTS = [51, 73, 17, 89, 38, 62, 45, 53, 15, 50, 5, 49, 34, 81, 76, 27, 90, 9, 30, 3]

const MAX_AMOUNT_CENTS = 99_999_999

/** The two check digits, e.g. entity 90150, reference 1231234, 432,11 € → "51". */
export function multibancoCheckDigits(entity: string, reference7: string, amountCents: number): string {
  if (!/^\d{5}$/.test(entity)) throw new RangeError(`Multibanco entity must have 5 digits: ${entity}`)
  if (!/^\d{7}$/.test(reference7)) throw new RangeError(`Multibanco reference must have 7 digits: ${reference7}`)
  if (!Number.isInteger(amountCents) || amountCents < 0 || amountCents > MAX_AMOUNT_CENTS) {
    throw new RangeError(`Multibanco amount out of range: ${amountCents} cents`)
  }
  const digits = entity + reference7 + String(amountCents).padStart(8, '0')
  const weighted = WEIGHTS.reduce((sum, weight, index) => sum + weight * Number(digits[index]), 0)
  return String(98 - (weighted % 97)).padStart(2, '0')
}

/** The 9-digit reference shown to the subscriber: the 7 digits and their check digits. */
export function multibancoReference(entity: string, reference7: string, amountCents: number): string {
  return reference7 + multibancoCheckDigits(entity, reference7, amountCents)
}

export function isValidMultibancoReference(entity: string, reference: string, amountCents: number): boolean {
  if (!/^\d{9}$/.test(reference)) return false
  const reference7 = reference.slice(0, 7)
  return multibancoReference(entity, reference7, amountCents) === reference
}
