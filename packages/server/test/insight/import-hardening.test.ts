import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseMapping } from '../../src/modules/insight/import/mapping-file.js';
import { runImport } from '../../src/modules/insight/import/run-import.js';
import type { ImportFormat } from '../../src/modules/insight/import/units.js';
import { kpiServiceOf } from '../../src/modules/insight/kpi-service.js';
import { systemClock } from '../../src/platform/clock.js';
import { rowCount } from '../row-count.js';
import {
  adminScope,
  demoAppWithScratchDir,
  examples,
  hasShared,
  importRejects,
  sharedDir,
} from './support.js';

// Issue #14 items 8–13: real exports that were imported wrongly, or not at all, without a word.
// One database for the whole file; each test imports under its own source name.

const demo = demoAppWithScratchDir('shoreline-hardening-', 60_000);
const { write } = demo;
const run = (format: ImportFormat, filePath: string, mapping?: unknown) =>
  runImport({
    database: demo.app.shoreline.ctx.database,
    clock: systemClock,
    organizationId: demo.org,
    format,
    filePath,
    mapping: mapping === undefined ? null : parseMapping(mapping, 'test.mapping.json'),
  });
const rejects = async (runId: string) =>
  (await importRejects(demo.app, runId)).map(({ line, field, reason }) => ({ line, field, reason }));
const ticket = (source: string, externalId: string) =>
  demo.app.shoreline.ctx.db
    .selectFrom('tickets')
    .selectAll()
    .where('source', '=', source)
    .where('external_id', '=', externalId)
    .executeTakeFirst();

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

type Findings = {
  coverage: { field: string; rows: number; mapped: number; share: number | null }[];
  replyLinks: { unresolved: number; examples: { id: string; inReplyTo: string }[] } | null;
  warnings: { code: string; field: string; value?: string; count?: number }[];
};
const findingsOf = (report: unknown) => (report as { findings: Findings }).findings;

describe('item 10: reply links written as floats', () => {
  // The Twitter sample's columns, as the example mapping shipped beside it names them.
  const twitter = JSON.parse(readFileSync(join(examples, 'twitter-support.mapping.json'), 'utf8')) as {
    threads: Record<string, string>;
  };
  const threads = { source: 'floats', kind: 'threads', dateFormat: 'iso', threads: twitter.threads };
  it('1.0 links to 1 (not 1.5; leading zeros kept); unresolved links are counted with examples', async () => {
    const path = write(
      'floats.csv',
      [
        'tweet_id,author_id,inbound,created_at,text,in_response_to_tweet_id',
        '1,cust,True,2024-01-01T10:00:00Z,help,',
        '2,Brand,False,2024-01-01T10:05:00Z,reply,1.0',
        '007,cust2,True,2024-01-01T11:00:00Z,help 2,',
        '8,Brand,False,2024-01-01T11:01:00Z,reply 2,007',
        '9,Brand,False,2024-01-01T12:00:00Z,orphan,99.0',
        '10,cust3,True,2024-01-01T13:00:00Z,not a reply to 1,1.5',
      ].join('\n'),
    );
    const report = await run('csv', path, threads);
    expect(report.ticketsUpserted).toBe(3);
    expect((await ticket('floats', '1'))?.first_response_at).not.toBeNull();
    expect((await ticket('floats', '007'))?.first_response_at).not.toBeNull();
    const findings = findingsOf(report);
    expect(findings.replyLinks).toEqual({
      unresolved: 2,
      examples: [
        { id: '9', inReplyTo: '99' },
        { id: '10', inReplyTo: '1.5' },
      ],
    });
    expect(findings.warnings).toContainEqual(
      expect.objectContaining({ code: 'reply_links_unresolved', field: 'in_response_to_tweet_id', count: 2 }),
    );
  });

  it.skipIf(!hasShared)(
    'the Twitter sample with float reply links makes the same threads as with integers',
    async () => {
      const original = readFileSync(join(sharedDir, 'twitter-support/sample.csv'), 'utf8');
      // As pandas writes an integer column with missing values: 119239 → 119239.0.
      const floated = original.replace(/,(\d+)(\r?)$/gm, ',$1.0$2');
      expect(floated).not.toBe(original);
      const ints = await run('csv', join(sharedDir, 'twitter-support/sample.csv'), {
        ...threads,
        source: 'tw-int',
        dateFormat: 'EEE MMM DD HH:mm:ss Z YYYY',
      });
      const floats = await run('csv', write('tw-float.csv', floated), {
        ...threads,
        source: 'tw-float',
        dateFormat: 'EEE MMM DD HH:mm:ss Z YYYY',
      });
      expect(floats.ticketsUpserted).toBe(ints.ticketsUpserted);
      const answered = (source: string) =>
        rowCount(
          demo.app.shoreline.ctx.db
            .selectFrom('tickets')
            .where('source', '=', source)
            .where('first_response_at', 'is not', null),
        );
      expect(await answered('tw-float')).toBe(await answered('tw-int'));
      expect(await answered('tw-int')).toBeGreaterThan(0);
    },
  );
});

describe('item 11: mappings that match nothing are reported', () => {
  it('coverage per mapped field, warnings for rules and fields that matched nothing, unknown_priority set', async () => {
    const path = write(
      'groups.csv',
      [
        'id,created,state,prio,team',
        '1,2024-01-01T10:00:00Z,Open,1,70',
        '2,2024-01-01T10:00:00Z,Closed,2,70',
        '3,2024-01-01T10:00:00Z,Weird,1,71',
        '4,2024-01-01T10:00:00Z,Open,2,70',
      ].join('\n'),
    );
    const report = await run('csv', path, {
      source: 'groups',
      columns: { externalId: 'id', createdAt: 'created', status: 'state', priority: 'prio', group: 'team' },
      statusMap: { Open: 'open', Closed: 'solved', Parked: 'on_hold' },
      priorityMap: { P1: 'urgent', P2: 'high' },
      providers: [
        { match: 'group', value: 'Group 70', provider: 'Northwind in-house' },
        { match: 'default', provider: 'Manila CX' },
      ],
    });
    expect(report.quality.unknown_priority).toBe(4);
    expect(report.quality.unknown_status).toBe(1);
    const findings = findingsOf(report);
    const coverage = Object.fromEntries(findings.coverage.map((c) => [c.field, c]));
    expect(coverage.status).toMatchObject({ rows: 4, mapped: 3, share: 0.75 });
    expect(coverage.priority).toMatchObject({ rows: 4, mapped: 0, share: 0 });
    expect(coverage.provider).toMatchObject({ rows: 4, mapped: 0, share: 0 });
    const warnings = findings.warnings.map((w) => [w.code, w.field, w.value ?? null]);
    expect(warnings).toEqual(
      expect.arrayContaining([
        ['rule_matched_nothing', 'statusMap', 'Parked'],
        ['rule_matched_nothing', 'priorityMap', 'P1'],
        ['rule_matched_nothing', 'priorityMap', 'P2'],
        ['rule_matched_nothing', 'providers', 'Group 70'],
        ['field_mapped_nothing', 'priority', null],
        ['field_mapped_nothing', 'provider', null],
        ['values_not_mapped', 'status', 'Weird'],
      ]),
    );
    const run_ = await demo.app.request(`/api/insight/imports/${report.runId}`, {
      auth: await demo.app.login('admin@northwind.example', 'shoreline-demo'),
    });
    expect(findingsOf(await run_.json()).warnings.length).toBe(findings.warnings.length);
  });

  it('an event log whose case ends in a status word the mapping does not cover is flagged, not open', async () => {
    const path = write(
      'events.csv',
      [
        'case,at,activity',
        'c1,2024-01-01T10:00:00Z,Open',
        'c1,2024-01-01T11:00:00Z,Completed-Cancelled',
        'c2,2024-01-01T10:00:00Z,Open',
      ].join('\n'),
    );
    const report = await run('csv', path, {
      source: 'ev-words',
      kind: 'events',
      columns: {},
      statusMap: { Open: 'open' },
      events: { caseId: 'case', at: 'at', status: 'activity' },
    });
    expect(report.quality.unknown_status).toBe(1);
    const c1 = await ticket('ev-words', 'c1');
    expect(c1?.status).toBeNull();
    expect(c1?.status_raw).toBe('Completed-Cancelled');
    expect(c1?.quality_flags).toContain('unknown_status');
  });
});

describe('item 12: resolution times invented by a fallback are flagged and kept out of KPIs', () => {
  it('flags an inferred resolution and one on a ticket still open; both engines leave them out unless asked', async () => {
    const path = write(
      'resolved.csv',
      [
        'number,state,updated,opened,resolved_at',
        // Resolved with the source's own timestamp: trusted.
        'INC1,New,1/1/2024 10:00,1/1/2024 10:00,1/1/2024 14:00',
        'INC1,Resolved,1/1/2024 14:00,1/1/2024 10:00,1/1/2024 14:00',
        // No resolved timestamp in the source: the fallback took the Resolved event (0 s after creation).
        'INC2,New,2/1/2024 10:00,2/1/2024 10:00,?',
        'INC2,Resolved,2/1/2024 10:00,2/1/2024 10:00,?',
        // Still new, yet a resolved timestamp.
        'INC3,New,3/1/2024 10:00,3/1/2024 10:00,3/1/2024 11:00',
      ].join('\n'),
    );
    const report = await run('csv', path, {
      source: 'resolved',
      kind: 'events',
      dateFormat: 'D/M/YYYY HH:mm',
      nullMarkers: ['', '?'],
      events: { caseId: 'number', at: 'updated', status: 'state' },
      columns: { createdAt: 'opened', solvedAt: 'resolved_at' },
      statusMap: { New: 'new', Resolved: 'solved' },
    });
    expect(report.quality.resolution_inferred).toBe(1);
    expect(report.quality.resolved_while_open).toBe(1);
    expect((await ticket('resolved', 'INC2'))?.quality_flags).toContain('resolution_inferred');
    expect((await ticket('resolved', 'INC3'))?.quality_flags).toContain('resolved_while_open');
    const scoped = adminScope(demo.app, demo.org);
    for (const engine of ['memory', 'sql'] as const) {
      const kpi = kpiServiceOf(demo.app.shoreline.ctx).withEngine(engine);
      const [trusted] = await kpi.kpis(scoped, 'none', { source: 'resolved' });
      expect(trusted!.resolution, engine).toMatchObject({ count: 1, medianSeconds: 4 * 3600 });
      const [all] = await kpi.kpis(scoped, 'none', { source: 'resolved', includeInferredResolutions: true });
      expect(all!.resolution.count, engine).toBe(3);
    }
  });
});

/** A zip archive of one member, deflated: local header, data, central directory, end record. */
function zipOf(name: string, content: Buffer): Buffer {
  const data = deflateRawSync(content);
  const crc = crc32(content);
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  central.writeUInt32LE(0, 42);
  const centralOffset = local.length + fileName.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

describe('item 13: compressed exports are read directly', () => {
  const csv = Buffer.from(
    `id,created\n${Array.from({ length: 300 }, (_, i) => `z${i},2024-01-01T10:00:00Z`).join('\n')}\n`,
  );
  const mapping = (source: string) => ({ source, columns: { externalId: 'id', createdAt: 'created' } });

  it('a .csv.gz file imports like the CSV', async () => {
    const report = await run('csv', write('tickets.csv.gz', gzipSync(csv)), mapping('gz'));
    expect(report).toMatchObject({ ticketsUpserted: 300, rowsRejected: 0 });
  });

  it('gzip is known by its magic bytes, whatever the name', async () => {
    const report = await run('csv', write('tickets-gz.csv', gzipSync(csv)), mapping('gz-magic'));
    expect(report.ticketsUpserted).toBe(300);
  });

  it('a zip with one member imports its member (NDJSON here)', async () => {
    const ndjson = Buffer.from(
      Array.from({ length: 40 }, (_, i) =>
        JSON.stringify({ externalId: `n${i}`, createdAt: '2024-01-01T10:00:00Z' }),
      ).join('\n'),
    );
    const report = await run('canonical', write('export.zip', zipOf('tickets.ndjson', ndjson)));
    expect(report.ticketsUpserted).toBe(40);
  });
});
