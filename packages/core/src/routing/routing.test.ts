import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../domain/vocabulary.js';
import type { OpeningWindow, TeamCalendar, Weekday } from '../time/business-hours.js';
import { wallClockAt } from '../time/zoned-time.js';
import { isOpenAt, nextOpening } from './open-hours.js';
import { replay } from './replay.js';
import { FALLBACK_RULE, route } from './route.js';
import type { RoutingRule, RoutingTeam, RoutingTicket } from './rules.js';

const WEEK: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const weekdays = (open: string, close: string): OpeningWindow[] =>
  (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, open, close }));

/**
 * Oracle, independent of core/time's interval walk: read the team's wall clock with `Intl` at the
 * instant and look the minute up in the windows of that weekday (and of the day before, for a
 * window past midnight), holidays by local opening date.
 */
function oracleOpen(at: Date, calendar: TeamCalendar | null): boolean {
  if (calendar === null) return true;
  const w = wallClockAt(at.getTime(), calendar.timeZone);
  const minute = w.hour * 60 + w.minute;
  const today = Date.UTC(w.year, w.month - 1, w.day);
  const holidays = new Set(calendar.holidays ?? []);
  for (const [dayStart, shift] of [
    [today, 0],
    [today - 86_400_000, 1440],
  ] as const) {
    const date = new Date(dayStart);
    if (holidays.has(date.toISOString().slice(0, 10))) continue;
    for (const win of calendar.hours) {
      if (win.day !== WEEK[date.getUTCDay()]) continue;
      const [oh, om] = win.open.split(':').map(Number) as [number, number];
      const [ch, cm] = win.close.split(':').map(Number) as [number, number];
      const open = oh * 60 + om;
      let close = ch * 60 + cm;
      if (close <= open) close += 1440;
      const m = minute + shift;
      if (m >= open && m < close) return true;
    }
  }
  return false;
}

const tr = (over: Partial<RoutingTicket> = {}): RoutingTicket => ({
  channel: 'chat',
  language: 'tr',
  subject: null,
  text: 'Merhaba, siparişim nerede?',
  ...over,
});

const istanbul: RoutingTeam = {
  id: 'tm_istanbul',
  providerId: 'prv_inhouse',
  providerKind: 'in_house',
  languages: ['tr'],
  channels: [],
  calendar: { timeZone: 'Europe/Istanbul', hours: weekdays('09:00', '18:00'), holidays: ['2026-10-29'] },
};
const manila: RoutingTeam = {
  id: 'tm_manila',
  providerId: 'prv_vendor',
  providerKind: 'vendor',
  languages: ['tr', 'en'],
  channels: ['chat', 'email'],
  calendar: { timeZone: 'Asia/Manila', hours: weekdays('23:00', '07:00') },
};
const newYork: RoutingTeam = {
  id: 'tm_newyork',
  providerId: 'prv_inhouse',
  providerKind: 'in_house',
  languages: ['en'],
  channels: [],
  calendar: { timeZone: 'America/New_York', hours: weekdays('09:00', '17:00') },
};
const turkish: RoutingRule = {
  id: 'rul_tr',
  name: 'Turkish',
  conditions: { languages: ['tr'] },
  teamIds: ['tm_istanbul', 'tm_manila'],
  tags: ['tr'],
};

describe('open hours', () => {
  it('opens on the team wall clock: New York 09:00 is 13:00Z in summer time, 14:00Z in winter', () => {
    const cal = newYork.calendar;
    // 2024-03-11 is the Monday after the US change to EDT (UTC−4); 2024-03-04 was still EST (UTC−5).
    expect(isOpenAt(new Date('2024-03-11T13:30Z'), cal)).toBe(true);
    expect(isOpenAt(new Date('2024-03-04T13:30Z'), cal)).toBe(false);
    expect(nextOpening(new Date('2024-03-04T13:30Z'), cal)?.toISOString()).toBe('2024-03-04T14:00:00.000Z');
  });
  it('a holiday closes the day (Istanbul, 29 October 2026, Republic Day)', () => {
    expect(isOpenAt(new Date('2026-10-29T08:00Z'), istanbul.calendar)).toBe(false);
    expect(nextOpening(new Date('2026-10-29T08:00Z'), istanbul.calendar)?.toISOString()).toBe(
      '2026-10-30T06:00:00.000Z',
    );
  });
  it('a calendar with no windows never opens; none at all is always open', () => {
    expect(nextOpening(new Date('2026-01-01T00:00Z'), { timeZone: 'UTC', hours: [] })).toBeNull();
    expect(isOpenAt(new Date('2026-01-01T00:00Z'), null)).toBe(true);
  });
});

describe('route', () => {
  const teams = [istanbul, manila, newYork];
  it('sends Turkish to Istanbul while it is open, naming the rule', () => {
    // Tuesday 2026-12-01 10:00 in Istanbul (UTC+3).
    const d = route(tr(), new Date('2026-12-01T07:00Z'), [turkish], teams);
    expect(d).toMatchObject({
      ruleId: 'rul_tr',
      teamId: 'tm_istanbul',
      open: true,
      basis: 'open_least_loaded',
    });
    expect(d.reason).toContain('Turkish');
    expect(d.tags).toEqual(['tr']);
  });
  it('follows the sun to the vendor at night in Istanbul (Manila 23:00–07:00)', () => {
    // 2026-12-01 16:00Z = 19:00 Istanbul (closed), Wednesday 00:00 Manila (open since Tuesday 23:00).
    const d = route(tr(), new Date('2026-12-01T16:00Z'), [turkish], teams);
    expect(d).toMatchObject({ teamId: 'tm_manila', providerId: 'prv_vendor', open: true });
  });
  it('when none is open, takes the team that opens first', () => {
    // Saturday 2026-12-05 12:00Z: both closed until Monday; Manila opens Monday 23:00 (15:00Z), Istanbul 06:00Z.
    const d = route(tr(), new Date('2026-12-05T12:00Z'), [turkish], teams);
    expect(d).toMatchObject({ teamId: 'tm_istanbul', open: false, basis: 'opens_first' });
    expect(d.opensAt?.toISOString()).toBe('2026-12-07T06:00:00.000Z');
  });
  it('prefers the less loaded of two open teams', () => {
    const both = [
      { ...istanbul, calendar: null, load: 5 },
      { ...manila, calendar: null, load: 2 },
    ];
    expect(route(tr(), new Date('2026-12-01T07:00Z'), [turkish], both).teamId).toBe('tm_manila');
  });
  it('skips a team that does not work the channel, and falls back to any qualifying team', () => {
    const phone = route(tr({ channel: 'phone' }), new Date('2026-12-01T16:00Z'), [turkish], teams);
    expect(phone.teamId).toBe('tm_istanbul'); // Manila works chat and e-mail only
    const english = route(tr({ language: 'en' }), new Date('2026-12-01T14:30Z'), [turkish], teams);
    expect(english).toMatchObject({ ruleId: FALLBACK_RULE, teamId: 'tm_newyork', open: true });
  });
  it('matches topics and keywords on folded text', () => {
    const refunds: RoutingRule = {
      id: 'rul_refund',
      name: 'Refunds',
      conditions: { topics: ['refund'] },
      teamIds: ['tm_manila'],
    };
    const vip: RoutingRule = {
      id: 'rul_vip',
      name: 'VIP',
      conditions: { keywords: ['platın'] },
      teamIds: ['tm_newyork'],
    };
    const at = new Date('2026-12-01T16:00Z');
    expect(route(tr({ text: 'Para iade istiyorum' }), at, [refunds, turkish], teams).ruleId).toBe(
      'rul_refund',
    );
    expect(route(tr({ language: 'en', text: 'PLATIN member here' }), at, [vip], teams).ruleId).toBe(
      'rul_vip',
    );
  });
  it('with no team for the language, routes nowhere and says so', () => {
    const d = route(tr({ language: 'lv' }), new Date('2026-12-01T07:00Z'), [], [istanbul]);
    expect(d).toMatchObject({ ruleId: FALLBACK_RULE, teamId: null, basis: 'no_team' });
  });
});

// ---- properties over time zones and DST changes ----

const ZONES = [
  'UTC',
  'Europe/Istanbul',
  'Europe/Budapest',
  'Europe/Riga',
  'Europe/London',
  'Asia/Jerusalem',
  'America/New_York',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Australia/Sydney',
  'Pacific/Auckland',
  'Asia/Kolkata',
  'Asia/Manila',
] as const;
/** Instants of DST changes in those zones (2025–2026), each ± two days is where the properties look. */
const DST_CHANGES = [
  '2025-03-09T07:00Z', // US spring forward
  '2025-03-28T00:00Z', // Israel spring forward
  '2025-03-30T01:00Z', // EU spring forward
  '2025-04-06T16:00Z', // Sydney fall back
  '2025-09-27T14:00Z', // Auckland spring forward
  '2025-10-05T16:00Z', // Sydney spring forward
  '2025-10-26T01:00Z', // EU fall back
  '2025-11-02T06:00Z', // US fall back
  '2026-03-29T01:00Z',
  '2026-10-25T01:00Z',
].map((s) => new Date(s).getTime());
const LANGS = ['en', 'tr', 'he', 'hu', 'lv', 'de'] as const;
const HOURS = Array.from({ length: 19 }, (_, i) => `${String(i + 5).padStart(2, '0')}:00`).concat(['24:00']);

const arbWindow = fc.record({
  day: fc.constantFrom(...WEEK),
  open: fc.constantFrom(...HOURS.slice(0, -1)),
  close: fc.constantFrom(...HOURS),
});
const arbCalendar: fc.Arbitrary<TeamCalendar | null> = fc.option(
  fc.record({
    timeZone: fc.constantFrom(...ZONES),
    hours: fc.array(arbWindow, { minLength: 1, maxLength: 6 }),
    holidays: fc.array(
      fc
        .integer({ min: 0, max: 800 })
        .map((d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)),
      { maxLength: 3 },
    ),
  }),
  { freq: 6 },
);
const arbTeams = fc
  .array(
    fc.record({
      providerKind: fc.constantFrom('in_house' as const, 'vendor' as const),
      languages: fc.subarray([...LANGS], { maxLength: 3 }),
      channels: fc.subarray([...CHANNELS], { maxLength: 3 }),
      calendar: arbCalendar,
      load: fc.nat(10),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((ts) =>
    ts.map(
      (t, i): RoutingTeam => ({
        ...t,
        id: `tm_${i}`,
        providerId: t.providerKind === 'vendor' ? `prv_v${i % 2}` : 'prv_in',
      }),
    ),
  );
const arbRules = (teamCount: number) =>
  fc
    .array(
      fc.record({
        conditions: fc.record(
          {
            languages: fc.subarray([...LANGS], { minLength: 1, maxLength: 2 }),
            channels: fc.subarray([...CHANNELS] as Channel[], { minLength: 1, maxLength: 3 }),
          },
          { requiredKeys: [] },
        ),
        teamIds: fc.subarray(
          Array.from({ length: teamCount }, (_, i) => `tm_${i}`),
          { maxLength: teamCount },
        ),
      }),
      { maxLength: 4 },
    )
    .map((rs) => rs.map((r, i): RoutingRule => ({ ...r, id: `rul_${i}`, name: `rule ${i}` })));
const arbTicket: fc.Arbitrary<RoutingTicket> = fc.record({
  channel: fc.constantFrom(...CHANNELS),
  language: fc.option(fc.constantFrom(...LANGS), { freq: 8 }),
  subject: fc.constant(null),
  text: fc.constant('hello'),
});
/** Whole minutes within two days of a DST change. */
const arbInstant = fc
  .tuple(fc.constantFrom(...DST_CHANGES), fc.integer({ min: -48 * 60, max: 48 * 60 }))
  .map(([t, m]) => new Date(t + m * 60_000));
const arbWorld = arbTeams.chain((teams) =>
  fc.record({ teams: fc.constant(teams), rules: arbRules(teams.length) }),
);

describe('routing properties (fast-check, time zones and DST changes)', () => {
  it('isOpenAt agrees with the wall-clock oracle around DST changes', () => {
    fc.assert(
      fc.property(arbCalendar, arbInstant, (calendar, at) => {
        expect(isOpenAt(at, calendar)).toBe(oracleOpen(at, calendar));
      }),
      { numRuns: 400 },
    );
  });

  it('never routes to a closed team while an open one qualifies, and every decision names its rule', () => {
    fc.assert(
      fc.property(arbWorld, arbTicket, arbInstant, ({ teams, rules }, ticket, at) => {
        const d = route(ticket, at, rules, teams);
        expect(d.ruleId === FALLBACK_RULE || rules.some((r) => r.id === d.ruleId)).toBe(true);
        expect(d.reason).toContain(d.ruleName === 'fallback' && d.teamId === null ? 'no rule' : d.ruleName);
        if (d.teamId === null) return;
        const byId = new Map(teams.map((t) => [t.id, t]));
        const chosen = byId.get(d.teamId)!;
        expect(d.candidates).toContain(d.teamId);
        expect(d.open).toBe(oracleOpen(at, chosen.calendar));
        if (!d.open) {
          for (const id of d.candidates) expect(oracleOpen(at, byId.get(id)!.calendar)).toBe(false);
          expect(oracleOpen(d.opensAt!, chosen.calendar)).toBe(true);
          for (const id of d.candidates) {
            const opens = nextOpening(at, byId.get(id)!.calendar);
            if (opens) expect(d.opensAt!.getTime()).toBeLessThanOrEqual(opens.getTime());
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a rule earlier in the list with an open or opening qualifying team always wins', () => {
    fc.assert(
      fc.property(arbWorld, arbTicket, arbInstant, ({ teams, rules }, ticket, at) => {
        const d = route(ticket, at, rules, teams);
        const index = d.ruleId === FALLBACK_RULE ? rules.length : rules.findIndex((r) => r.id === d.ruleId);
        for (const earlier of rules.slice(0, index)) {
          const alone = route(ticket, at, [earlier], teams);
          // The earlier rule alone either did not decide (fallback) or its teams never open.
          expect(alone.ruleId === FALLBACK_RULE).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('replay over past tickets gives the same answers as live routing at their creation instants', () => {
    const arbPast = fc.array(fc.tuple(arbTicket, arbInstant), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(arbWorld, arbPast, fc.boolean(), ({ teams, rules }, past, reverse) => {
        const tickets = past.map(([t, at], i) => ({ ...t, id: `tkt_${i}`, createdAt: at }));
        const result = replay(reverse ? [...tickets].reverse() : tickets, rules, teams);
        const idle = teams.map((t) => ({ ...t, load: 0 }));
        let total = 0;
        for (const t of tickets) {
          expect(result.decisions.get(t.id)).toEqual(route(t, t.createdAt, rules, idle));
        }
        for (const n of result.volumeByProvider.values()) total += n;
        expect(total).toBe(tickets.length);
      }),
      { numRuns: 150 },
    );
  });
});
