import type { ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.js';
import { openShoreline } from '../../src/main.js';
import { loadConfig } from '../../src/platform/config.js';
import { createPostgresDatabase, dropPostgresDatabase } from '../../src/test-support/databases.js';
import {
  type ServerProcess,
  signInDemoAdmin,
  startServer,
  stopServer,
} from '../../src/test-support/processes.js';
import { SseReader } from '../../src/test-support/sse-client.js';

const url = process.env.DATABASE_URL;
const IMPORTS = 4;

/**
 * Two real `shoreline serve` processes on one PostgreSQL database: an event committed through A
 * reaches a browser stream on B (LISTEN/NOTIFY), the webhook listener in both processes delivers
 * each event once, and B's KPIs see a write made through A. PGlite is one process's database, so
 * this runs only with DATABASE_URL.
 */
describe.skipIf(!url)('two server processes on one PostgreSQL database', () => {
  const dbName = `shoreline_events_two_${process.pid}`;
  const servers: { child: ChildProcess; url: string }[] = [];
  let receiver: Server;
  const received: { eventId: string | undefined; type: string }[] = [];
  let env: Record<string, string>;
  const started: ServerProcess[] = [];

  async function serve(): Promise<{ child: ChildProcess; url: string }> {
    const server = startServer([], env);
    started.push(server);
    return { child: server.child, url: await server.url };
  }

  const api = (base: string, cookie: string, path: string, body?: unknown) =>
    fetch(`${base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    const target = await createPostgresDatabase(url!, dbName);
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => {
        body += d.toString();
      });
      req.on('end', () => {
        received.push({
          eventId: req.headers['shoreline-event-id'] as string | undefined,
          type: JSON.parse(body).type,
        });
        res.end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    env = {
      ...(process.env as Record<string, string>),
      TZ: 'UTC',
      DATABASE_URL: target,
      PORT: '0',
      HOST: '127.0.0.1',
      SHORELINE_WEBHOOK_ALLOW_PRIVATE: 'true',
      SHORELINE_EVENT_POLL_MS: '250',
      SHORELINE_WEB_DIR: '/nonexistent',
    };
    delete env.PUBLIC_URL;
    // The demo organization without its generated year (whose import would emit events of its own).
    const instance = await openShoreline(loadConfig({ DATABASE_URL: target }));
    await seedDemo(instance.ctx);
    await instance.close();
    servers.push(await serve());
    servers.push(await serve());
  }, 120_000);

  afterAll(async () => {
    await Promise.all(started.map((s) => stopServer(s)));
    await new Promise((r) => receiver?.close(r));
    await dropPostgresDatabase(url!, dbName);
  }, 60_000);

  it('pushes A’s events to a stream on B, delivers each webhook once, and keeps KPIs consistent', async () => {
    const a = servers[0]!;
    const b = servers[1]!;
    const cookieA = await signInDemoAdmin(a.url);
    const cookieB = await signInDemoAdmin(b.url);
    const hook = await api(a.url, cookieA, '/api/webhooks', {
      url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
      eventTypes: ['import_run.finished'],
    });
    expect(hook.status).toBe(201);
    const kpisBefore = await (await api(b.url, cookieB, '/api/insight/kpis')).json();
    const ticketsBefore = (kpisBefore as { rows: { tickets: number }[] }).rows[0]?.tickets ?? 0;

    const stream = new SseReader(await api(b.url, cookieB, '/api/events/stream'));
    expect((await stream.next()).event).toBe('ready');

    const runs: string[] = [];
    for (let i = 0; i < IMPORTS; i++) {
      // Alternate the processes that write, ending with A; the stream stays on B.
      const base = i % 2 === 1 ? a.url : b.url;
      const cookie = i % 2 === 1 ? cookieA : cookieB;
      const content = `${[0, 1, 2].map((k) => JSON.stringify({ externalId: `two-${i}-${k}`, createdAt: '2026-02-01T10:00:00Z' })).join('\n')}\n`;
      const res = await api(base, cookie, '/api/insight/imports', {
        format: 'canonical',
        fileName: `two-${i}.ndjson`,
        content,
      });
      expect(res.status).toBe(202);
      runs.push(((await res.json()) as { id: string }).id);
    }
    const finished = new Set<string>();
    const progressed = new Set<string>();
    await stream.until((m) => {
      const data = JSON.parse(m.data) as { subjectId?: string };
      if (m.event === 'import_run.finished') finished.add(data.subjectId!);
      if (m.event === 'import_run.progress') progressed.add(data.subjectId!);
      return finished.size === IMPORTS;
    }, 60_000);
    expect([...finished].sort()).toEqual([...runs].sort());
    // Progress is a transient NOTIFY: A's imports' progress reached B too.
    expect([...progressed].sort()).toEqual([...runs].sort());
    await stream.close();

    // Both processes run the webhook listener: every event arrives once.
    const deadline = performance.now() + 60_000;
    while (received.length < IMPORTS && performance.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    // Let both processes make a few more passes (fallback poll every 250 ms) before counting again.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(received.map((r) => r.type)).toEqual(Array(IMPORTS).fill('import_run.finished'));
    expect(new Set(received.map((r) => r.eventId)).size).toBe(IMPORTS);

    // A write through either process is in B's KPIs at once (the column cache follows ticket_data_versions).
    const kpisAfter = (await (await api(b.url, cookieB, '/api/insight/kpis')).json()) as {
      rows: { tickets: number }[];
    };
    expect(kpisAfter.rows[0]?.tickets).toBe(ticketsBefore + IMPORTS * 3);
    const kpisA = (await (await api(a.url, cookieA, '/api/insight/kpis')).json()) as {
      rows: { tickets: number }[];
    };
    expect(kpisA.rows[0]?.tickets).toBe(ticketsBefore + IMPORTS * 3);
  }, 120_000);
});
