import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/seed.js';
import { addUser, createOrganization } from '../src/modules/identity/bootstrap.js';
import { startTestApp, type TestApp } from '../src/test-support/test-app.js';

/**
 * Hardening #14 item 4: e-mail addresses are unique per organization, not across the instance. Another
 * organization's admin cannot learn which addresses exist, nor squat one; a person invited to two
 * organizations chooses one at sign-in.
 */
let t: TestApp;
let otherAdmin: { cookie: string } | { token: string };
let otherOrgId: string;

beforeAll(async () => {
  t = await startTestApp({ demo: true });
  const db = t.shoreline.ctx.db;
  const clock = t.shoreline.ctx.clock;
  otherOrgId = (await createOrganization(db, clock, { name: 'Rival Co' })).organizationId;
  await addUser(db, clock, {
    organizationId: otherOrgId,
    email: 'admin@rival.example',
    name: 'Rival admin',
    role: 'admin',
    providerId: null,
    password: 'rival-admin-pass-77',
  });
  otherAdmin = await t.login('admin@rival.example', 'rival-admin-pass-77');
}, 60_000);
afterAll(() => t?.close());

const invite = (email: string) =>
  t.request('/api/users', {
    body: { email, name: 'Probe', role: 'agent', providerId: null },
    auth: otherAdmin,
  });

describe('e-mail addresses belong to an organization', () => {
  it("another organization's admin gets the same answer for an existing address and a new one", async () => {
    const existing = await invite(DEMO_USERS.agent);
    const fresh = await invite('never-seen@nowhere.example');
    expect(existing.status).toBe(201);
    expect(fresh.status).toBe(201);
  });

  it('a squatted address does not take over the owner: they still sign in to their own organization', async () => {
    const res = await invite(DEMO_USERS.supervisor);
    const { inviteUrl } = (await res.json()) as { inviteUrl: string };
    // The rival admin holds the link and sets a password of their own for the address.
    const token = inviteUrl.split('/invite/')[1]!;
    expect(
      (await t.request('/api/auth/accept-invite', { body: { token, password: 'squatter-pass-99' } })).status,
    ).toBe(200);
    const owner = await t.login(DEMO_USERS.supervisor, DEMO_PASSWORD);
    const me = (await (await t.request('/api/me', { auth: owner })).json()) as { organizationName: string };
    expect(me.organizationName).not.toBe('Rival Co');
  });

  it('one address twice in the same organization is still a conflict naming the field', async () => {
    await invite('twice@rival.example');
    const again = await invite('Twice@Rival.example');
    expect(again.status).toBe(409);
    expect(((await again.json()) as { field: string }).field).toBe('email');
  });

  it('a person in two organizations chooses one at sign-in', async () => {
    const res = await invite(DEMO_USERS.vendorAgent);
    const token = ((await res.json()) as { inviteUrl: string }).inviteUrl.split('/invite/')[1]!;
    await t.request('/api/auth/accept-invite', { body: { token, password: DEMO_PASSWORD } });
    const ask = await t.request('/api/auth/login', {
      body: { email: DEMO_USERS.vendorAgent, password: DEMO_PASSWORD },
    });
    expect(ask.status).toBe(409);
    const problem = (await ask.json()) as {
      code: string;
      field: string;
      organizations: { id: string; name: string }[];
    };
    expect(problem.code).toBe('organization_choice');
    expect(problem.field).toBe('organizationId');
    expect(problem.organizations.map((o) => o.name)).toContain('Rival Co');
    expect(problem.organizations).toHaveLength(2);
    const chosen = await t.request('/api/auth/login', {
      body: { email: DEMO_USERS.vendorAgent, password: DEMO_PASSWORD, organizationId: otherOrgId },
    });
    expect(chosen.status).toBe(200);
    expect(((await chosen.json()) as { user: { organizationId: string } }).user.organizationId).toBe(
      otherOrgId,
    );
  });

  it('the choice is offered only with the right password', async () => {
    const wrong = await t.request('/api/auth/login', {
      body: { email: DEMO_USERS.vendorAgent, password: 'not-the-password' },
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain('Rival Co');
  });
});
