import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Auth, TestApp } from '../../src/test-support/test-app.js';
import { signedInAround } from '../app-around.js';

type Row = { key: string | null; tickets: number };

/**
 * Decision 0058: a remembered KPI table read the organization's ticket data version from the
 * database on every request, its last query. A server now remembers the version and forgets it when
 * tickets change: at once in the process that wrote them, and in every process by the NOTIFY of
 * `ticket_data_versions`' trigger at commit, also for plain SQL. The probe: with the trigger disabled
 * a change made in SQL (row and version) is not seen (before, it was: the version was read each time);
 * with the trigger enabled it is.
 */
describe('insight: the ticket data version is remembered and forgotten on change', () => {
  let t: TestApp;
  let admin: Auth;
  const chat = async () => {
    const res = await t.request('/api/insight/kpis?groupBy=channel', { auth: admin });
    const rows = ((await res.json()) as { rows: Row[] }).rows;
    return rows.find((r) => r.key === 'chat')?.tickets ?? 0;
  };

  signedInAround(
    ['admin'],
    {},
    async (app, auth) => {
      t = app;
      ({ admin } = auth);
      for (const subject of ['First by email', 'Second by email']) {
        const res = await t.request('/api/tickets', {
          auth: admin,
          body: { subject, channel: 'email', language: 'en' },
        });
        expect(res.status, await res.clone().text()).toBe(201);
      }
    },
    120_000,
  );

  it('serves the version from memory, forgets it on a write by API at once and by plain SQL through NOTIFY', async () => {
    const db = t.shoreline.ctx.db;
    // The signals of the writes above (seeding, the two tickets) may still be on their way, and one
    // arriving later would forget the version this test wants remembered: signals arrive in commit
    // order, so once a sentinel sent now is heard, every earlier one has been.
    const heard = new Promise<void>((done) =>
      t.shoreline.ctx.events.onSignal((signal) => {
        if (signal === 'test.sentinel') done();
      }),
    );
    await sql`select pg_notify('shoreline_signals', 'test.sentinel')`.execute(db);
    await heard;
    const before = await chat();
    const moved = async () => {
      const email = await db
        .selectFrom('tickets')
        .select(['id', 'organization_id'])
        .where('channel', '=', 'email')
        .limit(1)
        .executeTakeFirstOrThrow();
      await sql`update tickets set channel = 'chat' where id = ${email.id}`.execute(db);
      await sql`update ticket_data_versions set version = version + 1 where organization_id = ${email.organization_id}`.execute(
        db,
      );
    };

    // Remembered: a change whose version bump sends no signal is not seen.
    await sql`alter table ticket_data_versions disable trigger ticket_data_versions_signal`.execute(db);
    await moved();
    await sql`alter table ticket_data_versions enable trigger ticket_data_versions_signal`.execute(db);
    expect(await chat()).toBe(before);

    // A plain SQL change (another process, the CLI) reaches the memory by NOTIFY at commit.
    await moved();
    for (let i = 0; i < 200 && (await chat()) !== before + 2; i++)
      await new Promise((r) => setTimeout(r, 25));
    expect(await chat()).toBe(before + 2);

    // A ticket made through the API: the next request counts it, no signal needed.
    const res = await t.request('/api/tickets', {
      auth: admin,
      body: { subject: 'Counted at once', channel: 'chat', language: 'en' },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await chat()).toBe(before + 3);
  });
});
