// Settlement of one provider-month over 1,000,000 tickets (must-show 5 of issue 11: under 2 s).
// One million tickets of one provider spread evenly over January 2025 (generate_series, resolution
// times spread over 0–8 h, four priorities), a contract with a change on the 16th and three
// resolution terms, then `settle` (what `shoreline govern settle` runs) timed: wall time, CPU of this
// process, and on a local PostgreSQL the CPU of the database's backends serving this database (from
// /proc: the machine is shared, so CPU time is the steadier figure). PGlite always; PostgreSQL with
// DATABASE_URL. Run by bench/run.ts: npm run bench -- settle
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { type Kysely, sql } from 'kysely';
import { createShoreline } from '../packages/server/src/main.js';
import { applyContract, settle } from '../packages/server/src/modules/govern/service.js';
import { createOrganization, createProvider } from '../packages/server/src/modules/identity/index.js';
import { systemClock } from '../packages/server/src/platform/clock.js';
import { loadConfig } from '../packages/server/src/platform/config.js';
import { systemActor } from '../packages/server/src/platform/scope.js';
import { databaseTargets } from '../packages/server/src/test-support/databases.js';

const TICKETS = 1_000_000;

/** CPU seconds (user + system) of the backends serving this database, when PostgreSQL runs on this machine. */
async function backendCpu(db: Kysely<never>): Promise<Map<number, number> | null> {
  const { rows } = await sql<{ pid: number }>`
    select pid from pg_stat_activity where datname = current_database()`.execute(db);
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      out.set(pid, (Number(fields[11]) + Number(fields[12])) / 100); // utime + stime, in 1/100 s
    } catch {
      return null; // not on this machine
    }
  }
  return out;
}
const cpuSpent = (before: Map<number, number> | null, after: Map<number, number> | null) =>
  before && after ? [...after].reduce((sum, [pid, t]) => sum + t - (before.get(pid) ?? 0), 0) * 1000 : NaN;
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
      timestamptz '2025-01-01T00:00:00Z' + ((g::bigint * 2678399) / ${TICKETS}) * interval '1 second',
      timestamptz '2025-01-01T00:00:00Z' + ((g::bigint * 2678399) / ${TICKETS} + (g::bigint * 7919) % 28800) * interval '1 second',
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
  const dbCpu: number[] = [];
  const kdb = db as unknown as Kysely<never>;
  let st = await settle(scoped, systemClock, { providerId: provider.id, period: '2025-01' }); // warm-up
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    const b = target.kind === 'postgres' ? await backendCpu(kdb) : null;
    st = await settle(scoped, systemClock, { providerId: provider.id, period: '2025-01' });
    runs.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    if (b) dbCpu.push(cpuSpent(b, await backendCpu(kdb)));
  }
  const mid = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[2] ?? 0);
  console.log(
    `${target.kind}: settle one provider-month over ${st.volumes.contacts.toLocaleString('en')} tickets (2 versions, 3 terms): median wall ${mid(runs)} ms, CPU of this process ${mid(cpu)} ms, of the database backends ${dbCpu.length ? `${mid(dbCpu)} ms (runs ${dbCpu.map(Math.round).join(', ')})` : 'n/a'} (wall runs ${runs.map(Math.round).join(', ')} ms); contacts per version ${st.measures
      .filter((m) => m.termId === 'urgent')
      .map((m) => `v${m.version} ${m.total}`)
      .join(', ')} urgent; net ${st.netMinor}; loading took ${Math.round(loadMs)} ms; load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  await shoreline.close();
}
