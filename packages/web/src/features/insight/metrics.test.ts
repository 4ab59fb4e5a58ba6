import { describe, expect, it } from 'vitest';
import { CHART_METRICS, METRIC_IDS, METRICS, TABLE_METRICS } from './metrics';

describe('insight metrics', () => {
  it('lists the breakdown columns and the chartable metrics in the order of every metric', () => {
    const common = [
      'tickets',
      'firstResponseMedian',
      'firstResponseP90',
      'resolutionMedian',
      'resolutionP90',
    ];
    const rest = ['reopenRate', 'slaAttainment', 'csatMean', 'handoffsPerTicket'];
    expect(TABLE_METRICS).toEqual([...common, 'resolutionBusinessMedian', 'resolutionBusinessP90', ...rest]);
    expect(CHART_METRICS).toEqual([...common, 'resolutionBusinessMedian', ...rest]);
    expect(METRIC_IDS).toHaveLength(17);
    for (const id of [...TABLE_METRICS, ...CHART_METRICS]) expect(METRIC_IDS).toContain(id);
  });

  it('names each metric by its own id and reads it from a row', () => {
    for (const id of METRIC_IDS) expect(METRICS[id].id).toBe(id);
    const row = { tickets: 4, calls: { abandonmentRate: 0.25 } } as never;
    expect(METRICS.tickets.get(row)).toBe(4);
    expect(METRICS.abandonmentRate.get(row)).toBe(0.25);
    expect(METRICS.slaAttainment.lowerIsBetter).toBe(false);
    expect(METRICS.tickets.lowerIsBetter).toBeNull();
  });
});
