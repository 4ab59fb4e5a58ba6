import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deflectionReport, type HelpSession, sessionOutcome } from './deflection.js';

const min = 60_000;

describe('deflection', () => {
  // Window 30 min, report at t = 120 min.
  const sessions: HelpSession[] = [
    // Read a1 at 0, never contacted: deflected.
    { id: 's1', language: 'en', searches: [], reads: [{ at: 0, articleId: 'a1' }], contactedAt: null },
    // Searched (found) and read a1, contacted 10 min after: failed.
    {
      id: 's2',
      language: 'tr',
      searches: [{ at: 0, query: 'iade', results: 2 }],
      reads: [{ at: 1 * min, articleId: 'a1' }],
      contactedAt: 11 * min,
    },
    // Read a2 at 10, contacted at 50 (40 min later, after the window): deflected.
    {
      id: 's3',
      language: 'tr',
      searches: [],
      reads: [{ at: 10 * min, articleId: 'a2' }],
      contactedAt: 50 * min,
    },
    // Searched with no result at 100: window open until 130 > 120: pending.
    {
      id: 's4',
      language: 'en',
      searches: [{ at: 100 * min, query: 'Refund ', results: 0 }],
      reads: [],
      contactedAt: null,
    },
    // Contacted without self-service: not counted.
    { id: 's5', language: 'en', searches: [], reads: [], contactedAt: 5 * min },
    // Searched "refund" (nothing), read a1 and a2, then contacted within the window: failed.
    {
      id: 's6',
      language: 'en',
      searches: [{ at: 0, query: 'refund', results: 0 }],
      reads: [
        { at: 2 * min, articleId: 'a1' },
        { at: 3 * min, articleId: 'a2' },
        { at: 4 * min, articleId: 'a1' },
      ],
      contactedAt: 20 * min,
    },
  ];

  it('equals the figures computed by hand', () => {
    const r = deflectionReport(sessions, 30 * 60, 120 * min);
    // By hand: deflected s1, s3 (2); failed s2, s6 (2); pending s4; s5 not self-service.
    expect(r).toEqual({
      sessions: 6,
      selfService: 5,
      deflected: 2,
      failed: 2,
      pending: 1,
      selfServiceRate: 0.5,
      byArticle: [
        { articleId: 'a1', deflected: 1, failed: 2 },
        { articleId: 'a2', deflected: 1, failed: 1 },
      ],
      byLanguage: [
        { language: 'en', deflected: 1, failed: 1 },
        { language: 'tr', deflected: 1, failed: 1 },
      ],
      noResultSearches: [{ query: 'refund', count: 2 }],
    });
  });

  it('counts a contact exactly at the window edge as failed', () => {
    const s = {
      id: 'x',
      language: 'en',
      searches: [],
      reads: [{ at: 0, articleId: 'a' }],
      contactedAt: 60_000,
    };
    expect(sessionOutcome(s, 60, 60_000)).toBe('failed');
    expect(sessionOutcome({ ...s, contactedAt: 60_001 }, 60, 60_001)).toBe('deflected');
  });

  it('sorts every session into exactly one outcome', () => {
    const session = fc.record({
      id: fc.string(),
      language: fc.constantFrom('en', 'tr'),
      searches: fc.array(fc.record({ at: fc.nat(1e6), query: fc.string(), results: fc.nat(3) })),
      reads: fc.array(fc.record({ at: fc.nat(1e6), articleId: fc.constantFrom('a', 'b') })),
      contactedAt: fc.option(fc.nat(2e6), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(session), fc.nat(3600), fc.nat(3e6), (list, windowSec, now) => {
        const r = deflectionReport(list, windowSec, now);
        expect(r.deflected + r.failed + r.pending).toBe(r.selfService);
        if (r.selfServiceRate !== null) expect(r.selfServiceRate).toBeLessThanOrEqual(1);
      }),
    );
  });
});
