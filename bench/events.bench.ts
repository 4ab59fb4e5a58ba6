// Domain-event consumers: outbox write, listener throughput, push fan-out, and commit-to-browser
// latency through NOTIFY. PGlite always; PostgreSQL too when DATABASE_URL is set.
// Run by bench/run.ts (node --import tsx --conditions=source): npm run bench -- events
import { sql } from 'kysely';
import { runMigrations } from '../packages/server/src/main.js';
import { createOrganization } from '../packages/server/src/modules/identity/bootstrap.js';
import { systemClock } from '../packages/server/src/platform/clock.js';
import { loadConfig } from '../packages/server/src/platform/config.js';
import { openEventBus } from '../packages/server/src/platform/events/bus.js';
import type { EventListener } from '../packages/server/src/platform/events/index.js';
import { ensureCursor, runListenerPass } from '../packages/server/src/platform/events/listener-runner.js';
import { PushHub } from '../packages/server/src/platform/events/push-hub.js';
import { databaseTargets } from '../packages/server/src/test-support/databases.js';
import { waitForOutboxHorizon } from '../packages/server/src/test-support/events.js';

const EVENTS = 5_000;
const SUBSCRIBERS = 100;
const config = loadConfig({ SHORELINE_DATA_DIR: 'memory://' });

for (const target of databaseTargets()) {
  const database = await target.open();
  await runMigrations(database);
  const db = database.db;
  const org = (await createOrganization(db, systemClock, { name: 'Bench' })).organizationId;
  const listener: EventListener = { name: 'bench.noop', eventTypes: ['*'], handle: async () => {} };
  await ensureCursor(db, listener.name);
  const hub = new PushHub(db, new Map([['ticket', () => true]]), SUBSCRIBERS);
  await hub.start();
  let pushed = 0;
  for (let i = 0; i < SUBSCRIBERS; i++)
    await hub.subscribe(
      { userId: `u${i}`, organizationId: org, providerId: null, role: 'agent' },
      undefined,
      () => {
        pushed++;
      },
      () => {},
    );

  let t0 = performance.now();
  for (let b = 0; b < EVENTS / 50; b++)
    await db.transaction().execute(async (tx) => {
      for (let i = 0; i < 50; i++)
        await sql`insert into domain_events (organization_id, type, subject_type, subject_id, occurred_at)
          values (${org}, 'ticket.created', 'ticket', ${`tkt_${b}_${i}`}, now())`.execute(tx);
    });
  const writeMs = performance.now() - t0;
  await waitForOutboxHorizon(db);

  t0 = performance.now();
  while ((await runListenerPass(db, listener, { clock: systemClock, config })) === 'more') {}
  const listenMs = performance.now() - t0;

  t0 = performance.now();
  await hub.wake();
  const pushMs = performance.now() - t0;

  // Commit → a NOTIFY wake-up → the hub has read and fanned out the event (one subscriber counted).
  const bus = await openEventBus(database);
  const latencies: number[] = [];
  for (let i = 0; i < 30; i++) {
    const before = pushed;
    const start = performance.now();
    const woke = new Promise<void>((resolve) => {
      bus.onWake(() => void hub.wake().then(() => pushed > before && resolve()));
    });
    await sql`insert into domain_events (organization_id, type, subject_type, subject_id, occurred_at)
      values (${org}, 'ticket.created', 'ticket', ${`lat_${i}`}, now())`.execute(db);
    await woke;
    latencies.push(performance.now() - start);
  }
  await bus.close();
  latencies.sort((a, b) => a - b);
  const rate = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en');
  console.log(
    `${target.kind}: write ${rate(EVENTS, writeMs)} events/s (50 per transaction); ` +
      `listener ${rate(EVENTS, listenMs)} events/s (no-op handler, savepoint each); ` +
      `push fan-out ${rate(EVENTS * SUBSCRIBERS, pushMs)} messages/s to ${SUBSCRIBERS} subscribers; ` +
      `commit→pushed median ${latencies[15]!.toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`,
  );
  await database.close();
}
