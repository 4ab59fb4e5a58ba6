import type { Channel, TicketPriority, TicketStatus } from '../domain/vocabulary.js';

/** The three clocks of a service-level agreement (ITIL 4 "service level management"; Zendesk SLA metrics). */
export const SLA_METRICS = ['first_response', 'next_response', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

/**
 * Which tickets a policy or one of its targets covers. Each list is a condition on one ticket
 * attribute (any of the values); an empty or absent list is no condition.
 */
export interface SlaConditions {
  /** Ticket types (question, incident, problem, task, complaint: the tickets module's vocabulary). */
  readonly types?: readonly string[];
  readonly priorities?: readonly TicketPriority[];
  readonly channels?: readonly Channel[];
  readonly segments?: readonly string[];
  readonly teamIds?: readonly string[];
  readonly providerIds?: readonly string[];
}

/** One row of a policy: its conditions and the targets, in whole business seconds (never floats). */
export interface SlaTarget extends SlaConditions {
  readonly firstResponseSeconds?: number;
  readonly nextResponseSeconds?: number;
  readonly resolutionSeconds?: number;
}

/** When a running target counts as at risk: a share of the target elapsed, or a fixed lead before it. */
export type SlaAtRisk = { readonly percent: number } | { readonly leadSeconds: number };

/** One version of a policy, as contracts (Govern) or an admin supply it. */
export interface SlaPolicyVersion {
  readonly policyId: string;
  readonly version: number;
  /** The version applies to tickets created at or after this instant (until a later version's). */
  readonly effectiveFrom: Date;
  /** Lower runs first when two policies match a ticket equally well (Zendesk orders its policies). */
  readonly position: number;
  readonly conditions: SlaConditions;
  readonly targets: readonly SlaTarget[];
  /** Statuses in which every clock stops (waiting on the customer or a third party). */
  readonly pauseStatuses: readonly TicketStatus[];
  readonly atRisk: SlaAtRisk;
}

/** What matching looks at on a ticket. */
export interface SlaTicketFacts {
  /** The ticket's type; absent or null when it has none. */
  readonly type?: string | null;
  readonly priority: TicketPriority | null;
  readonly channel: Channel | null;
  readonly segment: string | null;
  readonly teamId: string | null;
  readonly providerId: string | null;
}

/**
 * The dimensions in order of precedence, highest first: with equally many conditions, a target naming
 * the ticket type beats one naming the priority, then channel, segment, team, provider. Type comes
 * first so that a complaint policy (ISO 10002 asks complaints be handled on their own timetable)
 * wins over a priority policy of the same specificity.
 */
const DIMENSIONS = [
  ['types', 'type'],
  ['priorities', 'priority'],
  ['channels', 'channel'],
  ['segments', 'segment'],
  ['teamIds', 'teamId'],
  ['providerIds', 'providerId'],
] as const;

/**
 * How specific a set of conditions is, or null when the ticket fails one: the number of conditions
 * times 64, plus a bit per dimension weighted by precedence (type 32, priority 16 … provider 1). So
 * more conditions always win; among equally many, the higher-precedence dimension wins. (Freshdesk and
 * Zendesk pick the first policy in an admin-ordered list; a specificity rule lets contracts add
 * narrower targets without reordering.)
 *
 * @example specificity({priorities:['urgent']}, {priority:'urgent', …}) // 64 + 16 = 80
 */
export function specificity(c: SlaConditions, t: SlaTicketFacts): number | null {
  let count = 0;
  let bits = 0;
  DIMENSIONS.forEach(([list, fact], i) => {
    const values = c[list] as readonly (string | null)[] | undefined;
    if (!values || values.length === 0) return;
    count++;
    bits |= 1 << (DIMENSIONS.length - 1 - i);
    if (!values.includes(t[fact] ?? null)) count = Number.NEGATIVE_INFINITY;
  });
  return count < 0 ? null : count * 64 + bits;
}

/** The versions of each policy in force at `at`: for each policy id, the latest version effective by then. */
export function versionsInForce(versions: readonly SlaPolicyVersion[], at: Date): SlaPolicyVersion[] {
  const latest = new Map<string, SlaPolicyVersion>();
  for (const v of versions) {
    if (v.effectiveFrom.getTime() > at.getTime()) continue;
    const seen = latest.get(v.policyId);
    if (
      !seen ||
      v.effectiveFrom.getTime() > seen.effectiveFrom.getTime() ||
      (v.effectiveFrom.getTime() === seen.effectiveFrom.getTime() && v.version > seen.version)
    )
      latest.set(v.policyId, v);
  }
  return [...latest.values()];
}

/** A ticket's applied policy: the version, and per metric the target in seconds (absent: not measured). */
export interface AppliedSla {
  readonly policyId: string;
  readonly version: number;
  readonly targets: Readonly<Partial<Record<SlaMetric, number>>>;
  readonly pauseStatuses: readonly TicketStatus[];
  readonly atRisk: SlaAtRisk;
}

const SECONDS_OF: Record<SlaMetric, keyof SlaTarget> = {
  first_response: 'firstResponseSeconds',
  next_response: 'nextResponseSeconds',
  resolution: 'resolutionSeconds',
};

/**
 * The policy a ticket gets, as Zendesk applies SLA policies at ticket creation ("SLA policies are
 * applied when a ticket is created or updated", Zendesk help center, "Defining SLA policies"):
 * among the versions in force at the ticket's creation, those whose own conditions hold; the one
 * whose best matching target row is most specific (`specificity` of the policy's and the row's
 * conditions together) wins, ties to the lower `position`, then the policy id. Within the winner,
 * each metric takes its value from the most specific matching row that sets it (ties: the earlier row).
 *
 * @returns null when no policy covers the ticket.
 */
export function matchSlaPolicy(
  versions: readonly SlaPolicyVersion[],
  ticket: SlaTicketFacts,
  createdAt: Date,
): AppliedSla | null {
  let best: { v: SlaPolicyVersion; score: number; rows: { row: SlaTarget; score: number }[] } | null = null;
  for (const v of versionsInForce(versions, createdAt)) {
    const base = specificity(v.conditions, ticket);
    if (base === null) continue;
    const rows = v.targets
      .map((row) => ({ row, score: specificity(mergeConditions(v.conditions, row), ticket) }))
      .filter((r): r is { row: SlaTarget; score: number } => r.score !== null);
    if (rows.length === 0) continue;
    const score = Math.max(...rows.map((r) => r.score));
    if (
      !best ||
      score > best.score ||
      (score === best.score &&
        (v.position < best.v.position || (v.position === best.v.position && v.policyId < best.v.policyId)))
    )
      best = { v, score, rows };
  }
  if (!best) return null;
  const targets: Partial<Record<SlaMetric, number>> = {};
  for (const metric of Object.keys(SECONDS_OF) as SlaMetric[]) {
    let chosen: { seconds: number; score: number } | null = null;
    for (const { row, score } of best.rows) {
      const seconds = row[SECONDS_OF[metric]];
      if (typeof seconds === 'number' && (!chosen || score > chosen.score)) chosen = { seconds, score };
    }
    if (chosen) targets[metric] = chosen.seconds;
  }
  return {
    policyId: best.v.policyId,
    version: best.v.version,
    targets,
    pauseStatuses: best.v.pauseStatuses,
    atRisk: best.v.atRisk,
  };
}

function mergeConditions(a: SlaConditions, b: SlaConditions): SlaConditions {
  const pick = <K extends keyof SlaConditions>(k: K) => (b[k]?.length ? b[k] : a[k]);
  return {
    types: pick('types'),
    priorities: pick('priorities'),
    channels: pick('channels'),
    segments: pick('segments'),
    teamIds: pick('teamIds'),
    providerIds: pick('providerIds'),
  };
}

/**
 * Business seconds of a target after which it is at risk: `target − leadSeconds` (not below 0), or
 * `floor(target × percent / 100)`. Integer arithmetic: no float thresholds are stored.
 *
 * @example atRiskSeconds(3600, {percent: 80}) // 2880
 */
export function atRiskSeconds(target: number, rule: SlaAtRisk): number {
  if ('leadSeconds' in rule) return Math.max(0, target - rule.leadSeconds);
  return Math.floor((target * rule.percent) / 100);
}
