import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chronicEscalationLevel, escalationDue, escalationState, reviewCalendar } from './governance.js';

describe('reviewCalendar', () => {
  it('weekly operational reviews, a monthly performance review, a business review each quarter', () => {
    expect(reviewCalendar('2025-02-20', 8)).toEqual([
      { day: '2025-02-20', kind: 'operational' },
      { day: '2025-02-27', kind: 'operational' },
      { day: '2025-03-01', kind: 'performance' },
      { day: '2025-03-06', kind: 'operational' },
      { day: '2025-03-13', kind: 'operational' },
      { day: '2025-03-20', kind: 'operational' },
      { day: '2025-03-27', kind: 'operational' },
      { day: '2025-04-01', kind: 'business' },
      { day: '2025-04-03', kind: 'operational' },
      { day: '2025-04-10', kind: 'operational' },
    ]);
  });

  it('for any start, one operational review a week, every meeting inside the window', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 1, max: 60 }), (offset, weeks) => {
        const from = new Date(Date.UTC(2020, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const cal = reviewCalendar(from, weeks);
        expect(cal.filter((r) => r.kind === 'operational')).toHaveLength(weeks);
        const end = new Date(Date.parse(from) + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
        for (const r of cal) expect(r.day >= from && r.day < end).toBe(true);
      }),
    );
  });
});

describe('escalation ladder', () => {
  it('each level has its deadline; an overdue matter moves up, the top level stays', () => {
    expect(escalationDue('2025-01-31', 1)).toBe('2025-02-05');
    expect(escalationDue('2025-01-31', 2)).toBe('2025-02-10');
    expect(escalationState('2025-02-05', 1, '2025-02-05')).toEqual({ overdue: false, nextLevel: null });
    expect(escalationState('2025-02-05', 1, '2025-02-06')).toEqual({ overdue: true, nextLevel: 2 });
    expect(escalationState('2025-02-20', 3, '2025-03-01')).toEqual({ overdue: true, nextLevel: 3 });
  });
});

describe("a contract's own ladder", () => {
  const ladder = [
    { level: 1, holder: 'team lead', days: 2 },
    { level: 2, holder: 'service manager', days: 3, contact: 'sm@vendor.example' },
    { level: 3, holder: 'account director', days: 7 },
    { level: 4, holder: 'steering committee', days: 14 },
  ];
  it('deadlines come from its rungs, overdue matters climb to its top, past-the-top levels use the top', () => {
    expect(escalationDue('2025-01-31', 2, ladder)).toBe('2025-02-03');
    expect(escalationDue('2025-01-31', 9, ladder)).toBe('2025-02-14');
    expect(escalationState('2025-02-03', 3, '2025-02-04', ladder)).toEqual({ overdue: true, nextLevel: 4 });
    expect(escalationState('2025-02-03', 4, '2025-02-04', ladder)).toEqual({ overdue: true, nextLevel: 4 });
  });
  it('a chronic failure opens where the contract says, else on the second rung, else the only one', () => {
    expect(chronicEscalationLevel(ladder, 3)).toBe(3);
    expect(chronicEscalationLevel(ladder, 7)).toBe(2);
    expect(chronicEscalationLevel(ladder)).toBe(2);
    expect(chronicEscalationLevel([{ level: 1, holder: 'board', days: 30 }])).toBe(1);
  });
});
