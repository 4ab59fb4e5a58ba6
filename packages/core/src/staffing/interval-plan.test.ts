import { describe, expect, it } from 'vitest';
import { createDeferredBacklog } from './deferred-work.js';
import { StaffingInputError } from './errors.js';
import { createIntervalPlanner, type IntervalRow, planIntervals } from './interval-plan.js';
import { requiredAgents } from './required-agents.js';

const targets = { serviceLevel: { fraction: 0.8, withinSec: 20 }, maxOccupancy: 0.85 };

function day(volumeAt: (hour: number) => number): IntervalRow[] {
  return Array.from({ length: 24 }, (_, hour) => ({
    start: `2025-03-03T${String(hour).padStart(2, '0')}:00`,
    volume: volumeAt(hour),
    ahtSec: 300,
    intervalMin: 60 as const,
  }));
}

describe('planIntervals', () => {
  it('staffs each interval like requiredAgents, then shrinkage, and sums agent-hours and FTE', () => {
    const rows = day((hour) => (hour >= 8 && hour < 20 ? 120 : 0));
    const { intervals, totals } = planIntervals(rows, { targets, shrinkage: 0.3, paidHoursPerFte: 8 });
    const daytime = requiredAgents({ volume: 120, intervalSec: 3600, ahtSec: 300, targets });
    expect(intervals[9]!.rawAgents).toBe(daytime.rawAgents);
    expect(intervals[9]!.scheduledAgents).toBe(Math.floor((daytime.rawAgents * 10 + 6) / 7)); // ⌈raw/0.7⌉
    expect(intervals[3]!.rawAgents).toBe(0);
    const hours = intervals.reduce((sum, i) => sum + i.scheduledAgents, 0);
    expect(totals.scheduledAgentHours).toBe(hours);
    expect(totals.fte).toBe(hours / 8);
    expect(totals.peakRawAgents).toBe(daytime.rawAgents);
  });

  it('keeps a minimum on open intervals for 24/7 cover, and flags night intervals', () => {
    const rows = day((hour) => (hour >= 8 && hour < 20 ? 120 : 0)).map((row, hour) => ({
      ...row,
      open: hour !== 4,
    }));
    const { intervals, totals } = planIntervals(rows, {
      targets,
      minimumAgentsPerOpenInterval: 2,
      nightHours: { from: '20:00', to: '07:00' },
    });
    expect(intervals[2]).toMatchObject({ rawAgents: 2, atMinimum: true, binding: 'minimum', night: true });
    expect(intervals[4]).toMatchObject({ rawAgents: 0, open: false });
    expect(intervals[7]!.night).toBe(false);
    expect(intervals[20]!.night).toBe(true);
    expect(totals.nightIntervals).toBe(11);
    expect(totals.intervalsAtMinimum).toBe(11); // 12 quiet hours, one of them closed
  });

  it('streams: the planner gives the same intervals and totals as planIntervals', () => {
    const rows = day((hour) => 10 + hour * 7);
    const batch = planIntervals(rows, { targets });
    const planner = createIntervalPlanner({ targets });
    const streamed = rows.map((row) => planner.plan(row));
    expect(streamed).toEqual(batch.intervals);
    expect(planner.totals()).toEqual(batch.totals);
  });

  it('staffs chat by slots and email by a backlog carried across intervals', () => {
    const rows: IntervalRow[] = [
      { start: '2025-03-03T09:00', volume: 60, ahtSec: 600, channel: 'chat' },
      { start: '2025-03-03T09:00', volume: 100, ahtSec: 360, channel: 'email' },
      { start: '2025-03-03T09:15', volume: 0, ahtSec: 360, channel: 'email' },
    ];
    const { intervals } = planIntervals(rows, {
      targets,
      channels: {
        chat: { kind: 'chat', concurrency: 3 },
        email: { kind: 'deferred', responseDeadlineSec: 3600 },
      },
    });
    expect(intervals[0]!.rawAgents).toBe(
      Math.ceil(requiredAgents({ volume: 60, intervalSec: 900, ahtSec: 600, targets }).rawAgents / 3),
    );
    expect(intervals[1]!.serviceLevel).toBeNull();
    expect(intervals[1]!.backlogItems).toBeGreaterThan(0); // carried into the next quarter-hour
    expect(intervals[2]!.rawAgents).toBeGreaterThan(0); // works the carried backlog
  });

  it('names the bad field: unknown channel, malformed start, interval length', () => {
    const planner = createIntervalPlanner({ targets });
    expect(() =>
      planner.plan({ start: '2025-03-03T09:00', volume: 1, ahtSec: 300, channel: 'fax' }),
    ).toThrowError(/channel/);
    expect(() => planner.plan({ start: '09:00', volume: 1, ahtSec: 300 })).toThrow(StaffingInputError);
    expect(() => createIntervalPlanner({ intervalMin: 20 as 15 })).toThrowError(/intervalMin/);
  });
});

describe('createDeferredBacklog', () => {
  it('meets every deadline and spreads a spike over the deadline window', () => {
    // 100 emails × 6 min = 10 agent-hours arrive at 09:00, each due within 4 hours.
    const email = createDeferredBacklog({ responseDeadlineSec: 4 * 3600 });
    const hours = [100, 0, 0, 0, 0].map((volume) => email.next({ volume, ahtSec: 360, intervalSec: 3600 }));
    const staffed = hours.map((h) => h.rawAgents);
    expect(staffed.slice(0, 4).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(10); // all work done in 4 h
    expect(Math.max(...staffed)).toBeLessThan(10); // not all at once, not all at the deadline
    expect(hours[3]!.backlogItems).toBeCloseTo(0, 9); // nothing left when the deadline falls
  });

  it('staffs a steady flow at its workload', () => {
    const email = createDeferredBacklog({ responseDeadlineSec: 2 * 3600 });
    let last = email.next({ volume: 20, ahtSec: 360, intervalSec: 3600 });
    for (let hour = 0; hour < 30; hour++) last = email.next({ volume: 20, ahtSec: 360, intervalSec: 3600 });
    expect(last.rawAgents).toBe(2); // 20 × 6 min = 2 agent-hours per hour
    expect(last.occupancy).toBeCloseTo(1, 9);
  });
});
