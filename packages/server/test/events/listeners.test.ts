import fc from 'fast-check';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../src/main.js';
import { createOrganization } from '../../src/modules/identity/bootstrap.js';
import { fixedClock } from '../../src/platform/clock.js';
import { loadConfig } from '../../src/platform/config.js';
import type { Database } from '../../src/platform/db/connect.js';
import type { EventListener, StoredEvent } from '../../src/platform/events/index.js';
import {
  ensureCursor,
  MAX_LISTENER_ATTEMPTS,
  runListenerPass,
} from '../../src/platform/events/listener-runner.js';
import { pruneEvents } from '../../src/platform/events/retention.js';
import { databaseTargets } from '../../src/test-support/databases.js';
import { recordTestEvent, waitForOutboxHorizon } from '../../src/test-support/events.js';

const config = loadConfig({ SHORELINE_DATA_DIR: 'memory://' });

/** A listener that remembers what it was handed; `fail` decides per event whether to throw. */
function recorder(
  name: string,
  eventTypes: string[] = ['*'],
  fail: (e: StoredEvent) => boolean = () => false,
) {
  const seen: string[] = [];
  const listener: EventListener = {
    name,
    eventTypes,
    async handle(event, { tx }) {
      // A write in the handler's transaction: it must commit with the cursor, or not at all.
      await sql`select 1`.execute(tx);
      if (fail(event)) throw new Error(`refused ${event.subjectId}`);
      seen.push(event.subjectId);
    },
  };
  return { listener, seen };
}

for (const target of databaseTargets()) {
  describe(`event listeners on ${target.kind}`, () => {
    let database: Database;
    let org: string;
    const clock = fixedClock(new Date('2026-03-01T00:00:00Z'));
    const deps = { clock, config };
    const pass = async (l: EventListener) => {
      await waitForOutboxHorizon(database.db);
      return runListenerPass(database.db, l, deps);
    };
    const drain = async (l: EventListener) => {
      await waitForOutboxHorizon(database.db);
      while ((await pass(l)) === 'more') {}
    };
    const record = (subjectId: string, type = 'ticket.created') =>
      recordTestEvent(database.db, { organizationId: org, subjectId, type });

    beforeAll(async () => {
      database = await target.open();
      await runMigrations(database);
      org = (await createOrganization(database.db, clock, { name: 'Events Co' })).organizationId;
    });
    afterAll(async () => {
      await database?.close();
    });

    it('hands each event once, in order, only of the subscribed types, from where the listener started', async () => {
      await record('before-start');
      const { listener, seen } = recorder('test.order', ['ticket.created', 'ticket.assigned']);
      // A new cursor starts at the horizon: once it has passed an event, the listener never sees it.
      await waitForOutboxHorizon(database.db);
      await ensureCursor(database.db, listener.name);
      await record('a');
      await record('b', 'message.received');
      await record('c', 'ticket.assigned');
      await drain(listener);
      await drain(listener);
      expect(seen).toEqual(['a', 'c']);
      await record('d');
      await drain(listener);
      expect(seen).toEqual(['a', 'c', 'd']);
    });

    it('pages through more events than one batch', async () => {
      const { listener, seen } = recorder('test.pages');
      await ensureCursor(database.db, listener.name);
      const ids = Array.from({ length: 250 }, (_, i) => `p${i}`);
      await database.db.transaction().execute(async (tx) => {
        for (const id of ids)
          await sql`insert into domain_events (organization_id, type, subject_type, subject_id, occurred_at)
            values (${org}, 'ticket.created', 'ticket', ${id}, now())`.execute(tx);
      });
      await drain(listener);
      expect(seen).toEqual(ids);
    });

    it('retries a failing event with backoff, keeps the events after it waiting, and gives up after the limit', async () => {
      let failuresLeft = 2;
      const flaky = recorder('test.flaky', ['*'], (e) => e.subjectId === 'flaky' && failuresLeft-- > 0);
      await ensureCursor(database.db, flaky.listener.name);
      await record('flaky');
      await record('after-flaky');
      expect(await pass(flaky.listener)).toBe('waiting');
      expect(await pass(flaky.listener)).toBe('waiting'); // retry not due yet: nothing handled
      expect(flaky.seen).toEqual([]);
      clock.advance(1_000);
      expect(await pass(flaky.listener)).toBe('waiting'); // second failure, now waits 2 s
      clock.advance(2_000);
      await drain(flaky.listener);
      expect(flaky.seen).toEqual(['flaky', 'after-flaky']);

      const poison = recorder('test.poison', ['*'], (e) => e.subjectId === 'poison');
      await ensureCursor(database.db, poison.listener.name);
      await record('poison');
      await record('after-poison');
      for (let i = 0; i < MAX_LISTENER_ATTEMPTS; i++) {
        await pass(poison.listener);
        clock.advance(300_000);
      }
      expect(poison.seen).toEqual(['after-poison']);
      const failed = await sql<{ error: string }>`select error from event_listener_failures
        where listener = 'test.poison'`.execute(database.db);
      expect(failed.rows.map((r) => r.error)).toEqual(['refused poison']);
    });

    it('prunes only events past the retention age that every listener has read', async () => {
      const { listener } = recorder('test.prune');
      const lagging = recorder('test.lagging');
      await ensureCursor(database.db, listener.name);
      await ensureCursor(database.db, lagging.listener.name);
      await recordTestEvent(database.db, {
        organizationId: org,
        subjectId: 'old',
        occurredAt: new Date('2025-01-01T00:00:00Z'),
      });
      await record('recent');
      await drain(listener);
      const count = async (id: string) =>
        Number(
          (
            await sql<{
              n: number;
            }>`select count(*)::int as n from domain_events where subject_id = ${id}`.execute(database.db)
          ).rows[0]!.n,
        );
      const now = new Date('2026-01-02T00:00:00Z');
      await pruneEvents(database.db, now, 30, [listener.name, lagging.listener.name]);
      expect(await count('old')).toBe(1); // the lagging listener has not read it
      await drain(lagging.listener);
      await pruneEvents(database.db, now, 30, [listener.name, lagging.listener.name]);
      expect(await count('old')).toBe(0);
      expect(await count('recent')).toBe(1);
    });

    if (target.kind === 'postgres') {
      it('never skips an event whose transaction commits after a higher id was read (any interleaving)', async () => {
        const url = (database.pool as unknown as { options: { connectionString: string } }).options
          .connectionString;
        const clients = await Promise.all(
          [0, 1, 2].map(async () => {
            const c = new pg.Client({ connectionString: url });
            await c.connect();
            return c;
          }),
        );
        try {
          let run = 0;
          const step = fc.oneof(
            fc.record({ op: fc.constant('insert' as const), c: fc.integer({ min: 0, max: 2 }) }),
            fc.record({
              op: fc.constantFrom('commit' as const, 'rollback' as const),
              c: fc.integer({ min: 0, max: 2 }),
            }),
            fc.record({ op: fc.constant('read' as const), c: fc.constant(0) }),
          );
          await fc.assert(
            fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
              const { listener, seen } = recorder(`test.interleave.${run++}`);
              await ensureCursor(database.db, listener.name);
              const open = [false, false, false];
              const pending: string[][] = [[], [], []];
              const committed: string[] = [];
              let k = 0;
              for (const s of steps) {
                const client = clients[s.c]!;
                if (s.op === 'insert') {
                  if (!open[s.c]) {
                    await client.query('begin');
                    open[s.c] = true;
                  }
                  const id = `i${run}-${k++}`;
                  await client.query(
                    `insert into domain_events (organization_id, type, subject_type, subject_id, occurred_at)
                     values ($1, 'ticket.created', 'ticket', $2, now())`,
                    [org, id],
                  );
                  pending[s.c]!.push(id);
                } else if (s.op === 'commit' || s.op === 'rollback') {
                  if (!open[s.c]) continue;
                  await client.query(s.op);
                  open[s.c] = false;
                  if (s.op === 'commit') committed.push(...pending[s.c]!);
                  pending[s.c] = [];
                } else while ((await runListenerPass(database.db, listener, deps)) === 'more') {}
              }
              for (let c = 0; c < 3; c++)
                if (open[c]) {
                  await clients[c]!.query('commit');
                  committed.push(...pending[c]!);
                  pending[c] = [];
                  open[c] = false;
                }
              await drain(listener);
              expect([...seen].sort()).toEqual([...committed].sort());
            }),
            { numRuns: 25 },
          );
        } finally {
          for (const c of clients) await c.end();
        }
      });

      it('lets one process at a time work a listener: a second pass meanwhile is told busy', async () => {
        let release: () => void = () => {};
        const gate = new Promise<void>((r) => {
          release = r;
        });
        let entered: () => void = () => {};
        const inside = new Promise<void>((r) => {
          entered = r;
        });
        const slow: EventListener = {
          name: 'test.slow',
          eventTypes: ['*'],
          async handle() {
            entered();
            await gate;
          },
        };
        await ensureCursor(database.db, slow.name);
        await record('slow');
        const first = pass(slow);
        await inside;
        expect(await runListenerPass(database.db, slow, deps)).toBe('busy');
        release();
        expect(await first).toBe('idle');
      });
    }
  });
}
