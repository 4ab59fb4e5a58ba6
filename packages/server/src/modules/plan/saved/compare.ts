// Two or more saved plans side by side: the figures a planner weighs (volume, agents, paid hours,
// cost, per provider), each with its difference from the first plan and a flag where they differ.
import type { PlanComparison, SavedPlan, SavedPlanResult } from './schemas.js';

/** A relative difference below this (0.5 %) is not highlighted: rounding, not a different plan. */
const NOTABLE = 0.005;

/** A figure: a total (provider null) or one provider's. */
interface Figure {
  readonly metric: string;
  readonly provider: string | null;
}

const TOTALS = ['volume', 'peakRequired', 'requiredHours', 'paidHours', 'cost', 'unassignedVolume'];
const PER_PROVIDER = ['volume', 'paidHours', 'cost'];
const keyOf = (f: Figure) => JSON.stringify([f.provider, f.metric]);

function figuresOf(r: SavedPlanResult): Map<string, number> {
  const hours = r.stepMin / 60;
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const totals: Record<string, number> = {
    volume: sum(r.forecast.volume),
    peakRequired: Math.max(0, ...r.required),
    requiredHours: sum(r.required) * hours,
    paidHours: sum(r.providers.map((p) => p.paidHours)),
    cost: sum(r.providers.map((p) => p.scheduledCost)),
    unassignedVolume: r.unassignedVolume,
  };
  const out = new Map<string, number>();
  for (const metric of TOTALS) out.set(keyOf({ metric, provider: null }), totals[metric]!);
  for (const p of r.providers) {
    const values: Record<string, number> = {
      volume: p.totalVolume,
      paidHours: p.paidHours,
      cost: p.scheduledCost,
    };
    for (const metric of PER_PROVIDER) {
      const key = keyOf({ metric, provider: p.name });
      out.set(key, (out.get(key) ?? 0) + values[metric]!);
    }
  }
  return out;
}

/**
 * The comparison of finished plans, in the order given: one row per figure (totals first, then each
 * provider by name, a provider missing from a plan counting 0), each plan's value, its difference
 * from the first plan's (absolute and relative; relative null when the first is 0) and `differs`
 * when any plan is more than 0.5 % (or, from 0, any amount) away from the first.
 */
export function comparePlans(plans: readonly SavedPlan[]): PlanComparison {
  const figures = plans.map((p) => figuresOf(p.result!));
  const providers = [
    ...new Set(plans.flatMap((p) => p.result!.providers.map((provider) => provider.name))),
  ].sort((a, b) => a.localeCompare(b));
  const wanted: Figure[] = [
    ...TOTALS.map((metric) => ({ metric, provider: null })),
    ...providers.flatMap((provider) => PER_PROVIDER.map((metric) => ({ metric, provider }))),
  ];
  const rows = wanted.map(({ metric, provider }) => {
    const values = figures.map((f) => f.get(keyOf({ metric, provider })) ?? 0);
    const base = values[0]!;
    const deltas = values.map((v) => v - base);
    const relative = values.map((v) => (base === 0 ? null : (v - base) / base));
    const differs = values.some((v) =>
      base === 0 ? v !== 0 : Math.abs(v - base) / Math.abs(base) > NOTABLE,
    );
    return { metric, provider, values, deltas, relative, differs };
  });
  return {
    plans: plans.map((p) => ({
      id: p.id,
      name: p.name,
      version: p.version,
      forecastStart: p.result!.forecastStart,
      horizonDays: p.horizonDays,
      stepMin: p.result!.stepMin,
      method: p.result!.method,
    })),
    rows,
  };
}
