import { describe, expect, it } from 'vitest';
import { versionDiff } from './versionDiff';

describe('versionDiff', () => {
  it('names a changed term by its id, and added and removed values', () => {
    const before = {
      atRiskBp: 1000,
      terms: [
        { id: 'P1', targetSeconds: 3600, scope: { priorities: ['urgent'] } },
        { id: 'P2', targetSeconds: 7200 },
      ],
    };
    const after = {
      atRiskBp: 1000,
      sites: ['Riga'],
      terms: [
        { id: 'P2', targetSeconds: 7200 },
        { id: 'P1', targetSeconds: 1800, scope: { priorities: ['urgent'] } },
      ],
    };
    expect(versionDiff(before, after)).toEqual([
      { path: 'sites', before: '—', after: '["Riga"]' },
      { path: 'terms[P1].targetSeconds', before: '3600', after: '1800' },
    ]);
  });

  it('finds nothing between equal documents', () => {
    const doc = { terms: [{ id: 'A', minimum: 9000 }], rates: [{ unit: 'hour', rateMinor: 1 }] };
    expect(versionDiff(doc, structuredClone(doc))).toEqual([]);
  });
});
