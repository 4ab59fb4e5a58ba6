import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AWKWARD_ZONES, offsetTransitions } from '../time/zone-transitions.js';
import { offsetAt, wallClockAt } from '../time/zoned-time.js';
import {
  bucketStartDay,
  formatDay,
  hourOfWeekAt,
  hourOfWeekColumn,
  localDayColumn,
  NO_DAY,
  ZoneOffsets,
} from './local-time-columns.js';

const DAY_MS = 86_400_000;
const ZONES = AWKWARD_ZONES;
const FROM_MS = Date.UTC(1900, 0, 1);
const TO_MS = Date.UTC(2100, 0, 1);

/** The slow oracle: ICU's wall clock at the instant, read field by field. */
function reference(ms: number, timeZone: string): { hourOfWeek: number; day: number } {
  const w = wallClockAt(ms, timeZone);
  const day = Date.UTC(w.year, w.month - 1, w.day) / DAY_MS;
  const isoDow = new Date(day * DAY_MS).getUTCDay() || 7;
  return { hourOfWeek: (isoDow - 1) * 24 + w.hour, day };
}

const transitionsOf = (timeZone: string) => offsetTransitions(timeZone, FROM_MS, TO_MS);

function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

describe('local-time columns against ICU wall clocks', () => {
  const transitions = new Map(ZONES.map((z) => [z, transitionsOf(z)] as const));

  it('finds the transitions the zones are chosen for', () => {
    expect(transitions.get('UTC')).toEqual([]);
    // Apia skipped 2011-12-30: from −10:00 to +14:00 at 2011-12-30T10:00Z.
    const apia = Date.UTC(2011, 11, 30, 10);
    expect(transitions.get('Pacific/Apia')).toContain(apia);
    expect(localDayColumn(Float64Array.of((apia - 1) * 1000, apia * 1000), 'Pacific/Apia')).toEqual(
      Int32Array.of(Date.UTC(2011, 11, 29) / DAY_MS, Date.UTC(2011, 11, 31) / DAY_MS),
    );
    // Lord Howe's DST is 30 minutes, switching at 02:00 local: 2024-10-05T15:30Z.
    const lordHowe = Date.UTC(2024, 9, 5, 15, 30);
    expect(transitions.get('Australia/Lord_Howe')).toContain(lordHowe);
    const lh = new ZoneOffsets('Australia/Lord_Howe');
    expect([lh.offsetMs(lordHowe - 1), lh.offsetMs(lordHowe)]).toEqual([10.5 * 3_600_000, 11 * 3_600_000]);
    // Kathmandu: LMT → +05:30 (1920), +05:30 → +05:45 at 1985-12-31T18:30Z; every other zone has more.
    expect(transitions.get('Asia/Kathmandu')).toContain(Date.UTC(1985, 11, 31, 18, 30));
    for (const z of ZONES) if (z !== 'UTC') expect(transitions.get(z)!.length, z).toBeGreaterThanOrEqual(2);
  });

  it('matches the reference for random instants 1900–2100 in every zone (columns, µs inputs)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.array(fc.tuple(fc.integer({ min: FROM_MS, max: TO_MS }), fc.integer({ min: 0, max: 999 })), {
          minLength: 1,
          maxLength: 40,
        }),
        (zone, instants) => {
          const micros = Float64Array.from(instants, ([ms, us]) => ms * 1000 + us);
          const hours = hourOfWeekColumn(micros, zone);
          const days = localDayColumn(micros, zone);
          instants.forEach(([ms], i) => {
            const ref = reference(ms, zone);
            expect(hours[i], `${zone} ${ms}`).toBe(ref.hourOfWeek);
            expect(days[i], `${zone} ${ms}`).toBe(ref.day);
            expect(hourOfWeekAt(ms, zone)).toBe(ref.hourOfWeek);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('matches the reference at, and 1 ms / 1 µs around, every transition 1900–2100', () => {
    for (const zone of ZONES) {
      const list = transitions.get(zone)!;
      const ms = list.flatMap((t) => [t - 1, t, t + 1]);
      // µs: the last microsecond before the transition belongs to the old offset.
      const micros = Float64Array.from(
        list.flatMap((t) => [t * 1000 - 1000, t * 1000 - 1, t * 1000, t * 1000 + 1000]),
      );
      const hours = hourOfWeekColumn(
        Float64Array.from(ms, (m) => m * 1000),
        zone,
      );
      const days = localDayColumn(
        Float64Array.from(ms, (m) => m * 1000),
        zone,
      );
      const zo = new ZoneOffsets(zone);
      ms.forEach((m, i) => {
        const ref = reference(m, zone);
        expect(hours[i], `${zone} ${new Date(m).toISOString()}`).toBe(ref.hourOfWeek);
        expect(days[i], `${zone} ${new Date(m).toISOString()}`).toBe(ref.day);
        expect(zo.offsetMs(m), `${zone} ${new Date(m).toISOString()}`).toBe(offsetAt(m, zone));
      });
      const microDays = localDayColumn(micros, zone);
      const microHours = hourOfWeekColumn(micros, zone);
      micros.forEach((us, i) => {
        const ref = reference(Math.floor(us / 1000), zone);
        expect([microHours[i], microDays[i]], `${zone} ${us} µs`).toEqual([ref.hourOfWeek, ref.day]);
      });
    }
  });

  it('floors negative epochs towards −∞ (before 1970), never towards zero', () => {
    // −1 µs is 1969-12-31 23:59:59.999999 UTC: a Wednesday, hour 23.
    expect(hourOfWeekColumn(Float64Array.of(-1, -999, -1000, -1001), 'UTC')).toEqual(
      Int16Array.of(71, 71, 71, 71),
    );
    expect(localDayColumn(Float64Array.of(-1, 0, -DAY_MS * 1000, -DAY_MS * 1000 - 1), 'UTC')).toEqual(
      Int32Array.of(-1, 0, -1, -2),
    );
    // Kolkata was +05:30 in 1970: −1 µs is Thursday 05:29:59.999999 local, day 0.
    expect(hourOfWeekColumn(Float64Array.of(-1), 'Asia/Kolkata')).toEqual(Int16Array.of(3 * 24 + 5));
    expect(localDayColumn(Float64Array.of(-1), 'Asia/Kolkata')).toEqual(Int32Array.of(0));
    // New York 1969-12-31 19:00 EST is −5 h: −5 h − 1 µs is 18:59:59.999999 on Wednesday, day −1.
    const us = -5 * 3_600_000_000 - 1;
    expect(hourOfWeekColumn(Float64Array.of(us), 'America/New_York')).toEqual(Int16Array.of(2 * 24 + 13));
  });

  it('maps NaN to −1 / NO_DAY and handles empty and all-NaN columns', () => {
    expect(hourOfWeekColumn(Float64Array.of(Number.NaN, 0), 'Europe/Riga')).toEqual(
      Int16Array.of(-1, 3 * 24 + 3),
    );
    expect(localDayColumn(Float64Array.of(0, Number.NaN), 'Europe/Riga')).toEqual(Int32Array.of(0, NO_DAY));
    expect(localDayColumn(Float64Array.of(Number.NaN), 'Pacific/Chatham')).toEqual(Int32Array.of(NO_DAY));
    expect(hourOfWeekColumn(new Float64Array(0), 'Asia/Kathmandu')).toEqual(new Int16Array(0));
    expect(hourOfWeekAt(Number.NaN, 'UTC')).toBe(-1);
    expect(NO_DAY).toBe(-(2 ** 31));
  });

  it('refuses unknown zones and out-of-range instants', () => {
    expect(() => hourOfWeekColumn(Float64Array.of(0), 'Mars/Olympus')).toThrow(/unknown time zone/);
    expect(() => new ZoneOffsets('Nowhere/At_All')).toThrow(RangeError);
    expect(() => localDayColumn(Float64Array.of(Number.POSITIVE_INFINITY), 'Europe/Riga')).toThrow(
      RangeError,
    );
  });

  it('stays exact past its memo bounds (more than 64 zones; one column spanning 200 years)', () => {
    const zones = Intl.supportedValuesOf('timeZone').slice(0, 80);
    const ms = Date.UTC(2016, 2, 27, 0, 59, 59, 999);
    for (const z of zones) expect(hourOfWeekAt(ms, z), z).toBe(reference(ms, z).hourOfWeek);
    const span = Array.from(
      { length: 2_000 },
      (_, i) => FROM_MS + Math.floor(((TO_MS - FROM_MS) * i) / 2_000) + 1_234,
    );
    const days = localDayColumn(
      Float64Array.from(span, (m) => m * 1000),
      'America/Sao_Paulo',
    );
    span.forEach((m, i) => {
      expect(days[i]).toBe(reference(m, 'America/Sao_Paulo').day);
    });
  });
});

describe('bucketStartDay (date_trunc) and formatDay (to_char YYYY-MM-DD)', () => {
  const anyDay = fc.integer({ min: -719_162, max: 2_932_896 }); // 0001-01-01 … 9999-12-31

  it('week buckets start on the Monday at or before the day, also across a year boundary', () => {
    // 2021-01-01 was a Friday; its ISO week began on Monday 2020-12-28.
    expect(formatDay(bucketStartDay(Date.UTC(2021, 0, 1) / DAY_MS, 'week'))).toBe('2020-12-28');
    expect(formatDay(bucketStartDay(Date.UTC(2021, 0, 3) / DAY_MS, 'week'))).toBe('2020-12-28');
    expect(formatDay(bucketStartDay(Date.UTC(2021, 0, 4) / DAY_MS, 'week'))).toBe('2021-01-04');
    expect(formatDay(bucketStartDay(-1, 'week'))).toBe('1969-12-29');
    fc.assert(
      fc.property(anyDay, (day) => {
        const start = bucketStartDay(day, 'week');
        expect(new Date(start * DAY_MS).getUTCDay()).toBe(1);
        expect(day - start).toBeGreaterThanOrEqual(0);
        expect(day - start).toBeLessThan(7);
      }),
    );
  });

  it('month buckets start on the 1st of the same month; day buckets are the day', () => {
    expect(formatDay(bucketStartDay(Date.UTC(2024, 1, 29) / DAY_MS, 'month'))).toBe('2024-02-01');
    expect(formatDay(bucketStartDay(-1, 'month'))).toBe('1969-12-01');
    fc.assert(
      fc.property(anyDay, (day) => {
        const d = new Date(day * DAY_MS);
        const start = new Date(bucketStartDay(day, 'month') * DAY_MS);
        expect([start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()]).toEqual([
          d.getUTCFullYear(),
          d.getUTCMonth(),
          1,
        ]);
        expect(bucketStartDay(day, 'day')).toBe(day);
      }),
    );
    expect(bucketStartDay(NO_DAY, 'month')).toBe(NO_DAY);
  });

  it('formatDay round-trips with Date.UTC over years 1–9999 (proleptic Gregorian)', () => {
    expect(formatDay(0)).toBe('1970-01-01');
    expect(formatDay(-719_162)).toBe('0001-01-01');
    expect(formatDay(2_932_896)).toBe('9999-12-31');
    expect(formatDay(Date.UTC(2000, 1, 29) / DAY_MS)).toBe('2000-02-29');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const date = new Date(Date.UTC(2000, m - 1, d));
          date.setUTCFullYear(y, m - 1, d); // Date.UTC maps years 0–99 to 1900–1999
          const day = date.getTime() / DAY_MS;
          expect(formatDay(day)).toBe(isoDate(day));
          if (date.getUTCDate() === d)
            expect(formatDay(day)).toBe(`${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`);
        },
      ),
      { numRuns: 2_000 },
    );
    expect(() => formatDay(NO_DAY)).toThrow(RangeError);
    expect(() => formatDay(-719_163)).toThrow(RangeError);
  });
});

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
