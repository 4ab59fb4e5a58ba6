// The governance register of a contract (issue 11, Governance): review meetings (a calendar from core
// reviewCalendar: weekly operational, monthly performance, quarterly business), corrective actions
// (owner, due date, evidence, status) and escalations on the contract's own ladder (its document's
// `escalationLadder`, else core ESCALATION_LADDER: a deadline per level; an overdue escalation shows
// the level it should move to). A chronic failure found by a settlement opens a corrective action and
// an escalation at the ladder's chronic level, once.
import {
  addCalendarDays,
  chronicEscalationLevel,
  ESCALATION_LADDER,
  type EscalationRung,
  escalationDue,
  escalationRung,
  escalationState,
  reviewCalendar,
} from '@shoreline/core';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import { insertNewRow } from '../../platform/insert-new-row.js';
import type { ScopedDb } from '../../platform/scope.js';
import { appendAudit } from '../audit/index.js';
import { authorizeGovern } from './policy.js';
import type { GovernanceItemsTable } from './tables.js';

type Kind = GovernanceItemsTable['kind'];
type ReviewKind = NonNullable<GovernanceItemsTable['review_kind']>;
/** Kinds whose due day, once passed while open, makes them overdue (reviews are meetings, not tasks). */
const DATED: ReadonlySet<Kind> = new Set(['action', 'obligation', 'runbook_step', 'export_test']);
const today = (clock: Clock) => clock.now().toISOString().slice(0, 10);

export interface GovernanceItemInput {
  kind: Kind;
  title: string;
  owner: string;
  dueOn?: string | undefined;
  reviewKind?: ReviewKind | undefined;
  level?: number | undefined;
}

async function contractOf(s: ScopedDb, contractId: string) {
  return s.findOrNotFound('contracts', contractId, 'contract');
}

/** A contract its reader may manage (govern.manage), or a 404. */
export async function managedContract(s: ScopedDb, contractId: string) {
  authorizeGovern(s.actor, 'govern.manage');
  return contractOf(s, contractId);
}

/** The contract's versions, latest (the one in force) first: `.executeTakeFirst()` reads that one. */
export function latestVersion(s: ScopedDb, contractId: string) {
  return s
    .selectFrom('contract_versions')
    .select('document')
    .where('contract_id', '=', contractId)
    .orderBy('version', 'desc');
}

/** A level the contract's ladder has, or a 400 naming `level`. */
function checkLevel(level: number | null | undefined, ladder: readonly EscalationRung[]) {
  if (level !== null && level !== undefined && !ladder.some((r) => r.level === level))
    throw new AppError(
      'validation_failed',
      `this contract's escalation ladder has ${ladder.length} levels`,
      'level',
    );
}

/** The contract's escalation ladder: its latest version's own, or the default one. */
export async function ladderOf(s: ScopedDb, contractId: string): Promise<readonly EscalationRung[]> {
  const latest = await latestVersion(s, contractId).executeTakeFirst();
  return latest?.document.escalationLadder ?? ESCALATION_LADDER;
}

function present(
  row: Awaited<ReturnType<typeof listRows>>[number],
  on: string,
  ladder: readonly EscalationRung[],
) {
  const escalation = row.kind === 'escalation' && row.level !== null && row.status === 'open';
  const rung = row.level === null ? null : escalationRung(row.level, ladder);
  const state = escalation
    ? escalationState(row.due_on, row.level!, on, ladder)
    : { overdue: row.status === 'open' && row.due_on < on && DATED.has(row.kind), nextLevel: null };
  return {
    id: row.id,
    contractId: row.contract_id,
    kind: row.kind,
    title: row.title,
    owner: row.owner,
    dueOn: row.due_on,
    reviewKind: row.review_kind,
    level: row.level,
    holder: rung?.holder ?? null,
    contact: rung?.contact ?? null,
    status: row.status,
    evidence: row.evidence,
    source: row.source,
    overdue: state.overdue,
    nextLevel: state.nextLevel,
  };
}

function listRows(s: ScopedDb, contractId: string) {
  return s
    .selectFrom('governance_items')
    .selectAll()
    .where('contract_id', '=', contractId)
    .orderBy('due_on')
    .orderBy('kind')
    .orderBy('id')
    .execute();
}

/** The contract's reviews, actions and escalations by due day (vendor staff: their own provider's). */
export async function listGovernance(s: ScopedDb, clock: Clock, contractId: string) {
  authorizeGovern(s.actor, 'govern.read');
  await contractOf(s, contractId);
  const on = today(clock);
  const ladder = await ladderOf(s, contractId);
  return (await listRows(s, contractId)).map((r) => present(r, on, ladder));
}

/** Adds a review, a corrective action or an escalation (due by its level's deadline unless given). */
export async function createGovernanceItem(
  s: ScopedDb,
  clock: Clock,
  contractId: string,
  input: GovernanceItemInput,
) {
  const contract = await managedContract(s, contractId);
  const level = input.kind === 'escalation' ? (input.level ?? 1) : null;
  const ladder = await ladderOf(s, contractId);
  checkLevel(level, ladder);
  const dueOn =
    input.dueOn ??
    (level !== null ? escalationDue(today(clock), level, ladder) : addCalendarDays(today(clock), 30));
  return s.transaction(async (tx) => {
    const row = await insertNewRow(tx, 'governance_items', 'gov', clock.now(), {
      contract_id: contractId,
      provider_id: contract.provider_id,
      kind: input.kind,
      title: input.title,
      owner: input.owner,
      due_on: dueOn,
      review_kind: input.kind === 'review' ? (input.reviewKind ?? 'performance') : null,
      level,
      source: null,
      created_at: clock.now(),
    });
    await appendAudit(tx, clock, {
      action: `governance.${input.kind}_opened`,
      subjectType: 'contract',
      subjectId: contractId,
      providerId: contract.provider_id,
      payload: { id: row.id, title: input.title, owner: input.owner, dueOn, level },
    });
    return present(row, today(clock), ladder);
  });
}

/** Closes an item with its evidence, or moves an escalation to another level (a new deadline). */
export async function updateGovernanceItem(
  s: ScopedDb,
  clock: Clock,
  id: string,
  input: {
    status?: 'open' | 'done' | undefined;
    evidence?: string | undefined;
    level?: number | undefined;
    owner?: string | undefined;
  },
) {
  authorizeGovern(s.actor, 'govern.manage');
  const before = await s.findOrNotFound('governance_items', id, 'governance item');
  const changes: Record<string, unknown> = {};
  if (input.evidence !== undefined) changes.evidence = input.evidence;
  if (input.owner !== undefined) changes.owner = input.owner;
  if (input.status !== undefined) {
    changes.status = input.status;
    changes.closed_at = input.status === 'done' ? clock.now() : null;
  }
  const ladder = await ladderOf(s, before.contract_id);
  if (before.kind === 'escalation') checkLevel(input.level, ladder);
  if (input.level !== undefined && before.kind === 'escalation') {
    changes.level = input.level;
    changes.due_on = escalationDue(today(clock), input.level, ladder);
  }
  return s.transaction(async (tx) => {
    const row = await tx.updateOrNotFound('governance_items', id, 'governance item', changes);
    await appendAudit(tx, clock, {
      action: 'governance.item_updated',
      subjectType: 'contract',
      subjectId: row.contract_id,
      providerId: row.provider_id,
      payload: { id, ...input },
    });
    return present(row, today(clock), ladder);
  });
}

/** Schedules the review meetings of the next `weeks` weeks from `from` (a meeting already there stays). */
export async function scheduleReviews(
  s: ScopedDb,
  clock: Clock,
  contractId: string,
  from: string,
  weeks: number,
) {
  const contract = await managedContract(s, contractId);
  const meetings = reviewCalendar(from, weeks);
  await s
    .insertInto(
      'governance_items',
      meetings.map((m, i) => ({
        id: newId('gov', clock.now().getTime() + i),
        contract_id: contractId,
        provider_id: contract.provider_id,
        kind: 'review',
        title: `${m.kind} review`,
        owner: 'client',
        due_on: m.day,
        review_kind: m.kind,
        level: null,
        source: `review:${m.day}:${m.kind}`,
        created_at: clock.now(),
      })),
    )
    .onConflict((oc) =>
      oc.columns(['organization_id', 'contract_id', 'source']).where('source', 'is not', null).doNothing(),
    )
    .execute();
  return listGovernance(s, clock, contractId);
}

/**
 * Opens a corrective action (owner: the vendor) and a management-level escalation for each term in
 * chronic failure in `period`, once (a recomputation of the month opens nothing new). In the
 * settlement's transaction.
 */
export async function openOnChronicFailure(
  tx: ScopedDb,
  clock: Clock,
  contract: { id: string; providerId: string },
  period: string,
  termIds: readonly string[],
  doc: {
    escalationLadder?: readonly EscalationRung[] | undefined;
    chronicEscalationLevel?: number | undefined;
  },
): Promise<void> {
  if (termIds.length === 0) return;
  const on = today(clock);
  // Along the contract's own ladder (decision 0039): opened at its chronic level, due by that rung.
  const ladder = doc.escalationLadder ?? ESCALATION_LADDER;
  const level = chronicEscalationLevel(ladder, doc.chronicEscalationLevel);
  const rows = termIds.flatMap((termId, i) => [
    {
      id: newId('gov', clock.now().getTime() + 2 * i),
      contract_id: contract.id,
      provider_id: contract.providerId,
      kind: 'action' as const,
      title: `Corrective action: chronic failure of ${termId} (${period})`,
      owner: 'vendor',
      due_on: addCalendarDays(on, 30),
      review_kind: null,
      level: null,
      source: `chronic:${termId}:${period}:action`,
      created_at: clock.now(),
    },
    {
      id: newId('gov', clock.now().getTime() + 2 * i + 1),
      contract_id: contract.id,
      provider_id: contract.providerId,
      kind: 'escalation' as const,
      title: `Chronic failure of ${termId} (${period})`,
      owner: 'client',
      due_on: escalationDue(on, level, ladder),
      review_kind: null,
      level,
      source: `chronic:${termId}:${period}:escalation`,
      created_at: clock.now(),
    },
  ]);
  await tx
    .insertInto('governance_items', rows)
    .onConflict((oc) =>
      oc.columns(['organization_id', 'contract_id', 'source']).where('source', 'is not', null).doNothing(),
    )
    .execute();
}

/** The open actions and escalations of a contract, one line each, for the review pack. */
export async function openItemLines(s: ScopedDb, contractId: string): Promise<string[]> {
  const rows = await s
    .selectFrom('governance_items')
    .select(['kind', 'title', 'owner', 'due_on', 'level'])
    .where('contract_id', '=', contractId)
    .where('status', '=', 'open')
    .where('kind', '!=', 'review')
    .orderBy('due_on')
    .execute();
  return rows.map((r) => `${r.title} — ${r.owner}, ${r.due_on}${r.level ? ` (L${r.level})` : ''}`);
}
