import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requiredAgents } from '../staffing/required-agents.js';
import { providerOpen, type SplitProvider, splitVolume } from './split.js';

const TARGETS = { serviceLevel: { fraction: 0.8, withinSec: 20 } };
// In-house 08:00–20:00 every day, English and Hebrew; a vendor abroad whose day is our night,
// 20:00–08:00, English only, cheaper per hour.
const IN_HOUSE: SplitProvider = {
  id: 'in-house',
  languages: ['en', 'he'],
  hours: [{ days: [0, 1, 2, 3, 4, 5, 6], openMin: 480, closeMin: 1200 }],
  costPerAgentHour: 40,
};
const VENDOR: SplitProvider = {
  id: 'vendor',
  languages: ['en'],
  hours: [{ days: [0, 1, 2, 3, 4, 5, 6], openMin: 1200, closeMin: 480 }],
  costPerAgentHour: 25,
};

const day = (v: number) => new Array<number>(48).fill(v);

describe('provider split', () => {
  it('follow the sun: night hours to the vendor whose day it is, Hebrew at night to no one', () => {
    const result = splitVolume({
      demand: [
        { language: 'en', volume: day(20) },
        { language: 'he', volume: day(4) },
      ],
      providers: [IN_HOUSE, VENDOR],
      stepMin: 30,
      firstDayOfWeek: 1,
      ahtSec: 300,
      targets: TARGETS,
    });
    const [inHouse, vendor] = result.providers;
    // 08:00 = interval 16, 20:00 = interval 40.
    for (let t = 0; t < 48; t++) {
      const day = t >= 16 && t < 40;
      expect(inHouse!.volume[t]).toBe(day ? 24 : 0);
      expect(vendor!.volume[t]).toBe(day ? 0 : 20);
      expect(result.unassigned[t]).toBe(day ? 0 : 4);
    }
    const agents = requiredAgents({
      volume: 20,
      intervalSec: 1800,
      ahtSec: 300,
      targets: TARGETS,
    }).scheduledAgents;
    expect(vendor!.agents[0]).toBe(agents);
    expect(vendor!.cost).toBeCloseTo(24 * agents * 0.5 * 25, 9);
    expect(result.totalCost).toBeCloseTo(inHouse!.cost + vendor!.cost, 9);
  });

  it('the cheaper provider takes what both can answer, up to its maximum; a minimum pulls volume back', () => {
    const both: SplitProvider = { ...VENDOR, hours: IN_HOUSE.hours, maxVolume: 100 };
    const r = splitVolume({
      demand: [{ language: 'en', volume: day(10) }],
      providers: [{ ...IN_HOUSE, minVolume: 50 }, both],
      stepMin: 30,
      firstDayOfWeek: 0,
      ahtSec: 300,
      targets: TARGETS,
    });
    expect(r.providers[1]!.totalVolume).toBeLessThanOrEqual(100);
    expect(r.providers[0]!.totalVolume).toBeGreaterThanOrEqual(50);
    expect(r.providers[0]!.totalVolume + r.providers[1]!.totalVolume).toBe(240);
  });

  it('every contact goes to exactly one provider, open then and answering its language, or is unassigned', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 48, maxLength: 48 }),
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 48, maxLength: 48 }),
        fc.integer({ min: 0, max: 6 }),
        (en, he, dow) => {
          const r = splitVolume({
            demand: [
              { language: 'en', volume: en },
              { language: 'he', volume: he },
            ],
            providers: [IN_HOUSE, VENDOR],
            stepMin: 30,
            firstDayOfWeek: dow,
            ahtSec: 240,
            targets: TARGETS,
          });
          for (let t = 0; t < 48; t++) {
            const sum = r.providers.reduce((s, p) => s + p.volume[t]!, 0) + r.unassigned[t]!;
            expect(sum).toBe(en[t]! + he[t]!);
            r.providers.forEach((p, i) => {
              const provider = [IN_HOUSE, VENDOR][i]!;
              if (p.volume[t]! > 0) expect(providerOpen(provider, dow * 1440 + t * 30)).toBe(true);
            });
            expect(r.providers[1]!.volume[t]).toBeLessThanOrEqual(en[t]!); // the vendor has no Hebrew
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('bad input names its field', () => {
    expect(() =>
      splitVolume({
        demand: [],
        providers: [],
        stepMin: 30,
        firstDayOfWeek: 0,
        ahtSec: 300,
        targets: TARGETS,
      }),
    ).toThrow(expect.objectContaining({ field: 'providers' }));
    expect(() =>
      splitVolume({
        demand: [{ language: 'en', volume: [1, -1] }],
        providers: [IN_HOUSE],
        stepMin: 30,
        firstDayOfWeek: 0,
        ahtSec: 300,
        targets: TARGETS,
      }),
    ).toThrow(expect.objectContaining({ field: 'demand[0].volume' }));
  });
});
