import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Auth, TestApp } from '../src/test-support/test-app.js';
import { signedInAround } from './app-around.js';

type Row = { key: string | null; label: string | null; tickets: number };

/**
 * Hardening #14 item 15 (the provider KPI table under load): the directory of providers and teams
 * was read from the database on every KPI request. A server now remembers it per organization and
 * forgets it when providers or teams change — at once in the process that changed them, and in
 * every process by the triggers' NOTIFY on shoreline_signals, also for plain SQL. The probe: with
 * the trigger disabled, a rename in SQL is not seen (before the fix it was, since nothing was
 * remembered); with it enabled, it is.
 */
describe('identity: the directory is remembered per organization and forgotten on change', () => {
  let t: TestApp;
  let admin: Auth;
  let vendorAgent: Auth;
  const providerTable = async (auth: Auth) =>
    ((await (await t.request('/api/insight/kpis?groupBy=provider', { auth })).json()) as { rows: Row[] })
      .rows;
  const label = async (id: string) => (await providerTable(admin)).find((r) => r.key === id)?.label;

  signedInAround(
    ['admin', 'vendorAgent'],
    {},
    async (app, auth) => {
      t = app;
      ({ admin, vendorAgent } = auth);
      const teams = (
        (await (await t.request('/api/teams', { auth: admin })).json()) as {
          items: { id: string; name: string }[];
        }
      ).items;
      for (const team of teams) {
        const res = await t.request('/api/tickets', {
          auth: admin,
          body: { subject: `For ${team.name}`, channel: 'email', language: 'en', teamId: team.id },
        });
        expect(res.status, await res.clone().text()).toBe(201);
      }
    },
    120_000,
  );

  it('serves names from memory, forgets them on a change by API at once and by plain SQL through NOTIFY', async () => {
    const db = t.shoreline.ctx.db;
    const manila = await db
      .selectFrom('providers')
      .select(['id', 'name'])
      .where('name', '=', 'Manila CX')
      .executeTakeFirstOrThrow();
    expect(await label(manila.id)).toBe('Manila CX');

    // Remembered: a rename that sends no signal is not seen.
    await sql`alter table providers disable trigger providers_directory_signal`.execute(db);
    await sql`update providers set name = 'Manila Silent' where id = ${manila.id}`.execute(db);
    await sql`alter table providers enable trigger providers_directory_signal`.execute(db);
    expect(await label(manila.id)).toBe('Manila CX');

    // A plain SQL change (another process, the CLI) reaches the cache by NOTIFY at commit.
    await sql`update providers set name = 'Manila Signalled' where id = ${manila.id}`.execute(db);
    for (let i = 0; i < 200 && (await label(manila.id)) !== 'Manila Signalled'; i++)
      await new Promise((r) => setTimeout(r, 25));
    expect(await label(manila.id)).toBe('Manila Signalled');

    // A change through the API: the next request sees it, no signal needed.
    const patched = await t.request(`/api/providers/${manila.id}`, {
      method: 'PATCH',
      auth: admin,
      body: { name: 'Manila CX' },
    });
    expect(patched.status).toBe(200);
    expect(await label(manila.id)).toBe('Manila CX');

    // The writer forgets at once, without the signal: a team renamed through the API with its trigger
    // off (so no NOTIFY comes) is seen by the next request. (Team updates were not forgotten by their
    // writer: on PostgreSQL a saved plan's default zone read the old team until the signal came.)
    const teamLabel = async (id: string) =>
      (
        (await (await t.request('/api/insight/kpis?groupBy=team', { auth: admin })).json()) as { rows: Row[] }
      ).rows.find((r) => r.key === id)?.label;
    const team = await db
      .selectFrom('teams')
      .select(['id', 'name'])
      .orderBy('name')
      .executeTakeFirstOrThrow();
    expect(await teamLabel(team.id)).toBe(team.name);
    await sql`alter table teams disable trigger teams_directory_signal`.execute(db);
    try {
      const renamed = await t.request(`/api/teams/${team.id}`, {
        method: 'PATCH',
        auth: admin,
        body: { name: `${team.name} (renamed)` },
      });
      expect(renamed.status).toBe(200);
    } finally {
      await sql`alter table teams enable trigger teams_directory_signal`.execute(db);
    }
    expect(await teamLabel(team.id)).toBe(`${team.name} (renamed)`);

    // Vendor staff still see only their provider, from the same remembered directory.
    const vendorRows = await providerTable(vendorAgent);
    expect(vendorRows.map((r) => r.key)).toEqual([manila.id]);
  });
});
