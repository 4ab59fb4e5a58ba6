import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/seed.js';
import { demoYearPending, seedDemoYear } from '../src/demo/seed-year.js';
import { fixedClock } from '../src/platform/clock.js';
import { startTestApp, type TestApp } from '../src/test-support/test-app.js';

type KpiRows = { rows: { key: string | null; label: string | null; tickets: number }[] };

/** A first start shows a living operation: the demo's generated tickets reach every Insight scope. */
describe('the demo organization’s generated history', () => {
  let app: TestApp;
  let organizationId: string;
  const clock = fixedClock(new Date('2026-12-03T09:30:00Z'));

  beforeAll(async () => {
    app = await startTestApp({ demo: true, clock });
    const org = await app.shoreline.ctx.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
    organizationId = org.id;
    expect(await demoYearPending(app.shoreline.ctx.database, organizationId)).toBe(true);
    // A run an earlier start left unfinished (killed mid-import, an hour ago).
    await app.shoreline.ctx.db
      .insertInto('import_runs')
      .values({
        id: 'imp_interrupted',
        organization_id: organizationId,
        source: 'canonical',
        format: 'canonical',
        file_name: 'demo-year.ndjson',
        file_sha256: 'f'.repeat(64),
        file_bytes: 1000,
        status: 'running',
        started_at: new Date('2026-12-03T08:10:00Z'),
        updated_at: new Date('2026-12-03T08:11:00Z'),
      } as never)
      .execute();
    // Three weeks keep the test quick; `serve --demo` generates a year.
    await seedDemoYear(app.shoreline.ctx.database, clock, organizationId, undefined, 21);
  });
  afterAll(() => app.close());

  it('is imported once: afterwards nothing is pending, and no earlier run is left running', async () => {
    expect(await demoYearPending(app.shoreline.ctx.database, organizationId)).toBe(false);
    const runs = await app.shoreline.ctx.db
      .selectFrom('import_runs')
      .select(['id', 'status', 'error'])
      .where('organization_id', '=', organizationId)
      .execute();
    expect(runs.filter((r) => r.status === 'running')).toEqual([]);
    expect(runs.find((r) => r.id === 'imp_interrupted')).toMatchObject({ status: 'failed' });
  });

  it('gives the admin all three providers, the in-house team busiest', async () => {
    const admin = await app.login(DEMO_USERS.admin, DEMO_PASSWORD);
    const res = await app.request('/api/insight/kpis?groupBy=provider', { auth: admin });
    expect(res.status).toBe(200);
    const { rows } = (await res.json()) as KpiRows;
    expect(rows.map((r) => r.label).sort()).toEqual(['Baltic Contact', 'Manila CX', 'Northwind in-house']);
    expect(rows[0]!.label).toBe('Northwind in-house');
    expect(rows.every((r) => r.tickets > 50)).toBe(true);
  });

  it('gives vendor staff their own provider’s tickets only', async () => {
    const agent = await app.login(DEMO_USERS.vendorAgent, DEMO_PASSWORD);
    const res = await app.request('/api/insight/kpis?groupBy=provider', { auth: agent });
    const { rows } = (await res.json()) as KpiRows;
    expect(rows.map((r) => r.label)).toEqual(['Manila CX']);
  });

  it('runs up to the clock’s day, with every language the organization serves', async () => {
    const admin = await app.login(DEMO_USERS.admin, DEMO_PASSWORD);
    const res = await app.request('/api/insight/kpis?groupBy=language', { auth: admin });
    const { rows } = (await res.json()) as KpiRows;
    expect(new Set(rows.map((r) => r.key))).toEqual(new Set(['tr', 'en', 'hu', 'lv', 'ru', 'de']));
    const latest = await app.shoreline.ctx.db
      .selectFrom('tickets')
      .select((eb) => eb.fn.max('created_at').as('last'))
      .executeTakeFirstOrThrow();
    const last = new Date(latest.last as unknown as string).getTime();
    expect(clock.now().getTime() - last).toBeLessThan(6 * 3600_000);
  });
});
