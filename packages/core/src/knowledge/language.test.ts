import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalLanguage,
  foldForSearch,
  isRightToLeft,
  knowledgeTextConfig,
  negotiateLanguage,
} from './language.js';

describe('help-center languages', () => {
  // The stemmer PostgreSQL has, simple where it has none.
  it.each([
    ['tr-TR', 'turkish'],
    ['hu', 'hungarian'],
    ['de', 'german'],
    ['he', 'simple'],
    ['lv', 'simple'],
  ])('parses an article in %s with %s', (language, config) => {
    expect(knowledgeTextConfig(language)).toBe(config);
  });

  it('writes tags canonically and refuses malformed ones', () => {
    expect(canonicalLanguage('pt-br')).toBe('pt-BR');
    expect(canonicalLanguage('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(canonicalLanguage('EN')).toBe('en');
    expect(canonicalLanguage('english')).toBeNull();
    expect(canonicalLanguage('e')).toBeNull();
  });

  it('knows Hebrew and Arabic-script languages run right to left', () => {
    expect(isRightToLeft('he')).toBe(true);
    expect(isRightToLeft('ar-EG')).toBe(true);
    expect(isRightToLeft('fa')).toBe(true);
    expect(isRightToLeft('tr')).toBe(false);
  });

  it("serves the visitor's language, by weight, then primary subtag, else the fallback", () => {
    expect(negotiateLanguage('tr-TR,tr;q=0.9,en;q=0.5', ['en', 'tr'], 'en')).toBe('tr');
    expect(negotiateLanguage('de;q=0.4, he;q=0.8', ['en', 'de', 'he'], 'en')).toBe('he');
    expect(negotiateLanguage('fr', ['en', 'tr'], 'en')).toBe('en');
    expect(negotiateLanguage(undefined, ['en', 'tr'], 'tr')).toBe('tr');
    expect(negotiateLanguage('pt-BR', ['pt-PT', 'en'], 'en')).toBe('pt-PT');
  });

  it('folds case by the language and drops diacritics for trigram matching', () => {
    expect(foldForSearch('Şifremi UNUTTUM', 'tr')).toBe('sifremi unuttum');
    expect(foldForSearch('IĞDIR İade', 'tr')).toBe('igdir iade');
    expect(foldForSearch('Ügyfélszolgálat', 'hu')).toBe('ugyfelszolgalat');
    expect(foldForSearch('Rēķins', 'lv')).toBe('rekins');
    expect(foldForSearch('שלום', 'he')).toBe('שלום');
  });

  it('folding is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('en', 'tr', 'hu', 'lv', 'he'), (s, lang) => {
        const once = foldForSearch(s, lang);
        expect(foldForSearch(once, lang)).toBe(once);
      }),
    );
  });
});
