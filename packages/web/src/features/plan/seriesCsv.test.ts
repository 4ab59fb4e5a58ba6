import { describe, expect, it } from 'vitest';
import { parseSeries } from './seriesCsv';

describe('parseSeries', () => {
  it('reads the start, the step and the volumes of SERIES.csv', () => {
    const csv = 'interval_start,volume\n2026-11-02T00:00,4\n2026-11-02T00:30,5.5\n2026-11-02T01:00,0\n';
    expect(parseSeries(csv)).toEqual({ start: '2026-11-02T00:00', stepMin: 30, values: [4, 5.5, 0] });
  });

  it('names what is wrong: the header, a row, the step', () => {
    expect(parseSeries('start,calls\n2026-11-02T00:00,1\n')).toBe('header');
    expect(parseSeries('interval_start,volume\n2026-11-02T00:00,1\nnot a time,2\n')).toBe('rows');
    expect(parseSeries('interval_start,volume\n2026-11-02T00:00,1\n2026-11-02T00:00,-1\n')).toBe('rows');
    expect(parseSeries('interval_start,volume\n2026-11-02T00:00,1\n2026-11-02T00:20,2\n')).toBe('step');
    expect(
      parseSeries('interval_start,volume\n2026-11-02T00:00,1\n2026-11-02T01:00,2\n2026-11-02T03:00,2\n'),
    ).toBe('step');
  });
});
