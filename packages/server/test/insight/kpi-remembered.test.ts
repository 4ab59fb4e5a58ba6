import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { type Auth, startTestApp, type TestApp } from '../../src/test-support/test-app.js';

// KPI tables are remembered per column version (kpi-columns/column-cache.ts `remember`): a repeat
// read is a lookup. What a user relies on: a new ticket shows in the very next read, and a renamed
// provider shows its new name at once, though neither recomputes anything the cache did not need to.

let t: TestApp;
let admin: Auth;

type Row = { key: string | null; label: string | null; tickets: number };
const table = async (query: string) =>
  ((await (await t.request(`/api/insight/kpis?${query}`, { auth: admin })).json()) as { rows: Row[] }).rows;

beforeAll(async () => {
  t = await startTestApp({ demo: true });
  admin = await t.login(DEMO_USERS.admin, DEMO_PASSWORD);
}, 60_000);
afterAll(() => t?.close());

describe('remembered KPI tables', () => {
  it('count a ticket written after the table was first read', async () => {
    const before = await table('groupBy=channel');
    expect(await table('groupBy=channel')).toEqual(before);
    const chat = before.find((r) => r.key === 'chat')?.tickets ?? 0;
    const created = await t.request('/api/tickets', {
      auth: admin,
      body: { subject: 'Hello', channel: 'chat' },
    });
    expect(created.status).toBe(201);
    const after = await table('groupBy=channel');
    expect(after.find((r) => r.key === 'chat')?.tickets).toBe(chat + 1);
  });

  it('answer each filter on its own (a remembered table is not another filter’s)', async () => {
    const all = await table('groupBy=none');
    const email = await table('groupBy=none&channel=email');
    const emailAgain = await table('groupBy=none&channel=email');
    expect(emailAgain).toEqual(email);
    expect(email[0]?.tickets ?? 0).toBeLessThanOrEqual(all[0]!.tickets);
    expect(await table('groupBy=none')).toEqual(all);
  });

  it('show a renamed provider under its new name at once', async () => {
    const teams = (
      (await (await t.request('/api/teams', { auth: admin })).json()) as {
        items: { id: string; providerId: string }[];
      }
    ).items;
    const { id: teamId, providerId: provider } = teams[0]!;
    const created = await t.request('/api/tickets', {
      auth: admin,
      body: { subject: 'Hi', channel: 'email', teamId },
    });
    expect(created.status).toBe(201);
    const first = await table('groupBy=provider');
    const renamed = await t.request(`/api/providers/${provider}`, {
      method: 'PATCH',
      auth: admin,
      body: { name: 'Renamed Again Ltd' },
    });
    expect(renamed.status).toBe(200);
    const second = await table('groupBy=provider');
    expect(second.map((r) => r.tickets)).toEqual(first.map((r) => r.tickets));
    expect(second.find((r) => r.key === provider)?.label).toBe('Renamed Again Ltd');
  });
});
