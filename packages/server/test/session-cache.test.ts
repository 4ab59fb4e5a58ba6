import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/seed.js';
import { createShoreline, type Shoreline } from '../src/main.js';
import { SignInCache, signInCacheOf } from '../src/modules/identity/session-cache.js';
import { fixedClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config.js';
import { type Auth, startTestApp, type TestApp } from '../src/test-support/test-app.js';

// Signed-in requests resolve their session from a per-process cache (modules/identity/session-cache.ts).
// Two app instances on one database stand for two server processes: each has its own cache and its own
// listening connection, so the only way one learns of the other's sign-out is the signal the identity
// triggers send at commit. The clock is fixed, so a cached sign-in never expires by age here: what ends
// it in the other instance is the signal, never the cache's time bound.

let a: TestApp;
let b: Shoreline;
const clock = fixedClock(new Date('2026-03-02T09:00:00Z'));

beforeAll(async () => {
  a = await startTestApp({ demo: true, clock });
  const database = a.shoreline.ctx.database;
  b = await createShoreline(
    loadConfig({ SHORELINE_DATA_DIR: 'memory://', PUBLIC_URL: 'http://localhost:3000' }),
    {
      database: { ...database, close: async () => {} },
      clock,
      webDir: '/nonexistent',
    },
  );
  await b.ctx.events.start({ background: false });
}, 60_000);
afterAll(async () => {
  await b?.ctx.events.stop();
  await a?.close();
});

const onB = (path: string, auth: Auth, init: { method?: string } = {}) =>
  b.app.request(path, {
    method: init.method ?? 'GET',
    headers: 'cookie' in auth ? { cookie: auth.cookie } : {},
  });

/** Polls until `check` holds (the signal travels through PostgreSQL's NOTIFY); generous, not a speed test. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<boolean> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

describe('the sign-in cache across processes', () => {
  it('sign-out everywhere in one process ends the sessions another process has cached', async () => {
    const session = await a.login(DEMO_USERS.agent, DEMO_PASSWORD);
    const other = await a.login(DEMO_USERS.supervisor, DEMO_PASSWORD);
    // Both sessions work on B, which now holds them in its cache.
    expect((await onB('/api/me', session)).status).toBe(200);
    expect((await onB('/api/me', other)).status).toBe(200);
    expect(signInCacheOf(b.ctx).size).toBeGreaterThanOrEqual(2);

    expect((await a.request('/api/auth/logout-all', { method: 'POST', auth: session })).status).toBe(204);
    // In the process that signed out: at once.
    expect((await a.request('/api/me', { auth: session })).status).toBe(401);
    // In the other: as soon as the signal arrives.
    expect(await eventually(async () => (await onB('/api/me', session)).status === 401)).toBe(true);
    // Another user's session is untouched.
    expect((await onB('/api/me', other)).status).toBe(200);
  });

  it('a deactivated user is shut out of every process', async () => {
    const admin = await a.login(DEMO_USERS.admin, DEMO_PASSWORD);
    const users = (await (await a.request('/api/users', { auth: admin })).json()) as {
      items: { id: string; email: string }[];
    };
    const supervisor = users.items.find((u) => u.email === DEMO_USERS.supervisor)!;
    const session = await a.login(DEMO_USERS.supervisor, DEMO_PASSWORD);
    expect((await onB('/api/me', session)).status).toBe(200);
    const off = await a.request(`/api/users/${supervisor.id}`, {
      method: 'PATCH',
      body: { active: false },
      auth: admin,
    });
    expect(off.status).toBe(200);
    expect(await eventually(async () => (await onB('/api/me', session)).status === 401)).toBe(true);
  });

  it('a demotion reaches the other process: the old role stops working there', async () => {
    const admin = await a.login(DEMO_USERS.admin, DEMO_PASSWORD);
    const viaB = await a.login(DEMO_USERS.vendorAdmin, DEMO_PASSWORD);
    const roleOnB = async () => ((await (await onB('/api/me', viaB)).json()) as { role: string }).role;
    expect(await roleOnB()).toBe('admin');
    // Changed outside the API (an operator's SQL): the trigger still tells every process.
    await sql`update users set role = 'agent' where lower(email) = ${DEMO_USERS.vendorAdmin}`.execute(
      a.shoreline.ctx.db,
    );
    expect(await eventually(async () => (await roleOnB()) === 'agent')).toBe(true);
    expect((await a.request('/api/me', { auth: admin })).status).toBe(200);
  });

  it("a user's new name shows in the other process's /api/me (remembered like the sign-in)", async () => {
    const session = await a.login(DEMO_USERS.admin, DEMO_PASSWORD);
    const nameOnB = async () => ((await (await onB('/api/me', session)).json()) as { name: string }).name;
    await nameOnB();
    const renamed = await a.request('/api/me', {
      method: 'PATCH',
      body: { name: 'Renamed Admin' },
      auth: session,
    });
    expect(renamed.status).toBe(200);
    expect(((await (await a.request('/api/me', { auth: session })).json()) as { name: string }).name).toBe(
      'Renamed Admin',
    );
    expect(await eventually(async () => (await nameOnB()) === 'Renamed Admin')).toBe(true);
  });

  it('a session deleted by plain SQL stops working in every process', async () => {
    const session = await a.login(DEMO_USERS.agent, DEMO_PASSWORD);
    expect((await onB('/api/me', session)).status).toBe(200);
    expect((await a.request('/api/me', { auth: session })).status).toBe(200);
    await sql`delete from sessions where user_id = (select id from users where lower(email) = ${DEMO_USERS.agent})`.execute(
      a.shoreline.ctx.db,
    );
    expect(await eventually(async () => (await onB('/api/me', session)).status === 401)).toBe(true);
    expect(await eventually(async () => (await a.request('/api/me', { auth: session })).status === 401)).toBe(
      true,
    );
  });
});

describe('SignInCache', () => {
  const entry = (userId: string) => ({
    actor: { userId, organizationId: 'org_1', providerId: null, role: 'agent' as const },
    rowId: 'ses_1',
    expiresAt: new Date(10_000_000),
    lastSeenAt: new Date(0),
    fetchedAt: 1_000,
  });

  it('does not keep an answer read before an invalidation (it may predate the sign-out)', () => {
    const cache = new SignInCache(() => true, 5_000);
    const mark = cache.mark();
    cache.forgetUser('usr_1'); // arrives while the database read is under way
    cache.put('s:x', entry('usr_1'), mark);
    expect(cache.get('s:x', 1_001)).toBeUndefined();
  });

  it('serves nothing from memory while signals are not arriving, and nothing older than its bound', () => {
    let live = true;
    const cache = new SignInCache(() => live, 5_000);
    cache.put('s:x', entry('usr_1'), cache.mark());
    expect(cache.get('s:x', 1_001)?.actor.userId).toBe('usr_1');
    live = false;
    expect(cache.get('s:x', 1_001)).toBeUndefined();
    live = true;
    expect(cache.get('s:x', 6_000)).toBeUndefined();
  });

  it('forgets a user, everything on "*", and only what a signal names', () => {
    const cache = new SignInCache(() => true, 5_000);
    cache.put('s:x', entry('usr_1'), cache.mark());
    cache.put('t:y', entry('usr_1'), cache.mark());
    cache.put('s:z', entry('usr_2'), cache.mark());
    cache.onSignal('identity.user:usr_1');
    expect(cache.get('s:x', 1_001)).toBeUndefined();
    expect(cache.get('t:y', 1_001)).toBeUndefined();
    expect(cache.get('s:z', 1_001)?.actor.userId).toBe('usr_2');
    cache.onSignal('*');
    expect(cache.size).toBe(0);
  });
});
