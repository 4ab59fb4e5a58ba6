import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bankCallEvents } from '@shoreline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { kpiServiceOf } from '../../src/modules/insight/index.js';
import { signatureHeader } from '../../src/modules/webhooks/signature.js';
import { fixedClock } from '../../src/platform/clock.js';
import { systemActor } from '../../src/platform/scope.js';
import { type Auth, importOverHttp, startTestApp, type TestApp } from '../../src/test-support/test-app.js';

const FILE = fileURLToPath(
  new URL('../../../../../shared/data/call-center/anonymous_bank_1999-08_calls.csv', import.meta.url),
);
const present = existsSync(FILE);
/**
 * Which calls to send: by default those entering the voice menu 10:00–10:14 on Monday 2 August 1999
 * (≈ 50 queue calls: `npm test` stays fast); `BANK_HOURS=10` the hour (205 calls, ≈ 70 s),
 * `BANK_DAYS=1999-08-02` the day (2,217 calls, ≈ 15 min on PGlite), `BANK_DAYS=all` the month.
 */
const DAYS = process.env.BANK_DAYS ?? '1999-08-02';
const HOURS = process.env.BANK_HOURS ?? (process.env.BANK_DAYS ? 'all' : '10');
const FIRST_QUARTER = process.env.BANK_HOURS === undefined && process.env.BANK_DAYS === undefined;
const BANK_ZONE = 'Asia/Jerusalem';

function rows(): Record<string, string>[] {
  const [header, ...lines] = readFileSync(FILE, 'utf8').trim().split(/\r?\n/);
  const names = header!.split(',');
  return lines
    .map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i]!, v])))
    .filter((r) => DAYS === 'all' || DAYS.split(',').includes(r.date!))
    .filter((r) => HOURS === 'all' || HOURS.split(',').includes(r.vru_entry!.split(':')[0]!))
    .filter((r) => !FIRST_QUARTER || Number(r.vru_entry!.split(':')[1]) < 15);
}

/**
 * Must-show 5: the Anonymous Bank records sent through the phone API (signed webhook, as a
 * telephony system would) give the same abandonment and handle-time figures as the import of the
 * same file. The import reads the file the way Insight's canonical records say calls: a call that
 * reached the agent queue (PHANTOM rows and voice-menu hang-ups are not queue calls), abandoned
 * when `outcome` is HANG, waiting `q_time`, handled `ser_time`.
 */
describe.skipIf(!present)(
  `phone calls: the Anonymous Bank records through the webhook equal their import${present ? '' : ' (../shared not found: skipping)'}`,
  () => {
    let app: TestApp;
    let admin: Auth;
    const clock = fixedClock(new Date('2026-12-03T09:00:00Z'));
    let data: Record<string, string>[] = [];

    beforeAll(async () => {
      data = rows();
      app = await startTestApp({ demo: true, clock });
      admin = await app.login(DEMO_USERS.admin, DEMO_PASSWORD);
    }, 120_000);
    afterAll(() => app?.close());

    it('abandonment rate and handle time agree between the import and the phone webhook', async () => {
      const queueCalls = data.filter(
        (r) => r.outcome === 'AGENT' || (r.outcome === 'HANG' && r.q_start !== '0:00:00'),
      );
      // 1. The import of the file.
      const records = queueCalls.map((r) => {
        const events = bankCallEvents(r, BANK_ZONE)!;
        return {
          externalId: events[0]!.callId,
          source: 'bank-import',
          createdAt: events[0]!.at.toISOString(),
          channel: 'phone',
          callWaitSeconds: Number(r.q_time),
          ...(r.outcome === 'AGENT' ? { callHandleSeconds: Number(r.ser_time) } : {}),
          abandoned: r.outcome === 'HANG',
        };
      });
      expect(await importOverHttp(app, admin, 'bank.ndjson', records)).toBe(202);

      // 2. The same calls as a telephony system reports them: a connector, signed webhook batches.
      const made = await app.request('/api/phone/connectors', { body: { name: 'Bank PBX' }, auth: admin });
      expect(made.status).toBe(201);
      const connector = (await made.json()) as { id: string; secret: string };
      const events = data
        .flatMap((r) => bankCallEvents(r, BANK_ZONE) ?? [])
        .sort((a, b) => a.at.getTime() - b.at.getTime())
        .map((e) => ({ ...e, at: e.at.toISOString() }));
      for (let i = 0; i < events.length; i += 1000) {
        const body = JSON.stringify({ events: events.slice(i, i + 1000) });
        const t = Math.floor(clock.now().getTime() / 1000);
        const res = await app.request(`/api/phone/webhook/${connector.id}`, {
          method: 'POST',
          rawBody: body,
          headers: {
            'content-type': 'application/json',
            'shoreline-signature': signatureHeader(connector.secret, body, t),
          },
        });
        expect(res.status).toBe(200);
      }

      // 3. The KPIs of each.
      const org = (
        await app.shoreline.ctx.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow()
      ).id;
      const scoped = app.shoreline.ctx.scope(systemActor('test', org));
      const kpis = kpiServiceOf(app.shoreline.ctx);
      const [fromImport] = await kpis.kpis(scoped, 'none', { source: 'bank-import' });
      const [fromPhone] = await kpis.kpis(scoped, 'none', { source: 'live', channel: 'phone' });
      // Oracle straight from the file: HANG in queue ÷ queue calls; ser_time of AGENT calls.
      const abandonedInFile = queueCalls.filter((r) => r.outcome === 'HANG').length;
      const handleMean =
        queueCalls.filter((r) => r.outcome === 'AGENT').reduce((n, r) => n + Number(r.ser_time), 0) /
        queueCalls.filter((r) => r.outcome === 'AGENT').length;
      console.log(
        `bank ${DAYS} hours ${HOURS}${FIRST_QUARTER ? ' (first quarter)' : ''}: ${queueCalls.length} queue calls, ${events.length} phone events;`,
        'import',
        JSON.stringify(fromImport?.calls),
        'phone',
        JSON.stringify(fromPhone?.calls),
      );
      expect(fromImport!.calls.measured).toBe(queueCalls.length);
      expect(fromImport!.calls.abandonmentRate).toBeCloseTo(abandonedInFile / queueCalls.length, 12);
      expect(fromImport!.calls.handle.meanSeconds).toBeCloseTo(handleMean, 6);
      expect(fromPhone!.calls).toEqual(fromImport!.calls);
    }, 1_800_000);

    it('refuses a webhook with a bad signature or for an unknown connector, writing nothing', async () => {
      const before = (await app.shoreline.ctx.db.selectFrom('phone_calls').select('id').execute()).length;
      const body = JSON.stringify({ events: [{ callId: 'x1', kind: 'queued', at: '2026-12-03T08:00:00Z' }] });
      const t = Math.floor(clock.now().getTime() / 1000);
      const made = (await (
        await app.request('/api/phone/connectors', { body: { name: 'PBX 2' }, auth: admin })
      ).json()) as { id: string; secret: string };
      for (const [id, signature] of [
        [made.id, signatureHeader('wrong secret', body, t)],
        [made.id, signatureHeader(made.secret, body, t - 3600)],
        ['phc_unknown', signatureHeader(made.secret, body, t)],
      ] as const) {
        const res = await app.request(`/api/phone/webhook/${id}`, {
          method: 'POST',
          rawBody: body,
          headers: { 'content-type': 'application/json', 'shoreline-signature': signature },
        });
        expect(res.status).toBe(401);
      }
      expect((await app.shoreline.ctx.db.selectFrom('phone_calls').select('id').execute()).length).toBe(
        before,
      );
    });

    it('an API call report opens a ticket with the recording link, agent and outcome, and answers problems by field', async () => {
      const res = await app.request('/api/phone/events', {
        auth: admin,
        body: {
          events: [
            { callId: 'api-1', kind: 'queued', at: '2026-12-03T08:00:00Z', from: '+905551112233' },
            { callId: 'api-1', kind: 'answered', at: '2026-12-03T08:00:20Z', agent: 'Noa Levi' },
            {
              callId: 'api-1',
              kind: 'ended',
              at: '2026-12-03T08:05:20Z',
              recordingUrl: 'https://pbx.example/rec/1.mp3',
              outcome: 'resolved',
            },
          ],
        },
      });
      expect(res.status).toBe(200);
      const [call] = ((await res.json()) as { calls: Record<string, unknown>[] }).calls;
      expect(call).toMatchObject({
        status: 'ended',
        queueSeconds: null,
        agent: 'Noa Levi',
        outcome: 'resolved',
        recordingUrl: 'https://pbx.example/rec/1.mp3',
      });
      const ticket = (await (
        await app.request(`/api/tickets/${call!.ticketId}`, { auth: admin })
      ).json()) as Record<string, unknown>;
      expect((ticket as { ticket: Record<string, unknown> }).ticket).toMatchObject({
        channel: 'phone',
        status: 'solved',
      });
      const bad = await app.request('/api/phone/events', {
        auth: admin,
        body: { events: [{ callId: 'api-2', kind: 'rang', at: 'now' }] },
      });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(await bad.json())).toContain('events.0.kind');
    });
  },
);
