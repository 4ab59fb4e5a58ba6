import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/seed.js';
import { startTestApp, type TestApp } from '../src/test-support/test-app.js';

/** Hardening #14 item 6: headers, sign-out from other sites, and cancelled invitations. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ demo: true });
}, 60_000);
afterAll(() => t?.close());

describe('response headers', () => {
  it('sends a strict Content-Security-Policy: scripts only from the app itself, no inline script', async () => {
    const csp = (await t.request('/healthz')).headers.get('content-security-policy') ?? '';
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp).not.toContain('unsafe-eval');
  });

  it('API answers and CSV downloads are not stored by caches', async () => {
    const admin = await t.login(DEMO_USERS.admin, DEMO_PASSWORD);
    for (const path of ['/api/me', '/api/users', '/api/insight/kpis?format=csv', '/api/nope']) {
      const res = await t.request(path, { auth: admin });
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
    expect((await t.request('/api/me')).headers.get('cache-control')).toBe('no-store');
  });
});

describe('sign-out from another site', () => {
  for (const path of ['/api/auth/logout', '/api/auth/logout-all']) {
    it(`${path} refuses a body-less cross-origin POST and keeps the session`, async () => {
      const s = await t.login(DEMO_USERS.agent, DEMO_PASSWORD);
      const forged = await t.request(path, {
        method: 'POST',
        auth: s,
        headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      });
      expect(forged.status).toBe(403);
      const noFetchMetadata = await t.request(path, {
        method: 'POST',
        auth: s,
        headers: { origin: 'https://evil.example' },
      });
      expect(noFetchMetadata.status).toBe(403);
      expect((await t.request('/api/me', { auth: s })).status).toBe(200);
      const own = await t.request(path, {
        method: 'POST',
        auth: s,
        headers: { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' },
      });
      expect(own.status).toBe(204);
      expect((await t.request('/api/me', { auth: s })).status).toBe(401);
    });
  }

  it('a client with no browser headers (an integration) still signs out', async () => {
    const s = await t.login(DEMO_USERS.agent, DEMO_PASSWORD);
    expect((await t.request('/api/auth/logout', { method: 'POST', auth: s })).status).toBe(204);
  });
});

describe('cancelled invitations', () => {
  it("a cancelled invitation's link does not work again after reactivation; the new link does", async () => {
    const admin = await t.login(DEMO_USERS.admin, DEMO_PASSWORD);
    const invited = (await (
      await t.request('/api/users', {
        body: { email: 'cancel.me@northwind.example', name: 'Cancel me', role: 'agent', providerId: null },
        auth: admin,
      })
    ).json()) as { user: { id: string }; inviteUrl: string };
    const oldToken = invited.inviteUrl.split('/invite/')[1]!;
    const patch = (active: boolean) =>
      t.request(`/api/users/${invited.user.id}`, { method: 'PATCH', body: { active }, auth: admin });
    expect((await patch(false)).status).toBe(200);
    const back = (await (await patch(true)).json()) as { status: string; inviteUrl?: string };
    expect(back.status).toBe('invited');
    const stale = await t.request('/api/auth/accept-invite', {
      body: { token: oldToken, password: 'a-good-long-password' },
    });
    expect(stale.status).toBe(404);
    expect(back.inviteUrl).toMatch(/\/invite\/inv_/);
    const fresh = await t.request('/api/auth/accept-invite', {
      body: { token: back.inviteUrl!.split('/invite/')[1]!, password: 'a-good-long-password' },
    });
    expect(fresh.status).toBe(200);
  });
});

describe('password policy', () => {
  it('an invitation cannot be accepted with a common or repetitive password; the error names the field', async () => {
    const admin = await t.login(DEMO_USERS.admin, DEMO_PASSWORD);
    const { inviteUrl } = (await (
      await t.request('/api/users', {
        body: { email: 'weak.pass@northwind.example', name: 'Weak', role: 'agent', providerId: null },
        auth: admin,
      })
    ).json()) as { inviteUrl: string };
    const token = inviteUrl.split('/invite/')[1]!;
    for (const password of ['aaaaaaaaaa', 'password123', '1234567890']) {
      const res = await t.request('/api/auth/accept-invite', { body: { token, password } });
      expect(res.status, password).toBe(400);
      const problem = (await res.json()) as { field: string; errors: { code: string }[] };
      expect(problem.field).toBe('password');
      expect(problem.errors[0]!.code).toBe('weak_password');
    }
  });
});
