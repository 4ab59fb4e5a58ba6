import { type RoutingDecision, route } from './route.js';
import type { RoutingRule, RoutingTeam, RoutingTicket } from './rules.js';

/** A past ticket for a replay: what routing looks at, and when it arrived. */
export interface ReplayTicket extends RoutingTicket {
  readonly id: string;
  readonly createdAt: Date;
}

/** What rules would have done with a set of tickets. */
export interface ReplayResult {
  readonly decisions: ReadonlyMap<string, RoutingDecision>;
  /** Tickets per provider id (`none` for tickets no team takes). */
  readonly volumeByProvider: ReadonlyMap<string, number>;
  /** Tickets per deciding rule id. */
  readonly volumeByRule: ReadonlyMap<string, number>;
  /** Tickets that would have waited for a team to open (routed to a closed team). */
  readonly waitedForOpening: number;
}

/**
 * "What would these rules have done with last month's tickets, and what would each provider's
 * volume have been?": each ticket routed at its creation instant, exactly as live routing would
 * (the same `route`, with no load: a replay does not know past queues), then counted per provider
 * and rule. Order of the input does not matter.
 *
 * @example replay([{id:'t1', createdAt, channel:'email', language:'tr', …}], rules, teams).volumeByProvider // Map { 'prv_a' => 1 }
 */
export function replay(
  tickets: Iterable<ReplayTicket>,
  rules: readonly RoutingRule[],
  teams: readonly RoutingTeam[],
): ReplayResult {
  const idle = teams.map((t) => ({ ...t, load: 0 }));
  const decisions = new Map<string, RoutingDecision>();
  const volumeByProvider = new Map<string, number>();
  const volumeByRule = new Map<string, number>();
  let waitedForOpening = 0;
  for (const t of tickets) {
    const d = route(t, t.createdAt, rules, idle);
    decisions.set(t.id, d);
    const provider = d.providerId ?? 'none';
    volumeByProvider.set(provider, (volumeByProvider.get(provider) ?? 0) + 1);
    volumeByRule.set(d.ruleId, (volumeByRule.get(d.ruleId) ?? 0) + 1);
    if (d.teamId !== null && !d.open) waitedForOpening++;
  }
  return { decisions, volumeByProvider, volumeByRule, waitedForOpening };
}
