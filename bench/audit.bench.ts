// `shoreline audit verify` on an untouched log of 100,000 records (must-show 3 of issue 11). The chain
// is built in memory with the same recordHash and inserted in batches (appending one by one measures
// the append, not the verify); then verifyAudit walks it. PGlite always; PostgreSQL with DATABASE_URL.
// Run by bench/run.ts: npm run bench -- audit
import { createShoreline } from '../packages/server/src/main.js';
import { chainedRow, GENESIS } from '../packages/server/src/modules/audit/chain.js';
import { verifyAudit } from '../packages/server/src/modules/audit/index.js';
import { createOrganization } from '../packages/server/src/modules/identity/bootstrap.js';
import { systemClock } from '../packages/server/src/platform/clock.js';
import { loadConfig } from '../packages/server/src/platform/config.js';
import { systemActor } from '../packages/server/src/platform/scope.js';
import { databaseTargets } from '../packages/server/src/test-support/databases.js';

const RECORDS = 100_000;
const config = loadConfig({ SHORELINE_DATA_DIR: 'memory://', PUBLIC_URL: 'http://localhost:3000' });

for (const target of databaseTargets()) {
  const database = await target.open();
  const shoreline = await createShoreline(config, { database, clock: systemClock, webDir: '/nonexistent' });
  const { db } = shoreline.ctx;
  const org = (await createOrganization(db, systemClock, { name: 'Bench' })).organizationId;
  let prev = GENESIS;
  const start = Date.parse('2026-01-01T00:00:00Z');
  let batch: Parameters<ReturnType<typeof db.insertInto<'audit_log'>>['values']>[0] & object[] = [];
  const t0 = performance.now();
  for (let seq = 1; seq <= RECORDS; seq++) {
    const content = {
      at: new Date(start + seq * 1000),
      actor: 'usr_bench',
      action: seq % 3 ? 'settlement.computed' : 'contract.applied',
      subjectType: 'contract',
      subjectId: `ctr_${seq % 50}`,
      providerId: seq % 2 ? 'prv_a' : null,
      payload: { version: seq % 7, reason: 'bench', amounts: [seq, seq * 2] },
    };
    const row = chainedRow(org, seq, prev, content);
    batch.push(row);
    prev = row.hash;
    if (batch.length === 2_000) {
      await db.insertInto('audit_log').values(batch).execute();
      batch = [];
    }
  }
  if (batch.length) await db.insertInto('audit_log').values(batch).execute();
  await db.insertInto('audit_heads').values({ organization_id: org, seq: RECORDS, hash: prev }).execute();
  const loadMs = performance.now() - t0;

  const scoped = shoreline.ctx.scope(systemActor('cli', org));
  const runs: number[] = [];
  const cpu: number[] = [];
  let result = await verifyAudit(scoped); // warm-up
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    result = await verifyAudit(scoped);
    runs.push(performance.now() - t);
    cpu.push(process.cpuUsage(c).user / 1000);
  }
  const mid = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[1] ?? 0);
  // CPU time is this process's (PGlite runs in it; PostgreSQL's own work is not counted).
  console.log(
    `${target.kind}: audit verify of ${result.records.toLocaleString('en')} records: ok=${result.ok}, median wall ${mid(runs)} ms, CPU ${mid(cpu)} ms (runs ${runs.map(Math.round).join(', ')} ms); building the log took ${Math.round(loadMs)} ms`,
  );
  await shoreline.close();
}
