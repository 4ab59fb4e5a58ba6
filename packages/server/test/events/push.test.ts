import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { createOrganization } from '../../src/modules/identity/bootstrap.js';
import { publishTransient } from '../../src/platform/events/index.js';
import { recordTestEvent, waitForOutboxHorizon } from '../../src/test-support/events.js';
import { type SseMessage, SseReader } from '../../src/test-support/sse-client.js';
import { type Auth, startTestApp, type TestApp } from '../../src/test-support/test-app.js';

let t: TestApp;
let org: string;
let otherOrg: string;
let admin: Auth;
let agent: Auth;
const open: SseReader[] = [];

async function connect(auth: Auth, lastEventId?: string): Promise<SseReader> {
  const request = () =>
    t.request('/api/events/stream', { auth, headers: lastEventId ? { 'last-event-id': lastEventId } : {} });
  let res = await request();
  // A stream closed by the previous test frees its slot once its loop has ended.
  for (let i = 0; i < 100 && res.status === 429; i++) {
    await new Promise((r) => setTimeout(r, 20));
    res = await request();
  }
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = new SseReader(res);
  open.push(reader);
  expect((await reader.next()).event).toBe('ready');
  return reader;
}

const subjectOf = (m: SseMessage) => (JSON.parse(m.data) as { subjectId: string }).subjectId;
const ticketEvent = (subjectId: string, organizationId = org) =>
  recordTestEvent(t.shoreline.ctx.db, { organizationId, subjectId });

beforeAll(async () => {
  t = await startTestApp({ demo: true });
  const db = t.shoreline.ctx.db;
  org = (await db.selectFrom('organizations').select('id').executeTakeFirstOrThrow()).id;
  otherOrg = (await createOrganization(db, t.shoreline.ctx.clock, { name: 'Elsewhere' })).organizationId;
  admin = await t.login(DEMO_USERS.admin, DEMO_PASSWORD);
  agent = await t.login(DEMO_USERS.agent, DEMO_PASSWORD);
}, 120_000);

afterEach(async () => {
  for (const r of open.splice(0)) await r.close();
});

afterAll(async () => {
  await t?.close();
});

describe('GET /api/events/stream', () => {
  it('asks for a signed-in caller', async () => {
    const res = await t.request('/api/events/stream');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('pushes an event committed after connecting, with a resumable id, and nothing of another organization', async () => {
    const stream = await connect(admin);
    await ticketEvent('other-org-ticket', otherOrg);
    await ticketEvent('first');
    const [first] = await stream.until((m) => subjectOf(m) === 'first');
    expect(first?.event).toBe('ticket.created');
    expect(first?.id).toMatch(/^\d+-\d+$/);
    expect(JSON.parse(first!.data)).toMatchObject({
      subjectType: 'ticket',
      subjectId: 'first',
      providerId: null,
    });
  });

  it('resumes after Last-Event-ID from the outbox: exactly the events missed, in order', async () => {
    const stream = await connect(admin);
    await ticketEvent('seen');
    const seen = (await stream.until((m) => subjectOf(m) === 'seen')).at(-1)!;
    await stream.close();
    await ticketEvent('missed-1');
    await ticketEvent('missed-2', otherOrg);
    await ticketEvent('missed-3');
    const resumed = await t.request('/api/events/stream', {
      auth: admin,
      headers: { 'last-event-id': seen.id! },
    });
    const reader = new SseReader(resumed);
    open.push(reader);
    // Missed events come before `ready`, unless a transaction elsewhere on the PostgreSQL server held
    // the horizon back when the stream opened: then they follow it, still in order (decision 0011).
    const replayed = await reader.until((m) => subjectOf(m) === 'missed-3');
    expect(replayed.filter((m) => m.event !== 'ready').map(subjectOf)).toEqual(['missed-1', 'missed-3']);
  });

  it('pushes import progress to those who may read imports, not to agents', async () => {
    const forAdmin = await connect(admin);
    const forAgent = await connect(agent);
    await publishTransient(t.shoreline.ctx.db, {
      type: 'import_run.progress',
      organizationId: org,
      providerId: null,
      subjectType: 'import_run',
      subjectId: 'imp_x',
      payload: { ticketsUpserted: 5 },
    });
    await ticketEvent('after-progress');
    const adminGot = await forAdmin.until(
      (m) => m.event === 'ticket.created' && subjectOf(m) === 'after-progress',
    );
    // Only this test's events: a late delivery of an earlier test's ticket may come in between.
    const ours = (m: SseMessage) => m.event === 'import_run.progress' || subjectOf(m) === 'after-progress';
    expect(adminGot.filter(ours).map((m) => m.event)).toEqual(['import_run.progress', 'ticket.created']);
    expect(adminGot[0]?.id).toBeUndefined();
    const agentGot = await forAgent.until(
      (m) => m.event === 'ticket.created' && subjectOf(m) === 'after-progress',
    );
    expect(agentGot.filter(ours).map((m) => m.event)).toEqual(['ticket.created']);
  });

  it('follows an HTTP import with progress and a finished event', async () => {
    const stream = await connect(admin);
    const res = await t.request('/api/insight/imports', {
      auth: admin,
      body: {
        format: 'canonical',
        fileName: 'push.ndjson',
        content: '{"externalId":"push-1","createdAt":"2026-01-01T00:00:00Z"}\n',
      },
    });
    expect(res.status).toBe(202);
    const run = (await res.json()) as { id: string };
    // The import runs as a job: run it here rather than waiting for a runner.
    await t.shoreline.jobs.runDueJobs();
    const got = await stream.until((m) => m.event === 'import_run.finished');
    const progress = got.filter((m) => m.event === 'import_run.progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(JSON.parse(progress.at(-1)!.data)).toMatchObject({
      subjectId: run.id,
      payload: { ticketsUpserted: 1 },
    });
    expect(JSON.parse(got.at(-1)!.data)).toMatchObject({
      subjectId: run.id,
      payload: { status: 'done', ticketsUpserted: 1 },
    });
  });

  it('cuts off a reader that falls 1,000 events behind; it resumes from the outbox without a loss', async () => {
    const stream = await connect(admin);
    const total = 1_100;
    await t.shoreline.ctx.db.transaction().execute(async (tx) => {
      for (let i = 0; i < total; i++)
        await sql`insert into domain_events (organization_id, type, subject_type, subject_id, occurred_at)
          values (${org}, 'ticket.created', 'ticket', ${`flood-${i}`}, now())`.execute(tx);
    });
    await waitForOutboxHorizon(t.shoreline.ctx.db);
    await t.shoreline.ctx.events.hub.wake(); // all 1,100 handed to the stream, which is not being read
    const got: SseMessage[] = [];
    await expect(
      (async () => {
        for (;;) got.push(await stream.next(10_000));
      })(),
    ).rejects.toThrow('stream ended');
    expect(got.length).toBeLessThan(total);
    const resumed = new SseReader(
      await t.request('/api/events/stream', { auth: admin, headers: { 'last-event-id': got.at(-1)!.id! } }),
    );
    open.push(resumed);
    const rest = await resumed.until((m) => m.event === 'ready');
    const ids = [...got, ...rest].filter((m) => m.event === 'ticket.created').map(subjectOf);
    expect(ids).toEqual(Array.from({ length: total }, (_, i) => `flood-${i}`));
  });

  it('refuses more streams per user than the limit, with 429', async () => {
    const limit = t.shoreline.ctx.config.pushStreamsPerUser;
    const supervisor = await t.login(DEMO_USERS.supervisor, DEMO_PASSWORD);
    for (let i = 0; i < limit; i++) await connect(supervisor);
    const res = await t.request('/api/events/stream', { auth: supervisor });
    expect(res.status).toBe(429);
    expect(((await res.json()) as { code: string }).code).toBe('rate_limited');
    await open.at(-1)!.close();
    // A closed stream frees its slot.
    await expect
      .poll(async () => {
        const again = await t.request('/api/events/stream', { auth: supervisor });
        if (again.status === 200) open.push(new SseReader(again));
        return again.status;
      })
      .toBe(200);
  });
});
