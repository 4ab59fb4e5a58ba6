import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ability, Limits } from '../src/contract.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/seed.js';
import { fixedClock } from '../src/platform/clock.js';
import { type Auth, startTestApp, type TestApp } from '../src/test-support/test-app.js';

// /api/me tells the web app what the caller may do and how big their input may be. These tests
// hold it to what the API actually does: every ability it reports is honoured, every one it
// withholds is refused.

let t: TestApp;
const auth: Partial<Record<keyof typeof DEMO_USERS, Auth>> = {};

beforeAll(async () => {
  t = await startTestApp({ demo: true, clock: fixedClock(new Date('2026-03-02T09:00:00Z')) });
  for (const who of Object.keys(DEMO_USERS) as (keyof typeof DEMO_USERS)[])
    auth[who] = await t.login(DEMO_USERS[who], DEMO_PASSWORD);
  await t.request('/api/desk/macros', { auth: auth.admin!, body: { name: 'Probe', bodies: { en: 'x' } } });
}, 60_000);
afterAll(() => t?.close());

interface MeBody {
  abilities: Ability[];
  limits: Limits;
}
const me = async (who: keyof typeof DEMO_USERS) =>
  (await (await t.request('/api/me', { auth: auth[who]! })).json()) as MeBody;

// Every ability any module declares. Typed as a Record so the compiler fails when the contract's
// `Ability` gains or loses a name this list does not have.
const EVERY_ABILITY: Record<Ability, true> = {
  'provider.write': true,
  'team.write': true,
  'user.read': true,
  'user.write': true,
  'user.invite': true,
  'settings.read': true,
  'import.run': true,
  'mapping.write': true,
  'kpi.read': true,
  'staffing.run': true,
  'simulation.run': true,
  'plans.read': true,
  'plans.write': true,
  'job.read': true,
  'webhook.manage': true,
  'mail.manage': true,
  'mail.attachment.read': true,
  'customer.read': true,
  'desk.work': true,
  'desk.view_all': true,
  'macro.write': true,
  'sla.manage': true,
  'sla.read_policies': true,
  'sla.read': true,
  'govern.manage': true,
  'govern.read': true,
  'audit.read': true,
  'knowledge.read': true,
  'knowledge.draft': true,
  'knowledge.publish': true,
  'knowledge.manage': true,
  'knowledge.insight': true,
  'source.manage': true,
  'source.read': true,
  'source.score': true,
  'source.evidence.read': true,
  'source.evidence.write': true,
  'routing.manage': true,
  'routing.read_rules': true,
  'routing.read_decision': true,
  'phone.log': true,
  'phone.manage_connectors': true,
  'phone.read': true,
  'social.ingest': true,
  'social.reply': true,
  'chat.manage_widgets': true,
  'chat.read': true,
  'chat.type': true,
  'sales.hand_off': true,
  'sales.record_outcome': true,
  'sales.read': true,
};
const EVERYONE: Ability[] = [
  'chat.read',
  'chat.type',
  'desk.work',
  // Vendor staff's knowledge writing also depends on the organization's settings (service).
  'knowledge.draft',
  'knowledge.read',
  'kpi.read',
  'mail.attachment.read',
  'phone.read',
  'routing.read_decision',
  'sales.hand_off',
  'simulation.run',
  'sla.read',
  'social.reply',
  'staffing.run',
];

describe('GET /api/me: abilities per role', () => {
  it.each([
    ['admin', Object.keys(EVERY_ABILITY)],
    [
      'supervisor',
      [
        ...EVERYONE,
        'customer.read',
        'desk.view_all',
        'govern.read',
        'import.run',
        'knowledge.insight',
        'knowledge.publish',
        'macro.write',
        'mapping.write',
        'phone.log',
        'plans.read',
        'plans.write',
        'routing.read_rules',
        'sales.read',
        'sales.record_outcome',
        'settings.read',
        'sla.read_policies',
        'source.evidence.read',
        'source.read',
        'source.score',
        'social.ingest',
        'user.read',
      ],
    ],
    ['agent', [...EVERYONE, 'customer.read', 'plans.read']],
    // A vendor's admin runs their own provider: no organization-wide writes, no imports.
    [
      'vendorAdmin',
      [
        ...EVERYONE,
        'customer.read',
        'desk.view_all',
        'govern.read',
        'job.read',
        'knowledge.publish',
        'phone.log',
        'phone.manage_connectors',
        'sales.read',
        'settings.read',
        'social.ingest',
        'source.evidence.read',
        'source.evidence.write',
        'team.write',
        'user.invite',
        'user.read',
        'user.write',
      ],
    ],
    ['vendorAgent', [...EVERYONE, 'customer.read', 'govern.read']],
  ] as const)('%s may do exactly what the policies say', async (who, expected) => {
    expect((await me(who)).abilities).toEqual([...expected].sort());
  });

  it('reports, across all roles, every ability the contract names and no other', async () => {
    const seen = new Set<string>();
    for (const who of Object.keys(DEMO_USERS) as (keyof typeof DEMO_USERS)[])
      for (const a of (await me(who)).abilities) seen.add(a);
    expect([...seen].sort()).toEqual(Object.keys(EVERY_ABILITY).sort());
  });

  it('answers sign-in with the same abilities as /api/me', async () => {
    const res = await t.request('/api/auth/login', {
      body: { email: DEMO_USERS.supervisor, password: DEMO_PASSWORD },
    });
    const { user } = (await res.json()) as { user: MeBody };
    expect(user.abilities).toEqual((await me('supervisor')).abilities);
  });
});

describe('GET /api/me: what it reports is what the API enforces', () => {
  const allowed = (res: Response) => res.status !== 404;
  // One probe per ability that a route guards: a read, or a write that fails after the policy
  // check (a duplicate, a missing reference) so nothing is changed.
  const probes: [Ability, (a: Auth) => Promise<Response>][] = [
    ['user.read', (a) => t.request('/api/users', { auth: a })],
    ['import.run', (a) => t.request('/api/insight/imports', { auth: a })],
    ['kpi.read', (a) => t.request('/api/insight/kpis', { auth: a })],
    ['job.read', (a) => t.request('/api/jobs', { auth: a })],
    ['webhook.manage', (a) => t.request('/api/webhooks', { auth: a })],
    ['mail.manage', (a) => t.request('/api/mail/mailboxes', { auth: a })],
    ['desk.view_all', (a) => t.request('/api/desk/tickets?view=all', { auth: a })],
    // A duplicate of the macro made in beforeAll: 409 for those allowed, 404 for the rest.
    [
      'macro.write',
      (a) => t.request('/api/desk/macros', { auth: a, body: { name: 'Probe', bodies: { en: 'x' } } }),
    ],
    ['sla.read_policies', (a) => t.request('/api/sla/policies', { auth: a })],
    ['plans.read', (a) => t.request('/api/plan/plans', { auth: a })],
    ['routing.read_rules', (a) => t.request('/api/routing/rules', { auth: a })],
    ['phone.manage_connectors', (a) => t.request('/api/phone/connectors', { auth: a })],
    [
      'staffing.run',
      (a) => t.request('/api/plan/staffing', { auth: a, body: { intervals: [{ volume: 10, ahtSec: 300 }] } }),
    ],
    [
      'user.invite',
      (a) =>
        t.request('/api/users', {
          auth: a,
          body: { email: DEMO_USERS.agent, name: 'Duplicate', role: 'agent', providerId: null },
        }),
    ],
    [
      'mapping.write',
      (a) =>
        t.request('/api/insight/provider-mappings', {
          auth: a,
          body: { providerId: 'prv_missing', matchKind: 'default' },
        }),
    ],
  ];

  it.each(Object.keys(DEMO_USERS) as (keyof typeof DEMO_USERS)[])('%s', async (who) => {
    const { abilities } = await me(who);
    for (const [ability, probe] of probes) {
      const res = await probe(auth[who]!);
      expect({ ability, allowed: allowed(res) }).toEqual({ ability, allowed: abilities.includes(ability) });
    }
  });
});

describe('GET /api/me: limits', () => {
  it('reports the running body limit and each module bound, the same for every role', async () => {
    const admin = await me('admin');
    expect(admin.limits).toEqual({
      maxBodyBytes: 1_048_576,
      maxUploadBytes: 2 * 1024 ** 3,
      ticketsPerPage: 1000,
      staffingIntervals: 35_136,
      simulationIntervals: 2_976,
      simulationReplications: 100,
      simulatedContacts: 2_000_000,
    });
    expect((await me('vendorAgent')).limits).toEqual(admin.limits);
  });

  it('is a bound the API holds: one more replication than reported is refused', async () => {
    const { limits } = await me('agent');
    const res = await t.request('/api/plan/simulations', {
      auth: auth.agent!,
      body: {
        seed: 1,
        replications: limits.simulationReplications + 1,
        intervals: { lengthSec: 900, count: 1 },
        serviceLevelThresholdSec: 20,
        skills: [{}],
        groups: [{}],
      },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { field: string }).field).toBe('replications');
  });
});
