import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiServiceOf } from '../../src/modules/insight/index.js';
import { ticketService } from '../../src/modules/tickets/index.js';
import { fixedClock } from '../../src/platform/clock.js';
import { systemActor } from '../../src/platform/scope.js';
import { startTestApp, type TestApp } from '../../src/test-support/test-app.js';

/** A survey per solved ticket, answered once through its link, counted by Insight's CSAT KPI. */
describe('CSAT surveys', () => {
  let app: TestApp;
  const clock = fixedClock(new Date('2026-12-03T09:00:00Z'));

  beforeAll(async () => {
    app = await startTestApp({ demo: true, clock });
  }, 120_000);
  afterAll(() => app?.close());

  it('a solved ticket gets one survey; its answer reaches the ticket and the KPIs; a second answer is refused', async () => {
    const org = (
      await app.shoreline.ctx.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow()
    ).id;
    const s = app.shoreline.ctx.scope(systemActor('test', org));
    const ticket = (await ticketService.createTicket(s, clock, {
      subject: 'Sipariş',
      channel: 'chat',
      language: 'tr',
      message: { body: 'Siparişim nerede?', authorType: 'customer' },
    })) as { id: string };
    await ticketService.changeStatus(s, clock, ticket.id, 'solved');
    await app.shoreline.ctx.events.drain();
    const surveys = await app.shoreline.ctx.db
      .selectFrom('csat_surveys')
      .selectAll()
      .where('ticket_id', '=', ticket.id)
      .execute();
    expect(surveys).toHaveLength(1);
    const token = surveys[0]!.token;

    expect(await (await app.request(`/api/csat/${token}`)).json()).toEqual({
      language: 'tr',
      answered: false,
      scales: ['1-5', 'binary'],
    });
    const bad = await app.request(`/api/csat/${token}`, { body: { scale: '1-5', score: 0 } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('score');
    const ok = await app.request(`/api/csat/${token}`, {
      body: { scale: '1-5', score: 4, comment: 'Hızlıydı, teşekkürler' },
    });
    expect(ok.status).toBe(200);
    expect((await app.request(`/api/csat/${token}`, { body: { scale: 'binary', score: 0 } })).status).toBe(
      409,
    );
    expect((await app.request('/api/csat/not-a-real-token-at-all')).status).toBe(404);

    const [row] = await kpiServiceOf(app.shoreline.ctx).kpis(s, 'none', { source: 'live' });
    // confirmed by hand: 4 on 1–5 normalises to (4 − 1) / 4 = 0.75, the only rating.
    expect(row).toMatchObject({ csatResponses: 1, csatMean: 0.75, csatSatisfiedShare: 1 });
  });
});
