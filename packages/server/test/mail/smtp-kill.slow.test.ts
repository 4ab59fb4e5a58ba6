import type { ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/connect.js';
import { spawnCli } from '../../src/test-support/processes.js';
import { plainMessage } from './harness.js';

const MESSAGES = 80;
const KILLS = 20;
const MAILBOX = 'support@kill.example';

/** A port free right now on loopback (the server is told it; tests never use a fixed port). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/**
 * A real `shoreline serve` process taking mail over SMTP, SIGKILLed at random moments while a
 * client delivers messages one after another, 20 times. The client retries a message until it gets
 * its 250 (as a sending server would). Every message must end up stored exactly once: none lost
 * (250 only after commit) and none doubled (a retry after a commit whose 250 was lost is recognised
 * by its Message-ID).
 */
describe('the SMTP server killed during deliveries loses and doubles nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shoreline-smtp-kill-'));
  const url = process.env.DATABASE_URL;
  const dbName = `shoreline_smtpkill_${process.pid}`;
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    TZ: 'UTC',
    PORT: '0',
    // Only the intake is under test: parse jobs stay queued.
    SHORELINE_JOB_CONCURRENCY: '0',
  };
  const open = () => openDatabase(url ? { url: env.DATABASE_URL } : { dataDir: env.SHORELINE_DATA_DIR });

  function cli(args: string[]): {
    child: ChildProcess;
    ready: Promise<boolean>;
    done: Promise<number | null>;
  } {
    const child = spawnCli(args, env, ['ignore', 'pipe', 'pipe']);
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const ready = new Promise<boolean>((resolve) => {
      child.stdout?.on('data', (d: Buffer) => {
        if (d.toString().includes('SMTP listening on')) resolve(true);
      });
      child.on('exit', () => resolve(false));
    });
    const done = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => {
        if (code !== 0 && code !== null) console.error(stderr);
        resolve(code);
      }),
    );
    return { child, ready, done };
  }

  beforeAll(async () => {
    if (url) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create database ${dbName}`);
      await admin.end();
      const target = new URL(url);
      target.pathname = `/${dbName}`;
      env.DATABASE_URL = target.toString();
    } else {
      delete env.DATABASE_URL;
      env.SHORELINE_DATA_DIR = join(dir, 'db');
    }
    env.SHORELINE_SMTP_PORT = String(await freePort());
    const added = cli([
      'user',
      'add',
      '--email',
      'kill@kill.example',
      '--name',
      'Kill',
      '--organization',
      'Kill Co',
      '--password',
      'smtp-kill-Zq8v41p',
    ]);
    expect(await added.done).toBe(0);
    const database = await open();
    try {
      const org = await database.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
      const now = new Date();
      await database.db
        .insertInto('mailboxes')
        .values({
          id: 'mbx_kill',
          organization_id: org.id,
          address: MAILBOX,
          display_name: 'Kill',
          created_at: now,
          updated_at: now,
        })
        .execute();
    } finally {
      await database.close();
    }
  }, 600_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (url) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
  });

  it(`stores each of ${MESSAGES} messages exactly once across ${KILLS} SIGKILLs`, async () => {
    let seed = 11;
    const random = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    let server = cli(['serve']);
    expect(await server.ready).toBe(true);
    let finished = false;
    let retries = 0;

    const client = (async () => {
      for (let i = 0; i < MESSAGES; i++) {
        const raw = plainMessage({
          subject: `Kill ${i}`,
          body: `message ${i}`,
          messageId: `kill-${i}@example.net`,
        }).replace('To: support@northwind.example', `To: ${MAILBOX}`);
        for (;;) {
          const transport = nodemailer.createTransport({
            host: '127.0.0.1',
            port: Number(env.SHORELINE_SMTP_PORT),
            ignoreTLS: true,
            connectionTimeout: 2_000,
            socketTimeout: 5_000,
          });
          try {
            const info = await transport.sendMail({
              envelope: { from: 'c@example.net', to: [MAILBOX] },
              raw,
            });
            expect(info.response).toMatch(/^250/);
            break;
          } catch {
            retries++;
            await new Promise((r) => setTimeout(r, 100));
          } finally {
            transport.close();
          }
        }
      }
      finished = true;
    })();

    let kills = 0;
    while (kills < KILLS && !finished) {
      // Some deliveries get through, then the kill lands: between messages or inside one.
      await new Promise((r) => setTimeout(r, 30 + Math.floor(random() * 400)));
      if (finished) break;
      server.child.kill('SIGKILL');
      await server.done;
      kills++;
      if (process.env.SHORELINE_KILL_LOG) appendFileSync(process.env.SHORELINE_KILL_LOG, `kill ${kills}\n`);
      server = cli(['serve']);
      expect(await server.ready).toBe(true);
    }
    await client;
    server.child.kill('SIGTERM');
    await server.done;
    expect(kills).toBe(KILLS);

    const database = await open();
    try {
      const rows = await database.db.selectFrom('mail_inbound').select(['message_id', 'status']).execute();
      const ids = rows.map((r) => r.message_id).sort();
      const expected = Array.from({ length: MESSAGES }, (_, i) => `kill-${i}@example.net`).sort();
      expect(ids).toEqual(expected);
      // Each stored message has its parse job: committed together.
      const jobs = await database.db
        .selectFrom('jobs')
        .select('id')
        .where('name', '=', 'mail.parse')
        .execute();
      expect(jobs).toHaveLength(MESSAGES);
      console.log(`smtp kill test: ${kills} kills, ${retries} retried deliveries`);
    } finally {
      await database.close();
    }
  }, 1_800_000);
});
