import type { z } from '@hono/zod-openapi';
import {
  type Channel,
  channelNamed,
  type RoutingRule,
  type RoutingTeam,
  type RoutingTicket,
  replay,
  route,
} from '@shoreline/core';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import type { ScopedDb } from '../../platform/scope.js';
import { directoryFor } from '../identity/index.js';
import { calendarOf } from '../sla/index.js';
import { queueCount, ticketService } from '../tickets/index.js';
import { detectLanguage, UNDETERMINED } from './language.js';
import { scheduleOverflow } from './overflow.js';
import { authorizeRouting } from './policy.js';
import { presentDecision, presentDecisionRow, presentRule } from './presenters.js';
import type { RoutingReplayRequest, RoutingRuleInput, RoutingRulesUpdate } from './schemas.js';
import { splitFor } from './splits.js';

type RuleInput = z.output<typeof RoutingRuleInput>;
/** Load is counted up to this many open tickets per team (beyond, a team is simply "busy"). */
const LOAD_CAP = 1000;
/** A replay reads at most this many tickets (one month of a large operation). */
const REPLAY_LIMIT = 200_000;

/** The stored rules, in order, as core/routing reads them. */
export async function storedRules(s: ScopedDb): Promise<RoutingRule[]> {
  const rows = await s.selectFrom('routing_rules').selectAll().orderBy('position').execute();
  return rows.map((r) => toCore(presentRule(r)));
}

function toCore(r: { id: string; name: string } & RuleInputLike): RoutingRule {
  return {
    id: r.id,
    name: r.name,
    conditions: r.conditions as RoutingRule['conditions'],
    teamIds: r.teamIds,
    ...(r.priority ? { priority: r.priority as RoutingRule['priority'] } : {}),
    ...(r.type ? { type: r.type } : {}),
    ...(r.tags ? { tags: r.tags } : {}),
    ...(r.slaPolicyId ? { slaPolicyId: r.slaPolicyId } : {}),
    ...(r.overflow ? { overflow: r.overflow } : {}),
  };
}
type RuleInputLike = {
  conditions: Record<string, readonly string[] | undefined>;
  teamIds: string[];
  priority?: string | undefined;
  type?: string | undefined;
  tags?: string[] | undefined;
  slaPolicyId?: string | undefined;
  overflow?: { afterSeconds: number; teamIds: string[] } | undefined;
};

/**
 * The teams the caller's scope reaches, as routing sees them: languages, channels, calendar with
 * the SLA module's holidays, provider kind, and (live) the open tickets in each team's queue.
 * Vendor staff reach only their provider's teams, so what they log stays with their provider.
 */
export async function routingTeams(s: ScopedDb, withLoad: boolean): Promise<RoutingTeam[]> {
  const directory = await directoryFor(s);
  const kinds = new Map(directory.providers.map((p) => [p.id, p.kind]));
  return Promise.all(
    directory.teams.map(async (t) => ({
      id: t.id,
      providerId: t.providerId,
      providerKind: kinds.get(t.providerId) ?? 'in_house',
      languages: t.languages.map((l) => l.toLowerCase().split('-')[0]!),
      channels: t.channels,
      calendar: t.calendar ? await calendarOf(s.executor, s.actor.organizationId, t.id) : null,
      load: withLoad ? await queueCount(s, { kind: 'open', teamIds: [t.id] }, LOAD_CAP) : 0,
    })),
  );
}

export async function listRules(s: ScopedDb) {
  authorizeRouting(s.actor, 'routing.read_rules');
  return (await s.selectFrom('routing_rules').selectAll().orderBy('position').execute()).map(presentRule);
}

/** Every team a rule names must be one the caller sees: another organization's answers 404 naming the field. */
async function checkTeams(s: ScopedDb, rules: readonly RuleInput[], path: string): Promise<void> {
  const teams = new Set((await directoryFor(s)).teams.map((t) => t.id));
  rules.forEach((r, i) => {
    const j = r.teamIds.findIndex((id) => !teams.has(id));
    if (j >= 0) throw new AppError('not_found', 'team not found', `${path}.${i}.teamIds.${j}`);
    const k = r.overflow?.teamIds.findIndex((id) => !teams.has(id)) ?? -1;
    if (k >= 0) throw new AppError('not_found', 'team not found', `${path}.${i}.overflow.teamIds.${k}`);
  });
}

/** Replaces the ordered rule list (the first matching rule decides). */
export async function replaceRules(s: ScopedDb, clock: Clock, input: z.output<typeof RoutingRulesUpdate>) {
  authorizeRouting(s.actor, 'routing.manage');
  await checkTeams(s, input.rules, 'rules');
  const now = clock.now();
  await s.transaction(async (tx) => {
    await tx.deleteFrom('routing_rules').execute();
    if (input.rules.length === 0) return;
    await tx
      .insertInto(
        'routing_rules',
        input.rules.map(({ name, ...definition }, position) => ({
          id: newId('rul', now.getTime()),
          position,
          name,
          definition: JSON.stringify(definition),
          updated_by: s.actor.userId,
          updated_at: now,
        })),
      )
      .execute();
  });
  return listRules(s);
}

/** What a channel hands routing: the ticket to open, and the text to read its language from. */
export type RoutedTicketInput = ticketService.NewTicket & { segment?: string | null };

/**
 * Opens a ticket where routing sends it (through the tickets service): detects the language when
 * none is given, routes at the clock's instant with each team's current load, opens the ticket in
 * the chosen team with the rule's priority, type and tags, and records the decision (which rule, why) in
 * the same transaction. A ticket no team takes is opened without a team.
 */
export async function createRoutedTicket(s: ScopedDb, clock: Clock, input: RoutedTicketInput) {
  return s.transaction(async (tx) => {
    const text = input.message?.body ?? input.description ?? null;
    const language = input.language ?? detectLanguageOrNull(`${input.subject ?? ''}\n${text ?? ''}`.trim());
    const facts: RoutingTicket = {
      channel: input.channel,
      language,
      subject: input.subject,
      text,
      tags: input.tags ?? [],
      segment: input.segment ?? null,
    };
    const [rules, teams] = await Promise.all([storedRules(tx), routingTeams(tx, true)]);
    // A running pilot's slice: the ticket's arm is drawn first, then it routes among that arm's teams.
    const key = `${clock.now().toISOString()}|${input.channel}|${input.requester ?? ''}|${input.subject}`;
    const split = await splitFor(tx, clock.now(), facts, key, teams);
    const routed = route(facts, clock.now(), rules, split ? split.teams : teams);
    const decision = split
      ? { ...routed, reason: `pilot "${split.name}": ${split.label} arm; ${routed.reason}` }
      : routed;
    const ticket = (await ticketService.createTicket(tx, clock, {
      ...input,
      language,
      ...(decision.teamId ? { teamId: decision.teamId, providerId: decision.providerId } : {}),
      priority: input.priority ?? decision.priority,
      type: input.type ?? (decision.type as ticketService.NewTicket['type']) ?? null,
      tags: [...(input.tags ?? []), ...decision.tags],
    })) as Record<string, unknown> & { id: string; providerId: string | null; teamId: string | null };
    await tx
      .insertInto('routing_decisions', {
        ticket_id: ticket.id,
        provider_id: ticket.providerId,
        rule_id: decision.ruleId,
        rule_name: decision.ruleName,
        team_id: decision.teamId,
        basis: decision.basis,
        open: decision.open,
        opens_at: decision.opensAt,
        language,
        reason: decision.reason,
        decided_at: clock.now(),
        split_id: split?.splitId ?? null,
        split_arm: split?.arm ?? null,
      })
      .execute();
    const overflow = rules.find((r) => r.id === decision.ruleId)?.overflow;
    if (overflow && ticket.teamId !== null)
      await scheduleOverflow(
        tx,
        clock,
        ticket as { id: string; providerId: string | null },
        overflow.afterSeconds,
      );
    return { ticket, routing: presentDecision(ticket.id, language, decision) };
  });
}

/**
 * Where a ticket with these facts would go now, without opening it: a chat asks before it starts
 * whether a team that works its language is open (the same rules, teams and load as live routing).
 */
export async function previewRoute(s: ScopedDb, clock: Clock, facts: RoutingTicket) {
  const [rules, teams] = await Promise.all([storedRules(s), routingTeams(s, true)]);
  return route(facts, clock.now(), rules, teams);
}

export function detectLanguageOrNull(text: string): string | null {
  const code = detectLanguage(text);
  return code === UNDETERMINED ? null : code;
}

/** Why a ticket went where it did (the ticket's scope). */
export async function decisionFor(s: ScopedDb, ticketId: string) {
  authorizeRouting(s.actor, 'routing.read_decision');
  const row = await s.findOrNotFound('routing_decisions', ticketId, 'routing decision', 'ticket_id');
  return presentDecisionRow(row);
}

/**
 * "What would these rules have done with last month's tickets, and what would each provider's
 * volume have been?": the stored (or the given) rules replayed over the tickets created in the
 * range, each at its creation instant, with the language it has (or detects from its text, as live
 * routing would have). Queues' past load is unknown, so the replay routes as if they were empty.
 */
export async function replayRange(s: ScopedDb, input: z.output<typeof RoutingReplayRequest>) {
  authorizeRouting(s.actor, 'routing.read_rules');
  if (input.rules) await checkTeams(s, input.rules, 'rules');
  const rules = input.rules
    ? input.rules.map((r, i) => toCore({ ...r, id: `draft_${i}` }))
    : await storedRules(s);
  const [teams, rows] = await Promise.all([
    routingTeams(s, false),
    ticketService.routingFactsBetween(s, new Date(input.from), new Date(input.to), REPLAY_LIMIT),
  ]);
  const tickets = rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    channel: (r.channel ? channelNamed(r.channel) : null) ?? ('other' as Channel),
    language: r.language ?? detectLanguageOrNull(`${r.subject ?? ''}\n${r.description ?? ''}`.trim()),
    subject: r.subject,
    text: r.description,
    tags: r.tags,
  }));
  const result = replay(tickets, rules, teams);
  const languages = new Map(tickets.map((t) => [t.id, t.language]));
  return {
    tickets: tickets.length,
    volumeByProvider: [...result.volumeByProvider].map(([providerId, n]) => ({
      providerId: providerId === 'none' ? null : providerId,
      tickets: n,
    })),
    volumeByRule: [...result.volumeByRule].map(([ruleId, n]) => ({ ruleId, tickets: n })),
    waitedForOpening: result.waitedForOpening,
    sample: [...result.decisions]
      .slice(0, input.sample)
      .map(([id, d]) => presentDecision(id, languages.get(id) ?? null, d)),
  };
}
