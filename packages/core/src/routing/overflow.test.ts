import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOpenAt } from './open-hours.js';
import { overflowTarget } from './overflow.js';
import { type RoutingRule, type RoutingTeam, type RoutingTicket, teamQualifies } from './rules.js';

const ticket: RoutingTicket = { channel: 'chat', language: 'en', subject: 'Where is my order?', text: null };
const team = (id: string, over: Partial<RoutingTeam> = {}): RoutingTeam => ({
  id,
  providerId: `prv_${id}`,
  providerKind: 'vendor',
  languages: ['en'],
  channels: [],
  calendar: null,
  ...over,
});
// Tuesday 2026-12-01 10:00Z.
const at = new Date('2026-12-01T10:00:00Z');
const nightOnly = { timeZone: 'UTC', hours: [{ day: 'tue' as const, open: '20:00', close: '23:00' }] };
const rule: RoutingRule = {
  id: 'rul_en',
  name: 'English',
  conditions: {},
  teamIds: ['home'],
  overflow: { afterSeconds: 120, teamIds: ['closed', 'busy', 'quiet'] },
};

describe('overflowTarget', () => {
  it('offers the ticket to the open overflow team with the least load, and says why', () => {
    const teams = [
      team('home'),
      team('closed', { calendar: nightOnly }),
      team('busy', { load: 9 }),
      team('quiet', { load: 1 }),
    ];
    expect(overflowTarget(ticket, at, rule, teams, 'home')).toEqual({
      teamId: 'quiet',
      providerId: 'prv_quiet',
      reason: 'not taken within 120 s: overflow to team quiet (open, least loaded)',
    });
  });

  it('leaves the ticket where it is when no overflow team is open or works its language', () => {
    const teams = [
      team('home'),
      team('closed', { calendar: nightOnly }),
      team('busy', { languages: ['tr'] }),
    ];
    expect(overflowTarget(ticket, at, rule, teams, 'home')).toMatchObject({
      teamId: null,
      reason: 'not taken within 120 s: no overflow team is open and qualifies; it stays',
    });
    expect(
      overflowTarget(ticket, at, { ...rule, overflow: undefined } as RoutingRule, teams, 'home').teamId,
    ).toBe(null);
  });

  it('only ever picks a listed, open, qualifying team other than the current one', () => {
    const ids = ['a', 'b', 'c', 'd'];
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            id: fc.constantFrom(...ids),
            load: fc.nat(5),
            closed: fc.boolean(),
            language: fc.constantFrom('en', 'tr'),
          }),
          { maxLength: 4, selector: (s) => s.id },
        ),
        fc.subarray(ids),
        fc.option(fc.constantFrom(...ids)),
        (specs, listed, current) => {
          const teams = specs.map((s) =>
            team(s.id, { load: s.load, languages: [s.language], calendar: s.closed ? nightOnly : null }),
          );
          const r = { ...rule, overflow: { afterSeconds: 60, teamIds: listed } };
          const d = overflowTarget(ticket, at, r, teams, current);
          const eligible = teams.filter(
            (t) =>
              listed.includes(t.id) &&
              t.id !== current &&
              teamQualifies(t, ticket) &&
              isOpenAt(at, t.calendar),
          );
          if (eligible.length === 0) expect(d.teamId).toBeNull();
          else {
            expect(eligible.map((t) => t.id)).toContain(d.teamId);
            const chosen = teams.find((t) => t.id === d.teamId)!;
            expect(chosen.load).toBe(Math.min(...eligible.map((t) => t.load ?? 0)));
          }
        },
      ),
    );
  });
});
