import { describe, expect, it } from 'vitest';
import en from '../i18n/locales/en.json';
import he from '../i18n/locales/he.json';
import hu from '../i18n/locales/hu.json';
import lv from '../i18n/locales/lv.json';
import tr from '../i18n/locales/tr.json';
import { browserTimeZone, canonicalTimeZone, isTimeZone, RENAMED_ZONES, timeZoneOptions } from './timeZones';

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

  it('checks a zone before a form sends it: IANA names and old aliases pass, anything else does not', () => {
    expect(isTimeZone('Europe/Istanbul')).toBe(true);
    expect(isTimeZone(' Asia/Calcutta ')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone(browserTimeZone())).toBe(true);
  });

  it('the server’s refusal of a zone (field code unknown_time_zone) has its message in all five catalogs', () => {
    for (const catalog of [en, tr, he, hu, lv]) {
      const message = (catalog.errors.field as Record<string, string>)['unknown_time_zone'];
      expect(message).toMatch(/Europe\/Istanbul/);
    }
  });
});
