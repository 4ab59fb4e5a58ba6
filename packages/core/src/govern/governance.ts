// Governance rhythm and escalation, from ../shared/reference/govern/governance-practice.md (ISO 37500
// and IACCM practice as summarised there): operational reviews weekly, performance reviews monthly,
// business reviews quarterly; an escalation ladder whose every level has a deadline, after which the
// matter moves up a level.

export type ReviewKind = 'operational' | 'performance' | 'business';

const DAY_MS = 86_400_000;
const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * The review meetings from `from` (YYYY-MM-DD) for `weeks` weeks: an operational review every 7 days
 * from `from`, a performance review on the first day of every month after it, and a business review
 * on the first day of each calendar quarter (January, April, July, October) instead of that month's
 * performance review. Sorted by date.
 */
export function reviewCalendar(from: string, weeks: number): { day: string; kind: ReviewKind }[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = start + weeks * 7 * DAY_MS;
  const out: { day: string; kind: ReviewKind }[] = [];
  for (let t = start; t < end; t += 7 * DAY_MS) out.push({ day: day(t), kind: 'operational' });
  const d = new Date(start);
  for (
    let m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
    m.getTime() < end;
    m.setUTCMonth(m.getUTCMonth() + 1)
  )
    out.push({ day: day(m.getTime()), kind: m.getUTCMonth() % 3 === 0 ? 'business' : 'performance' });
  return out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.kind < b.kind ? -1 : 1));
}

/** One rung of an escalation ladder: who holds a matter at this level, and within how many days. */
export interface EscalationRung {
  readonly level: number;
  /** The role holding the matter at this level (e.g. "management"). */
  readonly holder: string;
  readonly days: number;
  /** Who to reach at this level, as the contract names them (free text). */
  readonly contact?: string;
}

/** The default ladder, for contracts that do not define their own (ISO 37500 practice). */
export const ESCALATION_LADDER: readonly EscalationRung[] = [
  { level: 1, holder: 'operational', days: 5 },
  { level: 2, holder: 'management', days: 10 },
  { level: 3, holder: 'executive', days: 20 },
];

/** The rung at `level`, or the top one for a level past it. */
export function escalationRung(level: number, ladder: readonly EscalationRung[] = ESCALATION_LADDER) {
  return ladder.find((r) => r.level === level) ?? ladder[ladder.length - 1]!;
}

/** The day an escalation opened at `level` on `opened` (YYYY-MM-DD) is due, on `ladder`. */
export function escalationDue(
  opened: string,
  level: number,
  ladder: readonly EscalationRung[] = ESCALATION_LADDER,
): string {
  return day(Date.parse(`${opened}T00:00:00Z`) + escalationRung(level, ladder).days * DAY_MS);
}

/**
 * Where an open escalation stands on `today`: overdue once its due day has passed, and then the level
 * it should be moved to (the next rung of `ladder`, or its top one).
 */
export function escalationState(
  due: string,
  level: number,
  today: string,
  ladder: readonly EscalationRung[] = ESCALATION_LADDER,
): { overdue: boolean; nextLevel: number | null } {
  const overdue = today > due;
  const top = ladder[ladder.length - 1]!.level;
  return { overdue, nextLevel: overdue ? Math.min(level + 1, top) : null };
}

/**
 * The level a chronic failure opens at on `ladder`: the one the contract names, else the second rung
 * (management, past the day-to-day level), or the only one.
 */
export function chronicEscalationLevel(ladder: readonly EscalationRung[], named?: number): number {
  if (named !== undefined && ladder.some((r) => r.level === named)) return named;
  return (ladder[1] ?? ladder[0]!).level;
}
