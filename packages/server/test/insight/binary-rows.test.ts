import { blankTicket, type FinalTicket } from '@shoreline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBatch } from '../../src/modules/insight/import/write-batch.js';
import { BatchBuilder, type PlacedTicket } from '../../src/modules/tickets/bulk/batch-builder.js';
import { inCopyTransaction } from '../../src/modules/tickets/bulk/copy-transaction.js';
import { readBinaryCopy } from '../../src/platform/db/binary-copy-reader.js';
import { startTestApp, type TestApp } from '../../src/test-support/test-app.js';
import { demoOrganizationId } from './support.js';

/**
 * The tickets' binary COPY rows (BatchBuilder, binary-rows.ts) against an independent path: the same
 * values written by a parameterised INSERT, PostgreSQL parsing them itself. Every column must read
 * back identically, on PGlite and on PostgreSQL.
 */
describe('binary COPY rows of tickets round-trip exactly', () => {
  let app: TestApp;
  let org: string;
  const runId = 'run_binary_rows_test';
  const now = new Date(Date.UTC(2025, 5, 30, 12, 34, 56, 789));
  const nasty = 'tab\there\nnewline\r\nCR \\N back\\slash "quoted" {brace,comma} \u0000'.replace(
    '\u0000',
    '',
  );

  const full = (externalId: string): FinalTicket => ({
    ...blankTicket(externalId),
    source: 'binarytest',
    number: '#42',
    subject: `şehir 🚀 שלום ${nasty}`,
    description: `${'long ascii text '.repeat(8)}then ünïcödé ${'x'.repeat(100)} ${nasty}`,
    status: 'open',
    statusRaw: 'Open\t(raw)',
    priority: 'high',
    channel: 'email',
    language: 'tr',
    topic: 'billing',
    tags: ['a,b', 'with "quote"', 'back\\slash', 'NULL', '', 'ünï', 'tab\tnew\nline', '{x}'],
    requester: 'requester@example.com',
    assignee: 'Ağent Ōne',
    group: 'Level\\2',
    supportLine: 'L2',
    createdAt: new Date(-1), // 1969-12-31T23:59:59.999Z
    firstResponseAt: new Date('0001-01-01T00:00:00.001Z'),
    solvedAt: new Date(8.64e15), // Date's last instant, 275760-09-13
    closedAt: new Date(9_000_000_000_123), // µs beyond 2^53
    reopenedAt: new Date('1901-12-13T20:45:52.123Z'),
    reopenCount: 2_147_483_647,
    handoffCount: 3,
    firstResponseSeconds: -3_600,
    resolutionSeconds: -2_147_483_648,
    firstResponseBusinessSeconds: 0,
    resolutionBusinessSeconds: 12_345,
    slaBreached: true,
    csat: { score: 4.7, scale: '1-5' },
    csatNormalised: 0.1 + 0.2,
    callWaitSeconds: -1,
    callHandleSeconds: 90,
    abandoned: false,
    custom: { ключ: 'значение\t\n\\"', plain: 'x', empty: '' },
    messages: [
      {
        externalId: 'm1',
        authorType: 'agent',
        authorId: 'a1',
        public: true,
        body: 'hello\tthere',
        createdAt: new Date(-1),
      },
    ],
    events: [],
    qualityFlags: ['solved_without_solved_at', 'missing_created_at'],
  });

  const empty = (externalId: string): FinalTicket => ({
    ...blankTicket(externalId),
    source: 'binarytest',
    firstResponseSeconds: null,
    resolutionSeconds: null,
    firstResponseBusinessSeconds: null,
    resolutionBusinessSeconds: null,
    csatNormalised: null,
    qualityFlags: [],
  });

  const tickets = [full('full'), empty('empty'), { ...full('mixed'), tags: [], custom: {}, subject: '' }];

  /** The same ticket through a parameterised INSERT (timestamps as exact microsecond offsets). */
  async function insertOracle(t: FinalTicket, externalId: string): Promise<void> {
    const us = (d: Date | null) =>
      d === null ? null : (BigInt(d.getTime()) * 1000n - 946_684_800_000_000n).toString();
    const ts = (n: number) =>
      `case when $${n}::text is null then null else '2000-01-01Z'::timestamptz + $${n}::bigint * interval '1 microsecond' end`;
    await inCopyTransaction(app.shoreline.ctx.database, async (tx) => {
      await tx.query(
        `insert into tickets (id, organization_id, provider_id, team_id, source, external_id, number, subject, description,
          channel, status, status_raw, priority, language, topic, tags, requester, assignee, source_group, support_line,
          created_at, first_response_at, solved_at, closed_at, reopened_at, reopen_count, handoff_count,
          first_response_seconds, resolution_seconds, first_response_business_seconds, resolution_business_seconds,
          sla_breached, csat_score, csat_scale, csat_normalised, call_wait_seconds, call_handle_seconds, abandoned,
          quality_flags, custom, import_run_id, imported_at)
         values ($1, $2, null, null, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::text[], $15, $16, $17, $18,
          ${ts(19)}, ${ts(20)}, ${ts(21)}, ${ts(22)}, ${ts(23)}, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35,
          $36, $37::text[], $38::jsonb, $39, ${ts(40)})`,
        [
          `tkt_oracle_${externalId}`,
          org,
          t.source,
          externalId,
          t.number,
          t.subject,
          t.description,
          t.channel,
          t.status,
          t.statusRaw,
          t.priority,
          t.language,
          t.topic,
          t.tags,
          t.requester,
          t.assignee,
          t.group,
          t.supportLine,
          us(t.createdAt),
          us(t.firstResponseAt),
          us(t.solvedAt),
          us(t.closedAt),
          us(t.reopenedAt),
          t.reopenCount,
          t.handoffCount,
          t.firstResponseSeconds,
          t.resolutionSeconds,
          t.firstResponseBusinessSeconds,
          t.resolutionBusinessSeconds,
          t.slaBreached,
          t.csat?.score ?? null,
          t.csat?.scale ?? null,
          t.csatNormalised,
          t.callWaitSeconds,
          t.callHandleSeconds,
          t.abandoned,
          t.qualityFlags,
          JSON.stringify(t.custom),
          runId,
          us(now),
        ],
      );
    });
  }

  /**
   * Every column but the id, the external id and the search vector (filled after an import by the
   * tickets.index_search job, decision 0020), as PostgreSQL's text output (exact for doubles since PG 12).
   */
  async function readBack(externalId: string): Promise<Record<string, unknown>> {
    const rows = await inCopyTransaction(app.shoreline.ctx.database, (tx) =>
      tx.query<{ j: string }>(
        `select (to_jsonb(t) - 'id' - 'external_id' - 'search')::text as j,
           (extract(epoch from created_at) * 1000)::bigint::text as created_ms,
           csat_normalised::text as csat_normalised_text
         from tickets t where organization_id = $1 and source = 'binarytest' and external_id = $2`,
        [org, externalId],
      ),
    );
    expect(rows).toHaveLength(1);
    return rows[0]!;
  }

  beforeAll(async () => {
    app = await startTestApp({ demo: true });
    org = await demoOrganizationId(app);
  });
  afterAll(async () => {
    await app.close();
  });

  const place = (ticket: FinalTicket): PlacedTicket => ({
    ticket,
    source: 'binarytest',
    providerId: null,
    teamId: null,
  });

  const batch = (builder: BatchBuilder, tryDirect: boolean) => ({
    organizationId: org,
    runId,
    file: 'binary-rows.test',
    prepared: builder.take(),
    rejects: [],
    checkpoint: {
      committedUnits: 0,
      bytesDone: 0,
      recordsRead: 0,
      ticketsUpserted: 0,
      rowsRejected: 0,
      quality: {},
    },
    rejectRepeatedCases: false,
    tryDirect,
  });

  it('the rows are well-formed binary COPY with the ticket columns', async () => {
    const builder = new BatchBuilder(org, runId, () => now);
    for (const t of tickets) builder.add(place(t));
    const prepared = builder.take();
    const { BINARY_COPY_HEADER, BINARY_COPY_TRAILER } = await import(
      '../../src/modules/tickets/bulk/binary-rows.js'
    );
    async function* chunks() {
      yield BINARY_COPY_HEADER;
      for (const b of prepared.ticketRows) yield* [b.subarray(0, 7), b.subarray(7)];
      yield BINARY_COPY_TRAILER;
    }
    const subjects: (string | null)[] = [];
    const rows = await readBinaryCopy(chunks(), 42, (buf, _view, start, length) => {
      subjects.push(length[7]! < 0 ? null : buf.toString('utf8', start[7]!, start[7]! + length[7]!));
    });
    expect(rows).toBe(3);
    // Sorted by creation time: the two created at −1 ms in add order, the one without last.
    expect(subjects).toEqual([tickets[0]!.subject, '', null]);
  });

  for (const direct of [true, false]) {
    it(`matches a parameterised INSERT (${direct ? 'direct COPY' : 'staging table and upsert'})`, async () => {
      const suffix = direct ? 'direct' : 'upsert';
      const builder = new BatchBuilder(org, runId, () => now);
      for (const t of tickets) builder.add(place({ ...t, externalId: `${t.externalId}-${suffix}` }));
      const result = await writeBatch(app.shoreline.ctx.database, batch(builder, direct));
      expect(result.direct).toBe(direct);
      for (const t of tickets) {
        await insertOracle(t, `${t.externalId}-oracle-${suffix}`);
        const got = await readBack(`${t.externalId}-${suffix}`);
        const want = await readBack(`${t.externalId}-oracle-${suffix}`);
        expect(got).toEqual(want);
      }
      const full = JSON.parse(((await readBack(`full-${suffix}`)) as { j: string }).j);
      expect(full.subject).toBe(tickets[0]!.subject);
      expect(full.description).toBe(tickets[0]!.description);
      expect(full.tags).toEqual(tickets[0]!.tags);
      expect(full.custom).toEqual(tickets[0]!.custom);
      expect(full.csat_score).toBe(4.7);
      expect(full.csat_normalised).toBe(0.1 + 0.2);
      expect(full.resolution_seconds).toBe(-2_147_483_648);
      expect(((await readBack(`full-${suffix}`)) as { created_ms: string }).created_ms).toBe('-1');
      const mixed = JSON.parse(((await readBack(`mixed-${suffix}`)) as { j: string }).j);
      expect(mixed.tags).toEqual([]);
      expect(mixed.custom).toEqual({});
      expect(mixed.subject).toBe('');
      const empty = JSON.parse(((await readBack(`empty-${suffix}`)) as { j: string }).j);
      expect(empty.created_at).toBeNull();
      expect(empty.subject).toBeNull();
      expect(empty.quality_flags).toEqual([]);
    });
  }

  it('a second write of the same tickets clashes and is upserted, with the same values', async () => {
    const builder = new BatchBuilder(org, runId, () => now);
    for (const t of tickets) builder.add(place({ ...t, externalId: `${t.externalId}-direct` }));
    const result = await writeBatch(app.shoreline.ctx.database, batch(builder, true));
    expect(result.direct).toBe(false);
    for (const t of tickets)
      expect(await readBack(`${t.externalId}-direct`)).toEqual(
        await readBack(`${t.externalId}-oracle-direct`),
      );
  });

  it('refuses a non-integer for an integer column, as the text format did', () => {
    const builder = new BatchBuilder(org, runId, () => now);
    expect(() => builder.add(place({ ...empty('bad'), reopenCount: 1.5 }))).toThrow(
      /reopen_count: 1.5 is not a 32-bit integer/,
    );
    expect(() => builder.add(place({ ...empty('big'), callWaitSeconds: 2 ** 31 }))).toThrow(
      /call_wait_seconds: 2147483648 is not/,
    );
    expect(builder.size).toBe(0);
  });
});
