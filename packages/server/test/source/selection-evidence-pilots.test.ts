import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { createRoutedTicket } from '../../src/modules/routing/index.js';
import { evidenceExpiryJob } from '../../src/modules/source/jobs.js';
import { exampleDefinition } from '../../src/modules/source/service.js';
import { ticketService } from '../../src/modules/tickets/index.js';
import { fixedClock } from '../../src/platform/clock.js';
import { type Actor, systemActor } from '../../src/platform/scope.js';
import { pdfText } from '../../src/test-support/pdf-text.js';
import { type Auth, idsByName, type TestApp } from '../../src/test-support/test-app.js';
import { signedInAround } from '../app-around.js';

/**
 * Source's selection process (RFI/RFP stages, award), evidence files per vendor (content-addressed,
 * expiry flagged, a vendor's staff seeing only their own vendor's), and a pilot run on real traffic
 * through routing, measured from its tickets (decision 0028). On the demo directory: Baltic Contact
 * (nearshore vendor, Riga team) and in-house Istanbul and Budapest.
 */
let t: TestApp;
let admin: Auth;
let supervisor: Auth;
let baltic: Auth;
let manila: Auth;
let system: Actor;
let providers: Record<string, string>;
// Monday 2026-11-30 10:00 in Istanbul: every team is open.
const clock = fixedClock(new Date('2026-11-30T07:00:00Z'));
const vendorIds: Record<string, string> = {};

const post = (path: string, body: unknown, auth = admin, method = 'POST') =>
  t.request(path, { method, auth, body });
const jsonOf = async <T>(res: Response) => (await res.json()) as T;

signedInAround(
  ['admin', 'supervisor', 'vendorAdmin', 'vendorAgent'],
  { clock },
  async (app, auth) => {
    t = app;
    ({ admin, supervisor, vendorAdmin: baltic, vendorAgent: manila } = auth);
    const named = await idsByName(t, 'providers');
    providers = named.ids;
    system = systemActor('test', named.organizationId);
    for (const [name, provider] of [
      ['Baltic Contact', 'Baltic Contact'],
      ['Manila CX', 'Manila CX'],
      ['Lisbon Voice', null],
    ] as const) {
      const res = await post('/api/source/vendors', {
        name,
        shore: 'nearshore',
        ...(provider ? { providerId: providers[provider] } : {}),
      });
      expect(res.status).toBe(201);
      vendorIds[name] = (await jsonOf<{ id: string }>(res)).id;
    }
  },
  120_000,
);

type Evidence = { id: string; vendorId: string; sha256: string; expiry: string | null; fileName: string };
const file = (vendorId: string, text: string, expiresOn?: string, kind = 'ISO 27001') => ({
  vendorId,
  kind,
  fileName: `${kind}.pdf`,
  contentType: 'application/pdf',
  contentBase64: Buffer.from(text).toString('base64'),
  ...(expiresOn ? { expiresOn } : {}),
});

describe('evidence files', () => {
  it('flags expiry against today and stores the same bytes once', async () => {
    const expired = await post(
      '/api/source/evidence',
      file(vendorIds['Baltic Contact']!, 'cert-1', '2026-11-01'),
    );
    const soon = await post(
      '/api/source/evidence',
      file(vendorIds['Baltic Contact']!, 'cert-1', '2027-01-15', 'PCI DSS'),
    );
    const later = await post(
      '/api/source/evidence',
      file(vendorIds['Manila CX']!, 'soc2', '2028-01-01', 'SOC 2'),
    );
    expect([expired.status, soon.status, later.status]).toEqual([201, 201, 201]);
    const [a, b, c] = [
      await jsonOf<Evidence>(expired),
      await jsonOf<Evidence>(soon),
      await jsonOf<Evidence>(later),
    ];
    expect([a.expiry, b.expiry, c.expiry]).toEqual(['expired', 'expiring', 'valid']);
    expect(a.sha256).toBe(b.sha256);
    const blobs = await t.shoreline.ctx.db
      .selectFrom('source_blobs')
      .select('sha256')
      .where('sha256', '=', a.sha256)
      .execute();
    expect(blobs).toHaveLength(1);
    const expiring = await jsonOf<{ items: Evidence[] }>(
      await t.request('/api/source/evidence?expiringWithinDays=90', { auth: admin }),
    );
    expect(expiring.items.map((e) => e.id).sort()).toEqual([a.id, b.id].sort());
    const bytes = await t.request(`/api/source/evidence/${a.id}/content`, { auth: admin });
    expect(Buffer.from(await bytes.arrayBuffer()).toString()).toBe('cert-1');
  });

  it('reminds once per milestone before expiry, on the file’s provider', async () => {
    const run = () =>
      evidenceExpiryJob.handler({}, { ...t.shoreline.ctx, signal: new AbortController().signal } as never);
    const events = async () =>
      t.shoreline.ctx.db
        .selectFrom('domain_events')
        .select(['provider_id', 'payload'])
        .where('type', '=', 'source.evidence_expiring')
        .execute();
    expect(await run()).toEqual({ reminded: 2 }); // the expired file (0) and the one 46 days out (90)
    expect(await run()).toEqual({ reminded: 0 });
    const first = await events();
    expect(first.map((e) => (e.payload as { milestone: number }).milestone).sort()).toEqual([0, 90]);
    expect(first.every((e) => e.provider_id === providers['Baltic Contact'])).toBe(true);
    clock.advance(20 * 86_400_000); // 26 days left: the 30-day reminder
    expect(await run()).toEqual({ reminded: 1 });
    clock.advance(-20 * 86_400_000);
  });

  it("a vendor's staff see and add only their own vendor's files", async () => {
    const own = await jsonOf<{ items: Evidence[] }>(
      await t.request('/api/source/evidence', { auth: baltic }),
    );
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((e) => e.vendorId === vendorIds['Baltic Contact'])).toBe(true);
    const all = await jsonOf<{ items: Evidence[] }>(await t.request('/api/source/evidence', { auth: admin }));
    const rival = all.items.find((e) => e.vendorId === vendorIds['Manila CX'])!;
    expect((await t.request(`/api/source/evidence/${rival.id}/content`, { auth: baltic })).status).toBe(404);
    const added = await post(
      '/api/source/evidence',
      file(vendorIds['Baltic Contact']!, 'renewed', '2029-12-31'),
      baltic,
    );
    expect(added.status).toBe(201);
    const intoRival = await post('/api/source/evidence', file(vendorIds['Manila CX']!, 'forged'), baltic);
    expect(intoRival.status).toBe(404);
    expect((await jsonOf<{ field: string }>(intoRival)).field).toBe('vendorId');
    // Vendor agents neither add nor list evidence.
    expect((await post('/api/source/evidence', file(vendorIds['Manila CX']!, 'x'), manila)).status).toBe(404);
    expect((await t.request('/api/source/evidence', { auth: manila })).status).toBe(404);
    // Still no vendor profile, scorecard or selection for vendor staff.
    expect((await t.request('/api/source/vendors', { auth: baltic })).status).toBe(404);
  });
});

type Selection = {
  id: string;
  stage: string;
  stages: {
    stage: string;
    owner: string | null;
    dueOn: string | null;
    completedOn: string | null;
    documents: string[];
  }[];
  vendors: { vendorId: string; status: string; leftAt: string | null; reason: string | null }[];
  overdue: string[];
};

describe('selection: long list → RFI → short list → RFP → scoring → pilot → decision', () => {
  it('records owners, dates, documents, who left when and why, and the award', async () => {
    const created = await post('/api/source/selections', {
      name: 'Customer service 2027',
      vendorIds: Object.values(vendorIds),
      stages: [
        { stage: 'long-list', owner: 'Procurement', dueOn: '2026-11-20' },
        { stage: 'rfi', owner: 'Procurement', dueOn: '2026-12-20' },
      ],
    });
    expect(created.status).toBe(201);
    let s = await jsonOf<Selection>(created);
    expect(s.stage).toBe('long-list');
    expect(s.overdue).toEqual(['long-list']);
    const rfp = await jsonOf<Evidence>(
      await post('/api/source/evidence', {
        ...file(vendorIds['Lisbon Voice']!, 'rfp', undefined, 'rfp'),
        vendorId: undefined,
        selectionId: s.id,
      }),
    );
    s = await jsonOf<Selection>(
      await post(
        `/api/source/selections/${s.id}/stages`,
        { stage: 'rfp', owner: 'Head of CS', documents: [rfp.id] },
        admin,
        'PATCH',
      ),
    );
    expect(s.stages.find((r) => r.stage === 'rfp')).toMatchObject({
      owner: 'Head of CS',
      documents: [rfp.id],
    });
    s = await jsonOf<Selection>(await post(`/api/source/selections/${s.id}/advance`, {}));
    s = await jsonOf<Selection>(
      await post(`/api/source/selections/${s.id}/advance`, {
        exclude: [{ vendorId: vendorIds['Lisbon Voice'], reason: 'no Hebrew speakers' }],
      }),
    );
    expect(s.stage).toBe('short-list');
    expect(s.vendors.find((v) => v.vendorId === vendorIds['Lisbon Voice'])).toMatchObject({
      status: 'out',
      leftAt: 'rfi',
      reason: 'no Hebrew speakers',
    });
    expect(s.stages.find((r) => r.stage === 'rfi')?.completedOn).toBe('2026-11-30');
    // Supervisors read but do not run the process.
    expect((await post(`/api/source/selections/${s.id}/advance`, {}, supervisor)).status).toBe(404);
    for (let i = 0; i < 4; i++)
      s = await jsonOf<Selection>(await post(`/api/source/selections/${s.id}/advance`, {}));
    expect(s.stage).toBe('decision');
    const toExcluded = await post(`/api/source/selections/${s.id}/advance`, {
      awardTo: vendorIds['Lisbon Voice'],
    });
    expect(toExcluded.status).toBe(400);
    expect((await jsonOf<{ field: string }>(toExcluded)).field).toBe('awardTo');
    s = await jsonOf<Selection>(
      await post(`/api/source/selections/${s.id}/advance`, { awardTo: vendorIds['Baltic Contact'] }),
    );
    expect(s.stage).toBe('closed');
    expect(s.vendors.find((v) => v.vendorId === vendorIds['Baltic Contact'])?.status).toBe('awarded');
    expect((await post(`/api/source/selections/${s.id}/advance`, {})).status).toBe(400);
  });
});

type Pilot = {
  id: string;
  samples: { vendor: number; inHouse: number };
  successes: { vendor: number; inHouse: number };
  routing: { splitId: string } | null;
  verdict: string | null;
  method: string;
};

describe('a pilot run through the Desk', () => {
  it('splits the slice’s new tickets between the vendor’s teams and in house, and measures them', async () => {
    const created = await post('/api/source/pilots', {
      name: 'Baltic English e-mail',
      vendorId: vendorIds['Baltic Contact'],
      slice: { channel: 'email', language: 'en' },
      ratio: 0.5,
      seed: 11,
      metric: 'resolved',
      higherIsBetter: true,
      baseline: 0.7,
      mdd: 0.1,
    });
    expect(created.status).toBe(201);
    const pilot = await jsonOf<Pilot>(created);
    // A vendor without a provider has no teams to route to.
    const lisbon = await jsonOf<Pilot>(
      await post('/api/source/pilots', {
        name: 'Lisbon',
        vendorId: vendorIds['Lisbon Voice'],
        ratio: 0.5,
        seed: 1,
        metric: 'resolved',
        higherIsBetter: true,
        baseline: 0.7,
        mdd: 0.1,
      }),
    );
    expect((await post(`/api/source/pilots/${lisbon.id}/start`, { days: 14 })).status).toBe(400);
    const started = await post(`/api/source/pilots/${pilot.id}/start`, { days: 14 });
    expect(started.status).toBe(200);
    expect((await jsonOf<Pilot>(started)).routing).not.toBeNull();
    expect((await post(`/api/source/pilots/${pilot.id}/start`, { days: 14 })).status).toBe(409);

    const scope = t.shoreline.ctx.scope(system);
    const arms = { vendor: [] as string[], inHouse: [] as string[] };
    for (let i = 0; i < 120; i++) {
      clock.advance(60_000);
      const { ticket } = await createRoutedTicket(scope, clock, {
        subject: `Where is order ${i}?`,
        channel: 'email',
        language: 'en',
        requester: `customer${i}@example.com`,
      });
      (ticket.providerId === providers['Baltic Contact'] ? arms.vendor : arms.inHouse).push(ticket.id);
    }
    // Outside the slice: routed as usual, never counted.
    await createRoutedTicket(scope, clock, { subject: 'Sipariş', channel: 'email', language: 'tr' });
    // Both arms get a fair share of a 50/50 split of 120 (binomial: outside 35–85 has p < 10⁻⁵).
    expect(arms.vendor.length).toBeGreaterThan(35);
    expect(arms.inHouse.length).toBeGreaterThan(35);
    const inHouseProviders = new Set(
      (
        await t.shoreline.ctx.db
          .selectFrom('tickets')
          .select('provider_id')
          .where('id', 'in', arms.inHouse)
          .execute()
      ).map((r) => r.provider_id),
    );
    expect(inHouseProviders.has(providers['Baltic Contact']!)).toBe(false);
    expect(inHouseProviders.has(providers['Manila CX']!)).toBe(false);
    // The vendor solves every other ticket, in house every one.
    for (const [i, id] of arms.vendor.entries())
      if (i % 2 === 0) await ticketService.changeStatus(scope, clock, id, 'solved');
    for (const id of arms.inHouse) await ticketService.changeStatus(scope, clock, id, 'solved');
    const measured = await jsonOf<Pilot>(await t.request(`/api/source/pilots/${pilot.id}`, { auth: admin }));
    expect(measured.samples).toEqual({ vendor: arms.vendor.length, inHouse: arms.inHouse.length });
    expect(measured.successes).toEqual({
      vendor: Math.ceil(arms.vendor.length / 2),
      inHouse: arms.inHouse.length,
    });
    // Below the pre-registered sample (Fleiss, 0.7 vs 0.6): no verdict yet.
    expect(measured.verdict).toBeNull();
    // Typed-in counts would mix with measured ones: refused.
    expect(
      (await post(`/api/source/pilots/${pilot.id}/observations`, { arm: 'vendor', n: 5, successes: 5 }))
        .status,
    ).toBe(409);
    // The vendor's staff do not see the experiment they are part of.
    expect((await t.request(`/api/source/pilots/${pilot.id}`, { auth: baltic })).status).toBe(404);
    const stopped = await jsonOf<Pilot>(await post(`/api/source/pilots/${pilot.id}/stop`, undefined));
    const after = await createRoutedTicket(scope, clock, {
      subject: 'Late',
      channel: 'email',
      language: 'en',
    });
    expect((await t.request(`/api/routing/tickets/${after.ticket.id}`, { auth: admin })).status).toBe(200);
    expect(
      (await jsonOf<Pilot>(await t.request(`/api/source/pilots/${pilot.id}`, { auth: admin }))).samples,
    ).toEqual(stopped.samples);
  }, 120_000);
});

describe('a pilot measured outside Shoreline, on a median metric (gap 4)', () => {
  it('takes typed-in handle times per arm and reports the bootstrap interval of the median difference', async () => {
    const created = await post('/api/source/pilots', {
      name: 'Lisbon handle time',
      vendorId: vendorIds['Lisbon Voice'],
      ratio: 0.5,
      seed: 5,
      metric: 'handle-seconds',
      higherIsBetter: false,
      mdd: 30,
      sampleSizePerArm: 50,
      periodDays: 30,
    });
    expect(created.status).toBe(201);
    const pilot = await jsonOf<Pilot & { difference: { estimate: number; low: number; high: number } }>(
      created,
    );
    const path = `/api/source/pilots/${pilot.id}/observations`;
    // Counts are no median: refused, naming the field the median needs.
    const counts = await post(path, { arm: 'vendor', n: 5, successes: 5 });
    expect(counts.status).toBe(400);
    expect((await jsonOf<{ field: string }>(counts)).field).toBe('values');
    // The vendor handles in about 240 s, in house about 300 s: 60 of each, typed in two reports.
    const around = (centre: number, i: number) => centre + ((i * 37) % 41) - 20;
    const vendor = Array.from({ length: 60 }, (_v, i) => around(240, i));
    const inHouse = Array.from({ length: 60 }, (_v, i) => around(300, i));
    expect((await post(path, { arm: 'vendor', values: vendor.slice(0, 30) })).status).toBe(200);
    expect((await post(path, { arm: 'vendor', values: vendor.slice(30) })).status).toBe(200);
    const res = await post(path, { arm: 'in-house', values: inHouse });
    expect(res.status).toBe(200);
    const measured = await jsonOf<typeof pilot>(res);
    expect(measured.method).toBe('bootstrap-median');
    expect(measured.samples).toEqual({ vendor: 60, inHouse: 60 });
    // Vendor − in-house medians: −60 s, inside its percentile-bootstrap interval, which excludes 0.
    expect(measured.difference.estimate).toBeCloseTo(-60, 0);
    expect(measured.difference.low).toBeLessThanOrEqual(-60);
    expect(measured.difference.high).toBeGreaterThanOrEqual(-60);
    expect(measured.difference.high).toBeLessThan(0);
    expect(measured.verdict).not.toBeNull();
    // Values and counts never mix in one report.
    expect((await post(path, { arm: 'vendor', n: 1, successes: 1, values: [200] })).status).toBe(400);
  });
});

type ArmsPilot = Pilot & {
  arms: { key: string; vendorId: string | null; share: number; samples: number; successes: number }[];
  comparisons: { arm: string; baseline: string; verdict: string | null }[];
};
/** Moves the test clock forward to `iso` (it only goes forward). */
const advanceTo = (iso: string) => clock.advance(new Date(iso).getTime() - clock.now().getTime());
const proportionPilot = { seed: 3, metric: 'resolved', higherIsBetter: true, baseline: 0.7, mdd: 0.1 };
/** Opens an English e-mail ticket through routing; answers its ticket and the split that took it. */
async function routedEmail(i: number) {
  const { ticket } = await createRoutedTicket(t.shoreline.ctx.scope(system), clock, {
    subject: `Question ${i}`,
    channel: 'email',
    language: 'en',
    requester: `arms${i}@example.com`,
  });
  const decision = await t.shoreline.ctx.db
    .selectFrom('routing_decisions')
    .select(['split_id', 'split_arm'])
    .where('ticket_id', '=', ticket.id)
    .executeTakeFirstOrThrow();
  return { ticket, splitId: decision.split_id, arm: decision.split_arm };
}

describe('a pilot’s slice has weekly hours in a time zone (decision 0037)', () => {
  const berlinOfficeHours = {
    timeZone: 'Europe/Berlin',
    windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }],
  };

  it('refuses hours that are not weekly windows, naming the field and the reason', async () => {
    const base = { name: 'Bad hours', vendorId: vendorIds['Baltic Contact'], ratio: 0.5, ...proportionPilot };
    const fieldOf = async (hours: unknown) => {
      const res = await post('/api/source/pilots', { ...base, slice: { hours } });
      expect(res.status).toBe(400);
      return ((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
    };
    expect(await fieldOf({ ...berlinOfficeHours, timeZone: 'Europe/Atlantis' })).toContain(
      'slice.hours.timeZone',
    );
    expect(
      await fieldOf({ timeZone: 'UTC', windows: [{ days: ['mon'], start: '09:00', end: '09:00' }] }),
    ).toContain('slice.hours.windows.0.end');
    expect(
      await fieldOf({ timeZone: 'UTC', windows: [{ days: ['mon'], start: '9am', end: '17:00' }] }),
    ).toContain('slice.hours.windows.0.start');
    expect(
      await fieldOf({ timeZone: 'UTC', windows: [{ days: [], start: '09:00', end: '17:00' }] }),
    ).toContain('slice.hours.windows.0.days');
    expect(await fieldOf('weekdays 9 to 5')).toContain('slice.hours');
  });

  it('routes to the split only tickets opened inside the hours, on Berlin’s clock across the March DST change', async () => {
    const created = await post('/api/source/pilots', {
      name: 'Baltic office hours',
      vendorId: vendorIds['Baltic Contact'],
      slice: { channel: 'email', language: 'en', hours: berlinOfficeHours },
      ratio: 0.5,
      ...proportionPilot,
    });
    expect(created.status).toBe(201);
    const pilot = await jsonOf<Pilot & { definition: { slice: { hours: unknown } } }>(created);
    expect(pilot.definition.slice.hours).toEqual(berlinOfficeHours);
    const started = await post(`/api/source/pilots/${pilot.id}/start`, { days: 200 });
    expect(started.status).toBe(200);
    const splitId = (await jsonOf<Pilot>(started)).routing?.splitId;
    // Europe went to summer time on Sunday 28 March 2027: 07:30Z reads 08:30 on Friday, 09:30 on Monday.
    advanceTo('2027-03-26T07:30:00Z');
    expect((await routedEmail(1)).splitId).toBeNull();
    advanceTo('2027-03-26T15:30:00Z'); // 16:30 CET: inside
    expect((await routedEmail(2)).splitId).toBe(splitId);
    advanceTo('2027-03-27T10:00:00Z'); // Saturday
    expect((await routedEmail(3)).splitId).toBeNull();
    advanceTo('2027-03-29T07:30:00Z'); // 09:30 CEST: inside
    expect((await routedEmail(4)).splitId).toBe(splitId);
    advanceTo('2027-03-29T15:30:00Z'); // 17:30 CEST: outside
    expect((await routedEmail(5)).splitId).toBeNull();
    // Months passed on the test clock: the session of November has expired.
    admin = await t.login(DEMO_USERS.admin, DEMO_PASSWORD);
    const measured = await jsonOf<Pilot>(await t.request(`/api/source/pilots/${pilot.id}`, { auth: admin }));
    expect(measured.samples.vendor + measured.samples.inHouse).toBe(2);
    await post(`/api/source/pilots/${pilot.id}/stop`, undefined);
  }, 60_000);
});

describe('a pilot with several arms (decision 0037)', () => {
  it('refuses arms that cannot be a pilot, naming the arm', async () => {
    const fieldsOf = async (arms: unknown, extra: Record<string, unknown> = {}) => {
      const res = await post('/api/source/pilots', { name: 'Bad arms', arms, ...proportionPilot, ...extra });
      expect(res.status).toBe(400);
      return ((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
    };
    const inHouse = { vendorId: null, weight: 1 };
    expect(await fieldsOf([inHouse, inHouse])).toContain('arms.1.vendorId');
    expect(await fieldsOf([inHouse, { vendorId: vendorIds['Baltic Contact'], weight: 0.01 }])).toContain(
      'arms.1.weight',
    );
    expect(
      await fieldsOf([inHouse, { vendorId: vendorIds['Baltic Contact'], weight: 1 }], { ratio: 0.5 }),
    ).toContain('arms');
  });

  it('splits the slice among in house and two vendors by weight, each vendor measured against in house', async () => {
    const created = await post('/api/source/pilots', {
      name: 'Three arms',
      slice: { channel: 'email', language: 'en' },
      arms: [
        { vendorId: null, weight: 2 },
        { vendorId: vendorIds['Baltic Contact'], weight: 1 },
        { vendorId: vendorIds['Manila CX'], weight: 1 },
      ],
      ...proportionPilot,
    });
    expect(created.status).toBe(201);
    const pilot = await jsonOf<ArmsPilot>(created);
    expect((await post(`/api/source/pilots/${pilot.id}/start`, { days: 30 })).status).toBe(200);
    const providerOfArm: Record<string, string | undefined> = {
      [vendorIds['Baltic Contact']!]: providers['Baltic Contact'],
      [vendorIds['Manila CX']!]: providers['Manila CX'],
    };
    const perArm: Record<string, number> = {};
    for (let i = 0; i < 160; i++) {
      clock.advance(60_000);
      const { ticket, arm } = await routedEmail(100 + i);
      expect(arm).not.toBeNull();
      perArm[arm!] = (perArm[arm!] ?? 0) + 1;
      // Each ticket went to its arm's teams: the vendor's provider, or an in-house one.
      if (arm === 'in-house') expect(Object.values(providerOfArm)).not.toContain(ticket.providerId);
      else expect(ticket.providerId).toBe(providerOfArm[arm!]);
    }
    // 2 : 1 : 1 of 160 (binomial sd ≈ 6.3 and 5.5): each within five sd of 80, 40, 40.
    expect(Math.abs(perArm['in-house']! - 80)).toBeLessThan(32);
    expect(Math.abs(perArm[vendorIds['Baltic Contact']!]! - 40)).toBeLessThan(28);
    expect(Math.abs(perArm[vendorIds['Manila CX']!]! - 40)).toBeLessThan(28);
    const measured = await jsonOf<ArmsPilot>(
      await t.request(`/api/source/pilots/${pilot.id}`, { auth: admin }),
    );
    expect(Object.fromEntries(measured.arms.map((a) => [a.key, a.samples]))).toEqual(perArm);
    expect(measured.arms.map((a) => a.share)).toEqual([0.5, 0.25, 0.25]);
    expect(measured.comparisons.map((c) => [c.arm, c.baseline])).toEqual([
      [vendorIds['Baltic Contact'], 'in-house'],
      [vendorIds['Manila CX'], 'in-house'],
    ]);
    // The report lists each arm against in house, arms by their vendors' names.
    const report = await post('/api/source/report', {
      definition: exampleDefinition(),
      locale: 'en',
      labels: { inHouse: 'In house' },
    });
    expect(report.status).toBe(200);
    const words = (await pdfText(Buffer.from(await report.arrayBuffer()))).text;
    expect(words).toContain('Three arms: Baltic Contact − In house');
    expect(words).toContain('Three arms: Manila CX − In house');
    await post(`/api/source/pilots/${pilot.id}/stop`, undefined);
  }, 120_000);

  it('compares two vendors with each other when there is no in-house arm', async () => {
    const created = await post('/api/source/pilots', {
      name: 'Two vendors',
      slice: { channel: 'email', language: 'en' },
      arms: [
        { vendorId: vendorIds['Baltic Contact'], weight: 1 },
        { vendorId: vendorIds['Manila CX'], weight: 1 },
      ],
      ...proportionPilot,
    });
    expect(created.status).toBe(201);
    const pilot = await jsonOf<ArmsPilot>(created);
    expect(pilot.comparisons.map((c) => [c.arm, c.baseline])).toEqual([
      [vendorIds['Manila CX'], vendorIds['Baltic Contact']],
    ]);
    const typed = await post(`/api/source/pilots/${pilot.id}/observations`, {
      arm: 'vendor',
      n: 5,
      successes: 5,
    });
    expect(typed.status).toBe(400);
    expect((await jsonOf<{ field: string }>(typed)).field).toBe('arm');
    // A vendor without teams cannot hold an arm on real traffic: refused naming that arm.
    const lisbon = await jsonOf<ArmsPilot>(
      await post('/api/source/pilots', {
        name: 'Lisbon and Manila',
        arms: [
          { vendorId: vendorIds['Manila CX'], weight: 1 },
          { vendorId: vendorIds['Lisbon Voice'], weight: 1 },
        ],
        ...proportionPilot,
      }),
    );
    const start = await post(`/api/source/pilots/${lisbon.id}/start`, { days: 5 });
    expect(start.status).toBe(400);
    expect((await jsonOf<{ field: string }>(start)).field).toBe('arms.1.vendorId');
  });
});
