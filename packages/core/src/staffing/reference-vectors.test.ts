// Every row of the shared high-precision references (FORMULAS.md: mpmath at 50 digits,
// cross-checked two ways). Values are parsed as JS numbers; the bar is relative error ≤ 1e-12.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { erlangAMetrics } from './erlang-a.js';
import { erlangB, logErlangB } from './erlang-b.js';
import { erlangC, erlangCMetrics } from './erlang-c.js';
import { createIntervalPlanner, type IntervalRow } from './interval-plan.js';
import { requiredAgents } from './required-agents.js';
import { halfinWhittDelayProbability, squareRootStaffing } from './square-root-staffing.js';

const referenceUrl = new URL('../../../../../shared/reference/staffing/', import.meta.url);
const referenceAvailable = existsSync(fileURLToPath(referenceUrl));
const SKIP_MESSAGE = '../shared not found: skipping reference-vector tests';

/** Rows of a reference CSV as records of the raw text cells (quoted commas handled). */
function readReferenceCsv(name: string): Record<string, string>[] {
  const text = readFileSync(fileURLToPath(new URL(name, referenceUrl)), 'utf8').trim();
  const [header = '', ...lines] = text.split(/\r?\n/);
  const columns = header.split(',');
  return lines.map((line) => {
    const cells = line.match(/("[^"]*"|[^,]*)(,|$)/g)?.map((cell) => cell.replace(/,$/, '')) ?? [];
    return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? '']));
  });
}

/** Relative error of `actual` against `expected` (0 when both are exactly equal, e.g. both 0). */
function relativeError(actual: number, expected: number): number {
  if (actual === expected) return 0;
  return Math.abs(actual - expected) / Math.abs(expected);
}

/**
 * Some columns are printed with fewer digits than 1e-12 needs, e.g. "4.19512323672" (12 significant
 * digits: ±5e-12 relative). Tolerance = max(1e-12, half a unit in the last printed digit).
 */
function printedTolerance(text: string): number {
  const mantissa = text.toLowerCase().split('e')[0] ?? text;
  const digits = mantissa.replace(/^[-+]?0*\.?0*/, '').replace('.', '').length;
  return Math.max(1e-12, 0.5 * 10 ** (1 - digits));
}

const TOLERANCE = 1e-12;

describe.skipIf(!referenceAvailable)(referenceAvailable ? 'reference vectors' : SKIP_MESSAGE, () => {
  describe('erlang_bc_kernel.csv (Erlang B and C up to n = 100,300)', () => {
    const rows = referenceAvailable ? readReferenceCsv('erlang_bc_kernel.csv') : [];
    it.each(rows.map((row) => [row.n, row.A, row] as const))('n = %s, A = %s', (_n, _a, row) => {
      const agents = Number(row.n);
      const offeredLoad = Number(row.A);
      expect(relativeError(erlangB(agents, offeredLoad), Number(row.erlang_b))).toBeLessThanOrEqual(
        TOLERANCE,
      );
      expect(relativeError(erlangC(agents, offeredLoad), Number(row.erlang_c))).toBeLessThanOrEqual(
        TOLERANCE,
      );
      // The SL column is at t/AHT = 0.1111… = 20 s / 180 s; ASA is in units of AHT.
      const metrics = erlangCMetrics({ agents, offeredLoad, ahtSec: 180, targetAnswerSec: 20 });
      expect(relativeError(metrics.serviceLevel, Number(row['sl_t_over_aht_0.1111']))).toBeLessThanOrEqual(
        TOLERANCE,
      );
      expect(
        relativeError(metrics.averageSpeedOfAnswerSec / 180, Number(row.asa_over_aht)),
      ).toBeLessThanOrEqual(TOLERANCE);
      // log10 B is printed to 12 significant digits; it stays finite where B underflows (n = 3334).
      const log10B = logErlangB(agents, offeredLoad) / Math.LN10;
      expect(Math.abs(log10B - Number(row.log10_erlang_b))).toBeLessThanOrEqual(
        printedTolerance(row.log10_erlang_b ?? '') * Math.abs(log10B),
      );
    });
  });

  describe('erlanga_vectors.csv (Erlang A, closed forms checked against the birth–death chain)', () => {
    const rows = referenceAvailable ? readReferenceCsv('erlanga_vectors.csv') : [];
    const columns = [
      ['p_wait', (m: ReturnType<typeof erlangAMetrics>) => m.probabilityOfWait],
      ['p_abandon', (m) => m.probabilityOfAbandon],
      ['p_abandon_given_wait', (m) => m.probabilityOfAbandonGivenWait],
      ['asa_all_sec', (m) => m.averageSpeedOfAnswerSec],
      ['sl_answered_within_over_offered', (m) => m.serviceLevels['answered-within-over-offered']],
      ['sl_P_wait_le_t', (m) => m.serviceLevels['waited-within-over-offered']],
      ['sl_excl_short_abandons', (m) => m.serviceLevels['answered-within-excluding-short-abandons']],
      ['abandon_within_t', (m) => m.abandonedWithinTarget],
      ['p_offered_wait_gt_t', (m) => m.probabilityOfferedWaitExceedsTarget],
      ['occupancy', (m) => m.occupancy],
    ] as const satisfies readonly (readonly [string, (m: ReturnType<typeof erlangAMetrics>) => number])[];

    it.each(rows.map((row) => [row.case_id, row.note, row] as const))('case %s (%s)', (_id, _note, row) => {
      const metrics = erlangAMetrics({
        agents: Number(row.agents),
        // λ is printed rounded (3.33333333333); the offered load is exact, so λ = A/AHT.
        offeredLoad: Number(row.offered_load_erlangs),
        ahtSec: Number(row.aht_min) * 60,
        patienceSec: Number(row.patience_min) * 60,
        targetAnswerSec: Number(row.target_answer_sec),
      });
      for (const [column, pick] of columns) {
        const text = row[column] ?? '';
        const tolerance = printedTolerance(text);
        expect(relativeError(pick(metrics), Number(text)), column).toBeLessThanOrEqual(tolerance);
      }
      // The default definition is answered-within-over-offered (SL_ans, FORMULAS.md §4).
      expect(metrics.serviceLevel).toBe(metrics.serviceLevels['answered-within-over-offered']);
      // ASA over all arrivals = P(Ab)/θ, against the 15-digit P(Ab) column at the full 1e-12 bar.
      const asaFromAbandon = Number(row.p_abandon) * Number(row.patience_min) * 60;
      expect(relativeError(metrics.averageSpeedOfAnswerSec, asaFromAbandon)).toBeLessThanOrEqual(TOLERANCE);
    });
  });

  describe('sqrt_staffing_check.csv (Halfin–Whitt square-root staffing)', () => {
    const rows = referenceAvailable ? readReferenceCsv('sqrt_staffing_check.csv') : [];
    it.each(rows.map((row) => [row.pwait_target, row.A_erlangs, row] as const))(
      'P(W>0) ≤ %s at A = %s',
      (_target, _load, row) => {
        const target = Number(row.pwait_target);
        const beta = Number(row.beta);
        const offeredLoad = Number(row.A_erlangs);
        // β is printed to 8 digits, so α(β) matches the target to about 1e-7.
        expect(Math.abs(halfinWhittDelayProbability(beta) - target)).toBeLessThan(1e-6);
        expect(squareRootStaffing(offeredLoad, beta)).toBe(Number(row.n_sqrt_rule));
        // The exact inverse: fewest agents with Erlang C P(W>0) ≤ target. With t = 0, SL = 1 − C.
        const exact = requiredAgents({
          offeredLoad,
          ahtSec: 300,
          targets: { serviceLevel: { fraction: 1 - target, withinSec: 0 } },
        });
        expect(exact.rawAgents).toBe(Number(row.n_exact));
        // The rule is exact or one short, never over (FORMULAS.md §3).
        expect(Number(row.n_exact) - squareRootStaffing(offeredLoad, beta)).toBeGreaterThanOrEqual(0);
        expect(Number(row.n_exact) - squareRootStaffing(offeredLoad, beta)).toBeLessThanOrEqual(1);
      },
    );
  });
});

describe.skipIf(!referenceAvailable)(
  referenceAvailable ? 'intervals_year.csv (35,040 quarter-hours)' : SKIP_MESSAGE,
  () => {
    const rows: IntervalRow[] = referenceAvailable
      ? readReferenceCsv('intervals_year.csv').map((row) => ({
          start: row.interval_start ?? '',
          volume: Number(row.volume),
          ahtSec: Number(row.aht_sec),
          intervalMin: Number(row.interval_min) as 15,
          serviceLevel: { fraction: Number(row.sl_target), withinSec: Number(row.target_answer_sec) },
          maxOccupancy: Number(row.max_occupancy),
          shrinkage: Number(row.shrinkage),
        }))
      : [];
    const planner = createIntervalPlanner({ paidHoursPerFte: 2080 });
    const plans = rows.map((row) => planner.plan(row));
    const totals = planner.totals();

    it('schedules ⌈raw/(1 − 0.3)⌉ exactly in every interval, where a float ceiling would add a position in hundreds', () => {
      let floatCeilingWrong = 0;
      for (const plan of plans) {
        const raw = BigInt(plan.rawAgents);
        const exact = (raw * 10n + 6n) / 7n; // ⌈raw·10/7⌉ in integers
        expect(plan.scheduledAgents).toBe(Number(exact));
        if (Math.ceil(plan.rawAgents / (1 - 0.3)) !== plan.scheduledAgents) floatCeilingWrong += 1;
      }
      // FORMULAS.md §2 reports 515 such intervals for its raw series; ours (exact occupancy ceilings) gives 512.
      expect(floatCeilingWrong).toBeGreaterThan(400);
    });

    it('is minimal in every interval: one agent fewer misses 80 % in 20 s or exceeds 85 % occupancy', () => {
      plans.forEach((plan, i) => {
        const row = rows[i]!;
        if (plan.volume === 0) {
          expect(plan.rawAgents).toBe(0);
          return;
        }
        const fewer = plan.rawAgents - 1;
        // Occupancy volume·AHT/(n·900 s) vs 0.85, in integers (AHT has one decimal in this file).
        const workTenths = BigInt(row.volume) * BigInt(Math.round(row.ahtSec * 10));
        const withinCap = (agents: number) => workTenths * 100n <= BigInt(agents) * 900n * 10n * 85n;
        const occupancyTooHigh = !withinCap(fewer);
        const slMissed =
          fewer <= plan.offeredLoad ||
          erlangCMetrics({
            agents: fewer,
            offeredLoad: plan.offeredLoad,
            ahtSec: row.ahtSec,
            targetAnswerSec: 20,
          }).serviceLevel < 0.8;
        expect(occupancyTooHigh || slMissed).toBe(true);
        expect(plan.serviceLevel).toBeGreaterThanOrEqual(0.8);
        expect(withinCap(plan.rawAgents)).toBe(true);
      });
    });

    it('totals agent-hours and FTE from the intervals', () => {
      const scheduledHours = plans.reduce((sum, p) => sum + p.scheduledAgents, 0) / 4;
      expect(totals.intervals).toBe(35_040);
      expect(totals.scheduledAgentHours).toBe(scheduledHours);
      expect(totals.fte).toBeCloseTo(scheduledHours / 2080, 12);
      expect(totals.nightIntervals).toBe(365 * 8 * 4); // 22:00–06:00 every day
      expect(totals.expectedServiceLevel).toBeGreaterThanOrEqual(0.8);
    });
  },
);
