import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import he from './locales/he.json';
import hu from './locales/hu.json';
import lv from './locales/lv.json';
import tr from './locales/tr.json';

type Catalog = { [key: string]: string | Catalog };

/** "a.b.c" → value, for every leaf of a nested catalog. */
function flatten(catalog: Catalog, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of flatten(value, path)) out.set(k, v);
    } else out.set(path, value);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1] ?? '').sort();
}

const reference = flatten(en);
const others: Record<string, Catalog> = { tr, he, hu, lv };

describe('message catalogs', () => {
  it('English has no empty values', () => {
    for (const [key, value] of reference) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
    }
  });

  for (const [locale, catalog] of Object.entries(others)) {
    describe(locale, () => {
      const flat = flatten(catalog);

      it('has exactly the keys of en', () => {
        expect([...flat.keys()].sort()).toEqual([...reference.keys()].sort());
      });

      it('has no empty values', () => {
        for (const [key, value] of flat) {
          expect(typeof value, `${locale}:${key}`).toBe('string');
          expect((value as string).trim(), `${locale}:${key}`).not.toBe('');
        }
      });

      it('uses the same interpolation placeholders as en', () => {
        for (const [key, value] of reference) {
          const translated = flat.get(key);
          if (typeof translated !== 'string') continue;
          expect(placeholders(translated), `${locale}:${key}`).toEqual(placeholders(value as string));
        }
      });

      it('is translated, not an English copy', () => {
        const same = [...reference].filter(([key, value]) => flat.get(key) === value).map(([key]) => key);
        // Brand names, codes and loanwords may match English; most strings must not.
        expect(same.length / reference.size, `identical to en: ${same.join(', ')}`).toBeLessThan(0.1);
      });
    });
  }
});
