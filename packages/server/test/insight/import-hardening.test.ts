import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMapping } from '../../src/modules/insight/import/mapping-file.js';
import { runImport } from '../../src/modules/insight/import/run-import.js';
import type { ImportFormat } from '../../src/modules/insight/import/units.js';
import { systemClock } from '../../src/platform/clock.js';
import { startTestApp, type TestApp } from '../../src/test-support/test-app.js';
import { demoOrganizationId } from './support.js';

// Issue #14 items 8–13: real exports that were imported wrongly, or not at all, without a word.
// One database for the whole file; each test imports under its own source name.

let app: TestApp;
let org: string;
const dir = mkdtempSync(join(tmpdir(), 'shoreline-hardening-'));
const write = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const run = (format: ImportFormat, filePath: string, mapping?: unknown) =>
  runImport({
    database: app.shoreline.ctx.database,
    clock: systemClock,
    organizationId: org,
    format,
    filePath,
    mapping: mapping === undefined ? null : parseMapping(mapping, 'test.mapping.json'),
  });
const rejects = (runId: string) =>
  app.shoreline.ctx.db
    .selectFrom('import_rejects')
    .select(['line', 'field', 'reason'])
    .where('import_run_id', '=', runId)
    .orderBy('line')
    .execute();
const ticket = (source: string, externalId: string) =>
  app.shoreline.ctx.db
    .selectFrom('tickets')
    .selectAll()
    .where('source', '=', source)
    .where('external_id', '=', externalId)
    .executeTakeFirst();

beforeAll(async () => {
  app = await startTestApp({ demo: true });
  org = await demoOrganizationId(app);
}, 60_000);
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('item 8: bad text rejects its row, never the whole import', () => {
  const flat = (source: string) => ({
    source,
    columns: { externalId: 'id', createdAt: 'created', subject: 'subject' },
  });
  const good = (n: number) =>
    Array.from({ length: n }, (_, i) => `g${i},2024-01-01T10:00:00Z,fine ${i}`).join('\n');

  it('one NUL in one subject: that row is rejected naming the field, the 50 good rows are written', async () => {
    const path = write('nul.csv', `id,created,subject\n${good(50)}\nbad,2024-01-01T10:00:00Z,a\u0000b\n`);
    const report = await run('csv', path, flat('nul'));
    expect(report.ticketsUpserted).toBe(50);
    expect(report.rowsRejected).toBe(1);
    expect(await rejects(report.runId)).toEqual([
      { line: 52, field: 'subject', reason: expect.stringMatching(/NUL/) },
    ]);
  });

  it('NUL and lone surrogates in JSON records are rejected per record', async () => {
    const path = write(
      'text.ndjson',
      [
        '{"externalId":"ok","createdAt":"2024-01-01T10:00:00Z","subject":"fine"}',
        '{"externalId":"nul","createdAt":"2024-01-01T10:00:00Z","description":"x\\u0000y"}',
        '{"externalId":"sur","createdAt":"2024-01-01T10:00:00Z","subject":"bad \\ud800 text"}',
      ].join('\n'),
    );
    const report = await run('canonical', path);
    expect(report.ticketsUpserted).toBe(1);
    expect((await rejects(report.runId)).map((r) => [r.line, r.field])).toEqual([
      [2, 'description'],
      [3, 'subject'],
    ]);
  });

  it('an over-long subject is rejected with its row reported, not stored', async () => {
    const path = write(
      'long.csv',
      `id,created,subject\nshort,2024-01-01T10:00:00Z,ok\nlong,2024-01-01T10:00:00Z,${'x'.repeat(20_000)}\n`,
    );
    const report = await run('csv', path, flat('long'));
    expect(report.ticketsUpserted).toBe(1);
    expect(await rejects(report.runId)).toEqual([
      { line: 3, field: 'subject', reason: expect.stringMatching(/longer than/) },
    ]);
    expect(await ticket('long', 'long')).toBeUndefined();
  });
});

describe('item 9: loose dates in files', () => {
  it('2025-02-30 is rejected, not read as 2 March', async () => {
    const path = write(
      'dates.csv',
      'id,created\nok,2025-02-28T10:00:00Z\nbad,2025-02-30T10:00:00Z\nbad2,2025-02-30\n',
    );
    const report = await run('csv', path, {
      source: 'dates',
      columns: { externalId: 'id', createdAt: 'created' },
    });
    expect(report.ticketsUpserted).toBe(1);
    expect((await rejects(report.runId)).map((r) => r.field)).toEqual(['created', 'created']);
  });
});
