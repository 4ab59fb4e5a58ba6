import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/seed.js';
import { isPublicAddress, urlProblem } from '../src/modules/webhooks/address-guard.js';
import { MAX_WEBHOOK_ATTEMPTS, webhookRetryDelaySec } from '../src/modules/webhooks/backoff.js';
import { verifySignature } from '../src/modules/webhooks/index.js';
import { fixedClock } from '../src/platform/clock.js';
import { recordTestEvent, waitForOutboxHorizon } from '../src/test-support/events.js';
import { type Auth, startTestApp, type TestApp } from '../src/test-support/test-app.js';
import {
  type ReceivedRequest,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../src/test-support/webhook-receiver.js';

/** A real HTTP receiver on loopback; `receiver.status` decides each response's status. */
let receiver: WebhookReceiver;
let receiverUrl: string;
let received: ReceivedRequest[] = [];

let t: TestApp;
let org: string;
let admin: Auth;
const clock = fixedClock(new Date('2026-04-01T08:00:00Z'));

interface Delivery {
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  nextAttemptAt: string | null;
  eventType: string;
  lastError: string | null;
}

async function drain() {
  await waitForOutboxHorizon(t.shoreline.ctx.db);
  await t.shoreline.ctx.events.drain();
}

async function createEndpoint(eventTypes: string[], url = receiverUrl) {
  const res = await t.request('/api/webhooks', { auth: admin, body: { url, eventTypes } });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; secret: string };
}

async function deliveries(id: string): Promise<Delivery[]> {
  const res = await t.request(`/api/webhooks/${id}/deliveries`, { auth: admin });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Delivery[] }).items;
}

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  receiverUrl = receiver.url;
  t = await startTestApp({ demo: true, clock, env: { SHORELINE_WEBHOOK_ALLOW_PRIVATE: 'true' } });
  org = (await t.shoreline.ctx.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow()).id;
  admin = await t.login(DEMO_USERS.admin, DEMO_PASSWORD);
}, 120_000);

afterAll(async () => {
  await t?.close();
  await receiver?.close();
});

beforeEach(() => {
  receiver.received.length = 0;
  received = receiver.received;
  receiver.status = () => 200;
  t.shoreline.ctx.config.webhookAllowPrivate = true;
});

describe('webhooks', () => {
  it('delivers a subscribed event once, signed over timestamp and body, and logs it', async () => {
    const endpoint = await createEndpoint(['ticket.created']);
    expect(endpoint.secret).toMatch(/^whsec_/);
    const listed = await (await t.request('/api/webhooks', { auth: admin })).text();
    expect(listed).not.toContain(endpoint.secret);

    await recordTestEvent(t.shoreline.ctx.db, {
      organizationId: org,
      subjectId: 'tkt_hook',
      type: 'ticket.created',
    });
    await recordTestEvent(t.shoreline.ctx.db, {
      organizationId: org,
      subjectId: 'tkt_other',
      type: 'ticket.assigned',
    });
    await drain();
    await drain();
    expect(received).toHaveLength(1);
    const [hit] = received;
    const signature = String(hit!.headers['shoreline-signature']);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const now = Math.floor(clock.now().getTime() / 1000);
    expect(verifySignature(endpoint.secret, hit!.body, signature, now)).toBe(true);
    expect(verifySignature(endpoint.secret, `${hit!.body} `, signature, now)).toBe(false);
    expect(verifySignature('whsec_wrong', hit!.body, signature, now)).toBe(false);
    expect(verifySignature(endpoint.secret, hit!.body, signature, now + 3600)).toBe(false);
    expect(hit!.headers['shoreline-event-type']).toBe('ticket.created');
    expect(JSON.parse(hit!.body)).toMatchObject({
      type: 'ticket.created',
      organizationId: org,
      subject: { type: 'ticket', id: 'tkt_hook' },
    });
    const log = await deliveries(endpoint.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      status: 'delivered',
      attempts: 1,
      lastStatusCode: 200,
      nextAttemptAt: null,
    });
    await t.request(`/api/webhooks/${endpoint.id}`, { method: 'DELETE', auth: admin });
  });

  it('retries a failing endpoint with exponential backoff, then marks the delivery failed', async () => {
    const endpoint = await createEndpoint(['ticket.status_changed']);
    receiver.status = () => 503;
    await recordTestEvent(t.shoreline.ctx.db, {
      organizationId: org,
      subjectId: 'tkt_retry',
      type: 'ticket.status_changed',
    });
    await drain();
    expect(received).toHaveLength(1);
    let [log] = await deliveries(endpoint.id);
    expect(log).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 503 });
    expect(new Date(log!.nextAttemptAt!).getTime() - clock.now().getTime()).toBe(
      webhookRetryDelaySec(1) * 1000,
    );

    await drain(); // not due yet
    expect(received).toHaveLength(1);
    for (let attempt = 1; attempt < MAX_WEBHOOK_ATTEMPTS; attempt++) {
      clock.advance(webhookRetryDelaySec(attempt) * 1000);
      await drain();
    }
    expect(received).toHaveLength(MAX_WEBHOOK_ATTEMPTS);
    [log] = await deliveries(endpoint.id);
    expect(log).toMatchObject({ status: 'failed', attempts: MAX_WEBHOOK_ATTEMPTS, nextAttemptAt: null });
    await t.request(`/api/webhooks/${endpoint.id}`, { method: 'DELETE', auth: admin });
  });

  it('sends a test event on request, and recovers once the endpoint answers', async () => {
    const endpoint = await createEndpoint(['ticket.created']);
    receiver.status = () => 500;
    const res = await t.request(`/api/webhooks/${endpoint.id}/test`, { method: 'POST', auth: admin });
    expect(res.status).toBe(202);
    await drain();
    receiver.status = () => 204;
    clock.advance(webhookRetryDelaySec(1) * 1000);
    await drain();
    expect(received.map((r) => JSON.parse(r.body).type)).toEqual(['webhook.test', 'webhook.test']);
    const [log] = await deliveries(endpoint.id);
    expect(log).toMatchObject({
      eventType: 'webhook.test',
      status: 'delivered',
      attempts: 2,
      lastStatusCode: 204,
    });
    await t.request(`/api/webhooks/${endpoint.id}`, { method: 'DELETE', auth: admin });
  });

  it('refuses loopback and private URLs unless the setting allows them, at registration and at connect time', async () => {
    const endpoint = await createEndpoint(['*'], receiverUrl.replace('127.0.0.1', 'localhost'));
    t.shoreline.ctx.config.webhookAllowPrivate = false;
    for (const url of [
      'http://127.0.0.1/x',
      'http://localhost/x',
      'http://10.1.2.3/x',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/x',
      'http://[::ffff:192.168.0.1]/x',
    ]) {
      const res = await t.request('/api/webhooks', { auth: admin, body: { url, eventTypes: ['*'] } });
      expect(res.status, url).toBe(400);
      expect(((await res.json()) as { field: string }).field).toBe('url');
    }
    // Registered while allowed; now the name resolves to loopback at connect time and is refused.
    await t.request(`/api/webhooks/${endpoint.id}/test`, { method: 'POST', auth: admin });
    await drain();
    expect(received).toHaveLength(0);
    const [log] = await deliveries(endpoint.id);
    expect(log?.lastError).toMatch(/non-public/);
    await t.request(`/api/webhooks/${endpoint.id}`, { method: 'DELETE', auth: admin });
  });

  it('validates input and keeps webhooks to in-house admins', async () => {
    const bad = await t.request('/api/webhooks', {
      auth: admin,
      body: { url: 'ftp://x.example', eventTypes: ['*'] },
    });
    expect(((await bad.json()) as { field: string }).field).toBe('url');
    const empty = await t.request('/api/webhooks', {
      auth: admin,
      body: { url: receiverUrl, eventTypes: [] },
    });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { field: string }).field).toBe('eventTypes');
    for (const email of [DEMO_USERS.supervisor, DEMO_USERS.vendorAdmin]) {
      const auth = await t.login(email, DEMO_PASSWORD);
      expect((await t.request('/api/webhooks', { auth })).status).toBe(404);
    }
  });

  it('tells public from non-public addresses', async () => {
    for (const a of ['8.8.8.8', '2606:4700:4700::1111']) expect(isPublicAddress(a), a).toBe(true);
    for (const a of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '100.64.0.1',
      '169.254.169.254',
      '0.0.0.0',
      '::1',
      'fe80::1',
      'fc00::1',
      '::ffff:127.0.0.1',
      '224.0.0.1',
    ])
      expect(isPublicAddress(a), a).toBe(false);
    expect(await urlProblem('https://user:pw@example.com/', false)).toMatch(/user name/);
  });
});
