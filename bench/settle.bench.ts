// Settlement of one provider-month over 1,000,000 tickets (must-show 5 of issue 11: under 2 s).
// One million tickets of one provider in January 2025 (generate_series, resolution times spread
// over 0–8 h, four priorities), a contract with a mid-month change and three resolution terms, then
// `settle` (what `shoreline govern settle` runs) timed. PGlite always; PostgreSQL with DATABASE_URL.
// Run by bench/run.ts: npm run bench -- settle
import { sql } from 'kysely';
import { createShoreline } from '../packages/server/src/main.js';
import { applyContract, settle } from '../packages/server/src/modules/govern/service.js';
import { createOrganization, createProvider } from '../packages/server/src/modules/identity/index.js';
import { systemClock } from '../packages/server/src/platform/clock.js';
import { loadConfig } from '../packages/server/src/platform/config.js';
import { systemActor } from '../packages/server/src/platform/scope.js';
import { databaseTargets } from '../packages/server/src/test-support/databases.js';

const TICKETS = 1_000_000;
const config = loadConfig({ SHORELINE_DATA_DIR: 'memory://', PUBLIC_URL: 'http://localhost:3000' });

// BENCH_DATABASE=postgres (or pglite) runs one target only: loading a million rows takes minutes on PGlite.
const only = process.env.BENCH_DATABASE;
for (const target of databaseTargets().filter((t) => !only || t.kind === only)) {
  const database = await target.open();
  const shoreline = await createShoreline(config, { database, clock: systemClock, webDir: '/nonexistent' });
  const { db } = shoreline.ctx;
  const org = (await createOrganization(db, systemClock, { name: 'Bench' })).organizationId;
  const scoped = shoreline.ctx.scope(systemActor('bench', org));
  const provider = (await createProvider(scoped, systemClock, {
    name: 'Bench vendor',
    kind: 'vendor',
    shore: 'offshore',
    countries: ['PH'],
    languages: ['en'],
  })) as { id: string };
  const t0 = performance.now();
  await sql`
    insert into tickets (id, organization_id, provider_id, source, external_id, priority, created_at,
      solved_at, resolution_seconds, first_response_seconds)
    select 'tkt_b' || g, ${org}, ${provider.id}, 'bench', 'b' || g,
      (array['low','normal','high','urgent'])[1 + g % 4],
      timestamptz '2025-01-01T00:00:00Z' + (g % 2678400) * interval '1 second',
      timestamptz '2025-01-01T00:00:00Z' + (g % 2678400 + (g::bigint * 7919) % 28800) * interval '1 second',
      (g::bigint * 7919) % 28800, (g::bigint * 104729) % 7200
    from generate_series(1, ${TICKETS}) g`.execute(db);
  await sql`analyze tickets`.execute(db);
  const loadMs = performance.now() - t0;
  const term = (id: string, priorities: string[], targetSeconds: number) => ({
    id,
    kpi: 'resolution_within' as const,
    targetSeconds,
    scope: { priorities: priorities as ('low' | 'normal' | 'high' | 'urgent')[] },
    calendar: 'calendar' as const,
    pauseStatuses: ['pending' as const],
    minimum: 9_000,
    expected: 9_500,
    kind: 'critical' as const,
    allocationBp: 6_000,
    credit: { kind: 'allocation' as const },
    bonusBp: 0,
  });
  const document = (urgentSeconds: number) => ({
    name: 'Bench',
    services: [],
    channels: [],
    languages: [],
    sites: [],
    start: '2025-01-01',
    termMonths: 12,
    noticeDays: 30,
    renewal: 'none' as const,
    currency: 'EUR',
    pricingModel: 'hybrid' as const,
    rates: [
      { unit: 'month' as const, rateMinor: 5_000_000 },
      { unit: 'contact' as const, rateMinor: 150 },
    ],
    atRiskBp: 1_000,
    escalationPercent: [100, 150, 200],
    earnBack: { goodMonths: 3, chronic: { misses: 3, window: 6 } },
    bonusCapBp: 0,
    qualityGates: [],
    terms: [
      term('urgent', ['urgent'], urgentSeconds),
      term('high', ['high'], 6 * 3600),
      term('rest', ['normal', 'low'], 8 * 3600),
    ],
  });
  const base = { providerId: provider.id, approvedBy: 'bench', reason: 'bench' };
  const v1 = await applyContract(scoped, systemClock, {
    ...base,
    effectiveFrom: '2025-01-01',
    document: document(4 * 3600),
  });
  await applyContract(scoped, systemClock, {
    ...base,
    contractId: v1.contractId,
    effectiveFrom: '2025-01-16',
    document: document(2 * 3600),
  });
  const runs: number[] = [];
  const cpu: number[] = [];
  let st = await settle(scoped, systemClock, { providerId: provider.id, period: '2025-01' }); // warm-up
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    st = await settle(scoped, systemClock, { providerId: provider.id, period: '2025-01' });
    runs.push(performance.now() - t);
    cpu.push(process.cpuUsage(c).user / 1000);
  }
  const mid = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[2] ?? 0);
  console.log(
    `${target.kind}: settle one provider-month over ${st.volumes.contacts.toLocaleString('en')} tickets (2 versions, 3 terms): median wall ${mid(runs)} ms, CPU ${mid(cpu)} ms (runs ${runs.map(Math.round).join(', ')} ms); net ${st.netMinor}; loading took ${Math.round(loadMs)} ms`,
  );
  await shoreline.close();
}
