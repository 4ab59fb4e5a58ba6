// One of the two processes of two-runners.slow.test.ts: runs the queue's due jobs on PostgreSQL after
// the parent says "go", recording each job it ran.
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { modules } from '../../src/modules.js';
import { systemClock } from '../../src/platform/clock.js';
import { loadConfig } from '../../src/platform/config.js';
import { createModuleContext } from '../../src/platform/context.js';
import { openDatabase } from '../../src/platform/db/connect.js';
import { JobRunner } from '../../src/platform/jobs/index.js';

const [url, worker] = process.argv.slice(2) as [string, string];
const database = await openDatabase({ url });
const ctx = createModuleContext({
  database,
  clock: systemClock,
  config: loadConfig({ DATABASE_URL: url }),
  modules,
});
const runner = new JobRunner({
  ctx,
  workerId: worker,
  concurrency: 8,
  definitions: [
    {
      name: 'test.log',
      async handler(_payload, job) {
        await sql`insert into test_job_log (job_id, worker) values (${job.job.id}, ${worker})`.execute(
          ctx.db,
        );
      },
    },
  ],
});
console.log('ready');
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'go') break;
}
const summary = await runner.runDueJobs();
console.log(JSON.stringify(summary));
await database.close();
process.exit(0);
