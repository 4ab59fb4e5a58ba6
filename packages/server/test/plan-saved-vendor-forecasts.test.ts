import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientForecast, Settlement } from '../src/contract.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/seed.js';
import type { SavedPlan, SavedPlanInput } from '../src/modules/plan/index.js';
import { settlementOf, solvedTicket, startGovernDemo } from '../src/test-support/govern-demo.js';
import type { Auth, TestApp } from '../src/test-support/test-app.js';
import { forecastBandContract } from './govern/forecast-band-contract.js';
import { balticProvider, buildPlan, weekPlanInput } from './plan-saved-support.js';

/**
 * A saved plan's split sent to its two vendors (decision 0059): each vendor's share of the forecast
 * becomes a client forecast in Govern, and Baltic Contact's settlement for March 2023 judges its
 * forecast relief against that volume, on the plan's days and language only.
 */
describe('plan: a plan’s split sent to its vendors as client forecasts', () => {
  let app: TestApp;
  let admin: Auth;
  let supervisor: Auth;
  let balticLead: Auth;
  let baltic = '';
  let manila = '';
  let inHouse = '';
  let organizationId = '';
  let plan: SavedPlan;
  let balticVolume = 0;
  let manilaVolume = 0;

  /** Three weeks of hours from Wednesday 8 February 2023: 3 an hour by day, 1 at night; the forecast starts on 1 March. */
  const history = Array.from({ length: 21 * 24 }, (_, i) => (i % 24 >= 8 && i % 24 < 20 ? 3 : 1));
  const input = (name: string): SavedPlanInput =>
    weekPlanInput(
      name,
      { start: '2023-02-08T00:00', stepMin: 60, values: history },
      [
        balticProvider(baltic, 480, 1200),
        {
          id: 'night',
          name: 'Manila CX',
          languages: ['en'],
          hours: [{ days: [0, 1, 2, 3, 4, 5, 6], openMin: 1200, closeMin: 480 }],
          costPerAgentHour: 12,
        },
      ],
      { historyScope: { language: 'en' } },
    );
  const send = (auth: Auth, vendors: unknown, id = plan.id) =>
    app.request(`/api/plan/plans/${id}/forecasts`, { auth, body: { vendors } });
  const bothVendors = () => [
    { planProvider: baltic, providerId: baltic },
    { planProvider: 'Manila CX', providerId: manila },
  ];
  const forecastsOf = async (providerId: string): Promise<ClientForecast[]> =>
    (await (await app.request(`/api/govern/forecasts?providerId=${providerId}`, { auth: admin })).json())
      .items;
  const settle = (): Promise<Settlement> => settlementOf(app, admin, baltic, '2023-03');
  const tickets = (tag: string, days: string[], perDay: number, language: string) =>
    days.flatMap((day) =>
      Array.from({ length: perDay }, (_, i) => ({
        ...solvedTicket({
          id: `tkt_${tag}_${day}_${i}`,
          organizationId,
          providerId: baltic,
          day,
          priority: 'urgent',
          resolutionSeconds: 10_800,
        }),
        language,
      })),
    );

  beforeAll(async () => {
    ({ app, admin, balticLead, baltic, organizationId } = await startGovernDemo());
    supervisor = await app.login(DEMO_USERS.supervisor, DEMO_PASSWORD);
    const providers = await app.shoreline.ctx.db
      .selectFrom('providers')
      .select(['id', 'name', 'kind'])
      .where('organization_id', '=', organizationId)
      .execute();
    manila = providers.find((p) => p.name === 'Manila CX')!.id;
    inHouse = providers.find((p) => p.kind === 'in_house')!.id;
    plan = await buildPlan(app, supervisor, input('March week'));
    expect(plan.status).toBe('done');
    balticVolume = Math.round(plan.result!.providers.find((p) => p.id === baltic)!.totalVolume);
    manilaVolume = Math.round(plan.result!.providers.find((p) => p.id === 'night')!.totalVolume);
    expect(balticVolume).toBeGreaterThan(100);
    expect(manilaVolume).toBeGreaterThan(0);
    const applied = await app.request('/api/govern/contracts', {
      auth: admin,
      body: forecastBandContract(baltic, { aboveBp: 1_000, belowBp: 1_000 }),
    });
    expect(applied.status).toBe(201);
  }, 120_000);
  afterAll(() => app.close());

  it('only an administrator who may log forecasts sends; bad input names the field; nothing is logged', async () => {
    expect((await send(supervisor, bothVendors())).status).toBe(404);
    expect((await send(balticLead, bothVendors())).status).toBe(404);
    const unknown = await send(admin, [{ planProvider: 'nobody', providerId: baltic }]);
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors).toContainEqual(
      expect.objectContaining({ field: 'vendors.0.planProvider' }),
    );
    const notVendor = await send(admin, [
      { planProvider: baltic, providerId: baltic },
      { planProvider: 'night', providerId: inHouse },
    ]);
    expect(notVendor.status).toBe(400);
    expect((await notVendor.json()).errors).toContainEqual(
      expect.objectContaining({ field: 'vendors.1.providerId' }),
    );
    expect(await forecastsOf(baltic)).toHaveLength(0);
    expect(await forecastsOf(manila)).toHaveLength(0);
  });

  it('logs one forecast per vendor of the split: its volume, the plan’s days and language, a note naming the plan', async () => {
    const res = await send(admin, bothVendors());
    expect(res.status).toBe(201);
    const sent = (await res.json()) as SavedPlan;
    expect(sent.sentForecasts.map((f) => [f.providerId, f.volume, f.from, f.to, f.language])).toEqual(
      expect.arrayContaining([
        [baltic, balticVolume, '2023-03-01', '2023-03-07', 'en'],
        [manila, manilaVolume, '2023-03-01', '2023-03-07', 'en'],
      ]),
    );
    const [balticRow] = await forecastsOf(baltic);
    expect(balticRow).toMatchObject({
      volume: balticVolume,
      from: '2023-03-01',
      to: '2023-03-07',
      language: 'en',
      queue: null,
      planId: plan.id,
      superseded: false,
    });
    expect(balticRow!.note).toContain('“March week” version 1');
    expect(sent.sentForecasts.find((f) => f.providerId === baltic)!.forecastId).toBe(balticRow!.id);
    const [manilaRow] = await forecastsOf(manila);
    expect(manilaRow).toMatchObject({ volume: manilaVolume, planId: plan.id });
  });

  it('the settlement’s forecast relief judges the plan’s volume against the English tickets of the plan’s days', async () => {
    // Above the band: 30 % more English tickets than the plan forecast, on its days; German ones
    // and tickets after its last day are outside its scope and must not count.
    const days = [
      '2023-03-01',
      '2023-03-02',
      '2023-03-03',
      '2023-03-04',
      '2023-03-05',
      '2023-03-06',
      '2023-03-07',
    ];
    const perDay = Math.ceil((balticVolume * 1.3) / days.length);
    await app.shoreline.ctx.db
      .insertInto('tickets')
      .values([
        ...tickets('en', days, perDay, 'en'),
        ...tickets('de', days, 5, 'de'),
        ...tickets('late', ['2023-03-20'], 7, 'en'),
      ])
      .execute();
    const st = await settle();
    const [balticRow] = await forecastsOf(baltic);
    expect(st.forecast).toMatchObject({
      forecastId: balticRow!.id,
      volume: balticVolume,
      actual: perDay * days.length,
      relieved: true,
      reason: 'above_band',
    });
    expect(st.forecast!.pieces).toEqual([
      expect.objectContaining({ forecastId: balticRow!.id, days: 7, planId: plan.id, language: 'en' }),
    ]);
    expect(st.volumes.contacts).toBe(perDay * days.length + 5 * days.length + 7);
    expect(st.creditsMinor).toBe(0);
  });

  it('sending again logs newer rows that supersede the first; a month forecast logged by hand keeps the other days', async () => {
    // A whole-month forecast typed in before the plan's second sending: 31 a day.
    const month = await app.request('/api/govern/forecasts', {
      auth: admin,
      body: { providerId: baltic, period: '2023-03', volume: 31 * 31 },
    });
    expect(month.status).toBe(201);
    const renamed = await app.request(`/api/plan/plans/${plan.id}`, {
      method: 'PATCH',
      auth: supervisor,
      body: { name: 'March week, agreed' },
    });
    expect(renamed.status).toBe(200);
    const again = await send(admin, [{ planProvider: baltic, providerId: baltic }]);
    expect(again.status).toBe(201);
    const sent = (await again.json()) as SavedPlan;
    expect(sent.sentForecasts.map((f) => [f.providerId, f.version])).toEqual([
      [baltic, 2],
      [baltic, 1],
      [manila, 1],
    ]);
    const list = await forecastsOf(baltic);
    expect(list.map((f) => [f.planId, f.superseded])).toEqual([
      [plan.id, false],
      [null, false],
      [plan.id, true],
    ]);
    expect(list[0]!.note).toContain('“March week, agreed” version 2');
    // The plan's newer forecast decides 1–7 March (English); the month's forecast the other 24 days
    // pro rata (24 × 31), against every ticket of those days (the 7 English ones of the 20th).
    const st = await settle();
    expect(st.forecast).toMatchObject({
      forecastId: list[0]!.id,
      volume: balticVolume + 24 * 31,
      actual: perDayOf(st) * 7 + 7,
    });
    expect(st.forecast!.pieces!.map((p) => [p.forecastId, p.days, p.from, p.to])).toEqual([
      [list[0]!.id, 7, '2023-03-01', '2023-03-07'],
      [list[1]!.id, 24, '2023-03-08', '2023-03-31'],
    ]);
  });
});

/** The English tickets a day of 1–7 March got in the test above (the first piece's actual ÷ 7). */
function perDayOf(st: Settlement): number {
  return st.forecast!.pieces![0]!.actual / 7;
}
