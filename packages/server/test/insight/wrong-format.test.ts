import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CANONICAL_COLUMNS } from '@shoreline/core';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../src/modules/insight/import/import-error.js';
import { runImport } from '../../src/modules/insight/import/run-import.js';
import { sniffText } from '../../src/modules/insight/import/sniff-format.js';
import { systemClock } from '../../src/platform/clock.js';
import { demoAppWithScratchDir } from './support.js';

// Hardening #14 item 19: a CSV uploaded as "Zendesk (JSON)" showed a green "Done" with 0 loaded and
// 1,000 rejected. A run that loads nothing has failed, says why as a code, and says what the file is.
describe('a file imported in the wrong format', () => {
  const demo = demoAppWithScratchDir('shoreline-wrong-format-');
  const { dir } = demo;

  it('a canonical CSV imported as Zendesk fails as nothing_loaded and is recognised as canonical CSV', async () => {
    const path = join(dir, 'tickets.csv');
    const row = (id: string) =>
      CANONICAL_COLUMNS.map((c) =>
        c === 'externalId' ? id : c === 'createdAt' ? '2024-05-01T10:00:00Z' : '',
      );
    writeFileSync(path, [CANONICAL_COLUMNS, row('c1'), row('c2')].map((r) => r.join(',')).join('\n'));
    const err = await runImport({
      database: demo.app.shoreline.ctx.database,
      clock: systemClock,
      organizationId: demo.org,
      format: 'zendesk',
      filePath: path,
      fileName: 'tickets.csv',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe('nothing_loaded');
    expect((err as ImportError).detected).toEqual({ layout: 'csv', format: 'canonical' });
    const run = await demo.app.shoreline.ctx.db
      .selectFrom('import_runs')
      .select(['status', 'error_code', 'detected', 'error', 'tickets_upserted', 'rows_rejected'])
      .where('file_name', '=', 'tickets.csv')
      .executeTakeFirstOrThrow();
    expect(run).toMatchObject({ status: 'failed', error_code: 'nothing_loaded', tickets_upserted: 0 });
    expect(Number(run.rows_rejected)).toBeGreaterThan(0);
    expect(run.detected).toEqual({ layout: 'csv', format: 'canonical' });
    expect(run.error).not.toContain(dir);
  });

  it('a CSV imported as JSON names no temporary path and says what it is', async () => {
    const path = join(dir, 'upload.json');
    writeFileSync(path, 'Ticket ID,Subject,Requester\n1,Hello,a@b.c\n');
    const err = (await runImport({
      database: demo.app.shoreline.ctx.database,
      clock: systemClock,
      organizationId: demo.org,
      format: 'zendesk',
      filePath: path,
      fileName: 'export.json',
    }).catch((e: unknown) => e)) as ImportError;
    expect(err.code).toBe('not_json');
    expect(err.detected).toEqual({ layout: 'csv', format: 'csv' });
    expect(err.message).not.toContain(dir);
  });
});

describe('sniffing a file’s first bytes', () => {
  it('tells JSON, NDJSON, CSV and TSV apart', () => {
    expect(sniffText('[{"id": 1}]')?.layout).toBe('json');
    expect(sniffText('{"tickets": [\n{"id": 1}\n]}')?.layout).toBe('json');
    expect(sniffText('{"id": 1}\n{"id": 2}\n')?.layout).toBe('ndjson');
    expect(sniffText('\uFEFFa,b,c\n1,2,3')).toEqual({ layout: 'csv', format: 'csv' });
    expect(sniffText('a\tb\tc\n1\t2\t3')).toEqual({ layout: 'tsv', format: 'csv' });
    expect(sniffText('')).toBeNull();
  });

  it('names known exports by keys only they carry', () => {
    expect(sniffText('{"tickets":[{"id":1,"via":{"channel":"email"},"satisfaction_rating":null}]}')).toEqual({
      layout: 'json',
      format: 'zendesk',
    });
    expect(sniffText('[{"id":1,"fr_due_by":"x","responder_id":2}]')?.format).toBe('freshdesk');
    expect(sniffText('{"id":1,"state_id":2,"priority_id":2}\n{"id":2}')).toEqual({
      layout: 'ndjson',
      format: 'zammad',
    });
    expect(sniffText('{"payload":[{"id":1,"inbox_id":1,"account_id":1}]}')?.format).toBe('chatwoot');
    expect(sniffText('[{"id": 1, "name": "x"}]')?.format).toBeNull();
  });
});
