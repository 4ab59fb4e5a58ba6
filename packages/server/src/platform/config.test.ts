import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to PGlite on 127.0.0.1:3000 with insecure cookies over http', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBeUndefined();
    expect(c.port).toBe(3000);
    expect(c.publicUrl).toBe('http://127.0.0.1:3000');
    expect(c.secureCookies).toBe(false);
    expect(c.dataDir.endsWith('.shoreline')).toBe(true);
  });

  it('turns on secure cookies when the public address is https', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://support.example.com' }).secureCookies).toBe(true);
    expect(
      loadConfig({ PUBLIC_URL: 'https://x.example', SHORELINE_SECURE_COOKIES: 'false' }).secureCookies,
    ).toBe(false);
  });

  it('names the variable and the reason for bad values', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ SHORELINE_SECURE_COOKIES: 'maybe' })).toThrow(/SHORELINE_SECURE_COOKIES/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).port).toBe(3000);
  });
});
