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
 * something to show on a first `npm start`. Deterministic for a given day; idempotent (a second
 * run updates the same tickets in place, so a start interrupted half-way is completed by the next).
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
  const dir = await mkdtemp(join(tmpdir(), 'shoreline-demo-'));
  try {
    const file = join(dir, DEMO_FILE);
    const out = createWriteStream(file);
    let total = 0;
    for (const record of demoOperation({ end: clock.now(), days })) {
      if (!out.write(`${JSON.stringify(record)}\n`))
        await new Promise<void>((r) => out.once('drain', () => r()));
      total++;
    }
    out.end();
    await finished(out);
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
