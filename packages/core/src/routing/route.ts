import type { TicketPriority } from '../domain/vocabulary.js';
import { nextOpening } from './open-hours.js';
import {
  type ConditionCheck,
  checkConditions,
  type RoutingRule,
  type RoutingTeam,
  type RoutingTicket,
  teamQualifies,
} from './rules.js';

/** The rule id a decision names when no configured rule matched and any qualifying team was taken. */
export const FALLBACK_RULE = 'fallback';

/**
 * Why a team was chosen: `open_least_loaded` (open now, least load among the open candidates),
 * `opens_first` (no candidate open now: the one whose hours start first), `no_team` (no team
 * qualifies anywhere; the ticket stays unassigned).
 */
export type RoutingBasis = 'open_least_loaded' | 'opens_first' | 'no_team';

/** One routing decision: always names the rule that made it and why (explainable routing). */
export interface RoutingDecision {
  /** The matched rule's id, or `fallback`. */
  readonly ruleId: string;
  readonly ruleName: string;
  readonly teamId: string | null;
  readonly providerId: string | null;
  readonly basis: RoutingBasis;
  /** Whether the chosen team is open at the routing instant. */
  readonly open: boolean;
  /** When the chosen team opens (the routing instant when open); null with no team. */
  readonly opensAt: Date | null;
  /** The matched rule's checks; empty for the fallback. */
  readonly checks: readonly ConditionCheck[];
  /** Candidate teams that qualified, in the rule's order. */
  readonly candidates: readonly string[];
  readonly priority: TicketPriority | null;
  /** The type the rule sets, or null. */
  readonly type: string | null;
  readonly tags: readonly string[];
  readonly slaPolicyId: string | null;
  /** One English sentence for logs and the API; the web app builds its own from the fields. */
  readonly reason: string;
}

interface Candidate {
  readonly team: RoutingTeam;
  readonly order: number;
  readonly opensAt: Date | null;
}

/**
 * Follow the sun among candidates: the open ones (opening instant = `at`) by load then rule order;
 * when none is open, the one opening first, then rule order. Candidates that never open are skipped.
 */
function pick(candidates: readonly Candidate[], at: Date): Candidate | null {
  const now = at.getTime();
  /** Lexicographic: closed after open, then later opening, then load, then the rule's order. */
  const key = (c: Candidate, opens: number): number[] => {
    const waitMs = opens - now;
    return [waitMs > 0 ? 1 : 0, waitMs, c.team.load ?? 0, c.order];
  };
  let best: { c: Candidate; key: number[] } | null = null;
  for (const c of candidates) {
    if (c.opensAt === null) continue;
    const k = key(c, c.opensAt.getTime());
    if (best === null || isBefore(k, best.key)) best = { c, key: k };
  }
  return best?.c ?? null;
}

function isBefore(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

function decide(
  rule: {
    id: string;
    name: string;
    priority?: TicketPriority;
    type?: string;
    tags?: readonly string[];
    slaPolicyId?: string;
  },
  checks: readonly ConditionCheck[],
  candidates: readonly Candidate[],
  at: Date,
): RoutingDecision | null {
  const chosen = pick(candidates, at);
  if (chosen === null) return null;
  const open = chosen.opensAt!.getTime() === at.getTime();
  const matched = checks.map((c) => `${c.condition}=${c.value}`).join(', ');
  const why = open
    ? `team ${chosen.team.id} is open${candidates.length > 1 ? ' and least loaded' : ''}`
    : `no candidate is open; team ${chosen.team.id} opens first at ${chosen.opensAt!.toISOString()}`;
  return {
    ruleId: rule.id,
    ruleName: rule.name,
    teamId: chosen.team.id,
    providerId: chosen.team.providerId,
    basis: open ? 'open_least_loaded' : 'opens_first',
    open,
    opensAt: chosen.opensAt,
    checks,
    candidates: candidates.map((c) => c.team.id),
    priority: rule.priority ?? null,
    type: rule.type ?? null,
    tags: rule.tags ?? [],
    slaPolicyId: rule.slaPolicyId ?? null,
    reason: `rule "${rule.name}"${matched ? ` (${matched})` : ''}: ${why}`,
  };
}

/**
 * Routes one ticket at instant `at`: the first rule (in order) whose conditions all hold and which
 * names at least one qualifying team (core/routing/rules.ts `teamQualifies`) decides; among its
 * teams, follow the sun — an open team (least loaded, then the rule's order), or when none is open,
 * the team that opens first. With no such rule, the fallback takes every qualifying team of the
 * directory the same way. Pure: the same inputs give the same decision, so a replay over past
 * tickets at their creation instants reproduces live routing.
 *
 * Properties (fast-check, routing.test.ts): the chosen team is closed only when no candidate of
 * the deciding rule is open; every decision names its rule.
 *
 * Sources: follow-the-sun as "route to the site whose business hours cover the current time"
 * (Zendesk, "Routing tickets by business hours"; Genesys Cloud "follow-the-sun" routing); ordered
 * first-match rules as Zendesk triggers and Freshdesk's "Assign tickets using automations".
 *
 * @example route({channel:'chat', language:'tr', …}, at, [{id:'r1', name:'Turkish', conditions:{languages:['tr']}, teamIds:['istanbul','izmir-night']}], teams)
 *   // { ruleId: 'r1', teamId: 'istanbul', basis: 'open_least_loaded', … } when Istanbul is open
 */
export function route(
  ticket: RoutingTicket,
  at: Date,
  rules: readonly RoutingRule[],
  teams: readonly RoutingTeam[],
): RoutingDecision {
  const byId = new Map(teams.map((t) => [t.id, t]));
  const opensAt = new Map<string, Date | null>();
  const candidate = (team: RoutingTeam, order: number): Candidate => {
    if (!opensAt.has(team.id)) opensAt.set(team.id, nextOpening(at, team.calendar));
    return { team, order, opensAt: opensAt.get(team.id) ?? null };
  };
  for (const rule of rules) {
    const checks = checkConditions(rule.conditions, ticket);
    if (!checks.every((c) => c.matched)) continue;
    const candidates = rule.teamIds
      .map((id) => byId.get(id))
      .filter((t): t is RoutingTeam => t !== undefined && teamQualifies(t, ticket))
      .map(candidate);
    const decision = decide(rule, checks, candidates, at);
    if (decision) return decision;
  }
  const fallback = teams.filter((t) => teamQualifies(t, ticket)).map(candidate);
  const decision = decide({ id: FALLBACK_RULE, name: 'fallback' }, [], fallback, at);
  if (decision) return decision;
  return {
    ruleId: FALLBACK_RULE,
    ruleName: 'fallback',
    teamId: null,
    providerId: null,
    basis: 'no_team',
    open: false,
    opensAt: null,
    checks: [],
    candidates: [],
    priority: null,
    type: null,
    tags: [],
    slaPolicyId: null,
    reason: 'no rule matched and no team works this language and channel',
  };
}
