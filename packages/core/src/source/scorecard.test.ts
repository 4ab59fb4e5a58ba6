import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SourceInputError } from './errors.js';
import { type Criterion, type Score, scorecard } from './scorecard.js';

const criteria: Criterion[] = [
  { id: 'pci', weight: 1, knockout: true },
  { id: 'delivery', weight: 20 },
  { id: 'quality', weight: 20 },
  { id: 'security', weight: 15 },
  { id: 'price', weight: 15, price: true },
];
const s = (vendor: string, evaluator: string, criterion: string, score: number): Score => ({
  vendor,
  evaluator,
  criterion,
  score,
});

describe('weighted scorecard with several evaluators', () => {
  const result = scorecard(
    criteria,
    [
      s('Baltic', 'ana', 'pci', 1),
      s('Baltic', 'ana', 'delivery', 4),
      s('Baltic', 'ben', 'delivery', 2),
      s('Baltic', 'ana', 'quality', 4),
      s('Baltic', 'ben', 'quality', 4),
      s('Baltic', 'ana', 'security', 5),
      s('Baltic', 'ben', 'security', 3),
      s('Manila', 'ana', 'pci', 1),
      s('Manila', 'ana', 'delivery', 3),
      s('Manila', 'ben', 'delivery', 3),
      s('Manila', 'ana', 'quality', 3),
      s('Manila', 'ben', 'quality', 2),
      s('Manila', 'ana', 'security', 4),
      s('Manila', 'ben', 'security', 4),
    ],
    { Baltic: 2000, Manila: 1000 },
  );
  const baltic = result.vendors.find((v) => v.vendor === 'Baltic');
  const manila = result.vendors.find((v) => v.vendor === 'Manila');

  it('means, spreads and totals, computed by hand', () => {
    // Weights normalised over 70 (the knock-out carries none): delivery and quality 28.571 %, security and price 21.429 %.
    const delivery = baltic?.criteria.find((c) => c.criterion === 'delivery');
    expect(delivery?.mean).toBe(3);
    expect(delivery?.spread).toBe(2);
    expect(delivery?.evaluators).toBe(2);
    // Baltic: (20·3 + 20·4 + 15·4 + 15·(1000/2000·5)) ÷ 5 ÷ 70 × 100 = (60 + 80 + 60 + 37.5)/350 × 100 = 67.857
    expect(baltic?.total).toBeCloseTo(67.857, 3);
    // Manila: (20·3 + 20·2.5 + 15·4 + 15·5)/350 × 100 = 245/350 × 100 = 70
    expect(manila?.total).toBeCloseTo(70, 6);
    expect(manila?.rank).toBe(1);
  });

  it('a knock-out score of 0 excludes the vendor whatever its total', () => {
    const out = scorecard(criteria, [
      s('A', 'ana', 'pci', 0),
      s('A', 'ana', 'quality', 5),
      s('B', 'ana', 'quality', 1),
    ]);
    expect(out.vendors.find((v) => v.vendor === 'A')?.rank).toBeNull();
    expect(out.vendors.find((v) => v.vendor === 'B')?.rank).toBe(1);
  });

  it('never price alone: price over half of the weight is refused, naming the field', () => {
    expect(() => scorecard([{ id: 'price', weight: 1, price: true }], [])).toThrow(SourceInputError);
    expect(() =>
      scorecard(
        [
          { id: 'price', weight: 60, price: true },
          { id: 'q', weight: 40 },
        ],
        [],
      ),
    ).toThrow(/criteria/);
  });

  it('property: totals lie in [0, 100] and a higher score never lowers a vendor', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 2 }),
        (scores, bump) => {
          const crit: Criterion[] = [
            { id: 'a', weight: 3 },
            { id: 'b', weight: 2 },
            { id: 'c', weight: 1 },
          ];
          const base = scores.map((v, i) => s('V', 'e', crit[i]?.id ?? 'a', v));
          const total = scorecard(crit, base).vendors[0]?.total ?? -1;
          expect(total).toBeGreaterThanOrEqual(0);
          expect(total).toBeLessThanOrEqual(100 + 1e-9);
          const raised = base.map((x, i) => (i === bump ? { ...x, score: Math.min(5, x.score + 1) } : x));
          expect(scorecard(crit, raised).vendors[0]?.total ?? -1).toBeGreaterThanOrEqual(total - 1e-9);
        },
      ),
    );
  });
});
