import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LeadFacts, leadsReport } from './leads-report.js';

const lead = (over: Partial<LeadFacts>): LeadFacts => ({
  team: 'team-a',
  provider: 'in-house',
  channel: 'chat',
  language: 'tr',
  raisedBy: 'usr_1',
  currency: 'EUR',
  status: 'open',
  valueMinor: 1000,
  wonMinor: null,
  ...over,
});

const arbitraryLead = fc.record({
  team: fc.constantFrom('t1', 't2', null),
  provider: fc.constantFrom('p1', 'p2', null),
  channel: fc.constantFrom('chat', 'phone', null),
  language: fc.constantFrom('tr', 'en', null),
  raisedBy: fc.constantFrom('u1', 'u2', 'rule:r1'),
  currency: fc.constantFrom('EUR', 'USD'),
  status: fc.constantFrom('open' as const, 'won' as const, 'lost' as const),
  valueMinor: fc.integer({ min: 0, max: 1_000_000 }),
  wonMinor: fc.option(fc.integer({ min: 0, max: 1_000_000 })),
});

describe('leadsReport', () => {
  it('attributes won revenue to the provider that raised it, conversion over closed leads only', () => {
    const rows = leadsReport(
      [
        lead({ provider: 'vendor', status: 'won', wonMinor: 5000 }),
        lead({ provider: 'vendor', status: 'lost' }),
        lead({ provider: 'vendor', status: 'open' }),
        lead({ provider: 'in-house', status: 'open', valueMinor: 700 }),
      ],
      'provider',
    );
    expect(rows).toEqual([
      {
        key: 'vendor',
        currency: 'EUR',
        leads: 3,
        won: 1,
        lost: 1,
        open: 1,
        conversion: 0.5,
        estimatedMinor: 3000,
        wonMinor: 5000,
      },
      {
        key: 'in-house',
        currency: 'EUR',
        leads: 1,
        won: 0,
        lost: 0,
        open: 1,
        conversion: null,
        estimatedMinor: 700,
        wonMinor: 0,
      },
    ]);
  });

  it('never adds money of two currencies together', () => {
    const rows = leadsReport([lead({ currency: 'EUR' }), lead({ currency: 'USD' })], 'team');
    expect(rows.map((r) => [r.key, r.currency, r.estimatedMinor])).toEqual(
      expect.arrayContaining([
        ['team-a', 'EUR', 1000],
        ['team-a', 'USD', 1000],
      ]),
    );
  });

  it('whatever the dimension, the rows of a currency add up to its leads and won revenue', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryLead, { maxLength: 40 }),
        fc.constantFrom(
          'team' as const,
          'provider' as const,
          'channel' as const,
          'language' as const,
          'raisedBy' as const,
        ),
        (leads, by) => {
          const rows = leadsReport(leads, by);
          for (const currency of ['EUR', 'USD']) {
            const mine = leads.filter((l) => l.currency === currency);
            const of = rows.filter((r) => r.currency === currency);
            expect(of.reduce((n, r) => n + r.leads, 0)).toBe(mine.length);
            expect(of.reduce((n, r) => n + r.wonMinor, 0)).toBe(
              mine.filter((l) => l.status === 'won').reduce((n, l) => n + (l.wonMinor ?? l.valueMinor), 0),
            );
          }
          for (const r of rows) expect(r.won + r.lost + r.open).toBe(r.leads);
        },
      ),
    );
  });
});
