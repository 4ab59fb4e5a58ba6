// Inbound mail over SMTP: messages/s acknowledged with 250 (each one committed with its parse job
// before the answer), then the parse jobs' throughput into tickets. PGlite always; PostgreSQL too
// when DATABASE_URL is set (the goal: ≥ 200 messages/s durable into PostgreSQL, 0 lost).
// Run by bench/run.ts (node --import tsx --conditions=source): npm run bench -- mail
import { cpus, loadavg } from 'node:os';
import nodemailer from 'nodemailer';
import { openShoreline } from '../packages/server/src/main.js';
import { createOrganization } from '../packages/server/src/modules/identity/bootstrap.js';
import { createMailbox, processInbound, startSmtpServer } from '../packages/server/src/modules/mail/index.js';
import { systemClock } from '../packages/server/src/platform/clock.js';
import { loadConfig } from '../packages/server/src/platform/config.js';
import { systemActor } from '../packages/server/src/platform/scope.js';
import { databaseTargets } from '../packages/server/src/test-support/databases.js';

const MESSAGES = Number(process.env.MAIL_BENCH_MESSAGES ?? 2_000);
const CONNECTIONS = Number(process.env.MAIL_BENCH_CONNECTIONS ?? 8);
const PARSED = Math.min(MESSAGES, 300);
const config = loadConfig({ SHORELINE_DATA_DIR: 'memory://' });

/** A typical customer message: a few headers and ~1.5 KB of quoted-printable text. */
function message(i: number): string {
  const body = `Hello, order ${i} has not arrived. Tracking says it is in Izmir since Monday. `.repeat(20);
  return [
    `From: Customer ${i} <customer${i % 500}@example.net>`,
    'To: support@bench.example',
    `Subject: Order ${i} is late`,
    `Message-ID: <bench-${i}@example.net>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    (body.match(/.{1,74}/g) ?? []).join('=\r\n'),
    '',
  ].join('\r\n');
}

console.log(
  `${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)}; ${MESSAGES} messages over ${CONNECTIONS} connections`,
);
for (const target of databaseTargets()) {
  const database = await target.open();
  const instance = await openShoreline(config, { database });
  const ctx = instance.ctx;
  const { organizationId } = await createOrganization(ctx.db, systemClock, { name: 'Mail bench' });
  await createMailbox(ctx.scope(systemActor('bench', organizationId)), systemClock, {
    address: 'support@bench.example',
    displayName: 'Bench',
  });
  const smtp = await startSmtpServer(ctx, { port: 0, host: '127.0.0.1', maxBytes: config.smtpMaxBytes });
  const transports = Array.from({ length: CONNECTIONS }, () =>
    nodemailer.createTransport({
      host: '127.0.0.1',
      port: smtp.port,
      ignoreTLS: true,
      pool: true,
      maxConnections: 1,
    }),
  );
  let next = 0;
  let refused = 0;
  const t0 = performance.now();
  await Promise.all(
    transports.map(async (transport) => {
      for (let i = next++; i < MESSAGES; i = next++) {
        const info = await transport.sendMail({
          envelope: { from: 'c@example.net', to: ['support@bench.example'] },
          raw: message(i),
        });
        if (!info.response.startsWith('250')) refused++;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  for (const t of transports) t.close();
  const stored = await ctx.db
    .selectFrom('mail_inbound')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const lost = MESSAGES - Number(stored.n);

  // Parse throughput: the intake (what the parse job runs) on the first PARSED messages, one at a time.
  const ids = await ctx.db.selectFrom('mail_inbound').select('id').orderBy('id').limit(PARSED).execute();
  const p0 = performance.now();
  let parsed = 0;
  for (const { id } of ids) if ((await processInbound(ctx, organizationId, id)).status === 'parsed') parsed++;
  const parseSeconds = (performance.now() - p0) / 1000;
  console.log(
    `${target.kind}: ${MESSAGES} messages acknowledged in ${seconds.toFixed(1)} s = ${(MESSAGES / seconds).toFixed(0)} messages/s durable; stored ${stored.n}, lost ${lost}, refused ${refused}; parsed into tickets: ${(parsed / parseSeconds).toFixed(0)} messages/s (${parsed} messages)`,
  );
  await smtp.close();
  await instance.close();
}
