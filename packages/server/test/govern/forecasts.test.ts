import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settlementOf, solvedTicket, startGovernDemo } from '../../src/test-support/govern-demo.js';
import type { Auth, TestApp } from '../../src/test-support/test-app.js';
import { forecastBandContract } from './forecast-band-contract.js';

/**
 * The client's logged forecasts and the contract's forecast relief (decision 0039): 12 urgent tickets
 * in March 2023, each resolved in 3 h against a 2 h critical term, so the month misses and owes a
 * credit unless the volume was outside the band (±10 % above) around the forecast the client logged.
 */
describe('govern: client forecasts and forecast relief', () => {
  let app: TestApp;
  let admin: Auth;
  let balticLead: Auth;
  let manilaAgent: Auth;
  let baltic = '';

  const settle = () => settlementOf(app, admin, baltic, '2023-03');
  const logForecast = (auth: Auth, body: Record<string, unknown>) =>
    app.request('/api/govern/forecasts', { auth, body: { providerId: baltic, ...body } });

  beforeAll(async () => {
    let organizationId = '';
    ({ app, admin, balticLead, manilaAgent, baltic, organizationId } = await startGovernDemo());
    await app.shoreline.ctx.db
      .insertInto('tickets')
      .values(
        Array.from({ length: 12 }, (_, i) =>
          solvedTicket({
            id: `tkt_forecast_${i}`,
            organizationId,
            providerId: baltic,
            day: `2023-03-${String(2 + i).padStart(2, '0')}`,
            priority: 'urgent',
            resolutionSeconds: 10_800,
          }),
        ),
      )
      .execute();
    const applied = await app.request('/api/govern/contracts', {
      auth: admin,
      body: forecastBandContract(baltic, { aboveBp: 1_000 }),
    });
    expect(applied.status).toBe(201);
  });
  afterAll(() => app.close());

  it('without a logged forecast the missed month owes its credit, and the statement shows no forecast', async () => {
    const st = await settle();
    expect(st.volumes.contacts).toBe(12);
    expect(st.creditsMinor).toBeGreaterThan(0);
    expect(st.forecast).toBeUndefined();
  });

  it('vendor staff cannot log a forecast; bad input names the field', async () => {
    expect((await logForecast(balticLead, { period: '2023-03', volume: 10 })).status).toBe(404);
    const negative = await logForecast(admin, { period: '2023-03', volume: -1 });
    expect(negative.status).toBe(400);
    expect((await negative.json()).errors).toContainEqual(expect.objectContaining({ field: 'volume' }));
    const openRange = await logForecast(admin, { from: '2023-03-01', volume: 10 });
    expect(openRange.status).toBe(400);
    expect((await openRange.json()).errors).toContainEqual(expect.objectContaining({ field: 'to' }));
    const list = await (await app.request('/api/govern/forecasts', { auth: admin })).json();
    expect(list.items.filter((f: { providerId: string }) => f.providerId === baltic)).toHaveLength(0);
  });

  it('actual above the band around the logged forecast relieves the credit: 12 > 10 × 1.1', async () => {
    const logged = await logForecast(admin, { period: '2023-03', volume: 10, note: 'monthly call' });
    expect(logged.status).toBe(201);
    expect(await logged.json()).toMatchObject({ from: '2023-03-01', to: '2023-03-31', volume: 10 });
    const st = await settle();
    expect(st.forecast).toMatchObject({ volume: 10, actual: 12, relieved: true, reason: 'above_band' });
    expect(st.creditsMinor).toBe(0);
    expect(st.creditLines.every((l: { relieved: boolean }) => l.relieved)).toBe(true);
  });

  it('a late change is a new version beside the old; within the band (12 ≤ 11 × 1.1) the credit applies', async () => {
    expect((await logForecast(admin, { period: '2023-03', volume: 11 })).status).toBe(201);
    const list = await (
      await app.request(`/api/govern/forecasts?providerId=${baltic}`, { auth: admin })
    ).json();
    expect(list.items.map((f: { volume: number; superseded: boolean }) => [f.volume, f.superseded])).toEqual([
      [11, false],
      [10, true],
    ]);
    const st = await settle();
    expect(st.forecast).toMatchObject({ volume: 11, actual: 12, relieved: false, reason: 'inside_band' });
    expect(st.creditsMinor).toBeGreaterThan(0);
  });

  it('vendor staff read only their own provider’s forecasts', async () => {
    const own = await (await app.request('/api/govern/forecasts', { auth: balticLead })).json();
    expect(own.items).toHaveLength(2);
    const other = await (await app.request('/api/govern/forecasts', { auth: manilaAgent })).json();
    expect(other.items).toHaveLength(0);
  });
});
