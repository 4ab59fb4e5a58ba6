import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysUntil, dueReminder, EXPIRY_MILESTONES, expiryStatus } from './expiry.js';

describe('evidence expiry', () => {
  it('counts days and classifies against today', () => {
    expect(daysUntil('2027-01-15', '2026-11-30')).toBe(46);
    expect(expiryStatus('2026-11-29', '2026-11-30')).toBe('expired');
    expect(expiryStatus('2026-11-30', '2026-11-30')).toBe('expiring');
    expect(expiryStatus('2027-02-28', '2026-11-30')).toBe('expiring'); // 90 days
    expect(expiryStatus('2027-03-01', '2026-11-30')).toBe('valid');
  });
  it('fires each milestone once, in order, however the days are sampled', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 40 }), (steps) => {
        let daysLeft = 120;
        let last: number | null = null;
        const fired: number[] = [];
        for (const step of steps) {
          daysLeft -= step;
          const due = dueReminder(daysLeft, last);
          if (due !== null) {
            fired.push(due);
            last = due;
          }
        }
        // Strictly decreasing milestones, none repeated, the last one the tightest reached.
        expect(fired).toEqual([...new Set(fired)].sort((a, b) => b - a));
        for (const m of fired) expect(EXPIRY_MILESTONES).toContain(m);
        const reached = EXPIRY_MILESTONES.filter((m) => daysLeft <= m);
        expect(fired.at(-1) ?? null).toBe(reached.length ? Math.min(...reached) : null);
      }),
    );
  });
});
