import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reconcileInvoice } from './invoice.js';
import { schemeWarnings } from './scheme-warnings.js';

describe('reconcileInvoice', () => {
  const computed = [
    { unit: 'month', quantity: 1, amountMinor: 1_000_000 },
    { unit: 'contact', quantity: 25, amountMinor: 6_250 },
    { unit: 'resolution', quantity: 20, amountMinor: 2_000 },
  ];

  it('flags each difference with its reason, and the totals', () => {
    const r = reconcileInvoice(
      [
        { unit: 'month', quantity: 1, amountMinor: 1_000_000, line: 1 },
        { unit: 'contact', quantity: 27, amountMinor: 6_750, line: 2 }, // 2 contacts more than measured
        { unit: 'minute', quantity: 90, amountMinor: 900, line: 3 }, // no such rate in the contract
        { unit: 'month', quantity: 1, amountMinor: 1_000_000, line: 4 }, // the fee again
      ],
      computed,
    );
    expect(r.lines.map((l) => [l.unit, l.line, l.reason, l.differenceMinor])).toEqual([
      ['month', 1, 'matches', 0],
      ['contact', 2, 'quantity_differs', 500],
      ['minute', 3, 'not_in_contract', 900],
      ['month', 4, 'billed_twice', 1_000_000],
      ['resolution', null, 'not_invoiced', -2_000],
    ]);
    expect(r.invoicedMinor).toBe(2_007_650);
    expect(r.computedMinor).toBe(1_008_250);
    expect(r.differenceMinor).toBe(999_400);
  });

  it('same quantity at another amount is a rate difference', () => {
    const r = reconcileInvoice([{ unit: 'contact', quantity: 25, amountMinor: 6_500, line: 1 }], computed);
    expect(r.lines[0]).toMatchObject({ reason: 'amount_differs', differenceMinor: 250 });
  });

  it('for any invoice, the line differences add up to the total difference', () => {
    const unit = fc.constantFrom('month', 'contact', 'resolution', 'minute', 'hour');
    fc.assert(
      fc.property(
        fc.array(fc.record({ unit, quantity: fc.nat(1000), amountMinor: fc.nat(1_000_000) }), {
          maxLength: 8,
        }),
        (raw) => {
          const lines = raw.map((l, i) => ({ ...l, line: i + 1 }));
          const r = reconcileInvoice(lines, computed);
          expect(r.lines.reduce((s, l) => s + l.differenceMinor, 0)).toBe(r.differenceMinor);
          expect(r.lines.filter((l) => l.line !== null)).toHaveLength(lines.length);
        },
      ),
    );
  });
});

describe('schemeWarnings', () => {
  const speed = { id: 'P1', kpi: 'resolution_within' as const, kind: 'critical' as const, bonusBp: 0 };
  it('a paid speed metric with no guardrail beside it is gameable', () => {
    expect(schemeWarnings({ terms: [speed], qualityGates: [], bonusCapBp: 0 })).toEqual([
      { code: 'speed_without_guardrail', termId: 'P1' },
    ]);
  });
  it('a reopen-rate term (even reported only) is a guardrail', () => {
    const reopen = { id: 'RR', kpi: 'reopen_rate' as const, kind: 'key' as const, bonusBp: 0 };
    expect(schemeWarnings({ terms: [speed, reopen], qualityGates: [], bonusCapBp: 0 })).toEqual([]);
  });
  it('a bonus needs a quality gate and a cap; a service level needs an abandonment term', () => {
    const sl = {
      id: 'SL',
      kpi: 'service_level_answered_within' as const,
      kind: 'key' as const,
      bonusBp: 200,
    };
    expect(schemeWarnings({ terms: [sl], qualityGates: [{ kpi: 'csat' }], bonusCapBp: 0 })).toEqual([
      { code: 'service_level_without_abandonment', termId: 'SL' },
      { code: 'bonus_without_cap', termId: null },
    ]);
    expect(schemeWarnings({ terms: [{ ...sl, bonusBp: 200 }], qualityGates: [], bonusCapBp: 500 })).toEqual([
      { code: 'speed_without_guardrail', termId: 'SL' },
      { code: 'service_level_without_abandonment', termId: 'SL' },
      { code: 'bonus_without_quality_gate', termId: null },
    ]);
  });
});
