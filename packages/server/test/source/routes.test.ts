import { join } from 'node:path';
import { AUTO_CANDIDATES } from '@shoreline/core/forecast/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { seedDemoYear } from '../../src/demo/seed-year.js';
import { exampleDefinition } from '../../src/modules/source/service.js';
import { fixedClock } from '../../src/platform/clock.js';
import { pdfText } from '../../src/test-support/pdf-text.js';
import { type Auth, startTestApp, type TestApp } from '../../src/test-support/test-app.js';
import { demoOrganizationId, hasShared, importFile, sharedDir } from '../insight/support.js';

/**
 * Source over HTTP: the worked example costed through the API (and a wage change moving every
 * dependent figure), readiness measured from the demo's tickets, scorecards with two evaluators,
 * pilots that give no verdict before their pre-registered sample, and vendor staff seeing nothing.
 */
let t: TestApp;
const auth: Partial<Record<keyof typeof DEMO_USERS, Auth>> = {};

beforeAll(async () => {
  t = await startTestApp({ demo: true });
  for (const who of Object.keys(DEMO_USERS) as (keyof typeof DEMO_USERS)[])
    auth[who] = await t.login(DEMO_USERS[who], DEMO_PASSWORD);
}, 60_000);
afterAll(() => t?.close());

type Comparison = {
  contacts: number;
  options: {
    name: string;
    totalMinor: number;
    costPerContactMinor: number;
    fte: number;
    lines: { key: string; amountMinor: number }[];
  }[];
  sensitivity: { option: string; input: string }[] | null;
};
const compare = async (definition: unknown, who: keyof typeof DEMO_USERS = 'admin') =>
  t.request('/api/source/compare', { auth: auth[who]!, body: { definition, sensitivity: true } });

describe('cost comparison over HTTP', () => {
  it('reproduces the worked example to the cent (docs/source-worked-examples.md)', async () => {
    const res = await compare(exampleDefinition());
    expect(res.status).toBe(200);
    const body = (await res.json()) as Comparison;
    expect(body.contacts).toBe(522_000);
    expect(body.options.map((o) => o.totalMinor)).toEqual([148_581_400, 83_070_700, 63_427_253]);
    expect(body.sensitivity?.length).toBeGreaterThan(0);
  });

  it('a higher German wage changes the in-house wages, overhead, total, cost per contact — and nothing else', async () => {
    const base = (await (await compare(exampleDefinition())).json()) as Comparison;
    const definition = exampleDefinition();
    const germany = definition.options[0] as { wagePerFtePerYearMinor: number };
    germany.wagePerFtePerYearMinor = 3_600_000;
    const after = (await (await compare(definition)).json()) as Comparison;
    const line = (c: Comparison, key: string) => c.options[0]?.lines.find((l) => l.key === key)?.amountMinor;
    expect(line(after, 'agent-wages')).toBe(108_900_000); // 25 × 36,000 × 1.21
    expect(line(after, 'management-overhead')).not.toBe(line(base, 'management-overhead'));
    expect(after.options[0]?.totalMinor).toBeGreaterThan(base.options[0]?.totalMinor ?? 0);
    expect(after.options[0]?.costPerContactMinor).toBeGreaterThan(base.options[0]?.costPerContactMinor ?? 0);
    expect(after.options.slice(1).map((o) => o.totalMinor)).toEqual(
      base.options.slice(1).map((o) => o.totalMinor),
    );
  });

  it('a help-center what-if removes the deflected contacts: refunds 25 %, deflected 40 % → 10 % fewer (decision 0038)', async () => {
    const base = (await (await compare(exampleDefinition())).json()) as Comparison;
    const deflected = {
      ...exampleDefinition(),
      deflection: { topic: 'refund', topicShare: 0.25, rate: 0.4 },
    };
    const after = (await (await compare(deflected)).json()) as Comparison;
    expect(after.contacts).toBeCloseTo(base.contacts * 0.9, 3);
    for (const [i, o] of after.options.entries())
      expect(o.totalMinor).toBeLessThanOrEqual(base.options[i]!.totalMinor);
    const bad = await compare({ ...deflected, deflection: { topic: 'refund', topicShare: 2, rate: 0.4 } });
    expect(((await bad.json()) as { field: string }).field).toBe('definition.deflection.topicShare');
  });

  it('a missing exchange rate is refused naming the field', async () => {
    const res = await compare({ ...exampleDefinition(), fx: {} });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { field: string }).field).toBe('definition.fx.USD');
  });

  it('history demand staffs the demo tickets by hour of week', async () => {
    const res = await compare({
      ...exampleDefinition(),
      demand: { kind: 'history', year: 2026, from: '2000-01-01', to: '2100-01-01', ahtSec: 300 },
    });
    expect([200, 400]).toContain(res.status);
  });
});

describe('the PDF report', () => {
  /** The example scenario's report, as `who` asks for it (locale and labels as given). */
  const report = (who: Auth, ask: { locale?: string; labels?: Record<string, string> }) =>
    t.request('/api/source/report', { auth: who, body: { definition: exampleDefinition(), ...ask } });
  it('carries the comparison and its figures in the labels the reader chose', async () => {
    const res = await report(auth.admin!, {
      locale: 'en',
      labels: { title: 'Sourcing report', perContact: 'Cost per contact' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const words = (await pdfText(pdf)).text;
    expect(words).toContain('Sourcing report');
    expect(words).toContain('Cost per contact');
    expect(words).toContain('Germany in-house');
    expect(words).toContain('1,485,814'); // the worked example's in-house total per year (the € glyph is drawn apart)
    expect(words).toContain('1.74'); // Philippines per resolution, 173.58 cents
  });
  it('prints Turkish letters and Hebrew from the embedded font, Hebrew drawn right to left', async () => {
    const tr = await report(auth.admin!, {
      locale: 'tr',
      labels: { title: 'Dış kaynak kullanımı karar raporu', perContact: 'İletişim başına maliyet' },
    });
    expect(tr.status).toBe(200);
    const trWords = (await pdfText(Buffer.from(await tr.arrayBuffer()))).text;
    expect(trWords).toContain('Dış kaynak kullanımı karar raporu');
    expect(trWords).toContain('İletişim başına maliyet');
    expect(trWords).toContain('1.485.814'); // Turkish grouping

    const he = await report(auth.admin!, { locale: 'he', labels: { perContact: 'עלות', fte: 'משרות' } });
    expect(he.status).toBe(200);
    const heWords = (await pdfText(Buffer.from(await he.arrayBuffer()))).text;
    // The glyphs map back to Hebrew letters (none is missing from the font), which PDF.js reads back
    // in logical order; that they are drawn right to left is src/platform/pdf.test.ts's check.
    expect(heWords).toContain('עלות');
    expect(heWords).toContain('משרות');
  });
  it('carries the latest decision with its reasons, and the pilots', async () => {
    const res = await t.request('/api/source/decisions', {
      auth: auth.admin!,
      body: {
        decision: 'hybrid',
        reasons: 'Nearshore for Polish and German overflow; keep complex tiers in house',
        approver: 'COO',
        reviewOn: '2027-06-30',
      },
    });
    expect(res.status).toBe(201);
    const pdf = await report(auth.admin!, { locale: 'en' });
    const words = (await pdfText(Buffer.from(await pdf.arrayBuffer()))).text;
    expect(words).toContain('Nearshore for Polish and German overflow');
    expect(words).toContain('Approver: COO');
  });
  it('is refused to vendor staff', async () => {
    const res = await report(auth.vendorAdmin!, {});
    expect(res.status).toBe(404);
  });
});

describe('readiness on the demo data (must-show 2)', () => {
  beforeAll(async () => {
    // Ten weeks (three calendar months) of the demo operation (`serve --demo` generates a year): enough for seasonality.
    const clock = fixedClock(new Date('2026-11-30T12:00:00Z'));
    await seedDemoYear(t.shoreline.ctx.database, clock, await demoOrganizationId(t), undefined, 70);
  }, 120_000);
  it('measures every question the data can answer and names those that need the user', async () => {
    const res = await t.request('/api/source/readiness?from=2000-01-01&to=2100-01-01', { auth: auth.admin! });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      tickets: number;
      answers: { question: string; status: string; evidence: Record<string, unknown> }[];
      segments: unknown[];
    };
    expect(body.tickets).toBeGreaterThan(0);
    const status = Object.fromEntries(body.answers.map((a) => [a.question, a.status]));
    for (const q of ['process-stability', 'language-gaps', 'after-hours-demand', 'seasonality', 'complexity'])
      expect(status[q], q).toBe('measured');
    for (const q of [
      'competitive-differentiation',
      'data-sensitivity',
      'process-documentation',
      'cost-today',
    ])
      expect(status[q], q).toBe('needs-user');
    expect(body.segments.length).toBeGreaterThan(0);
    console.info(
      JSON.stringify(
        body.answers.filter((a) => a.status === 'measured').map((a) => [a.question, a.evidence]),
      ),
    );
  });
  it('a scenario takes its volume from the forecast of the next weeks, and says so (gap 10)', async () => {
    const window = { year: 2027, from: '2026-09-28', to: '2026-11-30', ahtSec: 300 };
    const history = await compare({ ...exampleDefinition(), demand: { kind: 'history', ...window } });
    const forecast = await compare({
      ...exampleDefinition(),
      demand: { kind: 'forecast', ...window, weeks: 4 },
    });
    expect(history.status).toBe(200);
    expect(forecast.status).toBe(200);
    type Sourced = Comparison & {
      demandSource: { kind: string; method: string | null; weeks: number | null };
    };
    const h = (await history.json()) as Sourced;
    const f = (await forecast.json()) as Sourced;
    expect(h.demandSource).toEqual({ kind: 'history', method: null, weeks: null });
    expect(f.demandSource.kind).toBe('forecast');
    expect(f.demandSource.weeks).toBe(4);
    expect(AUTO_CANDIDATES).toContain(f.demandSource.method);
    // The demo operation is steady: the forecast year is the history year give or take its trend.
    expect(f.contacts).toBeGreaterThan(0.5 * h.contacts);
    expect(f.contacts).toBeLessThan(2 * h.contacts);
    expect(f.contacts).not.toBe(h.contacts);
    expect(f.options.map((o) => o.name)).toEqual(h.options.map((o) => o.name));
  });
  it('a forecast needs a week of history, and says which field is short', async () => {
    const res = await compare({
      ...exampleDefinition(),
      demand: { kind: 'forecast', year: 2027, from: '2026-11-27', to: '2026-11-30', weeks: 4, ahtSec: 300 },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { field: string }).field).toBe('definition.demand.to');
    const long = await compare({
      ...exampleDefinition(),
      demand: { kind: 'forecast', year: 2027, from: '2020-01-01', to: '2026-11-30', weeks: 4, ahtSec: 300 },
    });
    expect(long.status).toBe(400);
    expect(((await long.json()) as { field: string }).field).toBe('definition.demand.from');
  });
});

describe.skipIf(!hasShared)(
  `readiness on an imported ../shared/data file${hasShared ? '' : ' (../shared not found: skipping)'}`,
  () => {
    it('twitter-support: the data questions it holds are measured, the rest say no-data or needs-user', async () => {
      const org = await demoOrganizationId(t);
      await importFile(t, org, 'csv', join(sharedDir, 'twitter-support/sample.csv'), 'twitter-support');
      const res = await t.request('/api/source/readiness?from=2000-01-01&to=2100-01-01', {
        auth: auth.admin!,
      });
      const body = (await res.json()) as { answers: { question: string; status: string }[] };
      const measured = body.answers.filter((a) => a.status === 'measured').map((a) => a.question);
      // A few days of tweets: hours of the week and topics are measurable, months are too few.
      expect(measured).toEqual(expect.arrayContaining(['after-hours-demand']));
      expect(body.answers.filter((a) => a.status === 'needs-user')).toHaveLength(4);
    });
  },
);

describe('vendors, scorecards and pilots', () => {
  const vendors: string[] = [];
  it('two evaluators score two vendors; the spread and weighted totals come back', async () => {
    for (const name of ['Baltic Contact', 'Manila CX']) {
      const res = await t.request('/api/source/vendors', {
        auth: auth.admin!,
        body: { name, shore: 'nearshore', certifications: [{ name: 'ISO 27001', expiresOn: '2020-01-01' }] },
      });
      expect(res.status).toBe(201);
      const vendor = (await res.json()) as { id: string; expiringCertifications: string[] };
      expect(vendor.expiringCertifications).toEqual(['ISO 27001']);
      vendors.push(vendor.id);
    }
    const [a, b] = vendors as [string, string];
    const card = await t.request('/api/source/scorecards', {
      auth: auth.admin!,
      body: {
        name: 'RFP 2027',
        criteria: [
          { id: 'quality', label: 'Quality', weight: 60 },
          { id: 'price', label: 'Price', weight: 40, price: true },
        ],
        vendorIds: vendors,
        prices: { [a]: 200, [b]: 100 },
      },
    });
    expect(card.status).toBe(201);
    const { id } = (await card.json()) as { id: string };
    /** One evaluator's quality scores of vendors a and b. */
    const scoreQuality = (evaluator: Auth, scoreA: number, scoreB: number) =>
      t.request(`/api/source/scorecards/${id}/scores`, {
        method: 'PUT',
        auth: evaluator,
        body: {
          scores: [
            { vendorId: a, criterion: 'quality', score: scoreA },
            { vendorId: b, criterion: 'quality', score: scoreB },
          ],
        },
      });
    await scoreQuality(auth.admin!, 5, 3);
    const res = await scoreQuality(auth.supervisor!, 3, 3);
    const view = (await res.json()) as {
      evaluators: string[];
      result: {
        vendors: {
          vendor: string;
          total: number;
          criteria: { criterion: string; spread: number | null }[];
        }[];
      };
    };
    expect(view.evaluators).toHaveLength(2);
    const va = view.result.vendors.find((v) => v.vendor === a);
    expect(va?.criteria.find((c) => c.criterion === 'quality')?.spread).toBe(2);
    expect(va?.total).toBeCloseTo(60 * (4 / 5) + 40 * (100 / 200), 6); // 68
    expect(view.result.vendors.find((v) => v.vendor === b)?.total).toBeCloseTo(60 * (3 / 5) + 40, 6); // 76
    const priceOnly = await t.request('/api/source/scorecards', {
      auth: auth.admin!,
      body: {
        name: 'Cheapest',
        criteria: [
          { id: 'price', label: 'Price', weight: 90, price: true },
          { id: 'q', label: 'Q', weight: 10 },
        ],
        vendorIds: vendors,
      },
    });
    expect(priceOnly.status).toBe(400);
    expect(((await priceOnly.json()) as { field: string }).field).toBe('criteria');
  });

  it('a pilot gives no verdict until both arms reach the pre-registered sample', async () => {
    const res = await t.request('/api/source/pilots', {
      auth: auth.admin!,
      body: {
        name: 'Chat EN',
        vendorId: vendors[0],
        ratio: 0.5,
        seed: 7,
        metric: 'resolved',
        higherIsBetter: true,
        baseline: 0.8,
        mdd: 0.05,
      },
    });
    expect(res.status).toBe(201);
    const pilot = (await res.json()) as { id: string; sampleSizePerArm: number; verdict: string | null };
    expect(pilot.sampleSizePerArm).toBe(1094);
    const add = (arm: string, n: number, successes: number) =>
      t.request(`/api/source/pilots/${pilot.id}/observations`, {
        auth: auth.admin!,
        body: { arm, n, successes },
      });
    await add('vendor', 1094, 880);
    const half = (await (await add('in-house', 1000, 800)).json()) as {
      verdict: string | null;
      stillNeeded: { inHouse: number };
    };
    expect(half.verdict).toBeNull();
    expect(half.stillNeeded.inHouse).toBe(94);
    const done = (await (await add('in-house', 94, 75)).json()) as { verdict: string | null };
    expect(done.verdict).not.toBeNull();
    const arm = (await (
      await t.request(`/api/source/pilots/${pilot.id}/assign`, {
        auth: auth.admin!,
        body: { contactId: 'tkt_1' },
      })
    ).json()) as { arm: string };
    expect(['vendor', 'in-house']).toContain(arm.arm);
  });

  it('vendor staff and agents see nothing of Source, not even their own vendor’s scorecard', async () => {
    for (const who of ['vendorAdmin', 'vendorAgent', 'agent'] as const) {
      for (const path of [
        '/api/source/scorecards',
        '/api/source/vendors',
        '/api/source/pilots',
        '/api/source/defaults',
      ])
        expect((await t.request(path, { auth: auth[who]! })).status, `${who} ${path}`).toBe(404);
    }
  });
});
