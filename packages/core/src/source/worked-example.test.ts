// docs/source-worked-examples.md, figure by figure. Every expected value below was computed by hand
// (the arithmetic is written out in the doc); the engine must reproduce each to the cent.
import { describe, expect, it } from 'vitest';
import { compareOptions } from './compare.js';
import type { OptionCost } from './option-cost.js';
import { staffingProfile } from './staffing-profile.js';
import { workedExampleScenario } from './worked-example.js';

const scenario = workedExampleScenario();
const result = compareOptions(scenario);
const [germany, poland, philippines] = result.options as [OptionCost, OptionCost, OptionCost];
const line = (cost: OptionCost, key: string) => cost.lines.find((l) => l.key === key)?.amountMinor;

describe('worked example: Germany in-house vs Poland per hour vs Philippines per contact', () => {
  it('demand and staffing: 5,220 half-hours, 522,000 contacts, 14 agents each (Erlang C, 80/20, A = 10)', () => {
    expect(scenario.series).toHaveLength(5220);
    expect(result.contacts).toBe(522_000);
    const profile = staffingProfile(scenario.series, scenario.staffing);
    expect(new Set(profile.rawAgents)).toEqual(new Set([14]));
    // SL(14) = 1 − C(14, 10)·e^(−4·20/180) = 1 − 0.17405·0.64118 = 0.88840 (C by hand from Erlang B).
    expect(result.expectedServiceLevel).toBeCloseTo(0.8884, 4);
    expect(result.productiveHours).toBe(36_540);
  });

  it('Germany in-house: 25 FTE, each line and the total €1,485,814.00', () => {
    expect(germany.scheduledHours).toBe(52_200); // ⌈14 ÷ 0.7⌉ = 20 agents × 5,220 × 0.5 h
    expect(germany.fte).toBe(25); // 52,200 ÷ 2,088
    expect(germany.peakScheduledAgents).toBe(20);
    expect(line(germany, 'agent-wages')).toBe(94_743_000); // 25 × 31,320 × 1.21
    expect(line(germany, 'benefits')).toBe(1_500_000); // 25 × 600
    expect(line(germany, 'supervisors')).toBe(17_424_000); // ⌈25/12⌉ = 3 × 48,000 × 1.21
    expect(line(germany, 'quality-assurance')).toBe(5_082_000); // 1 × 42,000 × 1.21
    expect(line(germany, 'hiring-and-onboarding')).toBe(4_875_000); // 25 × 0.3 × (2,500 + 4,000)
    expect(line(germany, 'ongoing-training')).toBe(1_250_000); // 25 × 500
    expect(line(germany, 'seats-and-facilities')).toBe(7_200_000); // 20 seats × 3,600
    expect(line(germany, 'tooling')).toBe(3_000_000); // 25 × 1,200
    expect(line(germany, 'management-overhead')).toBe(13_507_400); // 10 % × 1,350,740
    expect(germany.totalMinor).toBe(148_581_400);
    expect(germany.costPerContactMinor).toBeCloseTo(284.6387, 4); // €2.85 per contact
    expect(germany.costPerResolutionMinor).toBeCloseTo(355.7984, 4); // ÷ (522,000 × 0.80)
  });

  it('Poland per productive hour: €767,340 fees, total €830,707.00', () => {
    expect(line(poland, 'price-per-productive-hour')).toBe(76_734_000); // 36,540 h × €21
    expect(line(poland, 'one-off:transition')).toBe(2_000_000); // 60,000 ÷ 3 years
    expect(line(poland, 'one-off:ramp-fee')).toBe(500_000); // 15,000 ÷ 3
    expect(line(poland, 'retained-governance')).toBe(3_836_700); // 5 % × 767,340
    expect(poland.totalMinor).toBe(83_070_700);
    expect(poland.fte).toBe(22.5); // ⌈14 ÷ 0.8⌉ = 18 × 2,610 h ÷ 2,088
    expect(poland.costPerContactMinor).toBeCloseTo(159.1393, 4);
    expect(poland.costPerResolutionMinor).toBeCloseTo(212.1857, 4);
  });

  it('Philippines per contact with a 42,000/month minimum: 526,000 billed, total €634,272.53', () => {
    const fees = philippines.lines.find((l) => l.key === 'price-per-contact');
    expect(fees?.quantity).toBe(526_000); // February and November have 40,000 contacts: +2,000 each
    expect(fees?.amountMinor).toBe(58_070_400); // 526,000 × $1.20 × 0.92
    expect(line(philippines, 'one-off:transition')).toBe(2_453_333); // $80,000 ÷ 3 × 0.92
    expect(line(philippines, 'retained-governance')).toBe(2_903_520); // 5 % × $631,200 × 0.92
    expect(philippines.totalMinor).toBe(63_427_253);
    expect(philippines.costPerContactMinor).toBeCloseTo(121.5081, 4);
    expect(philippines.costPerResolutionMinor).toBeCloseTo(173.5831, 4); // ÷ (522,000 × 0.70)
  });

  it('lowest cost per resolution at equal service level: the Philippines option', () => {
    expect(result.lowestCostPerResolution).toBe(2);
  });
});
