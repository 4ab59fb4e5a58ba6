import type { Kysely } from 'kysely';
import type { Clock } from '../../../platform/clock.js';
import type { DB } from '../../../platform/db/schema.js';
import { publishTransient, recordEvent } from '../../../platform/events/index.js';
import { scheduleSearchIndexing } from '../../tickets/index.js';
import type { ImportFindings } from './findings.js';
import type { ImportErrorCode } from './import-error.js';
import type { ImportProgress } from './run-import.js';
import type { Detected } from './sniff-format.js';

/** The payload of `import_run.progress` (pushed per committed batch); the web app's run card reads it. */
export type ImportProgressPayload = Pick<
  ImportProgress,
  'bytesDone' | 'bytesTotal' | 'recordsRead' | 'ticketsUpserted' | 'rowsRejected'
>;

/** The payload of `import_run.finished` (outbox event: stream, webhooks). */
export interface ImportFinishedPayload {
  status: 'done' | 'failed';
  ticketsUpserted: number;
  rowsRejected: number;
}

export interface RunRef {
  organizationId: string;
  runId: string;
  actorId: string | null;
}

/**
 * Progress after each committed batch, as a transient push (NOTIFY, no outbox row): it is stale at
 * the next batch, nobody needs it durably, and a 1 M-ticket import would otherwise add 50 outbox
 * rows per run for nothing. A browser that misses one reads the run row, which holds the truth.
 */
export async function announceProgress(db: Kysely<DB>, run: RunRef, p: ImportProgress): Promise<void> {
  try {
    await publishTransient(db, {
      type: 'import_run.progress',
      organizationId: run.organizationId,
      providerId: null,
      subjectType: 'import_run',
      subjectId: run.runId,
      payload: {
        bytesDone: p.bytesDone,
        bytesTotal: p.bytesTotal,
        recordsRead: p.recordsRead,
        ticketsUpserted: p.ticketsUpserted,
        rowsRejected: p.rowsRejected,
      } satisfies ImportProgressPayload,
    });
  } catch (err) {
    // Progress is a courtesy: never fail an import over it.
    console.warn(`import ${run.runId}: progress not announced: ${(err as Error).message}`);
  }
}

/**
 * Ends the run and records `import_run.finished` in the same transaction: a fact others may act on
 * (refresh pages and caches, a webhook), so it goes through the outbox.
 */
export async function finishRun(
  db: Kysely<DB>,
  clock: Clock,
  run: RunRef,
  outcome: {
    status: 'done' | 'failed';
    error?: string;
    errorCode?: ImportErrorCode;
    errorField?: string | undefined;
    detected?: Detected | null;
    bytesDone?: number;
    findings?: ImportFindings;
    progress: ImportProgress;
  },
): Promise<void> {
  const now = clock.now();
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('import_runs')
      .set({
        status: outcome.status,
        updated_at: now,
        ...(outcome.status === 'done' ? { finished_at: now, bytes_done: outcome.bytesDone } : {}),
        ...(outcome.error === undefined ? {} : { error: outcome.error }),
        ...(outcome.errorCode === undefined ? {} : { error_code: outcome.errorCode }),
        ...(outcome.errorField === undefined ? {} : { error_field: outcome.errorField }),
        ...(outcome.detected ? { detected: JSON.stringify(outcome.detected) } : {}),
        ...(outcome.findings === undefined ? {} : { findings: JSON.stringify(outcome.findings) }),
      })
      .where('id', '=', run.runId)
      .execute();
    // The run's tickets and messages were written without search vectors: filled now, in the
    // background (a failed run's committed batches too).
    await scheduleSearchIndexing(tx, clock, run.organizationId, run.runId);
    await recordEvent(tx, {
      type: 'import_run.finished',
      organizationId: run.organizationId,
      providerId: null,
      subjectType: 'import_run',
      subjectId: run.runId,
      actorId: run.actorId,
      occurredAt: now,
      payload: {
        status: outcome.status,
        ticketsUpserted: outcome.progress.ticketsUpserted,
        rowsRejected: outcome.progress.rowsRejected,
      } satisfies ImportFinishedPayload,
    });
  });
}
