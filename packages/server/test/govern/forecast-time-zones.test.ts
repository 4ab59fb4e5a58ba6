import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientForecast, Settlement } from '../../src/contract.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import type { SavedPlan, SavedPlanInput } from '../../src/modules/plan/index.js';
import { settlementOf, solvedTicket, startGovernDemo } from '../../src/test-support/govern-demo.js';
import type { Auth, TestApp } from '../../src/test-support/test-app.js';
import { balticProvider, buildPlan, weekPlanInput } from '../plan-saved-support.js';
import { forecastBandContract } from './forecast-band-contract.js';

/**
 * Decision 0065: a forecast's days are local days of its time zone, so the forecast relief counts the
 * vendor's tickets between those local midnights, and exit readiness counts the vendor's volume by
 * local hour. Instants are chosen on either side of each boundary; the UTC reading of the same days
 * (what Shoreline did before) counts differently in each case, so each assertion fails on it.
 */
describe('govern: forecasts and exit readiness counted in local days and hours', () => {
  let app: TestApp;
  let admin: Auth;
  let supervisor: Auth;
  let baltic = '';
  let organizationId = '';
  let contractId = '';

  /** Baltic's tickets created at these instants (each solved 3 h later, urgent). */
  const ticketsAt = async (prefix: string, instants: readonly string[]) =>
    app.shoreline.ctx.db
      .insertInto('tickets')
      .values(
        instants.map((at, i) => ({
          ...solvedTicket({
            id: `tkt_${prefix}_${i}`,
            organizationId,
            providerId: baltic,
            day: at.slice(0, 10),
            priority: 'urgent',
            resolutionSeconds: 10_800,
          }),
          created_at: new Date(at),
          solved_at: new Date(Date.parse(at) + 10_800_000),
        })),
      )
      .execute();
  const logForecast = (body: Record<string, unknown>) =>
    app.request('/api/govern/forecasts', { auth: admin, body: { providerId: baltic, ...body } });
  const settle = (period: string): Promise<Settlement> => settlementOf(app, admin, baltic, period);
  const pieceOf = (st: Settlement, forecastId: string) =>
    st.forecast?.pieces?.find((p) => p.forecastId === forecastId);
  const exit = (body: Record<string, unknown>) =>
    app.request(`/api/govern/contracts/${contractId}/exit-readiness`, {
      auth: admin,
      body: { inHouseAgents: 1, ...body },
    });
  const forecastCount = async () =>
    Number(
      (
        await app.shoreline.ctx.db
          .selectFrom('client_forecasts')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    ({ app, admin, baltic, organizationId } = await startGovernDemo());
    supervisor = await app.login(DEMO_USERS.supervisor, DEMO_PASSWORD);
    const applied = await app.request('/api/govern/contracts', {
      auth: admin,
      body: forecastBandContract(baltic, { aboveBp: 1_000, belowBp: 1_000 }),
    });
    expect(applied.status).toBe(201);
    contractId = (await applied.json()).contractId;
    // Istanbul (UTC+3 all year): 21:30Z on the 12th is 00:30 on the 13th; 22:30Z on the 15th is 01:30
    // on the 16th; 20:00Z on the 16th is 23:00 there; 21:30Z on the 16th is 00:30 on the 17th.
    await ticketsAt('ist', [
      '2023-03-12T21:30:00Z',
      '2023-03-15T22:30:00Z',
      '2023-03-16T10:00:00Z',
      '2023-03-16T20:00:00Z',
      '2023-03-16T21:30:00Z',
    ]);
    // Riga springs forward on Sunday 26 March 2023 (03:00 EET → 04:00 EEST): the day runs from
    // 22:00Z on the 25th to 21:00Z on the 26th, 23 hours.
    await ticketsAt('rig', [
      '2023-03-25T21:59:00Z', // 23:59 on the 25th
      '2023-03-25T22:00:00Z', // 00:00 on the 26th
      '2023-03-26T20:59:00Z', // 23:59 on the 26th (summer time)
      '2023-03-26T21:00:00Z', // 00:00 on the 27th
      '2023-03-26T22:30:00Z', // 01:30 on the 27th
    ]);
    // New York falls back on Sunday 5 November 2023 (02:00 EDT → 01:00 EST): the day runs from 04:00Z
    // on the 5th to 05:00Z on the 6th, 25 hours.
    await ticketsAt('nyc', [
      '2023-11-05T02:00:00Z', // 22:00 on the 4th
      '2023-11-05T03:59:00Z', // 23:59 on the 4th
      '2023-11-05T04:00:00Z', // 00:00 on the 5th
      '2023-11-05T05:30:00Z', // 01:30 EDT
      '2023-11-05T06:30:00Z', // 01:30 EST: the repeated hour
      '2023-11-06T04:30:00Z', // 23:30 on the 5th
      '2023-11-06T05:00:00Z', // 00:00 on the 6th
    ]);
  }, 120_000);
  afterAll(() => app.close());

  it('a ticket at 22:30 UTC counts on the next local day in Europe/Istanbul (UTC+3)', async () => {
    const logged = await logForecast({
      from: '2023-03-16',
      to: '2023-03-16',
      volume: 3,
      timeZone: 'Europe/Istanbul',
    });
    expect(logged.status).toBe(201);
    const forecast = (await logged.json()) as ClientForecast;
    expect(forecast).toMatchObject({ from: '2023-03-16', to: '2023-03-16', timeZone: 'Europe/Istanbul' });
    // Local 16th: 01:30, 13:00 and 23:00; the ticket at 00:30 on the 17th is not. In UTC the 16th holds
    // 10:00, 20:00 and 21:30 but not 22:30 on the 15th: also 3, so the next check tells them apart.
    expect(pieceOf(await settle('2023-03'), forecast.id)).toMatchObject({
      timeZone: 'Europe/Istanbul',
      days: 1,
      actual: 3,
    });
    const the15th = (await (
      await logForecast({ from: '2023-03-15', to: '2023-03-15', volume: 1, timeZone: 'Europe/Istanbul' })
    ).json()) as ClientForecast;
    const the17th = (await (
      await logForecast({ from: '2023-03-17', to: '2023-03-17', volume: 1, timeZone: 'Europe/Istanbul' })
    ).json()) as ClientForecast;
    const st = await settle('2023-03');
    // Nothing on the 15th in Istanbul (its 22:30Z ticket is the 16th's); the 21:30Z ticket is the 17th's.
    expect(pieceOf(st, the15th.id)?.actual).toBe(0);
    expect(pieceOf(st, the17th.id)?.actual).toBe(1);
  });

  it('the same day in UTC (a forecast logged without a zone) counts UTC midnights, as before', async () => {
    const logged = (await (
      await logForecast({ from: '2023-03-15', to: '2023-03-15', volume: 1 })
    ).json()) as ClientForecast;
    expect(logged.timeZone).toBe('UTC');
    // It replaces the Istanbul forecast of the 15th (same days and scope, newer): 22:30Z counts there.
    expect(pieceOf(await settle('2023-03'), logged.id)).toMatchObject({ timeZone: 'UTC', actual: 1 });
  });

  it('a spring-forward day (Europe/Riga, 23 hours) counts its tickets between its local midnights', async () => {
    const logged = (await (
      await logForecast({ from: '2023-03-26', to: '2023-03-26', volume: 2, timeZone: 'Europe/Riga' })
    ).json()) as ClientForecast;
    // 00:00 and 23:59 local; not 23:59 the day before, nor 00:00 and 01:30 the day after. UTC's 26th
    // would count 20:59Z, 21:00Z and 22:30Z: 3.
    expect(pieceOf(await settle('2023-03'), logged.id)).toMatchObject({ timeZone: 'Europe/Riga', actual: 2 });
  });

  it('a fall-back day (America/New_York, 25 hours) counts both readings of its repeated hour', async () => {
    const logged = (await (
      await logForecast({ period: '2023-11', volume: 5, timeZone: 'America/New_York' })
    ).json()) as ClientForecast;
    const day = (await (
      await logForecast({ from: '2023-11-05', to: '2023-11-05', volume: 4, timeZone: 'America/New_York' })
    ).json()) as ClientForecast;
    const st = await settle('2023-11');
    // The 5th: 00:00, 01:30 EDT, 01:30 EST and 23:30 (UTC's 5th would count 02:00Z, 03:59Z, 04:00Z,
    // 05:30Z and 06:30Z: 5).
    expect(pieceOf(st, day.id)).toMatchObject({ days: 1, actual: 4 });
    // The month's other days in New York: 22:00 and 23:59 on the 4th, 00:00 on the 6th (UTC: 2).
    expect(pieceOf(st, logged.id)).toMatchObject({ days: 29, actual: 3 });
  });

  it('exit readiness counts the vendor’s month and hours in the zone asked for, or a team’s', async () => {
    const read = async (body: Record<string, unknown>) => {
      const res = await exit({ period: '2023-03', ...body });
      expect(res.status).toBe(200);
      return res.json() as Promise<{ timeZone: string; contacts: number; contactsByHour: number[] }>;
    };
    const utc = await read({});
    expect(utc.timeZone).toBe('UTC');
    expect(utc.contacts).toBe(10);
    // Hour 22 in UTC: 22:30Z on the 15th, 22:00Z on the 25th, 22:30Z on the 26th; in Istanbul all three are hour 1.
    expect(utc.contactsByHour[22]).toBe(3);
    const istanbul = await read({ timeZone: 'Europe/Istanbul' });
    expect(istanbul).toMatchObject({ timeZone: 'Europe/Istanbul', contacts: 10 });
    expect(istanbul.contactsByHour[1]).toBe(3);
    expect(istanbul.contactsByHour[13]).toBe(1);
    expect(istanbul.contactsByHour.reduce((a, b) => a + b, 0)).toBe(istanbul.contacts);
    // The Riga team's zone: +2 before 26 March, +3 after.
    const teams = (await (await app.request('/api/teams', { auth: admin })).json()).items as {
      id: string;
      timeZone: string;
    }[];
    const riga = teams.find((t) => t.timeZone === 'Europe/Riga')!;
    const byTeam = await read({ teamId: riga.id });
    expect(byTeam.timeZone).toBe('Europe/Riga');
    // Hour 23: 21:30Z on the 12th and 16th and 21:59Z on the 25th (EET), 20:59Z on the 26th (EEST).
    expect(byTeam.contactsByHour[23]).toBe(4);
  });

  it('exit readiness in New York’s November counts the repeated 01:00 hour twice in hour 1', async () => {
    const res = await exit({ period: '2023-11', timeZone: 'America/New_York' });
    const body = (await res.json()) as { contacts: number; contactsByHour: number[] };
    expect(body.contacts).toBe(7);
    expect(body.contactsByHour[1]).toBe(2);
    expect(body.contactsByHour[0]).toBe(2);
    expect(body.contactsByHour[23]).toBe(2);
  });

  it('an unknown zone is a 400 naming the field, and nothing is logged', async () => {
    const before = await forecastCount();
    const bad = await logForecast({ period: '2023-03', volume: 1, timeZone: 'Mars/Olympus' });
    expect(bad.status).toBe(400);
    const problem = await bad.json();
    expect(problem).toMatchObject({ code: 'validation_failed', field: 'timeZone' });
    expect(problem.errors).toEqual([
      expect.objectContaining({ field: 'timeZone', code: 'unknown_time_zone' }),
    ]);
    expect(await forecastCount()).toBe(before);
    const badExit = await exit({ timeZone: 'Europe/Atlantis' });
    expect(badExit.status).toBe(400);
    expect(await badExit.json()).toMatchObject({
      field: 'timeZone',
      errors: [{ code: 'unknown_time_zone' }],
    });
    const noTeam = await exit({ teamId: 'team_nope' });
    expect(noTeam.status).toBe(400);
    expect((await noTeam.json()).field).toBe('teamId');
    const both = await exit({ teamId: 'team_nope', timeZone: 'UTC' });
    expect((await both.json()).field).toBe('teamId');
  });

  describe('a saved plan keeps its zone and sends it with its vendor forecast', () => {
    // Two weeks of hours from Monday 27 February 2023, flat: 30 an hour (a few agents every hour, so
    // the shifts solve at once; 2 an hour is the small 24/7 team, whose shifts take the solver 20 s).
    const history = {
      start: '2023-02-27T00:00',
      stepMin: 60 as const,
      values: Array.from({ length: 14 * 24 }, () => 30),
    };
    const planInput = (extra: Partial<SavedPlanInput>): SavedPlanInput =>
      weekPlanInput('Istanbul week', history, [balticProvider(baltic)], extra);
    let plan: SavedPlan;

    beforeAll(async () => {
      plan = await buildPlan(app, supervisor, planInput({ timeZone: 'Europe/Istanbul' }));
      expect(plan.status).toBe('done');
    }, 120_000);

    it('keeps the zone given, and the forecast it sends carries it: Govern counts Istanbul’s days', async () => {
      expect(plan.input.timeZone).toBe('Europe/Istanbul');
      expect(plan.result!.forecastStart).toBe('2023-03-13T00:00');
      const sent = await app.request(`/api/plan/plans/${plan.id}/forecasts`, {
        auth: admin,
        body: { vendors: [{ planProvider: baltic, providerId: baltic }] },
      });
      expect(sent.status).toBe(201);
      const body = (await sent.json()) as SavedPlan;
      expect(body.sentForecasts[0]).toMatchObject({
        from: '2023-03-13',
        to: '2023-03-19',
        timeZone: 'Europe/Istanbul',
      });
      const st = await settle('2023-03');
      const piece = pieceOf(st, body.sentForecasts[0]!.forecastId);
      // 13–19 March in Istanbul: 21:30Z on the 12th (00:30 on the 13th), the 16th's three and the
      // 17th's one. UTC's week would count 4.
      expect(piece).toMatchObject({ timeZone: 'Europe/Istanbul', spread: 'daily', actual: 5 });
    });

    it('without a zone it takes the zone the organization’s in-house teams share, else UTC', async () => {
      const save = async () => {
        const res = await app.request('/api/plan/plans', { auth: supervisor, body: planInput({}) });
        expect(res.status).toBe(202);
        return ((await res.json()) as SavedPlan).input.timeZone;
      };
      // The demo's in-house teams work in Istanbul and Budapest: no one zone.
      expect(await save()).toBe('UTC');
      const teams = (await (await app.request('/api/teams', { auth: admin })).json()).items as {
        id: string;
        timeZone: string;
      }[];
      const budapest = teams.find((t) => t.timeZone === 'Europe/Budapest')!;
      const moved = await app.request(`/api/teams/${budapest.id}`, {
        method: 'PATCH',
        auth: admin,
        body: { timeZone: 'Europe/Istanbul' },
      });
      expect(moved.status).toBe(200);
      expect(await save()).toBe('Europe/Istanbul');
    });

    it('refuses an unknown zone naming `timeZone`, and saves nothing', async () => {
      const list = async () =>
        (await (await app.request('/api/plan/plans', { auth: supervisor })).json()).items.length;
      const before = await list();
      const res = await app.request('/api/plan/plans', {
        auth: supervisor,
        body: planInput({ timeZone: 'Europe/Atlantis' }),
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ field: 'timeZone', errors: [{ code: 'unknown_time_zone' }] });
      expect(await list()).toBe(before);
    });
  });
});
