import { describe, expect, it } from 'vitest';
import type { ClientForecast, PlanActuals, SavedPlan } from '../src/contract.js';
import type { Auth, TestApp } from '../src/test-support/test-app.js';
import { signedInAround } from './app-around.js';
import { buildPlan, hourlyHistory, houseAndNightVendor } from './plan-saved-support.js';

/**
 * Decision 0063: a plan from an uploaded SERIES.csv declares the scope its series counts (queue,
 * channel, language, provider); the scope is checked, saved with the plan, and actual against plan
 * counts only the tickets in it. The plan's two days are Monday 22 and Tuesday 23 May 2023, when the
 * demo has no tickets of its own.
 */
describe('plan: the declared scope of an uploaded series', () => {
  const t = {} as {
    app: TestApp;
    auth: Record<'admin' | 'supervisor' | 'vendorAdmin', Auth>;
    organizationId: string;
    baltic: string;
    manila: string;
    plan: SavedPlan;
  };
  const scope = () => ({ queue: 'billing', channel: 'email' as const, language: 'de', providerId: t.baltic });
  const body = (historyScope: unknown) => ({
    name: 'Uploaded billing series',
    history: { start: '2023-05-01T00:00', stepMin: 60, values: hourlyHistory() },
    historyScope,
    horizonDays: 2,
    ahtSec: 300,
    serviceLevel: { fraction: 0.8, withinSec: 20 },
    providers: houseAndNightVendor(),
  });
  const actuals = (query = '') =>
    t.app.request(`/api/plan/plans/${t.plan.id}/actuals${query}`, { auth: t.auth.supervisor });
  /** A ticket at 09:15 UTC on 22 May 2023, in the plan's scope but for the fields given. */
  const ticket = (
    i: number,
    o: Partial<Record<'source_group' | 'channel' | 'language' | 'provider_id', string>>,
  ) => ({
    id: `tkt_scope_${i}`,
    organization_id: t.organizationId,
    provider_id: t.baltic,
    source: 'test',
    external_id: `scope-${i}`,
    source_group: 'billing',
    channel: 'email',
    language: 'de',
    created_at: new Date('2023-05-22T09:15:00Z'),
    tags: [],
    quality_flags: [],
    custom: '{}',
    reopen_count: 0,
    handoff_count: 0,
    ...o,
  });

  signedInAround(['admin', 'supervisor', 'vendorAdmin'], {}, async (app, auth) => {
    Object.assign(t, { app, auth });
    const providers = await app.shoreline.ctx.db
      .selectFrom('providers')
      .select(['id', 'name', 'organization_id'])
      .execute();
    t.baltic = providers.find((p) => p.name === 'Baltic Contact')!.id;
    t.manila = providers.find((p) => p.name === 'Manila CX')!.id;
    t.organizationId = providers[0]!.organization_id;
  });

  it('refuses a scope it cannot match to tickets, naming the field; nothing is saved', async () => {
    const before = (await (await t.app.request('/api/plan/plans', { auth: t.auth.supervisor })).json()).items
      .length;
    const pigeon = await t.app.request('/api/plan/plans', {
      auth: t.auth.supervisor,
      body: body({ ...scope(), channel: 'pigeon' }),
    });
    expect(pigeon.status).toBe(400);
    expect((await pigeon.json()).errors).toContainEqual(
      expect.objectContaining({ field: 'historyScope.channel' }),
    );
    const stranger = await t.app.request('/api/plan/plans', {
      auth: t.auth.supervisor,
      body: body({ ...scope(), providerId: 'prv_nobody' }),
    });
    expect(stranger.status).toBe(400);
    expect((await stranger.json()).errors).toContainEqual(
      expect.objectContaining({ field: 'historyScope.providerId' }),
    );
    const after = (await (await t.app.request('/api/plan/plans', { auth: t.auth.supervisor })).json()).items
      .length;
    expect(after).toBe(before);
  });

  it('saves the declared scope with the plan', async () => {
    t.plan = await buildPlan(t.app, t.auth.supervisor, body(scope()));
    expect(t.plan.status).toBe('done');
    expect(t.plan.result!.forecastStart).toBe('2023-05-22T00:00');
    expect(t.plan.input.historyScope).toEqual(scope());
  });

  it('actual against plan counts the tickets of the declared scope only', async () => {
    await t.app.shoreline.ctx.db
      .insertInto('tickets')
      .values([
        ticket(1, {}),
        ticket(2, {}),
        ticket(3, {}),
        ticket(4, { source_group: 'sales' }),
        ticket(5, { channel: 'chat' }),
        ticket(6, { language: 'en' }),
        ticket(7, { provider_id: t.manila }),
      ])
      .execute();
    const res = await actuals();
    expect(res.status).toBe(200);
    const a = (await res.json()) as PlanActuals;
    expect(a.scope).toEqual({ queue: 'billing', channel: 'email', language: 'de', providerId: t.baltic });
    expect(a.actual[9]).toBe(3);
    expect(a.actual.reduce((x, y) => x + y, 0)).toBe(3);
    // The query narrows nothing the plan's scope fixes: another queue is refused, naming the field.
    const other = await actuals('?queue=sales');
    expect(other.status).toBe(400);
    expect((await other.json()).errors).toContainEqual(expect.objectContaining({ field: 'query.queue' }));
    expect((await actuals('?queue=billing')).status).toBe(200);
  });

  it('the forecasts sent carry the scope; a vendor’s staff see only their provider’s, and no plan', async () => {
    const sent = await t.app.request(`/api/plan/plans/${t.plan.id}/forecasts`, {
      auth: t.auth.admin,
      body: {
        vendors: [
          { planProvider: 'house', providerId: t.baltic },
          { planProvider: 'manila', providerId: t.manila },
        ],
      },
    });
    expect(sent.status).toBe(201);
    const seen = (await (await t.app.request('/api/govern/forecasts', { auth: t.auth.vendorAdmin })).json())
      .items as ClientForecast[];
    expect(seen.map((f) => [f.providerId, f.queue, f.channel, f.language])).toEqual([
      [t.baltic, 'billing', 'email', 'de'],
    ]);
    expect(
      (await t.app.request(`/api/plan/plans/${t.plan.id}/actuals`, { auth: t.auth.vendorAdmin })).status,
    ).toBe(404);
    expect((await t.app.request(`/api/plan/plans/${t.plan.id}`, { auth: t.auth.vendorAdmin })).status).toBe(
      404,
    );
  });
});
