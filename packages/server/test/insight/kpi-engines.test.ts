import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUP_BYS, type TicketFilter } from '../../src/modules/insight/kpi-query.js';
import { type KpiEngine, type KpiService, kpiServiceOf } from '../../src/modules/insight/kpi-service.js';
import type { ScopedDb } from '../../src/platform/scope.js';
import { startTestApp, type TestApp } from '../../src/test-support/test-app.js';
import { adminScope, demoOrganizationId, hasShared, importFile, sharedDir } from './support.js';

const TICKETS = 4000;

/**
 * Tickets with every field the KPIs read, nulls and defects included: several providers (and none),
 * teams, languages, support lines, calls, CSAT on two scales, negative durations (data defects), and
 * creation times around DST changes. Seeded LCG, so the file is the same on every run.
 */
function richTickets(teams: { provider: string; name: string }[]): string {
  let state = 7;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const maybe = <T>(p: number, v: T): T | null => (next() < p ? v : null);
  const lines: string[] = [];
  const start = Date.UTC(2023, 9, 20);
  for (let i = 0; i < TICKETS; i++) {
    const team = maybe(0.85, pick(teams));
    const created = start + Math.floor(next() * 540 * 86_400_000) + (i % 7 === 0 ? 0.25 : 0);
    const frt = Math.floor(next() * 6 * 3600) - (next() < 0.03 ? 9000 : 0);
    const solved = next() < 0.7;
    const isCall = next() < 0.2;
    const scale = pick(['1-5', '1-10']);
    const csat = maybe(0.3, scale === '1-5' ? 1 + Math.floor(next() * 5) : 1 + Math.floor(next() * 10));
    lines.push(
      JSON.stringify({
        source: pick(['gen', 'gen', 'legacy']),
        externalId: `R${i}`,
        status: solved ? pick(['solved', 'closed']) : pick(['open', 'pending', 'new']),
        priority: maybe(0.9, pick(['low', 'normal', 'high', 'urgent'])),
        channel: maybe(0.95, isCall ? 'phone' : pick(['email', 'chat', 'social'])),
        topic: maybe(0.8, pick(['billing', 'refund', 'Delivery', 'technical', 'account_access', 'ärger'])),
        language: maybe(0.9, pick(['en', 'tr', 'he', 'hu', 'lv', 'de'])),
        supportLine: maybe(0.5, pick(['1st', '2nd', '3rd'])),
        provider: team ? team.provider : maybe(0.5, pick(['Northwind in-house', 'Unknown BPO'])),
        team: team?.name ?? null,
        createdAt: maybe(0.98, new Date(created).toISOString()),
        firstResponseAt: new Date(created + frt * 1000).toISOString(),
        solvedAt: solved
          ? maybe(0.95, new Date(created + Math.floor(next() * 96 * 3600) * 1000).toISOString())
          : null,
        reopenCount: next() < 0.08 ? 1 + Math.floor(next() * 2) : 0,
        handoffCount: next() < 0.25 ? 1 + Math.floor(next() * 3) : 0,
        slaBreached: maybe(0.7, next() < 0.15),
        csatScore: csat,
        csatScale: csat === null ? null : scale,
        callHandleSeconds: isCall ? maybe(0.9, Math.floor(next() * 1800)) : null,
        abandoned: isCall ? next() < 0.1 : null,
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Deep equality, except means (sums in another order) agree to 1e-12 relative. */
function expectSameAnswers(memory: unknown, sql: unknown, path = ''): void {
  if (typeof memory === 'number' && typeof sql === 'number' && /mean/i.test(path)) {
    expect(Math.abs(memory - sql), path).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(sql)));
    return;
  }
  if (Array.isArray(memory) && Array.isArray(sql)) {
    expect(memory.length, `${path}.length`).toBe(sql.length);
    memory.forEach((m, i) => {
      expectSameAnswers(m, sql[i], `${path}[${i}]`);
    });
    return;
  }
  if (memory && sql && typeof memory === 'object' && typeof sql === 'object') {
    expect(Object.keys(memory).sort(), path).toEqual(Object.keys(sql).sort());
    for (const k of Object.keys(memory))
      expectSameAnswers(
        (memory as Record<string, unknown>)[k],
        (sql as Record<string, unknown>)[k],
        `${path}.${k}`,
      );
    return;
  }
  expect(memory, path).toEqual(sql);
}

// The app instance's KPI service, switched between engines over the same column cache.
let service: KpiService;
const setKpiEngine = (engine: KpiEngine) => {
  service = service.withEngine(engine);
};
const kpis: KpiService['kpis'] = (...args) => service.kpis(...args);
const volume: KpiService['volume'] = (...args) => service.volume(...args);
const topicTrend: KpiService['topicTrend'] = (...args) => service.topicTrend(...args);
const trainingNeeds: KpiService['trainingNeeds'] = (...args) => service.trainingNeeds(...args);

async function both<T>(run: () => Promise<T>): Promise<{ memory: T; sql: T }> {
  setKpiEngine('sql');
  const sql = await run();
  setKpiEngine('memory');
  const memory = await run();
  return { memory, sql };
}

/**
 * The in-memory engine (kpi-memory.ts) and the SQL engine (kpi-sql.ts) give the same answers for
 * every grouping, filter, scope, interval and time zone: the SQL is the definition, the columns the
 * fast path. Shared data files are added when ../shared is present.
 */
describe('KPI engines: in-memory columns answer exactly as PostgreSQL', () => {
  let app: TestApp;
  let org: string;
  const dir = mkdtempSync(join(tmpdir(), 'shoreline-kpi-engines-'));
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp({ demo: true });
    service = kpiServiceOf(app.shoreline.ctx);
    org = await demoOrganizationId(app);
    const db = app.shoreline.ctx.db;
    const teams = await db
      .selectFrom('teams')
      .innerJoin('providers', 'providers.id', 'teams.provider_id')
      .select(['teams.id', 'teams.name', 'providers.name as provider', 'providers.id as providerId'])
      .where('teams.organization_id', '=', org)
      .execute();
    ids.team = teams[0]!.id;
    ids.vendor = teams.find((t) => t.provider === 'Manila CX')!.providerId;
    writeFileSync(join(dir, 'rich.ndjson'), richTickets(teams));
    const report = await importFile(app, org, 'canonical', join(dir, 'rich.ndjson'), undefined, 500);
    expect(report.ticketsUpserted).toBe(TICKETS);
    if (hasShared) {
      const file = join(sharedDir, 'servicenow-incidents/incident_event_log.first5000events.csv');
      await importFile(app, org, 'csv', file, 'servicenow-incidents');
    }
  }, 600_000);
  afterAll(async () => {
    setKpiEngine('memory');
    rmSync(dir, { recursive: true, force: true });
    await app.close();
  });

  const filters: [string, TicketFilter][] = [
    ['no filter', {}],
    [
      'a quarter in Riga',
      { from: '2024-03-31T21:00:00.000Z', to: '2024-06-30T21:00:00.000Z', timeZone: 'Europe/Riga' },
    ],
    ['chat in New York', { channel: 'chat', timeZone: 'America/New_York' }],
    ['an hour of week in Kolkata', { hourOfWeek: 33, timeZone: 'Asia/Kolkata' }],
    ['vendors', { providerKind: 'vendor' }],
    ['in house', { providerKind: 'in_house' }],
    ['a quality flag', { qualityFlag: 'no_provider' }],
    ['topic and priority', { topic: 'billing', priority: 'high' }],
    ['language, status, source', { language: 'tr', status: 'solved', source: 'gen' }],
    ['support line', { supportLine: '2nd' }],
    ['a value no ticket has', { channel: 'fax' }],
    ['from only, millisecond bound', { from: '2024-01-15T10:30:00.123Z' }],
  ];

  it('KPI tables: every grouping × filter, as admin and as vendor staff', async () => {
    const scopes = [adminScope(app, org), vendorScope(app, org, ids.vendor!)];
    let compared = 0;
    let nonEmpty = 0;
    for (const scoped of scopes)
      for (const groupBy of GROUP_BYS)
        for (const [name, filter] of [
          ...filters,
          ['a team', { teamId: ids.team }] as [string, TicketFilter],
        ]) {
          const { memory, sql } = await both(() => kpis(scoped, groupBy, filter));
          expectSameAnswers(memory, sql, `${scoped.actor.providerId ?? 'admin'} ${groupBy} ${name}`);
          compared++;
          if (memory.length > 0) nonEmpty++;
        }
    expect(compared).toBe(2 * GROUP_BYS.length * (filters.length + 1));
    expect(nonEmpty).toBeGreaterThan(compared * 0.7);
  }, 300_000);

  it('groupings have the variety the comparison needs (teams, languages, nulls, defects)', async () => {
    const scoped = adminScope(app, org);
    for (const groupBy of [
      'team',
      'language',
      'topic',
      'support_line',
      'provider',
      'hour_of_week',
    ] as const) {
      const rows = await kpis(scoped, groupBy, {});
      expect(rows.length, groupBy).toBeGreaterThan(2);
      // Every dimension has tickets without a value (hour of week: those without a creation time).
      expect(
        rows.some((r) => r.key === null),
        `${groupBy} has a no-value group`,
      ).toBe(true);
    }
    const [all] = await kpis(scoped, 'none', {});
    expect(all!.qualityFlagged).toBeGreaterThan(0);
    expect(all!.calls.measured).toBeGreaterThan(0);
    expect(all!.firstResponse.count).toBeLessThan(all!.tickets);
  });

  it('volume and topic trends: every interval, zones with DST, date bounds', async () => {
    const scoped = adminScope(app, org);
    for (const interval of ['day', 'week', 'month'] as const)
      for (const [name, filter] of filters) {
        const v = await both(() => volume(scoped, interval, filter));
        expectSameAnswers(v.memory, v.sql, `volume ${interval} ${name}`);
        const t = await both(() => topicTrend(scoped, interval, filter));
        expectSameAnswers(t.memory, t.sql, `topics ${interval} ${name}`);
      }
  }, 300_000);

  it('training needs under filters and scopes', async () => {
    for (const scoped of [adminScope(app, org), vendorScope(app, org, ids.vendor!)])
      for (const [name, filter] of filters) {
        const { memory, sql } = await both(() => trainingNeeds(scoped, filter));
        expectSameAnswers(memory, sql, `training ${name}`);
      }
  }, 300_000);

  it('a write to the tickets is seen by the next request (data version), not served from memory', async () => {
    const scoped = adminScope(app, org);
    const [before] = await kpis(scoped, 'none', {});
    writeFileSync(
      join(dir, 'one-more.ndjson'),
      `${JSON.stringify({ source: 'gen', externalId: 'EXTRA-1', status: 'open', createdAt: '2024-05-05T05:05:05Z' })}\n`,
    );
    await importFile(app, org, 'canonical', join(dir, 'one-more.ndjson'));
    const [after] = await kpis(scoped, 'none', {});
    expect(after!.tickets).toBe(before!.tickets + 1);
    service.columns.clear();
    const [reloaded] = await kpis(scoped, 'none', {});
    expect(reloaded).toEqual(after);
  });
});

function vendorScope(app: TestApp, organizationId: string, providerId: string): ScopedDb {
  return app.shoreline.ctx.scope({ userId: 'test', organizationId, providerId, role: 'agent' });
}
