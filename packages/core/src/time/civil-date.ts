/**
 * The proleptic Gregorian civil date of a day number (days since 1970-01-01; negative before it).
 * H. Hinnant, "chrono-Compatible Low-Level Date Algorithms" (2013), `civil_from_days`:
 * https://howardhinnant.github.io/date_algorithms.html#civil_from_days. Eras of 400 years
 * (146,097 days) make the arithmetic exact for every day number a `Date` can hold.
 *
 * @example civilFromDays(0) // { year: 1970, month: 1, dom: 1 }
 * @example civilFromDays(-1) // { year: 1969, month: 12, dom: 31 }
 */
export function civilFromDays(day: number): { year: number; month: number; dom: number } {
  /** Days since 0000-03-01, the start of an era (the leap day then ends a year). */
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  /** Month counted from March (0) to February (11). */
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const dom = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dom };
}
