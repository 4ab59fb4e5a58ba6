import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/seed.js';
import { fixedClock } from '../src/platform/clock.js';
import { type Auth, startTestApp, type TestApp } from '../src/test-support/test-app.js';

/** Hardening #14 item 6: API tokens expire, record their last use, and carry scopes. */
let t: TestApp;
let admin: Auth;
const clock = fixedClock(new Date('2026-03-02T09:00:00Z'));
beforeAll(async () => {
  t = await startTestApp({ demo: true, clock });
  admin = await t.login(DEMO_USERS.admin, DEMO_PASSWORD);
}, 60_000);
afterAll(() => t?.close());

interface Created {
  id: string;
  token: string;
  scopes: string[];
  expiresAt: string;
}
const create = async (body: object) => {
  const res = await t.request('/api/tokens', { body, auth: admin });
  expect(res.status).toBe(201);
  return (await res.json()) as Created;
};

describe('API token scopes', () => {
  it('a kpi:read token reads KPIs and nothing else', async () => {
    const { token, scopes } = await create({ name: 'BI', scopes: ['kpi:read'] });
    expect(scopes).toEqual(['kpi:read']);
    const auth = { token };
    expect((await t.request('/api/insight/kpis', { auth })).status).toBe(200);
    expect((await t.request('/api/insight/tickets?format=csv', { auth })).status).toBe(200);
    expect((await t.request('/api/me', { auth })).status).toBe(200);
    const refused = await t.request('/api/users', { auth });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { code: string }).code).toBe('forbidden');
    expect(
      (
        await t.request('/api/insight/imports', {
          body: { format: 'canonical', fileName: 'x.ndjson', content: '' },
          auth,
        })
      ).status,
    ).toBe(403);
    expect((await t.request('/api/tokens', { body: { name: 'escalate' }, auth })).status).toBe(403);
  });

  it('an import:write token imports and reads runs, but cannot manage users', async () => {
    const { token } = await create({ name: 'nightly import', scopes: ['import:write'] });
    const auth = { token };
    expect((await t.request('/api/insight/imports', { auth })).status).toBe(200);
    expect((await t.request('/api/insight/kpis', { auth })).status).toBe(403);
    expect((await t.request('/api/users', { auth })).status).toBe(403);
  });

  it('an unknown scope is refused naming the field', async () => {
    const res = await t.request('/api/tokens', { body: { name: 'x', scopes: ['root'] }, auth: admin });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { field: string }).field).toMatch(/^scopes/);
  });
});

describe('API token expiry and last use', () => {
  it('expires after its lifetime (90 days unless asked) and records when it was last used', async () => {
    const created = await create({ name: 'short-lived', scopes: ['admin'], expiresInDays: 7 });
    expect(created.expiresAt).toBe('2026-03-09T09:00:00.000Z');
    const standard = await create({ name: 'standard' });
    expect(standard.expiresAt).toBe('2026-05-31T09:00:00.000Z');
    expect(standard.scopes).toEqual(['admin']);
    clock.advance(3600_000);
    expect((await t.request('/api/providers', { auth: { token: created.token } })).status).toBe(200);
    const listed = (await (await t.request('/api/tokens', { auth: admin })).json()) as {
      items: { id: string; lastUsedAt: string | null; scopes: string[]; expiresAt: string }[];
    };
    const row = listed.items.find((x) => x.id === created.id)!;
    expect(row.lastUsedAt).toBe('2026-03-02T10:00:00.000Z');
    expect(row.scopes).toEqual(['admin']);
    clock.advance(7 * 24 * 3600_000);
    expect((await t.request('/api/providers', { auth: { token: created.token } })).status).toBe(401);
  });
});
