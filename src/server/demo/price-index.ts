// The consumer price index the demo accounts' yearly price updates use.

/**
 * Yearly price update (seed 004 general §10.2: "by reference to the inflation rate calculated based on the
 * Consumer Price Index of the previous year"), by the year of the update: INE's average CPI was about 4.3 %
 * in 2023, 2.4 % in 2024 and 2.3 % in 2025.
 */
const PRICE_INDEX_BASIS_POINTS_BY_UPDATE_YEAR: ReadonlyMap<number, number> = new Map([
  [2024, 430],
  [2025, 240],
  [2026, 230],
])

/**
 * The index of the update made on `updateOn`. Demo data can be seeded on any day, so a year past the table
 * repeats the newest known index and a year before it the oldest; a real price list states its own.
 */
export function priceIndexFor(updateOn: string): number {
  const year = Number(updateOn.slice(0, 4))
  const years = [...PRICE_INDEX_BASIS_POINTS_BY_UPDATE_YEAR.keys()]
  const known = Math.min(Math.max(year, Math.min(...years)), Math.max(...years))
  return PRICE_INDEX_BASIS_POINTS_BY_UPDATE_YEAR.get(known) as number
}
