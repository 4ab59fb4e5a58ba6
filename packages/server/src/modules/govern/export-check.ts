// Exit readiness's canonical-export test, run by the platform (issue 11; decision 0039). The job
// writes the organization's canonical export (NDJSON, tickets with their messages: what
// `shoreline export` writes), reads every line back through the canonical importer's own parser (what
// `shoreline import canonical` would accept) and compares, table by table, the row counts and an
// order-independent checksum of each ticket's identity and measured facts against the database read
// independently. Passed when nothing was rejected and every count and checksum is equal. The result
// and its evidence are stored (export_checks) and feed exit readiness; the job runs weekly for every
// organization and on demand (POST /api/govern/export-checks), reporting progress.
import { createHash } from 'node:crypto';
import { type ImportedTicket, isObject, mapCanonicalRecord } from '@shoreline/core';
import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import {
  enqueueJob,
  type JobContext,
  type JobDefinition,
  PermanentJobError,
} from '../../platform/jobs/index.js';
import type { ModuleContext } from '../../platform/module.js';
import { type ScopedDb, systemActor } from '../../platform/scope.js';
import { appendAudit } from '../audit/index.js';
import { exportCanonical } from '../insight/index.js';
import { authorizeGovern } from './policy.js';

export const EXPORT_CHECK_JOB = 'govern.export_check';

const iso = (d: Date | string | null) => (d === null ? '' : new Date(d).toISOString());

/** A ticket's identity and measured facts, as one line both sides can compute. */
const factLine = (f: {
  source: string | null;
  externalId: string;
  status: string | null;
  priority: string | null;
  channel: string | null;
  createdAt: Date | string | null;
  solvedAt: Date | string | null;
  messages: number;
}) =>
  JSON.stringify([
    f.source ?? '',
    f.externalId,
    f.status ?? '',
    f.priority ?? '',
    f.channel ?? '',
    iso(f.createdAt),
    iso(f.solvedAt),
    f.messages,
  ]);

/** Order-independent checksum: the sum of the lines' SHA-256 values modulo 2^256, hex. */
class SumOfHashes {
  private sum = 0n;
  add(line: string) {
    this.sum = (this.sum + BigInt(`0x${createHash('sha256').update(line).digest('hex')}`)) % 2n ** 256n;
  }
  hex() {
    return this.sum.toString(16).padStart(64, '0');
  }
}

export interface ExportCheckEvidence {
  tickets: { database: number; exported: number; reimported: number; rejected: number };
  messages: { database: number; exported: number };
  checksum: { database: string; reimported: string };
  bytes: number;
  firstRejection: string | null;
}

/** The check itself: the export read back, against the database. */
export async function runExportCheck(
  s: ScopedDb,
  progress: (fraction: number) => Promise<void> = async () => undefined,
): Promise<{ passed: boolean; evidence: ExportCheckEvidence }> {
  const counts = await s
    .selectFrom('tickets')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  const messageCount = await s
    .selectFrom('ticket_messages')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  const total = Number(counts.n);
  const fileSide = new SumOfHashes();
  const evidence: ExportCheckEvidence = {
    tickets: { database: total, exported: 0, reimported: 0, rejected: 0 },
    messages: { database: Number(messageCount.n), exported: 0 },
    checksum: { database: '', reimported: '' },
    bytes: 0,
    firstRejection: null,
  };
  for await (const chunk of exportCanonical(s, 'ndjson')) {
    evidence.bytes += Buffer.byteLength(chunk);
    for (const line of chunk.split('\n')) {
      if (line === '') continue;
      evidence.tickets.exported++;
      const record = JSON.parse(line) as unknown;
      const mapped = isObject(record) ? mapCanonicalRecord(record) : null;
      if (!mapped?.ok) {
        evidence.tickets.rejected++;
        evidence.firstRejection ??= mapped
          ? `${mapped.errors[0]?.field}: ${mapped.errors[0]?.reason}`
          : 'not a JSON object';
        continue;
      }
      const t: ImportedTicket = mapped.ticket;
      evidence.tickets.reimported++;
      evidence.messages.exported += t.messages.length;
      fileSide.add(factLine({ ...t, messages: t.messages.length }));
    }
    await progress(total === 0 ? 1 : Math.min(1, evidence.tickets.exported / total) * 0.9);
  }
  // The database side, read on its own (not through the exporter's field catalogue).
  const dbSide = new SumOfHashes();
  let after = '';
  for (;;) {
    const rows = await s
      .selectFrom('tickets')
      .select(['id', 'source', 'external_id', 'status', 'priority', 'channel', 'created_at', 'solved_at'])
      .select((eb) =>
        eb
          .selectFrom('ticket_messages')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('ticket_messages.ticket_id', '=', 'tickets.id')
          .as('messages'),
      )
      .where('id', '>', after)
      .orderBy('id')
      .limit(5_000)
      .execute();
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    for (const r of rows)
      dbSide.add(
        factLine({
          source: r.source,
          externalId: r.external_id,
          status: r.status,
          priority: r.priority,
          channel: r.channel,
          createdAt: r.created_at,
          solvedAt: r.solved_at,
          messages: Number(r.messages ?? 0),
        }),
      );
  }
  evidence.checksum = { database: dbSide.hex(), reimported: fileSide.hex() };
  const { tickets, messages, checksum } = evidence;
  const passed =
    tickets.rejected === 0 &&
    tickets.exported === tickets.database &&
    tickets.reimported === tickets.database &&
    messages.exported === messages.database &&
    checksum.database === checksum.reimported;
  await progress(1);
  return { passed, evidence };
}

async function checkOrganization(ctx: JobContext, organizationId: string) {
  const s = ctx.scope(systemActor('govern', organizationId));
  const { passed, evidence } = await runExportCheck(s, (f) => ctx.progress(f));
  const id = newId('exc', ctx.clock.now().getTime());
  await s.transaction(async (tx) => {
    await tx
      .insertInto('export_checks', {
        id,
        job_id: ctx.job.id,
        checked_at: ctx.clock.now(),
        passed,
        evidence: JSON.stringify(evidence),
      })
      .execute();
    await appendAudit(tx, ctx.clock, {
      action: 'govern.export_checked',
      subjectType: 'organization',
      subjectId: organizationId,
      payload: { id, passed, tickets: evidence.tickets.database, bytes: evidence.bytes },
    });
  });
  return { id, passed };
}

/** One organization's check, on demand (the job of POST /api/govern/export-checks). */
export const exportCheckJob: JobDefinition = {
  name: EXPORT_CHECK_JOB,
  maxAttempts: 3,
  async handler(_payload, ctx) {
    if (!ctx.job.organizationId) throw new PermanentJobError('an export check belongs to an organization');
    return checkOrganization(ctx, ctx.job.organizationId);
  },
};

/** Weekly (Sunday 04:10 UTC): every organization's check, so the evidence never grows old. */
export const weeklyExportCheckJob: JobDefinition = {
  name: 'govern.export_check_all',
  schedule: { cron: '10 4 * * 0', timeZone: 'UTC' },
  maxAttempts: 2,
  async handler(_payload, ctx) {
    const orgs = await ctx.db.selectFrom('organizations').select('id').execute();
    const results = [];
    for (const o of orgs) results.push(await checkOrganization(ctx, o.id));
    return { checked: results.length, failed: results.filter((r) => !r.passed).length };
  },
};

const present = (r: { id: string; checked_at: Date | string; passed: boolean; evidence: unknown }) => ({
  id: r.id,
  checkedAt: new Date(r.checked_at).toISOString(),
  passed: r.passed,
  evidence: r.evidence as ExportCheckEvidence,
});

/** Queues a check for the caller's organization now (one at a time: a pending one is returned). */
export async function queueExportCheck(ctx: ModuleContext, s: ScopedDb, clock: Clock) {
  authorizeGovern(s.actor, 'govern.manage');
  const pending = await s
    .selectFrom('jobs')
    .select('id')
    .where('name', '=', EXPORT_CHECK_JOB)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  if (!pending)
    await enqueueJob(ctx.db, clock, {
      name: EXPORT_CHECK_JOB,
      organizationId: s.actor.organizationId,
      createdBy: s.actor.userId,
    });
  return listExportChecks(s);
}

/** The latest checks with their evidence, and the one running now with its progress. */
export async function listExportChecks(s: ScopedDb) {
  authorizeGovern(s.actor, 'govern.manage');
  const rows = await s
    .selectFrom('export_checks')
    .selectAll()
    .orderBy('checked_at', 'desc')
    .orderBy('id', 'desc')
    .limit(10)
    .execute();
  const running = await s
    .selectFrom('jobs')
    .select(['id', 'status', 'progress'])
    .where('name', '=', EXPORT_CHECK_JOB)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return {
    items: rows.map(present),
    running: running
      ? {
          jobId: running.id,
          status: running.status as 'queued' | 'running',
          progress: Number(running.progress),
        }
      : null,
  };
}

/** The latest check, for exit readiness. */
export async function latestExportCheck(s: ScopedDb) {
  const row = await s
    .selectFrom('export_checks')
    .selectAll()
    .orderBy('checked_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? present(row) : null;
}
