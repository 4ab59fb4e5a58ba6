import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SourceInputError } from './errors.js';
import { advanceSelection, newSelection, overdueStages, SELECTION_STAGES } from './selection.js';

describe('vendor selection stages', () => {
  it('runs long list → RFI → short list → RFP → scoring → pilot → decision, recording each completion', () => {
    let s = newSelection(['a', 'b', 'c'], [{ stage: 'rfi', owner: 'procurement', dueOn: '2027-01-15' }]);
    expect(s.stage).toBe('long-list');
    s = advanceSelection(s, { on: '2027-01-02' });
    s = advanceSelection(s, { on: '2027-01-20', exclude: [{ vendorId: 'c', reason: 'no PCI DSS AOC' }] });
    expect(s.stage).toBe('short-list');
    expect(s.vendors.find((v) => v.vendorId === 'c')).toMatchObject({ status: 'out', leftAt: 'rfi' });
    for (const on of ['2027-02-01', '2027-03-01', '2027-03-15', '2027-05-15'])
      s = advanceSelection(s, { on });
    expect(s.stage).toBe('decision');
    s = advanceSelection(s, { on: '2027-06-01', awardTo: 'a' });
    expect(s.stage).toBe('closed');
    expect(s.vendors.find((v) => v.vendorId === 'a')?.status).toBe('awarded');
    expect(s.stages.map((r) => r.completedOn)).toEqual([
      '2027-01-02',
      '2027-01-20',
      '2027-02-01',
      '2027-03-01',
      '2027-03-15',
      '2027-05-15',
      '2027-06-01',
    ]);
    expect(s.stages.find((r) => r.stage === 'rfi')?.owner).toBe('procurement');
  });

  it('refuses an award to a vendor that left, and an award before the decision', () => {
    let s = newSelection(['a', 'b']);
    expect(() => advanceSelection(s, { on: '2027-01-01', awardTo: 'a' })).toThrow(SourceInputError);
    s = advanceSelection(s, {
      on: '2027-01-01',
      exclude: [{ vendorId: 'b', reason: 'conflict of interest' }],
    });
    while (s.stage !== 'decision') s = advanceSelection(s, { on: '2027-02-01' });
    expect(() => advanceSelection(s, { on: '2027-03-01', awardTo: 'b' })).toThrow(/still in the selection/);
  });

  it('never leaves fewer than one vendor in before the decision, whatever is excluded when', () => {
    fc.assert(
      fc.property(fc.array(fc.subarray(['a', 'b', 'c', 'd']), { minLength: 6, maxLength: 6 }), (plan) => {
        let s = newSelection(['a', 'b', 'c', 'd']);
        for (const out of plan) {
          const exclude = out
            .filter((v) => s.vendors.some((x) => x.vendorId === v && x.status === 'in'))
            .map((vendorId) => ({ vendorId, reason: 'r' }));
          try {
            s = advanceSelection(s, { on: '2027-01-01', exclude });
          } catch (e) {
            expect(e).toBeInstanceOf(SourceInputError);
            s = advanceSelection(s, { on: '2027-01-01' });
          }
          expect(s.vendors.some((v) => v.status === 'in')).toBe(true);
        }
        expect(s.stage).toBe('decision');
      }),
    );
  });

  it('flags stages past their due date and not completed', () => {
    const s = newSelection(
      ['a'],
      [
        { stage: 'long-list', dueOn: '2027-01-01' },
        { stage: 'rfi', dueOn: '2027-02-01' },
      ],
    );
    expect(overdueStages(s, '2027-01-15')).toEqual(['long-list']);
    expect(overdueStages(advanceSelection(s, { on: '2027-01-10' }), '2027-01-15')).toEqual([]);
    expect(SELECTION_STAGES).toHaveLength(7);
  });
});
