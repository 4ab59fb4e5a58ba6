import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/seed.js';
import { fixedClock } from '../src/platform/clock.js';
import type { TestApp } from '../src/test-support/test-app.js';
import { testAppAround } from './app-around.js';

/** Hardening #14 item 6: there was no password change or reset. */
let t: TestApp;
const clock = fixedClock(new Date('2026-03-02T09:00:00Z'));
testAppAround({ demo: true, clock }, (app) => {
  t = app;
});

const outbox = async () => {
  const admin = await t.login(DEMO_USERS.admin, DEMO_PASSWORD);
  const res = await t.request('/api/mail-outbox', { auth: admin });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { to: string; body: string }[] }).items;
};
const linkIn = (body: string) => /\/reset-password\/(rst_[\w-]+)/.exec(body)?.[1];

describe('password change', () => {
  it('needs the current password, ends the other sessions, keeps this one', async () => {
    const here = await t.login(DEMO_USERS.agent, DEMO_PASSWORD);
    const elsewhere = await t.login(DEMO_USERS.agent, DEMO_PASSWORD);
    const wrong = await t.request('/api/me/password', {
      body: { currentPassword: 'not-it', newPassword: 'tidal harbour mauve' },
      auth: here,
    });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { field: string }).field).toBe('currentPassword');
    const weak = await t.request('/api/me/password', {
      body: { currentPassword: DEMO_PASSWORD, newPassword: 'password123' },
      auth: here,
    });
    expect(((await weak.json()) as { field: string }).field).toBe('newPassword');
    const ok = await t.request('/api/me/password', {
      body: { currentPassword: DEMO_PASSWORD, newPassword: 'tidal harbour mauve' },
      auth: here,
    });
    expect(ok.status).toBe(204);
    expect((await t.request('/api/me', { auth: here })).status).toBe(200);
    expect((await t.request('/api/me', { auth: elsewhere })).status).toBe(401);
    await t.login(DEMO_USERS.agent, 'tidal harbour mauve');
  });
});

describe('password reset', () => {
  it('mails a single-use link (outbox), which sets a new password and ends every session', async () => {
    const session = await t.login(DEMO_USERS.supervisor, DEMO_PASSWORD);
    const asked = await t.request('/api/auth/password-reset', { body: { email: DEMO_USERS.supervisor } });
    expect(asked.status).toBe(202);
    const unknown = await t.request('/api/auth/password-reset', { body: { email: 'nobody@x.example' } });
    expect(unknown.status).toBe(202);
    const mail = (await outbox()).find((m) => m.to === DEMO_USERS.supervisor)!;
    const token = linkIn(mail.body)!;
    expect(token).toBeTruthy();
    // Stored only as a digest.
    const stored = await t.shoreline.ctx.db.selectFrom('password_resets').select('token_hash').execute();
    expect(stored.map((r) => r.token_hash)).not.toContain(token);

    const set = await t.request('/api/auth/password-reset/confirm', {
      body: { token, password: 'quill ember noon tide' },
    });
    expect(set.status).toBe(204);
    expect((await t.request('/api/me', { auth: session })).status).toBe(401);
    await t.login(DEMO_USERS.supervisor, 'quill ember noon tide');
    const again = await t.request('/api/auth/password-reset/confirm', {
      body: { token, password: 'another long phrase here' },
    });
    expect(again.status).toBe(404);
    expect(((await again.json()) as { field: string }).field).toBe('token');
  });

  it('a link expires after an hour', async () => {
    await t.request('/api/auth/password-reset', { body: { email: DEMO_USERS.vendorAdmin } });
    const token = linkIn((await outbox()).find((m) => m.to === DEMO_USERS.vendorAdmin)!.body)!;
    clock.advance(61 * 60_000);
    const late = await t.request('/api/auth/password-reset/confirm', {
      body: { token, password: 'quill ember noon tide' },
    });
    expect(late.status).toBe(404);
  });

  it('only admins read the outbox', async () => {
    const agent = await t.login(DEMO_USERS.vendorAgent, DEMO_PASSWORD);
    expect((await t.request('/api/mail-outbox', { auth: agent })).status).toBe(404);
  });
});
