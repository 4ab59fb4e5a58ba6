import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { formatIcu } from '../lib/icuPlural';
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

/** The argument names of an ICU message ("{count, plural, …}", "{field}"), nested ones included. */
function icuArguments(text: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: unknown[]) => {
    for (const node of nodes as {
      type: number;
      value?: string;
      options?: Record<string, { value: unknown[] }>;
    }[]) {
      if (typeof node.value === 'string' && node.type !== 0) names.add(node.value);
      for (const option of Object.values(node.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(text, locale).getAst());
  return [...names].sort();
}

const isIcu = (text: string) => /\{\s*\w+\s*,\s*(plural|select)/.test(text);

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

      it('writes counts as ICU plurals with the same arguments as en, valid in this language', () => {
        for (const [key, value] of reference) {
          if (!isIcu(value as string)) continue;
          const translated = flat.get(key) as string;
          expect(isIcu(translated), `${locale}:${key} is no ICU plural`).toBe(true);
          expect(icuArguments(translated, locale), `${locale}:${key}`).toEqual(
            icuArguments(value as string, 'en'),
          );
          for (const n of [0, 1, 2, 5, 11, 21])
            expect(formatIcu(translated, locale, sampleValues(value as string, n))).not.toMatch(/[{}]/);
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

const sampleValues = (text: string, n: number) =>
  Object.fromEntries(icuArguments(text, 'en').map((name) => [name, n]));

describe('ICU plurals', () => {
  it('say "1 ticket", not "1 tickets", and follow each language (Hebrew has a dual)', () => {
    const message = (en.insight.leftOut as Record<string, string>).noCreationTime!;
    expect(formatIcu(message, 'en', { count: 1 })).toBe('1 ticket left out: no creation time.');
    expect(formatIcu(message, 'en', { count: 1200 })).toBe('1,200 tickets left out: no creation time.');
    expect(formatIcu((he.tokens as Record<string, string>).days!, 'he', { n: 2 })).toBe('יומיים');
  });

  it('no English count is interpolated as "{{n}} nouns" any more', () => {
    const counted = [...reference].filter(([, v]) =>
      /\{\{\s*(n|count|number|total)\s*\}\}\s+(tickets|rows|days|ratings|intervals)/.test(v as string),
    );
    expect(counted.map(([k]) => k)).toEqual([]);
  });
});
