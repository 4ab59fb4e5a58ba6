import { describe, expect, it } from 'vitest';
import type { SavedPlan } from '../src/modules/plan/index.js';
import type { Auth, TestApp } from '../src/test-support/test-app.js';
import { buildPlan, planInput, planWorldAround } from './plan-saved-support.js';

// Saved plans with named agents (issue 15): the plan's shifts staffed by each provider's own agents
// under the labour rules (rest between shifts, nights), their days, nights and hours, nights and
// weekends rotated fairly; the shifts CSV with an agent column and one iCalendar file per agent.

let t: TestApp;
let supervisor: Auth;
let agent: Auth;
let vendorAdmin: Auth;

planWorldAround(
  {},
  (world) => {
    ({ t, supervisor, agent, vendorAdmin } = world);
  },
  120_000,
);

const HOUSE_AGENTS = [
  { name: 'Ada', days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
  { name: 'Cy', maxHours: 16 },
  { name: 'Dee', prefers: ['4h'] },
  ...['Eli', 'Fay', 'Gus', 'Hal', 'Ivy', 'Jo', 'Kai', 'Lu', 'Mo', 'Ned', 'Oz', 'Pat', 'Ren', 'Sam'].map(
    (name) => ({ name }),
  ),
];
// By the provider's name or id; Noor works no nights (a 20:00–24:00 shift is not one under the EU preset).
const VENDOR_AGENTS = [
  { name: 'Noor', provider: 'Manila CX', nights: false },
  ...['Pia', 'Quin', 'Rae'].map((name) => ({ name, provider: 'Manila CX' })),
  ...['Sol', 'Tam', 'Uma'].map((name) => ({ name, provider: 'manila' })),
];

const INPUT = {
  ...planInput('Staffed week', 7),
  agents: [...HOUSE_AGENTS, ...VENDOR_AGENTS],
  // Three nights a week at most: the nights spread over the vendor's team.
  labour: { preset: 'EU', maxNightShiftsPerWeek: 3 },
};

const minuteOf = (day: string, clock: string) => Date.parse(`${day}T${clock}:00Z`) / 60_000;

/** A shift's worked minutes (meal excluded) from midnight 23 November, by an arithmetic of its own. */
function spanOf(s: {
  day: string;
  start: string;
  end: string;
  mealStart: string | null;
  mealEnd: string | null;
}) {
  const from = minuteOf(s.day, s.start);
  const to = from + ((minuteOf(s.day, s.end) - minuteOf(s.day, s.start) + 1440) % 1440 || 1440);
  const meal = s.mealStart === null ? null : from + ((minuteOf(s.day, s.mealStart) - from + 1440 * 2) % 1440);
  const mealTo =
    meal === null
      ? null
      : meal + ((minuteOf(s.day, s.mealEnd!) - minuteOf(s.day, s.mealStart!) + 1440) % 1440);
  const worked = (m: number) => meal === null || m < meal || m >= mealTo!;
  let night = 0;
  let paid = 0;
  for (let m = from; m < to; m++) {
    if (!worked(m)) continue;
    paid++;
    const clock = ((m % 1440) + 1440) % 1440;
    // The EU preset: night 23:00–06:00, a night shift works 3 h of it.
    if (clock >= 1380 || clock < 360) night++;
  }
  const weekday = new Date(from * 60_000).getUTCDay();
  return { from, to, paid, night: night >= 180, weekend: weekday === 0 || weekday === 6, weekday };
}

const built = (body: unknown): Promise<SavedPlan> => buildPlan(t, supervisor, body);

describe('saved plans staffed by named agents', () => {
  let plan: SavedPlan;

  it('assigns every shift to an agent of its provider, keeping rests, days, nights and hours, three nights a week at most, weekends rotated', async () => {
    plan = await built(INPUT);
    expect(plan.status).toBe('done');
    const r = plan.result!;
    const roster = r.roster!;
    // One roster row per scheduled shift, each provider's to its own agents.
    const total = r.providers.reduce((a, p) => a + p.shifts.reduce((b, s) => b + s.count, 0), 0);
    expect(roster.shifts).toHaveLength(total);
    const providerOf = new Map([
      ...HOUSE_AGENTS.map((a) => [a.name, 'house'] as const),
      ...VENDOR_AGENTS.map((a) => [a.name, 'manila'] as const),
    ]);
    for (const s of roster.shifts) if (s.agent) expect(s.provider, s.agent).toBe(providerOf.get(s.agent));
    expect(roster.unassigned).toBe(roster.shifts.filter((s) => s.agent === null).length);
    expect(roster.unassigned).toBe(0);
    expect(roster.agents.map((a) => a.name)).toEqual([...providerOf.keys()]);
    for (const load of roster.agents)
      expect(load.shifts, load.name).toBe(roster.shifts.filter((s) => s.agent === load.name).length);
    // Each provider's fairness (decision 0062): nights' plus weekends' spread, never below its bound.
    expect(roster.fairness!.map((f) => f.provider)).toEqual(['house', 'manila']);
    for (const f of roster.fairness!) {
      expect(f.spread).toBe(f.nights.spread + f.weekends.spread);
      expect(f.spread).toBeGreaterThanOrEqual(f.bound);
      expect(f.proven).toBe(f.spread === f.bound);
    }

    const spans = new Map<string, ReturnType<typeof spanOf>[]>();
    for (const s of roster.shifts)
      if (s.agent) spans.set(s.agent, [...(spans.get(s.agent) ?? []), spanOf(s)]);
    for (const [name, mine] of spans) {
      mine.sort((a, b) => a.from - b.from);
      // EU: 11 hours of rest between one agent's shifts.
      for (let i = 1; i < mine.length; i++)
        expect(mine[i]!.from - mine[i - 1]!.to, `${name}'s rest before shift ${i}`).toBeGreaterThanOrEqual(
          660,
        );
    }
    // Ada works Monday to Friday only; Cy at most 16 paid hours; Noor no night shift.
    expect(spans.get('Ada')!.every((s) => s.weekday >= 1 && s.weekday <= 5)).toBe(true);
    expect(spans.get('Cy')!.reduce((a, s) => a + s.paid, 0)).toBeLessThanOrEqual(16 * 60);
    expect((spans.get('Noor') ?? []).some((s) => s.night)).toBe(false);
    // Nights rotate among the vendor's agents who work them, weekends among the in-house team.
    const nights = ['Pia', 'Quin', 'Rae', 'Sol', 'Tam', 'Uma'].map(
      (n) => (spans.get(n) ?? []).filter((s) => s.night).length,
    );
    expect(Math.max(...nights)).toBeLessThanOrEqual(3);
    const weekends = HOUSE_AGENTS.filter((a) => a.name !== 'Ada' && a.name !== 'Cy').map(
      (a) => (spans.get(a.name) ?? []).filter((s) => s.weekend).length,
    );
    expect(Math.max(...weekends) - Math.min(...weekends)).toBeLessThanOrEqual(1);
    // The loads the plan reports are the shifts' own.
    const pia = roster.agents.find((a) => a.name === 'Pia')!;
    expect(pia.nights).toBe(nights[0]);
    expect(pia.paidHours * 60).toBe(spans.get('Pia')!.reduce((a, s) => a + s.paid, 0));
  }, 120_000);

  it('exports the staffed shifts as CSV with an agent column, and each agent’s own calendar', async () => {
    const r = plan.result!;
    const csv = await t.request(`/api/plan/plans/${plan.id}/shifts?format=csv`, { auth: agent });
    expect(csv.status).toBe(200);
    const rows = (await csv.text()).trimEnd().split('\r\n');
    expect(rows[0]).toBe('provider,day,start,end,meal_start,agents,agent');
    expect(rows).toHaveLength(r.roster!.shifts.length + 1);
    expect(rows.filter((row) => row.endsWith(',Pia'))).toHaveLength(
      r.roster!.shifts.filter((s) => s.agent === 'Pia').length,
    );

    const ics = await t.request(`/api/plan/plans/${plan.id}/shifts?format=ics&agent=Pia`, { auth: agent });
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(ics.headers.get('content-disposition')).toContain('Pia.ics');
    const text = await ics.text();
    const mine = r.roster!.shifts.filter((s) => s.agent === 'Pia');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(mine.length);
    expect(text).toContain('X-WR-CALNAME:Staffed week — Pia');
    const first = mine[0]!;
    expect(text).toContain(`DTSTART:${first.day.replaceAll('-', '')}T${first.start.replace(':', '')}00`);
    expect(text).toContain(`SUMMARY:Manila CX · ${first.type} × 1`);
    // Another agent's calendar has other UIDs (a calendar app keeps both).
    const other = await (
      await t.request(`/api/plan/plans/${plan.id}/shifts?format=ics&agent=Sol`, { auth: agent })
    ).text();
    const uids = (s: string) => new Set(s.match(/^UID:.*$/gm));
    expect([...uids(text)].some((u) => uids(other).has(u))).toBe(false);

    // A name the plan does not staff; vendor staff reach no plan.
    expect(
      (await t.request(`/api/plan/plans/${plan.id}/shifts?format=ics&agent=Nobody`, { auth: agent })).status,
    ).toBe(404);
    expect(
      (await t.request(`/api/plan/plans/${plan.id}/shifts?format=ics&agent=Pia`, { auth: vendorAdmin }))
        .status,
    ).toBe(404);
    // Every export is in the audit log, the agent named.
    const audit = await t.shoreline.ctx.db
      .selectFrom('audit_log')
      .select('payload')
      .where('subject_id', '=', plan.id)
      .where('action', '=', 'export')
      .execute();
    expect(audit.map((a) => a.payload)).toContainEqual({ format: 'ics', shifts: mine.length, agent: 'Pia' });
  });

  it('refuses agents listed twice or working for no provider of the plan, naming the field', async () => {
    const twice = await t.request('/api/plan/plans', {
      body: { ...INPUT, agents: [{ name: 'Ada' }, { name: 'Ada' }] },
      auth: supervisor,
    });
    expect(twice.status).toBe(400);
    expect(((await twice.json()) as { field: string }).field).toBe('agents.1.name');
    const stranger = await t.request('/api/plan/plans', {
      body: { ...INPUT, agents: [{ name: 'Ada', provider: 'Elsewhere' }] },
      auth: supervisor,
    });
    expect(stranger.status).toBe(400);
    expect(((await stranger.json()) as { field: string }).field).toBe('agents.0.provider');
  });

  it('a shift no agent can take stays unassigned and is counted; a plan without agents has no roster', async () => {
    // One in-house agent for a week of day shifts: most stay unassigned, none is forced on them.
    const few = await built({ ...INPUT, name: 'Short-handed', horizonDays: 2, agents: [{ name: 'Ada' }] });
    const roster = few.result!.roster!;
    expect(roster.unassigned).toBeGreaterThan(0);
    expect(roster.unassigned).toBe(roster.shifts.filter((s) => s.agent === null).length);
    expect(roster.shifts.filter((s) => s.agent === 'Ada').length).toBeLessThanOrEqual(2);
    const csv = await (
      await t.request(`/api/plan/plans/${few.id}/shifts?format=csv`, { auth: agent })
    ).text();
    expect(csv.split('\r\n').filter((row) => row.endsWith(',')).length).toBe(roster.unassigned);

    const { agents: _agents, ...unstaffed } = INPUT;
    const plain = await built({ ...unstaffed, name: 'No agents', horizonDays: 1 });
    expect(plain.result!.roster).toBeUndefined();
    expect(
      (await t.request(`/api/plan/plans/${plain.id}/shifts?format=ics&agent=Ada`, { auth: agent })).status,
    ).toBe(404);
  }, 120_000);
});
