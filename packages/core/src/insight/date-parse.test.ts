import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate, parseDateMemo } from './date-parse.js';

const outcome = (f: () => Date): number | string => {
  try {
    return f().getTime();
  } catch (err) {
    return `${(err as Error).name}: ${(err as Error).message}`;
  }
};

const value = fc
  .array(
    fc.constantFrom(
      '2016',
      '2024',
      '0004',
      '/',
      '-',
      ' ',
      ':',
      'T',
      '29',
      '2',
      '30',
      '31',
      '12',
      '13',
      '01',
      '16',
      'Z',
      '+01:00',
      '.5',
      'x',
    ),
    {
      maxLength: 9,
    },
  )
  .map((p) => p.join(''));

describe('parseDateMemo', () => {
  it('answers as parseDate (the same instant, or the same error), asked once or again', () => {
    fc.assert(
      fc.property(
        value,
        fc.constantFrom('iso', 'D/M/YYYY HH:mm', 'YYYY/MM/DD HH:mm:ss.SSS', 'unix', 'YYYY-MM-DD'),
        fc.constantFrom('UTC', 'Europe/Rome', 'America/St_Johns'),
        (v, format, zone) => {
          const expected = outcome(() => parseDate(v, format, zone));
          expect(outcome(() => parseDateMemo(v, format, zone))).toEqual(expected);
          expect(outcome(() => parseDateMemo(v, format, zone))).toEqual(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('returns a new Date each time (a caller may change its own)', () => {
    const a = parseDateMemo('29/2/2016 01:16', 'D/M/YYYY HH:mm', 'UTC');
    a.setUTCFullYear(2000);
    expect(parseDateMemo('29/2/2016 01:16', 'D/M/YYYY HH:mm', 'UTC').toISOString()).toBe(
      '2016-02-29T01:16:00.000Z',
    );
  });
});
