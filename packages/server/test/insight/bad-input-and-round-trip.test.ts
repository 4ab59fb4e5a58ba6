import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOrganization } from '../../src/modules/identity/bootstrap.js';
import { createProvider } from '../../src/modules/identity/service.js';
import { exportCanonical } from '../../src/modules/insight/export-service.js';
import { parseMapping } from '../../src/modules/insight/import/mapping-file.js';
import { runImport } from '../../src/modules/insight/import/run-import.js';
import { type KpiService, kpiServiceOf } from '../../src/modules/insight/kpi-service.js';
import { systemClock } from '../../src/platform/clock.js';
import { rowCount } from '../row-count.js';
import { generateCanonicalTickets } from './generate.js';
import { adminScope, demoAppWithScratchDir, importFile, importRejects } from './support.js';

describe('bad input: clear errors naming file, line and field; nothing written unreported', () => {
  const demo = demoAppWithScratchDir('shoreline-bad-');
  const { write } = demo;
  const mapping = parseMapping(
    {
      source: 'badcsv',
      columns: { externalId: 'id', createdAt: 'created', status: 'state' },
      statusMap: { Open: 'open' },
    },
    'bad.mapping.json',
  );
  const importCsv = (path: string, m = mapping) =>
    runImport({
      database: demo.app.shoreline.ctx.database,
      clock: systemClock,
      organizationId: demo.org,
      format: 'csv',
      filePath: path,
      mapping: m,
    });
  const count = (source: string) =>
    rowCount(demo.app.shoreline.ctx.db.selectFrom('tickets').where('source', '=', source));

  it('malformed rows are rejected with line, field and reason; good rows are imported', async () => {
    const path = write(
      'rows.csv',
      'id,created,state\n1,2024-01-01T10:00:00Z,Open\n2,not a date,Open\n3,2024-01-02T10:00:00Z\n,2024-01-03T10:00:00Z,Open\n5,2024-01-05T10:00:00Z,Weird\n',
    );
    const report = await importCsv(path);
    expect(report.ticketsUpserted).toBe(2);
    expect(report.rowsRejected).toBe(3);
    expect(report.quality.unknown_status).toBe(1);
    expect(await importRejects(demo.app, report.runId)).toEqual([
      {
        file: 'rows.csv',
        line: 3,
        field: 'created',
        reason: expect.stringMatching(/does not match|not a real date|ISO/),
      },
      { file: 'rows.csv', line: 4, field: '(row)', reason: 'expected 3 fields, found 2' },
      { file: 'rows.csv', line: 5, field: 'id', reason: 'missing ticket id' },
    ]);
  });

  it('a truncated file (ends inside a quoted field) reports the last line and keeps what came before', async () => {
    const path = write(
      'truncated.csv',
      'id,created,state\n10,2024-01-01T10:00:00Z,Open\n11,2024-01-01T11:00:00Z,"Op',
    );
    const report = await importCsv(path);
    expect(report.ticketsUpserted).toBe(1);
    expect(report.rowsRejected).toBe(1);
    const [reject, ...more] = await importRejects(demo.app, report.runId);
    expect(more).toEqual([]);
    expect(reject?.reason).toMatch(/quote/i);
  });

  it('a file not in its declared encoding stops before anything is written, naming the line', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('id,created,state\n20,2024-01-01T10:00:00Z,Open\n21,2024-01-01T10:00:00Z,'),
      Buffer.from([0xe9]),
      Buffer.from('t\xe9\n', 'latin1'),
    ]);
    const path = write('latin1.csv', latin1);
    const before = await count('badcsv');
    await expect(importCsv(path)).rejects.toThrow(/latin1\.csv: line 3: not valid utf-8/);
    expect(await count('badcsv')).toBe(before);
    // Declared correctly, it imports and keeps the accented text.
    const report = await importCsv(path, {
      ...mapping,
      encoding: 'windows-1252',
      statusMap: { ...mapping.statusMap, été: 'open' },
    });
    expect(report.ticketsUpserted).toBe(2);
  });

  it('a mapping naming missing columns fails before writing, naming the columns', async () => {
    const path = write('cols.csv', 'id,opened,state\n30,2024-01-01T10:00:00Z,Open\n');
    const before = await count('badcsv');
    await expect(importCsv(path)).rejects.toThrow(/line 1: the mapping names column "created"/);
    expect(await count('badcsv')).toBe(before);
  });

  it('an invalid mapping file is refused naming the field', () => {
    expect(() => parseMapping({ source: 'x', columns: {}, timeZone: 'Mars/Base' }, 'm.json')).toThrow(
      /m\.json: /,
    );
    expect(() =>
      parseMapping({ source: 'x', columns: { externalId: 'id' }, timeZone: 'Mars/Base' }, 'm.json'),
    ).toThrow(/timeZone: unknown time zone/);
  });

  it('NDJSON lines that are not JSON are rejected by line', async () => {
    const path = write(
      'broken.ndjson',
      `${JSON.stringify({ externalId: 'a', source: 'nd' })}\n{"externalId": "b",\n${JSON.stringify({ externalId: 'c', source: 'nd', status: 'bogus' })}\n`,
    );
    const report = await importFile(demo.app, demo.org, 'canonical', path);
    expect(report.ticketsUpserted).toBe(1);
    expect((await importRejects(demo.app, report.runId)).map(({ line, field }) => ({ line, field }))).toEqual(
      [
        { line: 2, field: '(json)' },
        { line: 3, field: 'status' },
      ],
    );
  });

  it('an import the HTTP API refuses answers problem+json naming the field', async () => {
    const auth = await demo.app.login('admin@northwind.example', 'shoreline-demo').catch(() => null);
    if (!auth) return;
    const res = await demo.app.request('/api/insight/imports', {
      body: { format: 'csv', fileName: 'x.csv', content: 'a\n1\n' },
      auth,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { field: string }).field).toBe('mapping');
  });
});

describe('round trip: export → import into an empty organization → identical KPIs', () => {
  const trip = demoAppWithScratchDir('shoreline-trip-');
  const { dir } = trip;
  const kpis: KpiService['kpis'] = (...args) => kpiServiceOf(trip.app.shoreline.ctx).kpis(...args);

  it.each(['ndjson', 'csv'] as const)('via canonical %s', async (format) => {
    const from = trip.org;
    const source = join(dir, 'source.ndjson');
    writeFileSync(source, `${[...generateCanonicalTickets(500, 3)].join('\n')}\n`);
    await importFile(trip.app, from, 'canonical', source);
    let exported = '';
    for await (const chunk of exportCanonical(adminScope(trip.app, from), format, 120)) exported += chunk;
    const exportPath = join(dir, `export.${format}`);
    writeFileSync(exportPath, exported);

    const db = trip.app.shoreline.ctx.db;
    const { organizationId: to } = await createOrganization(db, systemClock, {
      name: `Empty ${format}`,
      inHouseName: 'Northwind in-house',
    });
    const scopedTo = adminScope(trip.app, to);
    await createProvider(scopedTo, systemClock, {
      name: 'Baltic Contact',
      kind: 'vendor',
      shore: 'nearshore',
      countries: ['LV'],
      languages: ['lv'],
    });
    await createProvider(scopedTo, systemClock, {
      name: 'Manila CX',
      kind: 'vendor',
      shore: 'offshore',
      countries: ['PH'],
      languages: ['en'],
    });
    await runImport({
      database: trip.app.shoreline.ctx.database,
      clock: systemClock,
      organizationId: to,
      format: 'canonical',
      filePath: exportPath,
    });

    for (const groupBy of ['none', 'channel', 'priority', 'topic', 'status'] as const) {
      expect(await kpis(scopedTo, groupBy, {})).toEqual(await kpis(adminScope(trip.app, from), groupBy, {}));
    }
    const byName = async (orgId: string) =>
      (await kpis(adminScope(trip.app, orgId), 'provider', {}))
        .map(({ key: _key, ...rest }) => rest)
        .sort((a, b) => String(a.label).localeCompare(String(b.label)));
    expect(await byName(to)).toEqual(await byName(from));
    expect(readFileSync(exportPath, 'utf8').length).toBeGreaterThan(0);
  });
});
