import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, RENAMED_ZONES, timeZoneOptions } from './timeZones';

describe('time-zone names', () => {
  it('offers Asia/Kolkata and Europe/Kyiv, not the old Asia/Calcutta and Europe/Kiev', () => {
    const zones = timeZoneOptions();
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Asia/Kolkata');
    expect(zones).toContain('Europe/Kyiv');
    expect(zones).not.toContain('Asia/Calcutta');
    expect(zones).not.toContain('Europe/Kiev');
    expect(new Set(zones).size).toBe(zones.length);
  });

  it('accepts an old name as an alias of the new one', () => {
    expect(canonicalTimeZone(' Asia/Calcutta ')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('Europe/Istanbul')).toBe('Europe/Istanbul');
  });

  it('every new name is one the runtime knows', () => {
    for (const zone of Object.values(RENAMED_ZONES))
      expect(() => new Intl.DateTimeFormat('en', { timeZone: zone }), zone).not.toThrow();
  });
});
