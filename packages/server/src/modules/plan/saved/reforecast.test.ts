import { predictionInterval } from '@shoreline/core/forecast/index';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planDispersion } from './reforecast.js';
import { localWallClock } from './scope.js';

describe('reading a saved plan for its reforecast', () => {
  it('recovers the dispersion the plan’s 95 % band was made with', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 500, noNaN: true })), {
          minLength: 1,
          maxLength: 48,
        }),
        fc.double({ min: 1, max: 20, noNaN: true }),
        (means, phi) => {
          fc.pre(means.some((m) => m > 0));
          const points = means.map((m) => predictionInterval(m, phi, 0.95));
          const forecast = {
            volume: points.map((p) => p.volume),
            lower: points.map((p) => p.lower),
            upper: points.map((p) => p.upper),
          };
          expect(planDispersion(forecast)).toBeCloseTo(phi, 6);
        },
      ),
    );
    expect(planDispersion({ volume: [0, 0], lower: [0, 0], upper: [0, 0] })).toBe(1);
  });

  it('reads the wall clock of the asked time zone', () => {
    const now = new Date('2026-11-09T23:30:00Z');
    expect(localWallClock(now, 'UTC')).toBe('2026-11-09T23:30');
    expect(localWallClock(now, 'Asia/Jerusalem')).toBe('2026-11-10T01:30');
    expect(localWallClock(now, 'America/New_York')).toBe('2026-11-09T18:30');
  });
});
