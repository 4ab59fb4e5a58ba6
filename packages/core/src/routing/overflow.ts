import { isOpenAt } from './open-hours.js';
import { type RoutingRule, type RoutingTeam, type RoutingTicket, teamQualifies } from './rules.js';

/** Where an overflowing ticket goes, and why (for the routing explanation). */
export interface OverflowDecision {
  readonly teamId: string | null;
  readonly providerId: string | null;
  readonly reason: string;
}

/**
 * The overflow step of a rule, run when its wait has passed and nobody took the ticket: among the
 * rule's overflow teams that qualify for the ticket (language, channel), are open at `at` and are
 * not the team that has it now, the least loaded (then the rule's order). An overflow to a closed
 * team would only move the wait, so with none open the ticket stays where it is.
 *
 * Source: Genesys Cloud "bullseye routing" / Zendesk "overflow" (widen the pool of agents after a
 * wait in queue); the wait counts from routing, as ACD overflow timers do.
 *
 * @example overflowTarget(ticket, at, { …, overflow: { afterSeconds: 120, teamIds: ['manila'] } }, teams, 'istanbul')
 *   // { teamId: 'manila', providerId: 'prv_vendor', reason: 'not taken within 120 s: overflow to team manila (open, least loaded)' }
 */
export function overflowTarget(
  ticket: RoutingTicket,
  at: Date,
  rule: RoutingRule,
  teams: readonly RoutingTeam[],
  currentTeamId: string | null,
): OverflowDecision {
  if (!rule.overflow)
    return { teamId: null, providerId: null, reason: `rule "${rule.name}" has no overflow` };
  const wait = `not taken within ${rule.overflow.afterSeconds} s`;
  const byId = new Map(teams.map((t) => [t.id, t]));
  // The rule's order breaks ties: a stable sort by load keeps it.
  const open = rule.overflow.teamIds
    .map((id) => byId.get(id))
    .filter(
      (t): t is RoutingTeam =>
        t !== undefined && t.id !== currentTeamId && teamQualifies(t, ticket) && isOpenAt(at, t.calendar),
    )
    .sort((a, b) => (a.load ?? 0) - (b.load ?? 0));
  const chosen = open[0];
  if (!chosen)
    return {
      teamId: null,
      providerId: null,
      reason: `${wait}: no overflow team is open and qualifies; it stays`,
    };
  return {
    teamId: chosen.id,
    providerId: chosen.providerId,
    reason: `${wait}: overflow to team ${chosen.id} (open, least loaded)`,
  };
}
