import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/seed.js';
import { fixedClock } from '../src/platform/clock.js';
import type { Auth, TestApp } from '../src/test-support/test-app.js';
import { testAppAround } from './app-around.js';

let t: TestApp;
const clock = fixedClock(new Date('2026-03-02T09:00:00Z'));
testAppAround({ demo: true, clock }, (app) => {
  t = app;
});

describe('sign-in and sessions', () => {
  it('sets a secure-by-default httpOnly session cookie and knows who signed in', async () => {
    const res = await t.request('/api/auth/login', {
      body: { email: DEMO_USERS.admin, password: DEMO_PASSWORD },
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^shoreline_session=shs_/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await t.request('/api/me', { auth: { cookie: cookie.split(';')[0]! } });
    expect(((await me.json()) as { email: string }).email).toBe(DEMO_USERS.admin);
  });

  it('answers the same for an unknown e-mail and a wrong password', async () => {
    const unknown = await t.request('/api/auth/login', {
      body: { email: 'nobody@x.example', password: 'whatever123' },
    });
    const wrong = await t.request('/api/auth/login', {
      body: { email: DEMO_USERS.agent, password: 'wrong-password' },
    });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(((await unknown.json()) as { code: string }).code).toBe('invalid_credentials');
    expect(((await wrong.json()) as { code: string }).code).toBe('invalid_credentials');
  });

  it('rate-limits repeated failures for one e-mail, then lets it in after the window', async () => {
    const email = DEMO_USERS.supervisor;
    for (let i = 0; i < 5; i++) {
      expect((await t.request('/api/auth/login', { body: { email, password: `nope-${i}` } })).status).toBe(
        401,
      );
    }
    const limited = await t.request('/api/auth/login', { body: { email, password: DEMO_PASSWORD } });
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { code: string }).code).toBe('rate_limited');
    clock.advance(16 * 60 * 1000);
    expect((await t.request('/api/auth/login', { body: { email, password: DEMO_PASSWORD } })).status).toBe(
      200,
    );
  });

  it('signs out everywhere: every session of the user ends, others keep theirs', async () => {
    const a = await t.login(DEMO_USERS.agent, DEMO_PASSWORD);
    const b = await t.login(DEMO_USERS.agent, DEMO_PASSWORD);
    const other = await t.login(DEMO_USERS.admin, DEMO_PASSWORD);
    expect((await t.request('/api/auth/logout-all', { method: 'POST', auth: a })).status).toBe(204);
    expect((await t.request('/api/me', { auth: a })).status).toBe(401);
    expect((await t.request('/api/me', { auth: b })).status).toBe(401);
    expect((await t.request('/api/me', { auth: other })).status).toBe(200);
  });

  it('expires idle sessions', async () => {
    const s = await t.login(DEMO_USERS.agent, DEMO_PASSWORD);
    expect((await t.request('/api/me', { auth: s })).status).toBe(200);
    clock.advance(4 * 24 * 3600 * 1000);
    expect((await t.request('/api/me', { auth: s })).status).toBe(401);
  });
});

describe('API tokens', () => {
  it('authenticate integrations until revoked; the secret is shown once', async () => {
    const admin = await t.login(DEMO_USERS.admin, DEMO_PASSWORD);
    const created = (await (
      await t.request('/api/tokens', { body: { name: 'BI export' }, auth: admin })
    ).json()) as {
      id: string;
      token: string;
    };
    expect(created.token).toMatch(/^shl_/);
    const list = await (await t.request('/api/tokens', { auth: admin })).text();
    expect(list).toContain(created.id);
    expect(list).not.toContain(created.token);
    expect((await t.request('/api/providers', { auth: { token: created.token } })).status).toBe(200);
    expect((await t.request(`/api/tokens/${created.id}`, { method: 'DELETE', auth: admin })).status).toBe(
      204,
    );
    expect((await t.request('/api/providers', { auth: { token: created.token } })).status).toBe(401);
  });
});

describe('invitations and deactivation', () => {
  /** Invites a user (POST /api/users) as `auth`, naming no provider. */
  const invite = (auth: Auth, user: { email: string; name: string; role: string }) =>
    t.request('/api/users', { body: { ...user, providerId: null }, auth });

  it('an invited user sets a password through the link, signs in, and is shut out once deactivated', async () => {
    const admin = await t.login(DEMO_USERS.admin, DEMO_PASSWORD);
    const invited = await invite(admin, {
      email: 'New.Agent@Northwind.example',
      name: 'New Agent',
      role: 'agent',
    });
    expect(invited.status).toBe(201);
    const { user, inviteUrl } = (await invited.json()) as {
      user: { id: string; status: string; email: string };
      inviteUrl: string;
    };
    expect(user.status).toBe('invited');
    expect(user.email).toBe('new.agent@northwind.example');
    const token = inviteUrl.split('/invite/')[1]!;
    // Invited users cannot sign in before accepting.
    expect(
      (await t.request('/api/auth/login', { body: { email: user.email, password: 'a-good-password' } }))
        .status,
    ).toBe(401);
    const short = await t.request('/api/auth/accept-invite', { body: { token, password: 'short' } });
    expect(((await short.json()) as { field: string }).field).toBe('password');
    const accepted = await t.request('/api/auth/accept-invite', {
      body: { token, password: 'a-good-password' },
    });
    expect(accepted.status).toBe(200);
    // The link works once.
    expect(
      (await t.request('/api/auth/accept-invite', { body: { token, password: 'another-password' } })).status,
    ).toBe(404);
    const session = await t.login(user.email, 'a-good-password');
    const apiToken = (await (
      await t.request('/api/tokens', { body: { name: 'mine' }, auth: session })
    ).json()) as { token: string };

    const off = await t.request(`/api/users/${user.id}`, {
      method: 'PATCH',
      body: { active: false },
      auth: admin,
    });
    expect(((await off.json()) as { status: string }).status).toBe('deactivated');
    expect((await t.request('/api/me', { auth: session })).status).toBe(401);
    expect((await t.request('/api/me', { auth: { token: apiToken.token } })).status).toBe(401);
    expect(
      (await t.request('/api/auth/login', { body: { email: user.email, password: 'a-good-password' } }))
        .status,
    ).toBe(401);
  });

  it('agents and supervisors cannot manage users; the refusal looks like not found', async () => {
    const agent = await t.login(DEMO_USERS.vendorAgent, DEMO_PASSWORD);
    const res = await invite(agent, { email: 'x@y.example', name: 'X', role: 'admin' });
    expect(res.status).toBe(404);
  });

  it('a vendor admin invites only into their own provider', async () => {
    const lead = await t.login(DEMO_USERS.vendorAdmin, DEMO_PASSWORD);
    const me = (await (await t.request('/api/me', { auth: lead })).json()) as { providerId: string };
    const res = await invite(lead, {
      email: 'riga.agent@balticcontact.example',
      name: 'Riga agent',
      role: 'agent',
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { user: { providerId: string } }).user.providerId).toBe(me.providerId);
  });

  it('remembers the interface language per user', async () => {
    const s = await t.login(DEMO_USERS.admin, DEMO_PASSWORD);
    await t.request('/api/me', { method: 'PATCH', body: { locale: 'he' }, auth: s });
    const again = await t.login(DEMO_USERS.admin, DEMO_PASSWORD);
    expect(((await (await t.request('/api/me', { auth: again })).json()) as { locale: string }).locale).toBe(
      'he',
    );
    const bad = await t.request('/api/me', { method: 'PATCH', body: { locale: 'xx' }, auth: s });
    expect(((await bad.json()) as { field: string }).field).toBe('locale');
  });
});
