// Evidence expiry: certificates, attestations of compliance and audit reports run out, and a
// scorecard that rests on them must know (../shared/reference/govern/selection.md §3: "every score
// links to evidence, and evidence may expire"). Reminders fall at fixed days before expiry; each
// fires once, and a missed day still fires the tightest milestone passed.

/** Days before expiry at which a reminder is due (0: on the day it expires, or after). */
export const EXPIRY_MILESTONES = [90, 30, 7, 0] as const;

/** Whole days from `today` to `expiresOn` (both YYYY-MM-DD); negative once expired. */
export function daysUntil(expiresOn: string, today: string): number {
  return Math.round((Date.parse(`${expiresOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** `expired` before today, `expiring` within the first milestone (90 days), else `valid`. */
export function expiryStatus(expiresOn: string, today: string): 'expired' | 'expiring' | 'valid' {
  const days = daysUntil(expiresOn, today);
  if (days < 0) return 'expired';
  return days <= EXPIRY_MILESTONES[0] ? 'expiring' : 'valid';
}

/**
 * The reminder due now, if any: the tightest milestone `daysLeft` has reached, when no reminder
 * for it (or a tighter one) was sent yet. `last` is the milestone last reminded, or null.
 *
 * @example dueReminder(20, null) // 30
 * @example dueReminder(20, 30)   // null: already reminded at 30
 * @example dueReminder(5, 30)    // 7
 */
export function dueReminder(daysLeft: number, last: number | null): number | null {
  const reached = EXPIRY_MILESTONES.filter((m) => daysLeft <= m);
  const tightest = reached.length > 0 ? Math.min(...reached) : null;
  if (tightest === null) return null;
  return last === null || tightest < last ? tightest : null;
}
