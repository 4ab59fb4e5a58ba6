// Exit readiness of a vendor contract (issue 11; ../shared/reference/govern/requirements-checklist.md
// §R "Absorb capacity: agents needed for the vendor's volume by interval … vs available in-house …;
// gap"): the notice dates from the contract, and whether the in-house team could take the vendor's
// volume back. The vendor's last complete month of tickets, by hour of day, is staffed with Plan's
// calculator (Erlang C through plan's index.ts); the in-house agents and the hiring lead time are the
// client's inputs. Each item is evidence (met or not) and the score is the share met.

import { localDayStart } from '@shoreline/core';
import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/http/problem.js';
import type { ScopedDb } from '../../platform/scope.js';
import { directoryFor, staffFor } from '../identity/index.js';
import { publishedArticleOwnership } from '../knowledge/index.js';
import { planStaffing, StaffingRequest } from '../plan/index.js';
import { latestExportCheck } from './export-check.js';
import { latestVersion, managedContract } from './governance.js';
import { previousPeriod, previousPeriodInverse } from './service.js';

const DAY_MS = 86_400_000;
const addMonths = (d: string, months: number) => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCMonth(t.getUTCMonth() + months);
  return t.toISOString().slice(0, 10);
};

export interface ExitInput {
  inHouseAgents: number;
  hiringLeadWeeks: number;
  ahtSec: number;
  shrinkage: number;
  period?: string | undefined;
  /**
   * Whose local hours the volume is counted in (decision 0065): an IANA zone (the route checks the
   * server knows it), or a team of the organization, whose zone is taken. Neither: UTC.
   */
  timeZone?: string | undefined;
  teamId?: string | undefined;
}

/** The zone an exit plan counts hours in: the one named, the team's, or UTC. */
async function exitTimeZone(s: ScopedDb, input: ExitInput): Promise<string> {
  if (input.teamId === undefined) return input.timeZone ?? 'UTC';
  if (input.timeZone !== undefined)
    throw new AppError('validation_failed', 'teamId: give a team or a time zone, not both', 'teamId', [
      { field: 'teamId', code: 'custom', message: 'give a team or a time zone, not both' },
    ]);
  const team = (await directoryFor(s)).teams.find((t) => t.id === input.teamId);
  if (!team)
    throw new AppError('validation_failed', 'teamId: no such team', 'teamId', [
      { field: 'teamId', code: 'custom', message: 'no such team' },
    ]);
  return team.timeZone;
}

export async function exitReadiness(s: ScopedDb, clock: Clock, contractId: string, input: ExitInput) {
  const contract = await managedContract(s, contractId);
  const timeZone = await exitTimeZone(s, input);
  const latest = await latestVersion(s, contractId).executeTakeFirstOrThrow();
  const doc = latest.document;
  const today = clock.now().toISOString().slice(0, 10);
  const register = await s
    .selectFrom('governance_items')
    .select(['kind', 'title', 'owner', 'status', 'evidence', 'closed_at'])
    .where('contract_id', '=', contractId)
    .where('kind', '=', 'runbook_step')
    .orderBy('due_on')
    .execute();
  const endsOn = addMonths(doc.start, doc.termMonths);
  const noticeBy = new Date(Date.parse(`${endsOn}T00:00:00Z`) - doc.noticeDays * DAY_MS)
    .toISOString()
    .slice(0, 10);

  // The vendor's volume by local hour of day over the month's local days, as an average day
  // (decision 0065): the month's boundaries from core (Intl's tz data), the hour of each ticket from
  // the database's (`at time zone`, DST-correct: a 25-hour day counts its repeated hour twice, a
  // 23-hour day has no skipped hour).
  const period = input.period ?? previousPeriod(today.slice(0, 7));
  const nextPeriod = previousPeriodInverse(period);
  const from = new Date(localDayStart(`${period}-01`, timeZone));
  const to = new Date(localDayStart(`${nextPeriod}-01`, timeZone));
  const days = Math.round(
    (Date.parse(`${nextPeriod}-01T00:00:00Z`) - Date.parse(`${period}-01T00:00:00Z`)) / DAY_MS,
  );
  const rows = await s
    .selectFrom('tickets')
    .select([
      sql<number>`extract(hour from created_at at time zone ${timeZone}::text)::int`.as('hour'),
      sql<number>`count(*)::int`.as('n'),
    ])
    .where('provider_id', '=', contract.provider_id)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .groupBy(sql`1`)
    .execute();
  const byHour = new Map(rows.map((r) => [Number(r.hour), Number(r.n)]));
  const contacts = rows.reduce((sum, r) => sum + Number(r.n), 0);
  const plan = planStaffing(
    StaffingRequest.parse({
      intervals: Array.from({ length: 24 }, (_, h) => ({
        start: `2025-01-06T${String(h).padStart(2, '0')}:00`,
        volume: (byHour.get(h) ?? 0) / days,
        ahtSec: input.ahtSec,
        intervalMin: 60,
      })),
      intervalMin: 60,
      shrinkage: input.shrinkage,
      output: 'totals',
    }),
  );
  const peakAgents = plan.totals.peakScheduledAgents;
  const gap = Math.max(0, peakAgents - input.inHouseAgents);
  const readyOn =
    gap === 0
      ? today
      : new Date(Date.parse(`${today}T00:00:00Z`) + input.hiringLeadWeeks * 7 * DAY_MS)
          .toISOString()
          .slice(0, 10);
  const evidence = [
    { item: 'notice_dates', met: true, detail: `ends ${endsOn}; notice by ${noticeBy}` },
    { item: 'notice_not_passed', met: today <= noticeBy, detail: `today ${today}` },
    {
      item: 'capacity',
      met: gap === 0,
      detail: `${peakAgents} agents at peak needed, ${input.inHouseAgents} in house`,
    },
    knowledgeEvidence(await clientOwnedKnowledge(s)),
    runbookEvidence(register),
    exportTestEvidence(await latestExportCheck(s)),
  ];
  return {
    contractId,
    endsOn,
    noticeBy,
    period,
    timeZone,
    contacts,
    contactsByHour: Array.from({ length: 24 }, (_, h) => byHour.get(h) ?? 0),
    peakScheduledAgents: peakAgents,
    fte: Math.round(plan.totals.fte * 10) / 10,
    inHouseAgents: input.inHouseAgents,
    gapAgents: gap,
    readyOn,
    evidence,
    scoreBp: Math.round((evidence.filter((e) => e.met).length * 10_000) / evidence.length),
  };
}

type RegisterRow = {
  kind: string;
  title: string;
  owner: string;
  status: string;
  evidence: string;
  closed_at: Date | string | null;
};

/**
 * The organization's published articles by who keeps them: the client (an active in-house user), a
 * vendor (a user of a provider), or nobody (no owner, or one no longer active). Authors of published
 * text are counted the same way.
 */
export async function clientOwnedKnowledge(s: ScopedDb) {
  const articles = await publishedArticleOwnership(s);
  const people = new Set(articles.flatMap((a) => [a.ownerId ?? '', ...a.authorIds]).filter(Boolean));
  const staff = new Map((await staffFor(s, [...people])).map((u) => [u.id, u.providerId]));
  const side = (id: string | null) =>
    id === null || !staff.has(id) ? 'none' : staff.get(id) === null ? 'client' : 'vendor';
  const count = (pick: (a: (typeof articles)[number]) => boolean) => articles.filter(pick).length;
  return {
    published: articles.length,
    clientOwned: count((a) => side(a.ownerId) === 'client'),
    vendorOwned: count((a) => side(a.ownerId) === 'vendor'),
    unowned: count((a) => side(a.ownerId) === 'none'),
    vendorAuthored: count((a) => a.authorIds.some((id) => side(id) === 'vendor')),
  };
}

// Met when there is knowledge and every published article is kept by the client: a vendor-owned or
// orphaned article walks out with the vendor.
const knowledgeEvidence = (k: Awaited<ReturnType<typeof clientOwnedKnowledge>>) => ({
  item: 'knowledge_client_owned',
  met: k.published > 0 && k.clientOwned === k.published,
  detail: `${k.clientOwned} of ${k.published} published articles owned by the client; ${k.vendorOwned} by the vendor, ${k.unowned} by nobody; ${k.vendorAuthored} with vendor-written text`,
});

// The transition runbook is the contract's runbook steps in the register: met when there is at
// least one step and every step has an owner.
function runbookEvidence(register: readonly RegisterRow[]) {
  const steps = register.filter((r) => r.kind === 'runbook_step');
  const unassigned = steps.filter((r) => r.owner.trim() === '').length;
  const done = steps.filter((r) => r.status === 'done').length;
  return {
    item: 'runbook',
    met: steps.length > 0 && unassigned === 0,
    detail:
      steps.length === 0
        ? 'no runbook step in the register'
        : `${steps.length} steps, ${unassigned} without an owner, ${done} done`,
  };
}

// The canonical export's round trip, run by the platform (export-check.ts, decision 0039): met when
// the latest run passed; the detail is its evidence.
function exportTestEvidence(check: Awaited<ReturnType<typeof latestExportCheck>>) {
  if (!check) return { item: 'export_tested', met: false, detail: 'no export check has run yet' };
  const { tickets, messages, checksum } = check.evidence;
  return {
    item: 'export_tested',
    met: check.passed,
    detail: `${check.passed ? 'passed' : 'failed'} ${check.checkedAt.slice(0, 10)}: ${tickets.exported} of ${tickets.database} tickets exported, ${tickets.reimported} read back (${tickets.rejected} rejected), ${messages.exported} of ${messages.database} messages; checksums ${checksum.database === checksum.reimported ? 'equal' : 'differ'}`,
  };
}
