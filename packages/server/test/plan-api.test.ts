import { requiredAgents, scheduledAgents } from '@shoreline/core/staffing/index';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/seed.js';
import { voiceScenario } from '../src/test-support/scenarios.js';
import { type Auth, startTestApp, type TestApp } from '../src/test-support/test-app.js';

// The Plan calculators over HTTP: staffing per interval and simulation, for any signed-in role.

let t: TestApp;
let agent: Auth;
let vendorAgent: Auth;

interface Problem {
  code: string;
  field?: string;
  errors?: { field: string; code: string; message: string }[];
}
interface Interval {
  start: string | null;
  rawAgents: number;
  scheduledAgents: number;
  requiredAgents: number;
  serviceLevel: number | null;
  occupancy: number;
  asaSec: number | null;
  night: boolean;
  model: string;
  binding: string;
}
interface Totals {
  intervals: number;
  volume: number;
  rawAgentHours: number;
  scheduledAgentHours: number;
  fte: number;
  paidHoursPerFte: number;
  spanHours: number;
  peakScheduledAgents: number;
}

async function staffing(body: unknown, auth: Auth = agent) {
  const res = await t.request('/api/plan/staffing', { body, auth });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: (await res.json()) as never,
  };
}

beforeAll(async () => {
  t = await startTestApp({ demo: true });
  agent = await t.login(DEMO_USERS.agent, DEMO_PASSWORD);
  vendorAgent = await t.login(DEMO_USERS.vendorAgent, DEMO_PASSWORD);
}, 60_000);
afterAll(() => t?.close());

const SL = { fraction: 0.8, withinSec: 20 };

describe('POST /api/plan/staffing', () => {
  it('needs sign-in', async () => {
    const res = await t.request('/api/plan/staffing', { body: { intervals: [{ volume: 1, ahtSec: 1 }] } });
    expect(res.status).toBe(401);
  });

  it('plans a single what-if interval (no start) as core does', async () => {
    const { status, body } = await staffing({
      intervals: [{ volume: 100, ahtSec: 180 }],
      intervalMin: 30,
      targets: { serviceLevel: SL },
      shrinkage: 0.3,
    });
    expect(status).toBe(200);
    const { intervals, totals } = body as { intervals: Interval[]; totals: Totals };
    expect(intervals).toHaveLength(1);
    expect(intervals[0]).toMatchObject({
      start: null,
      rawAgents: 14,
      scheduledAgents: 20,
      night: false,
      model: 'erlang-c',
    });
    expect(intervals[0]!.serviceLevel).toBeGreaterThanOrEqual(0.8);
    // FTE for round-the-clock cover of this interval on a 40-hour week: 20 × 168 / 40.
    expect(totals.fte).toBeCloseTo(84, 10);
  });

  it('any role may use it, vendor staff included', async () => {
    const { status } = await staffing({ intervals: [{ volume: 10, ahtSec: 300 }] }, vendorAgent);
    expect(status).toBe(200);
  });

  it('totals are the sums of the rows; volume 0 needs 0 agents; t = 0 is valid', async () => {
    const { status, body } = await staffing({
      intervals: [
        { start: '2025-01-06T09:00', volume: 120, ahtSec: 240 },
        { start: '2025-01-06T09:15', volume: 0, ahtSec: 240 },
        { start: '2025-01-06T09:30', volume: 80, ahtSec: 240, serviceLevel: { fraction: 0.5, withinSec: 0 } },
        { start: '2025-01-06T23:45', volume: 3, ahtSec: 240, minAgents: 2 },
      ],
      targets: { serviceLevel: SL, maxOccupancy: 0.85 },
      shrinkage: 0.25,
    });
    expect(status).toBe(200);
    const { intervals, totals } = body as { intervals: Interval[]; totals: Totals };
    expect(intervals[1]).toMatchObject({ rawAgents: 0, scheduledAgents: 0, serviceLevel: 1 });
    expect(intervals[2]!.serviceLevel).toBeGreaterThanOrEqual(0.5);
    expect(intervals[3]).toMatchObject({ night: true });
    expect(intervals[3]!.rawAgents).toBeGreaterThanOrEqual(2);
    const sum = (pick: (i: Interval) => number) => intervals.reduce((s, i) => s + pick(i), 0);
    expect(totals.scheduledAgentHours).toBeCloseTo(sum((i) => i.scheduledAgents) / 4, 9);
    expect(totals.rawAgentHours).toBeCloseTo(sum((i) => i.rawAgents) / 4, 9);
    expect(totals.intervals).toBe(4);
    expect(totals.peakScheduledAgents).toBe(Math.max(...intervals.map((i) => i.scheduledAgents)));
    expect(totals.spanHours).toBeCloseTo(15, 9);
  });

  it('accepts a year of quarter-hours as columns as a job, and answers columns when it is done', async () => {
    const volume = Array.from({ length: 35_040 }, (_, i) => Math.round(60 + 50 * Math.sin(i / 15)));
    const { status, body: job } = await staffing({
      series: { start: '2025-01-01T00:00', intervalMin: 15, volume, ahtSec: 300 },
      targets: { serviceLevel: SL },
      shrinkage: 0.3,
      output: 'columns',
    });
    // Too costly to compute inside the request: queued, computed in a worker thread by the runner.
    expect(status).toBe(202);
    const { id } = job as { id: string; status: string };
    expect((job as { status: string }).status).toBe('queued');
    const pending = await t.request(`/api/plan/jobs/${id}`, { auth: agent });
    expect(((await pending.json()) as { status: string }).status).toBe('queued');
    // Other modules' recurring jobs may fall due in the same pass; what this job did is checked next.
    // Other modules' recurring jobs may fall due in the same pass: at least this one ran; what it did is checked next.
    expect((await t.shoreline.jobs.runDueJobs()).done).toBeGreaterThanOrEqual(1);
    const fetched = await t.request(`/api/plan/jobs/${id}`, { auth: agent });
    expect(fetched.status).toBe(200);
    const done = (await fetched.json()) as { status: string; result: unknown };
    expect(done.status).toBe('done');
    // The job is its owner's: another user of the same organization does not see it.
    expect((await t.request(`/api/plan/jobs/${id}`, { auth: vendorAgent })).status).toBe(404);
    const { columns, totals } = done.result as {
      columns: { start: string[]; scheduledAgents: number[] };
      totals: Totals;
    };
    expect(columns.start).toHaveLength(35_040);
    expect(columns.start[1]).toBe('2025-01-01T00:15');
    expect(columns.start.at(-1)).toBe('2025-12-31T23:45');
    expect(totals.spanHours).toBe(8760);
    expect(totals.scheduledAgentHours).toBe(columns.scheduledAgents.reduce((a, b) => a + b, 0) / 4);
  }, 60_000);

  it('names the field of bad input (problem+json)', async () => {
    const cases: [unknown, string][] = [
      [
        {
          intervals: [
            { volume: 1, ahtSec: 1 },
            { volume: 1, ahtSec: 1 },
            { volume: 1, ahtSec: 1 },
            { volume: 1, ahtSec: -5 },
          ],
        },
        'intervals.3.ahtSec',
      ],
      [
        { intervals: [{ volume: 1, ahtSec: 60 }], targets: { serviceLevel: { fraction: 1, withinSec: 20 } } },
        'targets.serviceLevel.fraction',
      ],
      [{ intervals: [{ volume: 1, ahtSec: 60, intervalMin: 45 }] }, 'intervals.0.intervalMin'],
      [{ intervals: [{ volume: 1, ahtSec: 60, start: '2025-13-01T00:00' }] }, 'intervals.0.start'],
      [{ targets: {} }, 'intervals'],
      [{ intervals: [{ volume: 1, ahtSec: 60, maxAbandonRate: 0.1 }] }, 'intervals.0.maxAbandonRate'],
      [
        { series: { start: '2025-01-01T00:00', intervalMin: 15, volume: [1, 2], ahtSec: [60] } },
        'series.ahtSec',
      ],
      [{ intervals: [{ volume: 1, ahtSec: 60 }], extra: 1 }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const res = await staffing(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.type).toContain('application/problem+json');
      expect((res.body as Problem).code).toBe('validation_failed');
      expect((res.body as Problem).field, JSON.stringify(body)).toBe(field);
    }
  });

  it('equals core requiredAgents for random intervals (property)', async () => {
    const interval = fc.record({
      volume: fc.integer({ min: 0, max: 2000 }),
      ahtSec: fc.double({ min: 10, max: 1200, noNaN: true }),
      intervalMin: fc.constantFrom(15 as const, 30 as const, 60 as const),
      fraction: fc.double({ min: 0, max: 0.99, noNaN: true }),
      withinSec: fc.integer({ min: 0, max: 120 }),
      shrinkage: fc.double({ min: 0, max: 0.6, noNaN: true }),
      maxOccupancy: fc.option(fc.double({ min: 0.5, max: 1, noNaN: true }), { nil: undefined }),
      patienceSec: fc.option(fc.double({ min: 10, max: 900, noNaN: true }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(interval, { minLength: 1, maxLength: 8 }), async (rows) => {
        const { status, body } = await staffing({
          intervals: rows.map((r) => ({
            volume: r.volume,
            ahtSec: r.ahtSec,
            intervalMin: r.intervalMin,
            serviceLevel: { fraction: r.fraction, withinSec: r.withinSec },
            shrinkage: r.shrinkage,
            ...(r.maxOccupancy !== undefined && { maxOccupancy: r.maxOccupancy }),
            ...(r.patienceSec !== undefined && { patienceSec: r.patienceSec }),
          })),
        });
        expect(status).toBe(200);
        const intervals = (body as { intervals: Interval[] }).intervals;
        rows.forEach((r, i) => {
          const core = requiredAgents({
            volume: r.volume,
            intervalSec: r.intervalMin * 60,
            ahtSec: r.ahtSec,
            targets: {
              serviceLevel: { fraction: r.fraction, withinSec: r.withinSec },
              ...(r.maxOccupancy !== undefined && { maxOccupancy: r.maxOccupancy }),
            },
            ...(r.patienceSec !== undefined && { patienceSec: r.patienceSec }),
            shrinkage: r.shrinkage,
          });
          expect(intervals[i]!.rawAgents).toBe(core.rawAgents);
          expect(intervals[i]!.scheduledAgents).toBe(scheduledAgents(core.rawAgents, r.shrinkage));
          expect(intervals[i]!.serviceLevel).toBe(core.performance.serviceLevel);
          expect(intervals[i]!.occupancy).toBe(core.performance.occupancy);
        });
      }),
      { numRuns: 40 },
    );
  });
});

const SCENARIO = voiceScenario({
  seed: 7,
  replications: 4,
  lengthSec: 1800,
  calls: [100, 140, 160, 120],
  agents: [12, 16, 18, 14],
  handleSec: 180,
  patienceSec: 300,
  group: 'in-house',
});

describe('POST /api/plan/simulations', () => {
  it('simulates with confidence intervals', async () => {
    const res = await t.request('/api/plan/simulations', { body: SCENARIO, auth: agent });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      replications: number;
      intervals: { serviceLevel: { mean: number; halfWidth95: number } }[];
      total: { offered: { mean: number } };
      contacts?: unknown;
    };
    expect(body.replications).toBe(4);
    expect(body.intervals).toHaveLength(4);
    expect(body.intervals[0]!.serviceLevel.halfWidth95).toBeGreaterThan(0);
    expect(body.total.offered.mean).toBeGreaterThan(400);
    expect(body.contacts).toBeUndefined();
  });

  it('names the scenario field that is wrong', async () => {
    const bad = {
      ...SCENARIO,
      skills: [{ ...SCENARIO.skills[0]!, service: { kind: 'exponential', meanSec: -1 } }],
    };
    const res = await t.request('/api/plan/simulations', { body: bad, auth: agent });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as Problem;
    expect(problem.field).toBe('skills.0.service.meanSec');
  });

  it('refuses work above the cap, naming replications', async () => {
    const big = {
      ...SCENARIO,
      replications: 100,
      skills: [{ ...SCENARIO.skills[0]!, arrivals: { kind: 'poisson', callsPerInterval: [10_000] } }],
    };
    const res = await t.request('/api/plan/simulations', { body: big, auth: agent });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as Problem;
    expect(problem.field).toBe('replications');
    expect(problem.errors?.[0]?.message).toMatch(/at most 2000000/);
  });
});
