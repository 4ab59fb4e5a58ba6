import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deflectionVolumeFactor, volumeAfterDeflection } from './what-if.js';

describe('deflection in a what-if', () => {
  it('removes share × rate of the volume: 1,000 contacts, refunds 25 %, deflected 40 % → 900', () => {
    expect(volumeAfterDeflection(1000, { topicShare: 0.25, rate: 0.4 })).toEqual({
      volume: 900,
      avoided: 100,
    });
  });

  it('never adds volume and never removes more than the topic brings', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (volume, topicShare, rate) => {
          const r = volumeAfterDeflection(volume, { topicShare, rate });
          expect(r.volume).toBeLessThanOrEqual(volume + 1e-9);
          expect(r.volume).toBeGreaterThanOrEqual(volume * (1 - topicShare) - 1e-6);
          expect(r.volume + r.avoided).toBeCloseTo(volume, 6);
        },
      ),
    );
  });

  it('refuses a share or rate outside 0…1, naming it', () => {
    expect(() => deflectionVolumeFactor({ topicShare: 1.2, rate: 0.1 })).toThrow(/topicShare/);
    expect(() => deflectionVolumeFactor({ topicShare: 0.2, rate: -0.1 })).toThrow(/rate/);
  });
});
