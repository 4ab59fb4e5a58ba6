import { requiredAgents, type StaffingTargets } from '../staffing/required-agents.js';

/** A bad split input; `field` names the value at fault. */
export class SplitInputError extends RangeError {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'SplitInputError';
  }
}

/** One provider (the in-house team or a vendor) as contracted. */
export interface SplitProvider {
  readonly id: string;
  /** Languages its agents answer in. */
  readonly languages: readonly string[];
  /**
   * Contracted hours in the plan's local time: on each listed day of week (0 = Sunday) it works
   * [openMin, closeMin); a close at or before the open runs past midnight into the next day.
   */
  readonly hours: readonly {
    readonly days: readonly number[];
    readonly openMin: number;
    readonly closeMin: number;
  }[];
  /** Cost of one scheduled agent-hour. */
  readonly costPerAgentHour: number;
  /** Contacts over the horizon: it gets at least this many when it can (contract minimum)… */
  readonly minVolume?: number | undefined;
  /** …and never more than this. */
  readonly maxVolume?: number | undefined;
}

/** Forecast contacts per interval for one language. */
export interface SplitDemand {
  readonly language: string;
  readonly volume: readonly number[];
}

export interface SplitRequest {
  readonly demand: readonly SplitDemand[];
  readonly providers: readonly SplitProvider[];
  readonly stepMin: number;
  /** Day of week of the first interval (0 = Sunday); intervals start at its midnight. */
  readonly firstDayOfWeek: number;
  readonly ahtSec: number;
  readonly targets: StaffingTargets;
  readonly shrinkage?: number;
}

export interface ProviderPlan {
  readonly id: string;
  /** Contacts per interval (all languages). */
  readonly volume: number[];
  /** Scheduled agents per interval (Erlang C on its own queue, with shrinkage). */
  readonly agents: number[];
  readonly totalVolume: number;
  readonly agentHours: number;
  readonly cost: number;
}

export interface SplitResult {
  readonly providers: ProviderPlan[];
  /** Contacts no provider could take (closed or no one speaks the language), per interval. */
  readonly unassigned: number[];
  readonly totalCost: number;
}

/** Whether a provider works at minute-of-week `m` (0 = Sunday 00:00). */
export function providerOpen(p: SplitProvider, minuteOfWeek: number): boolean {
  const day = Math.floor(minuteOfWeek / 1440) % 7;
  const minute = minuteOfWeek % 1440;
  return p.hours.some((h) => {
    if (h.closeMin > h.openMin) return h.days.includes(day) && minute >= h.openMin && minute < h.closeMin;
    // Past midnight: the evening of a listed day, or the early hours after one.
    return (
      (h.days.includes(day) && minute >= h.openMin) || (h.days.includes((day + 6) % 7) && minute < h.closeMin)
    );
  });
}

/**
 * Splits forecast volume across providers interval by interval: each language's contacts in an
 * interval go to the cheapest provider open then (its contracted hours: "follow the sun" — a vendor
 * whose day is our night takes the night) that answers the language and has room under its maximum;
 * then each provider short of its minimum takes, interval by interval, contacts it could answer
 * from the dearest provider holding them. Each provider's agents are Plan's required agents for its
 * own queue ({@link requiredAgents}: Erlang C, the targets, shrinkage), cost = agent-hours × its rate.
 * Whole intervals go to one provider where possible: a pooled queue needs fewer agents than split
 * ones (the economies of scale of Erlang C; Koole, "Call Center Optimization", 2013, §5.3).
 *
 * @throws {SplitInputError} naming the field: a bad step, provider, hours or demand.
 * @example splitVolume({ demand: [{ language: 'en', volume }], providers, stepMin: 30, firstDayOfWeek: 1, ahtSec: 300, targets: { serviceLevel: { fraction: 0.8, withinSec: 20 } } })
 */
export function splitVolume(request: SplitRequest): SplitResult {
  const { demand, providers, stepMin } = request;
  if (!(Number.isInteger(stepMin) && stepMin > 0 && 1440 % stepMin === 0))
    throw new SplitInputError('stepMin must divide a day into whole intervals', 'stepMin');
  if (providers.length === 0) throw new SplitInputError('at least one provider is needed', 'providers');
  const ids = new Set<string>();
  providers.forEach((p, i) => {
    if (!p.id || ids.has(p.id))
      throw new SplitInputError('ids must be unique and not empty', `providers[${i}].id`);
    ids.add(p.id);
    if (!(p.costPerAgentHour >= 0))
      throw new SplitInputError('costPerAgentHour must be a number ≥ 0', `providers[${i}].costPerAgentHour`);
    p.hours.forEach((h, k) => {
      if (!(h.openMin >= 0 && h.openMin < 1440 && h.closeMin >= 0 && h.closeMin <= 1440))
        throw new SplitInputError(
          'openMin and closeMin must be minutes of a day',
          `providers[${i}].hours[${k}]`,
        );
    });
  });
  const n = demand[0]?.volume.length ?? 0;
  demand.forEach((d, k) => {
    if (d.volume.length !== n)
      throw new SplitInputError('every language needs the same intervals', `demand[${k}].volume`);
    if (d.volume.some((v) => !(v >= 0)))
      throw new SplitInputError('volumes must be ≥ 0', `demand[${k}].volume`);
  });
  const byCost = providers
    .map((_, i) => i)
    .sort((a, b) => providers[a]!.costPerAgentHour - providers[b]!.costPerAgentHour);
  // share[k][t] = provider index holding language k's contacts at t (−1: no one).
  const holder = demand.map(() => new Array<number>(n).fill(-1));
  const taken = new Array<number>(providers.length).fill(0);
  const eligible = (i: number, k: number, t: number) =>
    providers[i]!.languages.includes(demand[k]!.language) &&
    providerOpen(providers[i]!, (request.firstDayOfWeek * 1440 + t * stepMin) % 10080);
  for (let t = 0; t < n; t++)
    demand.forEach((d, k) => {
      const v = d.volume[t]!;
      if (v === 0) return;
      for (const i of byCost) {
        const max = providers[i]!.maxVolume ?? Number.POSITIVE_INFINITY;
        if (eligible(i, k, t) && taken[i]! + v <= max) {
          holder[k]![t] = i;
          taken[i]! += v;
          return;
        }
      }
    });
  // Minimums: move contacts to a provider short of its minimum from the dearest holder first.
  providers.forEach((p, i) => {
    const min = p.minVolume ?? 0;
    const moves: { k: number; t: number; cost: number }[] = [];
    demand.forEach((d, k) => {
      for (let t = 0; t < n; t++) {
        const h = holder[k]![t]!;
        if (h !== i && d.volume[t]! > 0 && eligible(i, k, t))
          moves.push({ k, t, cost: h < 0 ? Number.POSITIVE_INFINITY : providers[h]!.costPerAgentHour });
      }
    });
    moves.sort((a, b) => b.cost - a.cost);
    for (const m of moves) {
      if (taken[i]! >= min) break;
      const v = demand[m.k]!.volume[m.t]!;
      if (taken[i]! + v > (p.maxVolume ?? Number.POSITIVE_INFINITY)) continue;
      const from = holder[m.k]![m.t]!;
      if (from >= 0 && taken[from]! - v < (providers[from]!.minVolume ?? 0)) continue;
      if (from >= 0) taken[from]! -= v;
      holder[m.k]![m.t] = i;
      taken[i]! += v;
    }
  });
  const unassigned = new Array<number>(n).fill(0);
  const plans = providers.map((p) => ({ id: p.id, volume: new Array<number>(n).fill(0) }));
  demand.forEach((d, k) => {
    for (let t = 0; t < n; t++) {
      const h = holder[k]![t]!;
      if (h < 0) unassigned[t]! += d.volume[t]!;
      else plans[h]!.volume[t]! += d.volume[t]!;
    }
  });
  const hours = stepMin / 60;
  const out = plans.map((plan, i) => {
    const agents = plan.volume.map((v) =>
      v > 0
        ? requiredAgents({
            volume: v,
            intervalSec: stepMin * 60,
            ahtSec: request.ahtSec,
            targets: request.targets,
            ...(request.shrinkage !== undefined ? { shrinkage: request.shrinkage } : {}),
          }).scheduledAgents
        : 0,
    );
    const agentHours = agents.reduce((a, b) => a + b, 0) * hours;
    return {
      id: plan.id,
      volume: plan.volume,
      agents,
      totalVolume: plan.volume.reduce((a, b) => a + b, 0),
      agentHours,
      cost: agentHours * providers[i]!.costPerAgentHour,
    };
  });
  return { providers: out, unassigned, totalCost: out.reduce((s, p) => s + p.cost, 0) };
}
