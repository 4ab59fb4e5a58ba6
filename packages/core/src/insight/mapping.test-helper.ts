import type { ColumnMapping } from './mapping.js';

/**
 * A mapping for tests: UTC, ISO dates, '?' as the null marker, a 1–5 CSAT scale, durations in
 * seconds and no columns, maps or kind-specific section; each test names what it reads in `fields`.
 */
export function testMapping(fields: Partial<ColumnMapping> & Pick<ColumnMapping, 'kind'>): ColumnMapping {
  return {
    source: 'test',
    timeZone: 'UTC',
    dateFormat: 'iso',
    dateFormats: {},
    nullMarkers: ['?'],
    columns: {},
    statusMap: {},
    priorityMap: {},
    channelMap: {},
    csatScale: '1-5',
    durationUnit: 'seconds',
    tagSeparator: ',',
    ...fields,
  };
}
