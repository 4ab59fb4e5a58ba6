import type { Database } from '../../../platform/db/connect.js';
import { importTicketBatch, inCopyTransaction, type PreparedBatch } from '../../tickets/index.js';
import type { Reject } from './units.js';

export interface Batch {
  organizationId: string;
  runId: string;
  file: string;
  /** The batch's tickets as binary COPY rows (BatchBuilder.take), built before the previous batch commits. */
  prepared: PreparedBatch;
  rejects: Reject[];
  /** Run counters after this batch: written in the same transaction as the data (the checkpoint). */
  checkpoint: {
    committedUnits: number;
    bytesDone: number;
    recordsRead: number;
    ticketsUpserted: number;
    rowsRejected: number;
    quality: Record<string, number>;
  };
  /** Event logs: reject a case already written earlier in this run (rows not contiguous). */
  rejectRepeatedCases: boolean;
  /** Try copying the tickets as new ones first; the caller stops trying after a clash. */
  tryDirect: boolean;
  /** Who the import acts for (`system:import` when no one signed in started it). */
  actorId?: string;
}

/**
 * Writes one batch in one transaction: the tickets, their messages and events (through the tickets
 * module, which owns them), the batch's rejects and the run's checkpoint. Either all of it is
 * committed or none, so a kill at any point leaves the run at its last checkpoint, and a re-run
 * neither loses nor doubles a ticket. Resolves to the checkpoint written and whether the tickets
 * went straight into the table.
 */
export async function writeBatch(
  database: Database,
  b: Batch,
): Promise<Batch['checkpoint'] & { direct: boolean }> {
  const now = b.prepared.now;
  return inCopyTransaction(database, async (tx) => {
    const written = await importTicketBatch(tx, {
      organizationId: b.organizationId,
      runId: b.runId,
      actorId: b.actorId ?? 'system:import',
      prepared: b.prepared,
      rejectRepeatedCases: b.rejectRepeatedCases,
      tryDirect: b.tryDirect,
    });
    const rejects = [...b.rejects, ...written.rejects];
    if (rejects.length > 0) {
      await tx.query(
        `insert into import_rejects (organization_id, import_run_id, file, line, field, reason)
         select $1, $2, $3, r.line, r.field, r.reason
         from unnest($4::int[], $5::text[], $6::text[]) as r(line, field, reason)`,
        [
          b.organizationId,
          b.runId,
          b.file,
          rejects.map((r) => r.line),
          rejects.map((r) => r.field),
          rejects.map((r) => r.reason),
        ],
      );
    }
    const repeated = written.rejects.length;
    const c = {
      ...b.checkpoint,
      ticketsUpserted: b.checkpoint.ticketsUpserted - repeated,
      rowsRejected: b.checkpoint.rowsRejected + repeated,
    };
    await tx.query(
      `update import_runs set committed_units = $2, bytes_done = $3, records_read = $4, tickets_upserted = $5,
       rows_rejected = $6, quality = $7::jsonb, updated_at = $8 where id = $1`,
      [
        b.runId,
        c.committedUnits,
        c.bytesDone,
        c.recordsRead,
        c.ticketsUpserted,
        c.rowsRejected,
        JSON.stringify(c.quality),
        now,
      ],
    );
    return { ...c, direct: written.direct };
  });
}
