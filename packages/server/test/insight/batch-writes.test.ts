import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/modules/insight/import/run-import.js';
import { systemClock } from '../../src/platform/clock.js';
import { demoAppWithScratchDir } from './support.js';

/**
 * The batch writer's two paths: new tickets are copied straight into the table, a batch that clashes
 * with existing tickets is upserted instead. Both must give the same tickets, once each, with the last
 * version of a ticket repeated inside a batch, whatever the order of creation times.
 */
describe('batch writes: plain copy of new tickets, upsert after a clash', () => {
  const demo = demoAppWithScratchDir('shoreline-batch-');
  const { dir } = demo;
  const ticket = (id: number, subject: string, day: number | null, flagged = false) =>
    JSON.stringify({
      source: 'batchtest',
      externalId: `B${id}`,
      subject,
      status: flagged ? 'solved' : 'open',
      createdAt: day === null ? null : new Date(Date.UTC(2024, 0, 1 + day)).toISOString(),
      firstResponseAt: day === null ? null : new Date(Date.UTC(2024, 0, 1 + day, 1)).toISOString(),
    });
  const importLines = (name: string, lines: string[], batchSize: number) => {
    const path = join(dir, name);
    writeFileSync(path, `${lines.join('\n')}\n`);
    return runImport({
      database: demo.app.shoreline.ctx.database,
      clock: systemClock,
      organizationId: demo.org,
      format: 'canonical',
      filePath: path,
      batchSize,
    });
  };
  const tickets = () =>
    demo.app.shoreline.ctx.db
      .selectFrom('tickets')
      .select(['id', 'external_id', 'subject', 'created_at', 'quality_flags'])
      .where('organization_id', '=', demo.org)
      .where('source', '=', 'batchtest')
      .execute();

  it('keeps the last version of a ticket repeated in one batch, across segments, creation times unordered', async () => {
    // 1,200 tickets (more than two 512-row segments) in reverse creation order, some without one;
    // B3 and B700 appear again later in the same batch, B700 now solved without a solved time.
    const lines: string[] = [];
    for (let i = 0; i < 1_200; i++) lines.push(ticket(i, `first ${i}`, i % 97 === 0 ? null : 1_200 - i));
    lines.push(ticket(3, 'second 3', 5), ticket(700, 'second 700', 6, true));
    const report = await importLines('repeated.ndjson', lines, 5_000);
    expect(report.ticketsUpserted).toBe(1_200);
    expect(report.quality.solved_without_solved_at).toBe(1);
    expect(report.quality.missing_created_at).toBe(13);
    const rows = await tickets();
    expect(rows).toHaveLength(1_200);
    expect(new Set(rows.map((r) => r.id)).size).toBe(1_200);
    const byId = new Map(rows.map((r) => [r.external_id, r]));
    expect(byId.get('B3')?.subject).toBe('second 3');
    expect(byId.get('B700')?.subject).toBe('second 700');
    expect(byId.get('B700')?.quality_flags).toContain('solved_without_solved_at');
    expect(byId.get('B1')?.subject).toBe('first 1');
    expect(byId.get('B97')?.created_at).toBeNull();
  });

  it('upserts a batch that mixes new and existing tickets, then copies new ones again', async () => {
    // Batches of 100: the first two clash with tickets from the test above (B1100–B1199 exist), the
    // later ones are all new; every ticket ends up once, with this file's subject.
    const lines: string[] = [];
    for (let i = 1_100; i < 2_500; i++) lines.push(ticket(i, `third ${i}`, i % 300));
    const report = await importLines('mixed.ndjson', lines, 100);
    expect(report.ticketsUpserted).toBe(1_400);
    const rows = await tickets();
    expect(rows).toHaveLength(2_500);
    const byId = new Map(rows.map((r) => [r.external_id, r]));
    expect(byId.get('B1100')?.subject).toBe('third 1100');
    expect(byId.get('B2499')?.subject).toBe('third 2499');
    expect(byId.get('B1099')?.subject).toBe('first 1099');
  });
});
