import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { ANCHOR_SIGNATURE_HEADER, anchorSignature, readAnchors } from '../../src/modules/audit/anchors.js';
import { GENESIS, recordHash, storedContent } from '../../src/modules/audit/chain.js';
import { appendAudit } from '../../src/modules/audit/index.js';
import { appendOnlyTrigger } from '../../src/modules/audit/service.js';
import { fixedClock } from '../../src/platform/clock.js';
import { systemActor } from '../../src/platform/scope.js';
import { type Auth, startTestApp, type TestApp } from '../../src/test-support/test-app.js';

const SECRET = 'anchor-secret-for-the-test';
const HOUR = 3_600_000;

/**
 * Anchors outside the database (decision 0039): the hourly job writes each organization's chain head
 * to a directory and to a signed webhook; verify checks the log against them and finds a rewrite of
 * the whole chain and its head, which the chain alone cannot see.
 */
describe('audit anchors outside the database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shoreline-anchors-'));
  const clock = fixedClock(new Date('2026-12-03T09:00:00Z'));
  const received: { body: string; signature: string }[] = [];
  let sink: Server;
  let app: TestApp;
  let admin: Auth;
  let organizationId = '';

  const append = async (n: number) => {
    for (let i = 0; i < n; i++) {
      clock.advance(1000);
      await appendAudit(app.shoreline.ctx.scope(systemActor('test', organizationId)), clock, {
        action: 'contract.applied',
        subjectType: 'contract',
        subjectId: `ctr_${i}`,
        payload: { n: i },
      });
    }
  };
  /** Schedules the next occurrences, moves an hour on and runs what is due: the anchor job among others. */
  const nextHour = async () => {
    await app.shoreline.jobs.runDueJobs();
    clock.advance(HOUR);
    await app.shoreline.jobs.runDueJobs();
  };
  const verify = async () => (await app.request('/api/audit/verify', { auth: admin })).json();
  const tamper = async (statements: string[]) => {
    const db = app.shoreline.ctx.db;
    await appendOnlyTrigger(false).execute(db);
    for (const s of statements) await sql.raw(s).execute(db);
    await appendOnlyTrigger(true).execute(db);
  };

  beforeAll(async () => {
    sink = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ body, signature: String(req.headers[ANCHOR_SIGNATURE_HEADER]) });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
    app = await startTestApp({
      demo: true,
      clock,
      env: {
        SHORELINE_AUDIT_ANCHOR_DIR: dir,
        SHORELINE_AUDIT_ANCHOR_URL: `http://127.0.0.1:${(sink.address() as AddressInfo).port}/anchors`,
        SHORELINE_AUDIT_ANCHOR_SECRET: SECRET,
      },
    });
    admin = await app.login(DEMO_USERS.admin, DEMO_PASSWORD);
    organizationId = (
      await app.shoreline.ctx.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => {
    await app.close();
    sink.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the head every hour to the directory and to the webhook, signed', async () => {
    await append(5);
    const head = async () =>
      app.shoreline.ctx.db
        .selectFrom('audit_heads')
        .select(['seq', 'hash'])
        .where('organization_id', '=', organizationId)
        .executeTakeFirstOrThrow();
    const first = await head();
    await nextHour();
    await append(5);
    const second = await head();
    await nextHour();
    // An hour with nothing appended writes no new anchor.
    await nextHour();
    const anchors = await readAnchors(dir, organizationId);
    expect(anchors.map((a) => [a.seq, a.hash])).toEqual([
      [Number(first.seq), first.hash],
      [Number(second.seq), second.hash],
    ]);
    expect(anchors[0]!.at).toBe('2026-12-03T10:00:05.000Z');
    const posted = received.flatMap((r) => JSON.parse(r.body).anchors);
    expect(posted.filter((a: { organizationId: string }) => a.organizationId === organizationId)).toEqual(
      anchors,
    );
    for (const r of received) expect(r.signature).toBe(anchorSignature(SECRET, r.body));
    expect(
      readFileSync(join(dir, `${organizationId}.ndjson`), 'utf8')
        .trim()
        .split('\n'),
    ).toHaveLength(2);
    expect(await verify()).toMatchObject({
      ok: true,
      chain: { ok: true },
      anchors: { ok: true, anchors: 2, problem: null },
    });
  });

  it('finds a log cut short below its last anchor', async () => {
    const [, last] = await readAnchors(dir, organizationId);
    const keep = last!.seq - 3;
    await tamper([
      `delete from audit_log where organization_id = '${organizationId}' and seq > ${keep}`,
      `update audit_heads set seq = ${keep}, hash = (select hash from audit_log where organization_id = '${organizationId}' and seq = ${keep}) where organization_id = '${organizationId}'`,
    ]);
    const result = await verify();
    // The chain alone is consistent (head moved too); the last anchor names a record that is gone.
    expect(result.chain).toMatchObject({ ok: true });
    expect(result.anchors.problem).toMatchObject({ kind: 'truncated', seq: last!.seq, after: keep - 2 });
    // Only administrators may check the log.
    const agent = await app.login(DEMO_USERS.agent, DEMO_PASSWORD);
    expect((await app.request('/api/audit/verify', { auth: agent })).status).toBe(404);
  });
  it('finds a chain rewritten with its head (invisible to the chain alone) and names where', async () => {
    // The attacker rewrites records 3–10 with new content and consistent hashes, and moves the head.
    const rows = await app.shoreline.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .orderBy('seq')
      .execute();
    const statements: string[] = [];
    let prev = rows.find((r) => Number(r.seq) === 2)?.hash ?? GENESIS;
    for (const r of rows.filter((x) => Number(x.seq) >= 3)) {
      const content = { ...storedContent(r), payload: { n: 'forged' } };
      const hash = recordHash(prev, content);
      statements.push(
        `update audit_log set payload = '{"n":"forged"}', prev_hash = '${prev}', hash = '${hash}' where organization_id = '${organizationId}' and seq = ${r.seq}`,
      );
      prev = hash;
    }
    statements.push(`update audit_heads set hash = '${prev}' where organization_id = '${organizationId}'`);
    await tamper(statements);
    const result = await verify();
    expect(result.chain).toMatchObject({ ok: true });
    expect(result.ok).toBe(false);
    // The first anchor (the head after the first five records) no longer matches: the break is before it.
    const [first] = await readAnchors(dir, organizationId);
    expect(result.anchors.problem).toMatchObject({ kind: 'rewritten', seq: first!.seq, after: 0 });
    expect(result.anchors.problem.message).toContain(`record ${first!.seq} differs from its anchor`);
  });
});
