// Two or more saved plans side by side: the figures a planner weighs (volume, agents, paid hours,
// cost, per provider), each with its difference from the first plan and a flag where they differ.
import type { PlanComparison, SavedPlan, SavedPlanResult } from './schemas.js';

/** A relative difference below this (0.5 %) is not highlighted: rounding, not a different plan. */
const NOTABLE = 0.005;

type Figures = Record<string, number>;

function figuresOf(r: SavedPlanResult): Figures {
  const hours = r.stepMin / 60;
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const f: Figures = {
    volume: sum(r.forecast.volume),
    peakRequired: Math.max(0, ...r.required),
    requiredHours: sum(r.required) * hours,
    paidHours: sum(r.providers.map((p) => p.paidHours)),
    cost: sum(r.providers.map((p) => p.scheduledCost)),
    unassignedVolume: r.unassignedVolume,
  };
  for (const p of r.providers) {
    f[`provider:${p.name}:volume`] = p.totalVolume;
    f[`provider:${p.name}:paidHours`] = p.paidHours;
    f[`provider:${p.name}:cost`] = p.scheduledCost;
  }
  return f;
}

/**
 * The comparison of finished plans, in the order given: one row per figure (totals first, then each
 * provider by name, a provider missing from a plan counting 0), each plan's value, its difference
 * from the first plan's (absolute and relative; relative null when the first is 0) and `differs`
 * when any plan is more than 0.5 % (or, from 0, any amount) away from the first.
 */
export function comparePlans(plans: readonly SavedPlan[]): PlanComparison {
  const figures = plans.map((p) => figuresOf(p.result!));
  const totals = ['volume', 'peakRequired', 'requiredHours', 'paidHours', 'cost', 'unassignedVolume'];
  const providerKeys = [
    ...new Set(figures.flatMap((f) => Object.keys(f).filter((k) => k.startsWith('provider:')))),
  ].sort((a, b) => a.localeCompare(b));
  const rows = [...totals, ...providerKeys].map((key) => {
    const values = figures.map((f) => f[key] ?? 0);
    const base = values[0]!;
    const deltas = values.map((v) => v - base);
    const relative = values.map((v) => (base === 0 ? null : (v - base) / base));
    const differs = values.some((v) =>
      base === 0 ? v !== 0 : Math.abs(v - base) / Math.abs(base) > NOTABLE,
    );
    const [, provider = null, metric = key] = key.startsWith('provider:')
      ? (key.split(':') as [string, string, string])
      : [null, null, key];
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
