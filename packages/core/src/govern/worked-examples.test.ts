// The eight worked examples of docs/govern-worked-examples.md, each figure computed by hand there.
import { describe, expect, it } from 'vitest';
import { earnBack, type TermMonth } from './earn-back.js';
import { forecastVolumeOn } from './forecast-days.js';
import { forecastRelief } from './forecast-relief.js';
import { consecutiveMissesBefore, isChronicFailure } from './history.js';
import { daysInForce } from './proration.js';
import { type CriticalServiceLevel, type SettlementSegment, settlePeriod } from './settle-period.js';

const terms: CriticalServiceLevel[] = [
  { termId: 'A', allocationBp: 8_000, formula: { kind: 'allocation' } },
  { termId: 'B', allocationBp: 4_000, formula: { kind: 'allocation' } },
  { termId: 'C', allocationBp: 3_000, formula: { kind: 'allocation' } },
];
const month = (missed: string[], relieved: string[] = []): SettlementSegment => ({
  version: 1,
  days: 31,
  fixedMonthlyMinor: 10_000_000,
  variableMinor: 0,
  atRiskBp: 1_000,
  terms,
  outcomes: terms.map((t) => ({
    termId: t.termId,
    missed: missed.includes(t.termId),
    relieved: relieved.includes(t.termId),
  })),
});
const ladder = [100, 150, 200];
const chronic = { misses: 3, window: 6 };
const good: TermMonth = { missed: false, metExpected: true, creditMinor: 0 };
const ok: TermMonth = { missed: false, metExpected: false, creditMinor: 0 };

describe('govern worked examples (docs/govern-worked-examples.md)', () => {
  it('1. allocation over 100 %: B 4 000.00 + C 3 000.00 = 7 000.00, net 93 000.00', () => {
    const s = settlePeriod({ daysInPeriod: 31, segments: [month(['B', 'C'])], escalationPercent: ladder });
    expect(s.atRiskMinor).toBe(1_000_000);
    expect(s.creditLines.map((l) => [l.termId, l.creditMinor])).toEqual([
      ['B', 400_000],
      ['C', 300_000],
    ]);
    expect(s.creditsMinor).toBe(700_000);
    expect(s.netMinor).toBe(9_300_000);
  });

  it('2. cap reached: A 8 000.00 + C 3 000.00 = 11 000.00 capped at 10 000.00', () => {
    const s = settlePeriod({ daysInPeriod: 31, segments: [month(['A', 'C'])], escalationPercent: ladder });
    expect(s.creditLines.reduce((sum, l) => sum + l.creditMinor, 0)).toBe(1_100_000);
    expect(s.poolCapAdjustmentMinor).toBe(-100_000);
    expect(s.creditsMinor).toBe(1_000_000);
    expect(s.netMinor).toBe(9_000_000);
  });

  it('3. escalating repeat: B third miss × 200 % = 8 000.00; A second miss 12 000.00 capped at 10 000.00', () => {
    const b = settlePeriod({
      daysInPeriod: 31,
      segments: [month(['B'])],
      escalationPercent: ladder,
      priorConsecutiveMisses: { B: consecutiveMissesBefore([false, true, true]) },
    });
    expect(b.creditLines[0]).toMatchObject({
      multiplierPercent: 200,
      creditMinor: 800_000,
      lineCapped: false,
    });
    const a = settlePeriod({
      daysInPeriod: 31,
      segments: [month(['A'])],
      escalationPercent: ladder,
      priorConsecutiveMisses: { A: 1 },
    });
    expect(a.creditLines[0]).toMatchObject({
      multiplierPercent: 150,
      uncappedMinor: 1_200_000,
      creditMinor: 1_000_000,
      lineCapped: true,
    });
  });

  it('4. earn-back after three good months: January 4 000.00 returned in April, net 104 000.00', () => {
    const january: TermMonth = { missed: true, metExpected: false, creditMinor: 400_000 };
    const history = [ok, ok, ok, january, good, good, good];
    const due = earnBack(history, { goodMonths: 3, chronic });
    expect(due).toEqual({ earnBackMinor: 400_000, monthIndex: 3, reason: 'earned' });
    const april = settlePeriod({
      daysInPeriod: 30,
      segments: [{ ...month([]), days: 30 }],
      escalationPercent: ladder,
      earnBackMinor: { B: due.earnBackMinor },
    });
    expect(april.netMinor).toBe(10_400_000);
    // Only in the month completing the three: one month earlier, nothing is due yet.
    expect(earnBack(history.slice(0, -1), { goodMonths: 3, chronic }).earnBackMinor).toBe(0);
  });

  it('5. no earn-back on chronic failure: B missed Oct, Dec, Jan (3 of 6), April earns back 0', () => {
    const miss: TermMonth = { missed: true, metExpected: false, creditMinor: 400_000 };
    // Aug, Sep, Oct, Nov, Dec, Jan, Feb, Mar, Apr
    const history = [ok, ok, miss, ok, miss, miss, good, good, good];
    expect(
      isChronicFailure(
        history.slice(0, 6).map((m) => m.missed),
        chronic,
      ),
    ).toBe(true);
    expect(earnBack(history, { goodMonths: 3, chronic })).toEqual({
      earnBackMinor: 0,
      monthIndex: 5,
      reason: 'chronic',
    });
  });

  it('6. bonus blocked by the quality gate: 1 500.00 (capped) with CSAT 4.31, 0 with CSAT 4.05', () => {
    const withCsat = (csat: number) =>
      settlePeriod({
        daysInPeriod: 31,
        segments: [month([])],
        escalationPercent: ladder,
        bonus: {
          terms: [{ termId: 'A', bonusBp: 200, earned: true }],
          capBp: 150,
          gates: [{ kpi: 'csat', measured: csat, floor: 420, better: 'higher' }],
        },
      });
    expect(withCsat(431).bonus).toEqual({ bonusMinor: 150_000, capped: true, blockedBy: [] });
    expect(withCsat(431).netMinor).toBe(10_150_000);
    expect(withCsat(405).bonus).toEqual({ bonusMinor: 0, capped: false, blockedBy: ['csat'] });
  });

  it('7. forecast relief: 11 500 against 10 000 ± 10 % relieves A (0 instead of 8 000.00); 10 900 does not', () => {
    const credit = (actual: number) => {
      const relief = forecastRelief(10_000, actual, { aboveBp: 1_000 });
      return settlePeriod({
        daysInPeriod: 31,
        segments: [month(['A'], relief.relieved ? ['A'] : [])],
        escalationPercent: ladder,
      }).creditsMinor;
    };
    expect(forecastRelief(10_000, 11_500, { aboveBp: 1_000 })).toEqual({
      relieved: true,
      reason: 'above_band',
    });
    expect(credit(11_500)).toBe(0);
    expect(credit(10_900)).toBe(800_000);
    expect(forecastRelief(10_000, 11_000, { aboveBp: 1_000 }).relieved).toBe(false);
  });

  it('7. a week cut by the month: the plan’s Monday to Friday 6 200 (inside the band at 6 500), pro rata 5 000 (relieved)', () => {
    const week = { from: '2023-03-27', to: '2023-04-02', volume: 7_000 };
    const march = ['2023-03-27', '2023-03-28', '2023-03-29', '2023-03-30', '2023-03-31'];
    const planned = forecastVolumeOn(
      { ...week, dailyVolumes: [2_500, 1_000, 1_000, 1_000, 700, 400, 400] },
      march,
    );
    const typedIn = forecastVolumeOn(week, march);
    expect([planned, typedIn]).toEqual([6_200, 5_000]);
    expect(forecastRelief(planned, 6_500, { aboveBp: 1_000 }).relieved).toBe(false);
    expect(forecastRelief(typedIn, 6_500, { aboveBp: 1_000 })).toEqual({
      relieved: true,
      reason: 'above_band',
    });
  });

  it('8. mid-month change: charges 30 433.33, at-risk 3 312.00, A missed in v2 days 1 289.60, net 29 143.73', () => {
    const runs = daysInForce(
      [
        { version: 1, effectiveFrom: '2026-01-01' },
        { version: 2, effectiveFrom: '2026-04-18' },
      ],
      '2026-04',
    );
    expect(runs).toEqual([
      { version: 1, fromDay: 1, toDay: 17, days: 17 },
      { version: 2, fromDay: 18, toDay: 30, days: 13 },
    ]);
    const a = [terms[0] as CriticalServiceLevel];
    const s = settlePeriod({
      daysInPeriod: 30,
      escalationPercent: ladder,
      segments: [
        {
          version: 1,
          days: 17,
          fixedMonthlyMinor: 3_000_000,
          variableMinor: 0,
          atRiskBp: 1_000,
          terms: a,
          outcomes: [{ termId: 'A', missed: false }],
        },
        {
          version: 2,
          days: 13,
          fixedMonthlyMinor: 3_100_000,
          variableMinor: 0,
          atRiskBp: 1_200,
          terms: a,
          outcomes: [{ termId: 'A', missed: true }],
        },
      ],
    });
    expect(s.chargesMinor).toBe(3_043_333);
    expect(s.atRiskMinor).toBe(331_200);
    expect(s.creditLines).toEqual([
      expect.objectContaining({ version: 2, termId: 'A', creditMinor: 128_960 }),
    ]);
    expect(s.netMinor).toBe(2_914_373);
  });
});
