// Which contract version was in force on which days of a period (the version in force at the time
// measured: ISO 37500 §6.4 change control; EBA/GL/2019/02 §75 register of contract versions).

/** A version and the first local date (YYYY-MM-DD) it is in force. */
export interface VersionStart {
  readonly version: number;
  readonly effectiveFrom: string;
}

export interface DaysInForce {
  readonly version: number;
  /** First and last day of the month (1-based, inclusive). */
  readonly fromDay: number;
  readonly toDay: number;
  readonly days: number;
}

/** Days in a month 'YYYY-MM' (proleptic Gregorian). @example daysInMonth('2024-02') // 29 */
export function daysInMonth(period: string): number {
  const [year, month] = period.split('-').map(Number) as [number, number];
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Splits month `period` into runs of days by the version in force on each day: a version is in force
 * from its effectiveFrom until the next later one's. Days before the first version are left out.
 *
 * @example daysInForce([{version:1,effectiveFrom:'2026-01-01'},{version:2,effectiveFrom:'2026-04-18'}], '2026-04')
 *   // [{version:1,fromDay:1,toDay:17,days:17},{version:2,fromDay:18,toDay:30,days:13}]
 */
export function daysInForce(versions: readonly VersionStart[], period: string): DaysInForce[] {
  const sorted = [...versions].sort(
    (a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.version - b.version,
  );
  const days = daysInMonth(period);
  const runs: DaysInForce[] = [];
  for (let day = 1; day <= days; day++) {
    const date = `${period}-${String(day).padStart(2, '0')}`;
    let inForce: VersionStart | undefined;
    for (const v of sorted) if (v.effectiveFrom <= date) inForce = v;
    if (!inForce) continue;
    const last = runs[runs.length - 1];
    if (last && last.version === inForce.version && last.toDay === day - 1) {
      runs[runs.length - 1] = { ...last, toDay: day, days: last.days + 1 };
    } else {
      runs.push({ version: inForce.version, fromDay: day, toDay: day, days: 1 });
    }
  }
  return runs;
}
