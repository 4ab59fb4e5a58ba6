import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientForecast, Settlement } from '../src/contract.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/seed.js';
import type { SavedPlan, SavedPlanInput } from '../src/modules/plan/index.js';
import { settlementOf, solvedTicket, startGovernDemo } from '../src/test-support/govern-demo.js';
import type { Auth, TestApp } from '../src/test-support/test-app.js';
import { forecastBandContract } from './govern/forecast-band-contract.js';
import { balticProvider, buildPlan, weekPlanInput } from './plan-saved-support.js';

/**
 * Decision 0063: a plan's forecast sent to a vendor carries its volume per day, and the settlement's
 * forecast relief counts the days it judges by those volumes, not pro rata. The plan's week runs from
 * Monday 27 March to Sunday 2 April 2023, Mondays three times as busy as other days; the March
 * settlement judges Monday to Friday (27–31), which hold far more than 5/7 of the week's volume.
 */
describe('plan: a plan’s per-day forecast in the forecast relief of a month that takes part of it', () => {
  let app: TestApp;
  let admin: Auth;
  let supervisor: Auth;
  let baltic = '';
  let organizationId = '';
  let plan: SavedPlan;

  const MARCH_DAYS = ['2023-03-27', '2023-03-28', '2023-03-29', '2023-03-30', '2023-03-31'];
  /** Three weeks of hours from Monday 6 March 2023: by day 12 an hour on Mondays, 4 on other days; 1 at night. */
  const history = Array.from({ length: 21 * 24 }, (_, i) => {
    const day = Math.floor(i / 24) % 7;
    const hour = i % 24;
    if (hour < 8 || hour >= 20) return 1;
    return day === 0 ? 12 : 4;
  });
  const input = (): SavedPlanInput =>
    weekPlanInput('Week of 27 March', { start: '2023-03-06T00:00', stepMin: 60, values: history }, [
      balticProvider(baltic),
    ]);
  const forecastsOf = async (): Promise<ClientForecast[]> =>
    (await (await app.request(`/api/govern/forecasts?providerId=${baltic}`, { auth: admin })).json()).items;
  const settle = (): Promise<Settlement> => settlementOf(app, admin, baltic, '2023-03');
  /** The plan's forecast per day (its one provider takes every interval). */
  const planDays = () => {
    const v = plan.result!.forecast.volume;
    return Array.from({ length: 7 }, (_, d) => v.slice(d * 24, d * 24 + 24).reduce((a, b) => a + b, 0));
  };

  beforeAll(async () => {
    ({ app, admin, baltic, organizationId } = await startGovernDemo());
    supervisor = await app.login(DEMO_USERS.supervisor, DEMO_PASSWORD);
    plan = await buildPlan(app, supervisor, input());
    expect(plan.status).toBe('done');
    expect(plan.result!.forecastStart).toBe('2023-03-27T00:00');
    // 12 urgent tickets a day from Monday to Friday, each resolved late; two on Saturday 1 April (not March).
    await app.shoreline.ctx.db
      .insertInto('tickets')
      .values(
        [
          ...MARCH_DAYS.flatMap((day) => Array.from({ length: 12 }, () => day)),
          '2023-04-01',
          '2023-04-01',
        ].map((day, i) =>
          solvedTicket({
            id: `tkt_days_${i}`,
            organizationId,
            providerId: baltic,
            day,
            priority: 'urgent',
            resolutionSeconds: 10_800,
          }),
        ),
      )
      .execute();
    const applied = await app.request('/api/govern/contracts', {
      auth: admin,
      body: forecastBandContract(baltic, { aboveBp: 1_000, belowBp: 1_000 }),
    });
    expect(applied.status).toBe(201);
  }, 120_000);
  afterAll(() => app.close());

  it('the plan’s forecast is uneven: Monday well above the other days', () => {
    const days = planDays();
    expect(days[0]!).toBeGreaterThan(1.8 * days[1]!);
  });

  it('the forecast sent carries the plan’s volume per day, whole numbers adding up to its volume', async () => {
    const sent = await app.request(`/api/plan/plans/${plan.id}/forecasts`, {
      auth: admin,
      body: { vendors: [{ planProvider: baltic, providerId: baltic }] },
    });
    expect(sent.status).toBe(201);
    const [forecast] = await forecastsOf();
    expect(forecast).toMatchObject({ from: '2023-03-27', to: '2023-04-02', planId: plan.id });
    const daily = forecast!.dailyVolumes!;
    expect(daily).toHaveLength(7);
    expect(daily.reduce((a, b) => a + b, 0)).toBe(forecast!.volume);
    // Each day is the plan's own day rounded down or up (largest remainders).
    for (const [d, exact] of planDays().entries()) expect(Math.abs(daily[d]! - exact)).toBeLessThan(1);
  });

  it('the March settlement counts the plan’s Monday-to-Friday volume, not 5/7 of the week', async () => {
    const [forecast] = await forecastsOf();
    const mondayToFriday = forecast!.dailyVolumes!.slice(0, 5).reduce((a, b) => a + b, 0);
    const proRata = Math.round((forecast!.volume * 5) / 7);
    expect(mondayToFriday - proRata).toBeGreaterThan(10);
    const st = await settle();
    expect(st.forecast).toMatchObject({ forecastId: forecast!.id, volume: mondayToFriday, actual: 60 });
    expect(st.forecast!.pieces).toEqual([
      expect.objectContaining({
        forecastId: forecast!.id,
        from: '2023-03-27',
        to: '2023-03-31',
        days: 5,
        volume: mondayToFriday,
        spread: 'daily',
      }),
    ]);
  });

  it('a forecast typed in as one number over the same week counts pro rata by day', async () => {
    const typed = await app.request('/api/govern/forecasts', {
      auth: admin,
      body: { providerId: baltic, from: '2023-03-27', to: '2023-04-02', volume: 700 },
    });
    expect(typed.status).toBe(201);
    expect(await typed.json()).toMatchObject({ volume: 700, dailyVolumes: null });
    const st = await settle();
    expect(st.forecast).toMatchObject({ volume: 500, actual: 60 });
    expect(st.forecast!.pieces).toEqual([expect.objectContaining({ days: 5, volume: 500, spread: 'even' })]);
  });
});
