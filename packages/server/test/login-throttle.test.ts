import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/seed.js';
import { ACCOUNT_RULE } from '../src/modules/identity/login-throttle.js';
import { fixedClock } from '../src/platform/clock.js';
import { databaseTargets } from '../src/test-support/databases.js';
import type { TestApp } from '../src/test-support/test-app.js';
import { testAppAround } from './app-around.js';
import { rowCount } from './row-count.js';

/**
 * Probes from the Hardening issue (#14, items 1 and 2): parallel guesses must not slip past the
 * count, and an attacker must not be able to lock the owner out. Password checks are counted by the
 * login_attempts rows (one per argon2 verification).
 */
for (const target of databaseTargets()) {
  describe(`sign-in throttling on ${target.kind}`, () => {
    let t: TestApp;
    const clock = fixedClock(new Date('2026-03-02T09:00:00Z'));
    testAppAround({ demo: true, clock, target }, (app) => {
      t = app;
    });

    const login = (email: string, password: string, peer: string) =>
      t.request('/api/auth/login', { body: { email, password }, peer });
    const checks = (email: string) =>
      rowCount(t.shoreline.ctx.db.selectFrom('login_attempts').where('email', '=', email));

    it('a burst of 1,000 parallel guesses checks at most 5 passwords', async () => {
      const email = DEMO_USERS.supervisor;
      const answers = await Promise.all(
        Array.from({ length: 1000 }, (_, i) => login(email, `guess-${i}`, '198.51.100.7')),
      );
      expect(await checks(email)).toBeLessThanOrEqual(5);
      expect(answers.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(995);
    }, 120_000);

    it('the right password inside a burst does not sign in once the limit is reached', async () => {
      const email = DEMO_USERS.agent;
      const burst = Array.from({ length: 59 }, (_, i) => login(email, `wrong-${i}`, '198.51.100.8'));
      burst.push(login(email, DEMO_PASSWORD, '198.51.100.8'));
      const answers = await Promise.all(burst);
      expect(answers[59]!.status).toBe(429);
      expect(await checks(email)).toBeLessThanOrEqual(5);
    }, 60_000);

    it('an attacker guessing from one address does not lock the owner out of their own', async () => {
      const email = DEMO_USERS.vendorAgent;
      for (let i = 0; i < 40; i++) {
        await login(email, `attack-${i}`, '203.0.113.66');
        clock.advance(20_000);
      }
      expect((await login(email, DEMO_PASSWORD, '192.0.2.10')).status).toBe(200);
    });

    it('slows one address down progressively instead of locking: 1 s, then 2 s, then 4 s', async () => {
      const email = DEMO_USERS.vendorAdmin;
      const peer = '203.0.113.70';
      for (let i = 0; i < 5; i++) expect((await login(email, `x-${i}`, peer)).status).toBe(401);
      const held = await login(email, DEMO_PASSWORD, peer);
      expect(held.status).toBe(429);
      expect(Number(held.headers.get('retry-after'))).toBe(1);
      clock.advance(1000);
      expect((await login(email, 'x-6', peer)).status).toBe(401);
      clock.advance(1000);
      expect((await login(email, DEMO_PASSWORD, peer)).status).toBe(429);
      clock.advance(1000);
      expect((await login(email, DEMO_PASSWORD, peer)).status).toBe(200);
    });

    it('a distributed attack stops at the account limit, while the owner at a known address signs in', async () => {
      const email = DEMO_USERS.admin;
      expect((await login(email, DEMO_PASSWORD, '192.0.2.44')).status).toBe(200);
      const guesses = await Promise.all(
        Array.from({ length: 150 }, (_, i) => login(email, `spray-${i}`, `10.9.${i >> 8}.${i & 255}`)),
      );
      // The owner's own success counted once against the account's hourly limit.
      expect(guesses.filter((r) => r.status === 429).length).toBe(150 - (ACCOUNT_RULE.cap - 1));
      // A new address is refused even with the right password; the owner's usual address is not.
      expect((await login(email, DEMO_PASSWORD, '10.200.0.1')).status).toBe(429);
      expect((await login(email, DEMO_PASSWORD, '192.0.2.44')).status).toBe(200);
    }, 60_000);
  });
}

describe('client address behind a reverse proxy', () => {
  let t: TestApp;
  const clock = fixedClock(new Date('2026-03-02T09:00:00Z'));
  testAppAround(
    { demo: true, clock, target: databaseTargets()[0]!, env: { SHORELINE_TRUSTED_PROXIES: '10.0.0.0/8' } },
    (app) => {
      t = app;
    },
  );

  const loginVia = (peer: string, forwardedFor: string, password = 'wrong-password') =>
    t.request('/api/auth/login', {
      body: { email: DEMO_USERS.agent, password },
      headers: { 'x-forwarded-for': forwardedFor },
      peer,
    });

  it('counts clients behind a trusted proxy apart, by the right-most untrusted forwarded address', async () => {
    // Five failures from one client behind the proxy hold that client back…
    for (let i = 0; i < 5; i++) await loginVia('10.0.0.2', '198.51.100.1, 10.0.0.9');
    expect((await loginVia('10.0.0.2', '198.51.100.1')).status).toBe(429);
    // …but not another client behind the same proxy, even one that forges a left-most entry.
    expect((await loginVia('10.0.0.2', '198.51.100.1, 198.51.100.2', DEMO_PASSWORD)).status).toBe(200);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    for (let i = 0; i < 5; i++) await loginVia('203.0.113.9', `198.51.100.${50 + i}`);
    // Each request named a different forwarded address; all are one untrusted peer.
    expect((await loginVia('203.0.113.9', '198.51.100.99', DEMO_PASSWORD)).status).toBe(429);
  });

  it('refuses a trusted-proxy setting that is not a list of addresses', async () => {
    const { loadConfig } = await import('../src/platform/config.js');
    expect(() => loadConfig({ SHORELINE_TRUSTED_PROXIES: '10.0.0.0/8, not-an-address' })).toThrow(
      /SHORELINE_TRUSTED_PROXIES/,
    );
    expect(loadConfig({ SHORELINE_TRUSTED_PROXIES: '10.0.0.0/8, ::1' }).trustedProxies).toEqual([
      '10.0.0.0/8',
      '::1',
    ]);
  });
});
