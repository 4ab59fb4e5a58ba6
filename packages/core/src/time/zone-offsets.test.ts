import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkOf, offsetAtMemo, ZoneMemo, zonedToUtcMemo } from './zone-offsets.js';
import { offsetAt, type WallClock, wallClockAt, zonedToUtc } from './zoned-time.js';

// Zones with DST both ways, half- and quarter-hour offsets, a 30-minute DST and a skipped day.
const ZONES = [
  'UTC',
  'Europe/Riga',
  'Europe/Rome',
  'America/New_York',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Apia',
] as const;

const wallClock = fc.record({
  year: fc.integer({ min: 1801, max: 2099 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  hour: fc.integer({ min: 0, max: 24 }),
  minute: fc.integer({ min: 0, max: 59 }),
  second: fc.integer({ min: 0, max: 59 }),
});

describe('zonedToUtcMemo: zonedToUtc with memoised offsets', () => {
  it('equals zonedToUtc for any wall time in every zone (gaps and overlaps included)', () => {
    fc.assert(
      fc.property(wallClock, fc.constantFrom(...ZONES), (w: WallClock, zone) => {
        expect(zonedToUtcMemo(w, zone)).toBe(zonedToUtc(w, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it('equals zonedToUtc on every quarter hour around the 2024 DST changes', () => {
    const days: [number, number, number][] = [
      [2024, 3, 10],
      [2024, 3, 31],
      [2024, 4, 7],
      [2024, 10, 6],
      [2024, 10, 27],
      [2024, 11, 3],
    ];
    for (const zone of ZONES)
      for (const [year, month, day] of days)
        for (let q = 0; q < 4 * 24; q++) {
          const w = { year, month, day, hour: Math.floor(q / 4), minute: (q % 4) * 15, second: 0 };
          expect(zonedToUtcMemo(w, zone), `${zone} ${JSON.stringify(w)}`).toBe(zonedToUtc(w, zone));
        }
  });

  it('leaves wall times before 1800 to zonedToUtc', () => {
    const w = { year: 1700, month: 6, day: 1, hour: 12, minute: 0, second: 0 };
    expect(zonedToUtcMemo(w, 'Europe/Riga')).toBe(zonedToUtc(w, 'Europe/Riga'));
  });
});

describe('offsetAtMemo', () => {
  it('equals offsetAt for any instant, whole or fractional ms', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1750, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.constantFrom(0, 0.5),
        fc.constantFrom(...ZONES),
        (ms, frac, zone) => {
          expect(offsetAtMemo(ms + frac, zone)).toBe(offsetAt(ms + frac, zone));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('equals offsetAt around every change of 2019–2026, asked in any order (day blocks settled by two probes)', () => {
    for (const zone of ZONES) {
      // Every quarter hour (and a millisecond before) within 6 hours of a change, in shuffled orders,
      // each order on a fresh memo: blocks get filled from any hour, before or after their neighbours.
      const instants: number[] = [];
      for (let ms = Date.UTC(2019, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 6 * 3_600_000)
        if (offsetAt(ms, zone) !== offsetAt(ms + 6 * 3_600_000, zone))
          for (let q = -24; q <= 48; q++) instants.push(ms + q * 900_000, ms + q * 900_000 - 1);
      if (zone !== 'UTC' && zone !== 'Asia/Kathmandu') expect(instants.length).toBeGreaterThan(0);
      const expected = new Map(instants.map((ms) => [ms, offsetAt(ms, zone)]));
      fc.assert(
        fc.property(fc.shuffledSubarray(instants, { minLength: instants.length }), (order) => {
          const memo = new ZoneMemo(zone);
          for (const ms of order) expect(memo.offsetIn(memo.chunk(chunkOf(ms)), ms)).toBe(expected.get(ms));
        }),
        { numRuns: 2 },
      );
    }
  });
});

describe('zonedToUtc reads back as the wall time it was given', () => {
  /** A wall time as the UTC instant with the same reading: what a zone's clock must read back. */
  const reading = (w: WallClock) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  /** Wall times since 1980 (every offset since is whole quarter hours within ±14 h), in zones with DST. */
  const wallTimeInZone = fc.tuple(
    wallClock.filter((w) => w.hour < 24 && w.year >= 1980),
    fc.constantFrom(
      ...ZONES,
      'Australia/Sydney',
      'Pacific/Auckland',
      'Asia/Jerusalem',
      'America/Los_Angeles',
    ),
  );

  it('Australia/Sydney on the evening before clocks go forward (an hour early before the fix)', () => {
    const w = { year: 2025, month: 10, day: 4, hour: 20, minute: 0, second: 0 };
    expect(zonedToUtc(w, 'Australia/Sydney')).toBe(Date.UTC(2025, 9, 4, 10));
    expect(zonedToUtcMemo(w, 'Australia/Sydney')).toBe(Date.UTC(2025, 9, 4, 10));
  });

  it('is the earliest instant whose clock shows the wall time, for every wall time not skipped by a gap', () => {
    fc.assert(
      fc.property(wallTimeInZone, ([w, zone]) => {
        const naive = reading(w);
        const reads = (t: number) => reading(wallClockAt(t, zone));
        // Independent oracle: the instants whose clock reads the wall time, among every offset of
        // whole quarter hours within ±14 h (all offsets since 1980 are); the earliest, or none (a gap).
        let oracle: number | undefined;
        for (let k = 56; k >= -56 && oracle === undefined; k--) {
          if (reads(naive - k * 900_000) === naive) oracle = naive - k * 900_000;
        }
        if (oracle !== undefined) expect(zonedToUtc(w, zone), `${zone} ${JSON.stringify(w)}`).toBe(oracle);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a wall time skipped by a gap with the offset before the gap (RFC 5545 §3.3.5)', () => {
    // Berlin springs forward at 02:00 on 2025-03-30: 02:30 does not exist; it is 03:30 summer time.
    const w = { year: 2025, month: 3, day: 30, hour: 2, minute: 30, second: 0 };
    expect(zonedToUtc(w, 'Europe/Berlin')).toBe(Date.UTC(2025, 2, 30, 1, 30));
    expect(zonedToUtcMemo(w, 'Europe/Berlin')).toBe(Date.UTC(2025, 2, 30, 1, 30));
    // Sydney springs forward at 02:00 on 2025-10-05: 02:15 is 03:15 daylight time (16:15Z the day before).
    const s = { year: 2025, month: 10, day: 5, hour: 2, minute: 15, second: 0 };
    expect(zonedToUtc(s, 'Australia/Sydney')).toBe(Date.UTC(2025, 9, 4, 16, 15));
  });

  it('never answers a gap with an instant whose clock reads earlier than the wall time asked for', () => {
    fc.assert(
      fc.property(wallTimeInZone, ([w, zone]) => {
        const naive = reading(w);
        const read = reading(wallClockAt(zonedToUtc(w, zone), zone));
        // Equal outside gaps; inside one, later by at most the gap's length (under a day).
        expect(read).toBeGreaterThanOrEqual(naive);
        expect(read - naive).toBeLessThan(86_400_000);
      }),
      { numRuns: 500 },
    );
  });
});
