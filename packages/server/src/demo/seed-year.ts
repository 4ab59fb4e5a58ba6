import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { demoOperation } from '@shoreline/core';
import { runImport } from '../modules/insight/index.js';
import type { Clock } from '../platform/clock.js';
import type { Database } from '../platform/db/connect.js';

export interface DemoYearReport {
  tickets: number;
  seconds: number;
}

const DEMO_FILE = 'demo-year.ndjson';

/** Whether the demo year still has to be (or finish being) imported: no finished run of it yet. */
export async function demoYearPending(database: Database, organizationId: string): Promise<boolean> {
  const done = await database.db
    .selectFrom('import_runs')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('file_name', '=', DEMO_FILE)
    .where('status', '=', 'done')
    .executeTakeFirst();
  return done === undefined;
}

/**
 * Fills the demo organization with a generated year of service up to the clock's now (see
 * core/demo/demo-operation.ts), through the ordinary canonical import, so every Insight page has
 * something to show on a first `npm start`. The year ends at the start of the clock's hour, so the
 * file is the same for a whole hour: a start interrupted half-way and restarted within the hour
 * resumes the same run after its last batch. Runs left unfinished by an earlier hour are closed as
 * failed (their tickets are updated in place by the new run, never doubled: same source and ids).
 */
export async function seedDemoYear(
  database: Database,
  clock: Clock,
  organizationId: string,
  onProgress?: (done: number, total: number) => void,
  /** Fewer days for tests; a year by default. */
  days?: number,
): Promise<DemoYearReport> {
  const started = performance.now();
  const now = clock.now();
  const end = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const dir = await mkdtemp(join(tmpdir(), 'shoreline-demo-'));
  try {
    const file = join(dir, DEMO_FILE);
    const out = createWriteStream(file);
    let total = 0;
    for (const record of demoOperation({ end, days })) {
      if (!out.write(`${JSON.stringify(record)}\n`))
        await new Promise<void>((r) => out.once('drain', () => r()));
      // Generating is synchronous work (≈ 5 s for the year on a busy machine): let the server's
      // requests in between, so the first page does not wait for the demo year.
      if (++total % 200 === 0) await new Promise<void>((r) => setImmediate(r));
    }
    out.end();
    await finished(out);
    await closeStaleRuns(database, organizationId, now);
    const report = await runImport({
      database,
      clock,
      organizationId,
      format: 'canonical',
      filePath: file,
      fileName: DEMO_FILE,
      onProgress: (p) => onProgress?.(p.ticketsUpserted, total),
    });
    return { tickets: report.ticketsUpserted, seconds: (performance.now() - started) / 1000 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * An unfinished demo run of another file (an earlier hour's year) will never be resumed: the new
 * file differs. Close it as failed, saying why, so no run stays `running` for ever. The run of the
 * same file (a restart within the hour) is left for runImport to resume.
 */
async function closeStaleRuns(database: Database, organizationId: string, now: Date): Promise<void> {
  const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  await database.db
    .updateTable('import_runs')
    .set({ status: 'failed', error: 'interrupted; the demo year was generated again', updated_at: now })
    .where('organization_id', '=', organizationId)
    .where('file_name', '=', DEMO_FILE)
    .where('status', '=', 'running')
    .where('started_at', '<', hour)
    .execute();
}
