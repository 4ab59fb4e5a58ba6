import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { GROUP_BYS } from '../../src/modules/insight/kpi-query.js';
import { startTestApp, type TestApp } from '../../src/test-support/test-app.js';
import { generateCanonicalTickets } from './generate.js';
import { demoOrganizationId, importFile, providerIdNamed } from './support.js';

const TICKETS = 600;

/**
 * KPI aggregates are computed inside the caller's scope: a vendor agent's whole-organization KPI
 * row counts exactly their provider's tickets, never the others'. The generator assigns provider
 * i mod 3 (Northwind in-house, Baltic Contact, Manila CX), the demo organization's three providers.
 */
describe('KPI aggregates for vendor staff count only their provider’s tickets', () => {
  let app: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'shoreline-vendor-kpi-'));
  const file = join(dir, 'tickets.ndjson');
  let manilaId: string;

  beforeAll(async () => {
    app = await startTestApp({ demo: true });
    const org = await demoOrganizationId(app);
    writeFileSync(file, `${[...generateCanonicalTickets(TICKETS)].join('\n')}\n`);
    const report = await importFile(app, org, 'canonical', file, undefined, 128);
    expect(report.ticketsUpserted).toBe(TICKETS);
    manilaId = await providerIdNamed(app, org, 'Manila CX');
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await app.close();
  });

  it('groupBy=none as the Manila CX agent equals the number of Manila CX tickets', async () => {
    const inDb = await app.shoreline.ctx.db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('provider_id', '=', manilaId)
      .executeTakeFirstOrThrow();
    const expected = [...Array(TICKETS).keys()].filter((i) => i % 3 === 2).length;
    expect(Number(inDb.n)).toBe(expected);

    const agent = await app.login(DEMO_USERS.vendorAgent, DEMO_PASSWORD);
    const res = await app.request('/api/insight/kpis?groupBy=none', { auth: agent });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rows: { tickets: number; solved: number }[] };
    expect(body.rows).toHaveLength(1);
    expect(body.rows[0]!.tickets).toBe(expected);

    // Grouped by provider, the vendor sees one row: their own.
    const byProvider = await app.request('/api/insight/kpis?groupBy=provider', { auth: agent });
    const grouped = (await byProvider.json()) as { rows: { key: string; tickets: number }[] };
    expect(grouped.rows.map((r) => [r.key, r.tickets])).toEqual([[manilaId, expected]]);

    // The organization's admin sees every ticket.
    const admin = await app.login(DEMO_USERS.admin, DEMO_PASSWORD);
    const all = (await (await app.request('/api/insight/kpis?groupBy=none', { auth: admin })).json()) as {
      rows: { tickets: number }[];
    };
    expect(all.rows[0]!.tickets).toBe(TICKETS);
  });

  it('every grouping partitions the vendor’s tickets (rows sum to their count); hour of week in a time zone', async () => {
    const agent = await app.login(DEMO_USERS.vendorAgent, DEMO_PASSWORD);
    const expected = [...Array(TICKETS).keys()].filter((i) => i % 3 === 2).length;
    for (const groupBy of GROUP_BYS) {
      const res = await app.request(`/api/insight/kpis?groupBy=${groupBy}&timeZone=Europe/Riga`, {
        auth: agent,
      });
      expect(res.status, groupBy).toBe(200);
      const { rows } = (await res.json()) as {
        rows: { key: string | null; label: string | null; tickets: number }[];
      };
      expect(
        rows.reduce((n, r) => n + r.tickets, 0),
        groupBy,
      ).toBe(expected);
      if (groupBy === 'hour_of_week')
        for (const r of rows) {
          expect(r.label).toBe(r.key);
          expect(Number(r.key)).toBeGreaterThanOrEqual(0);
          expect(Number(r.key)).toBeLessThan(168);
        }
    }
  });
});
