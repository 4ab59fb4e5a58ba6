/**
 * A calendar day `n` days after `day` (negative: before), both `YYYY-MM-DD`. Days are counted on
 * the proleptic Gregorian calendar (ISO 8601), so no time zone or daylight-saving change enters:
 * the arithmetic is done at UTC midnight, where every day has 86,400 s (ECMA-262 §21.4.1.1, time
 * values ignore leap seconds).
 * @throws RangeError when `day` is not a valid date.
 * @example addCalendarDays('2024-02-28', 1) // '2024-02-29'
 */
export function addCalendarDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
