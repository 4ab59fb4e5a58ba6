import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Shoreline } from '../../src/main.js';
import { appendAudit, verifyAudit } from '../../src/modules/audit/index.js';
import { appendOnlyTrigger } from '../../src/modules/audit/service.js';
import { fixedClock } from '../../src/platform/clock.js';
import type { Actor } from '../../src/platform/scope.js';
import { databaseTargets } from '../../src/test-support/databases.js';
import { startDemoShoreline } from '../../src/test-support/demo-shoreline.js';

/**
 * `shoreline audit verify` (verifyAudit) against a log edited directly in the table, as an attacker
 * with the table owner's rights would: the append-only trigger is switched off first, since the
 * application's own UPDATE or DELETE is refused.
 */
describe.each(databaseTargets())('audit log on $kind', (target) => {
  let shoreline: Shoreline;
  let actors: Record<string, Actor>;
  const clock = fixedClock(new Date('2026-12-03T09:00:00Z'));
  const admin = () => shoreline.ctx.scope(actors.admin!);
  const db = () => shoreline.ctx.db;

  beforeAll(async () => {
    ({ shoreline, actors } = await startDemoShoreline(target, clock));
  });
  afterAll(() => shoreline.close());

  beforeEach(async () => {
    await appendOnlyTrigger(false).execute(db());
    await db().deleteFrom('audit_log').execute();
    await db().deleteFrom('audit_heads').execute();
    await appendOnlyTrigger(true).execute(db());
    for (let i = 1; i <= 10; i++) {
      clock.advance(1000);
      await appendAudit(admin(), clock, {
        action: 'contract.applied',
        subjectType: 'contract',
        subjectId: `ctr_${i}`,
        providerId: i % 2 ? 'prv_a' : null,
        payload: { version: i, reason: `change ${i}`, nested: { b: 2, a: [1, 'x'] } },
      });
    }
  });

  const tamper = async (statement: string) => {
    await appendOnlyTrigger(false).execute(db());
    await sql.raw(statement).execute(db());
    await appendOnlyTrigger(true).execute(db());
  };

  it('passes on an untouched log', async () => {
    expect(await verifyAudit(admin())).toEqual({ ok: true, records: 10, problem: null });
  });

  it('refuses UPDATE and DELETE for the application (append-only)', async () => {
    await expect(sql`update audit_log set action = 'x' where seq = 3`.execute(db())).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log where seq = 3`.execute(db())).rejects.toThrow(/append-only/);
  });

  it('names an edited record', async () => {
    await tamper(`update audit_log set payload = '{"version": 99}' where seq = 4`);
    expect((await verifyAudit(admin())).problem).toMatchObject({ kind: 'altered', seq: 4 });
  });

  it('names an edited record whose hash was recomputed (the next link breaks)', async () => {
    // The attacker rewrites record 4's hash too: record 4 checks, record 5 no longer follows it.
    await tamper(`update audit_log set hash = repeat('a', 64), prev_hash = prev_hash where seq = 4`);
    const result = await verifyAudit(admin());
    expect(result.ok).toBe(false);
    expect(result.problem?.seq).toBe(4);
  });

  it('names a deleted record, also when the records after it are renumbered', async () => {
    await tamper('delete from audit_log where seq = 6');
    expect((await verifyAudit(admin())).problem).toMatchObject({ kind: 'removed', seq: 6 });
    await tamper('update audit_log set seq = -seq where seq > 6');
    await tamper('update audit_log set seq = -seq - 1 where seq < 0');
    expect((await verifyAudit(admin())).problem).toMatchObject({ kind: 'removed', seq: 6 });
  });

  it('names a cut tail against the head', async () => {
    await tamper('delete from audit_log where seq >= 9');
    expect((await verifyAudit(admin())).problem).toMatchObject({ kind: 'removed', seq: 9 });
  });

  it('names a reordered record (two records swap places)', async () => {
    await tamper('update audit_log set seq = -1 where seq = 5');
    await tamper('update audit_log set seq = 5 where seq = 6');
    await tamper('update audit_log set seq = 6 where seq = -1');
    expect((await verifyAudit(admin())).problem).toMatchObject({ kind: 'reordered', seq: 5 });
  });

  it('is for administrators only: vendor staff and agents get not found', async () => {
    await expect(verifyAudit(shoreline.ctx.scope(actors.vendorAdmin!))).rejects.toThrow();
  });
});
