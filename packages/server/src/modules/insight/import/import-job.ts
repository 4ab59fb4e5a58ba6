import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { type JobDefinition, PermanentJobError } from '../../../platform/jobs/index.js';
import { deleteUpload, writeUploadToFile } from '../../../platform/uploads/index.js';
import { ImportError } from './import-error.js';
import { parseMapping } from './mapping-file.js';
import { runImport } from './run-import.js';
import type { ImportFormat } from './units.js';

export const IMPORT_JOB = 'insight.import';

interface ImportJobPayload {
  runId: string;
  uploadId: string;
  format: ImportFormat;
  fileName: string;
  mapping: unknown;
}

/**
 * Runs an HTTP import from its upload. The bytes are copied from the database to a private local
 * file (the importer streams files), then imported into the run created with the job; a second
 * attempt (the process died, the database went away) resumes the run after its last checkpoint.
 * A file that cannot be imported (encoding, mapping) fails the run for good; the upload is deleted
 * once the run is finished either way.
 */
export const importJob: JobDefinition = {
  name: IMPORT_JOB,
  maxAttempts: 5,
  async handler(raw, ctx) {
    const p = raw as unknown as ImportJobPayload;
    const run = await ctx.db
      .selectFrom('import_runs')
      .select(['organization_id', 'status', 'file_sha256'])
      .where('id', '=', p.runId)
      .executeTakeFirst();
    if (!run) throw new PermanentJobError(`import run ${p.runId} does not exist`);
    const dir = join(tmpdir(), `shoreline-${ctx.job.id}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    try {
      // The user's file name is only displayed; on disk the upload has a fixed name with its
      // extension (which tells the readers the layout), so no name can point outside the folder.
      const file = join(dir, `upload${uploadExtension(p.fileName)}`);
      if (run.status !== 'done') {
        const copied = await writeUploadToFile(ctx.db, p.uploadId, file);
        // A resumable upload is hashed only here, where its bytes are read in order.
        if (run.file_sha256 === '')
          await ctx.db
            .updateTable('import_runs')
            .set({ file_sha256: copied.sha256 })
            .where('id', '=', p.runId)
            .execute();
      }
      let reported = 0;
      const report = await runImport({
        database: ctx.database,
        clock: ctx.clock,
        organizationId: run.organization_id,
        actorId: ctx.job.createdBy,
        format: p.format,
        filePath: file,
        fileName: basename(p.fileName),
        mapping: p.mapping === null ? null : parseMapping(p.mapping, 'mapping'),
        runId: p.runId,
        batchSize: ctx.config.importBatchSize,
        onProgress: (progress) => {
          const fraction = progress.bytesTotal > 0 ? progress.bytesDone / progress.bytesTotal : 1;
          if (fraction - reported < 0.01) return;
          reported = fraction;
          void ctx.progress(fraction).catch(() => undefined);
        },
      });
      await deleteUpload(ctx.db, p.uploadId);
      return {
        runId: report.runId,
        ticketsUpserted: report.ticketsUpserted,
        rowsRejected: report.rowsRejected,
      };
    } catch (err) {
      // An ImportError without a cause is about the file itself: a retry would fail the same way.
      if (err instanceof ImportError && err.cause === undefined) {
        await ctx.db
          .updateTable('import_runs')
          .set({
            status: 'failed',
            error: err.message,
            error_code: err.code,
            error_field: err.field ?? null,
            detected: err.detected ? JSON.stringify(err.detected) : null,
            updated_at: ctx.clock.now(),
          })
          .where('id', '=', p.runId)
          .execute();
        await deleteUpload(ctx.db, p.uploadId);
        throw new PermanentJobError(err.message);
      }
      throw err;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

function uploadExtension(fileName: string): string {
  return (
    /(\.(?:csv|tsv|json|ndjson|jsonl|txt)(?:\.gz|\.zip)?|\.gz|\.zip)$/i.exec(fileName)?.[1]?.toLowerCase() ??
    ''
  );
}
