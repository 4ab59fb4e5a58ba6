/**
 * Languages of a help center: BCP 47 tags (RFC 5646), any language the business serves, not only
 * the five the staff UI speaks.
 */

/**
 * PostgreSQL's Snowball configurations (PostgreSQL manual §12.6 "Dictionaries", Snowball
 * stemmers; `select cfgname from pg_ts_config` lists the same set on PostgreSQL 17 and PGlite),
 * keyed by ISO 639-1 primary language subtag. A language missing here (Hebrew, Latvian, Polish,
 * Japanese…) has no stemmer in PostgreSQL and is searched with `simple` plus trigram and prefix
 * matching (docs/decisions/0022-knowledge.md).
 */
export const KNOWLEDGE_TEXT_CONFIGS = {
  ar: 'arabic',
  hy: 'armenian',
  eu: 'basque',
  ca: 'catalan',
  da: 'danish',
  nl: 'dutch',
  en: 'english',
  et: 'estonian',
  fi: 'finnish',
  fr: 'french',
  de: 'german',
  el: 'greek',
  hi: 'hindi',
  hu: 'hungarian',
  id: 'indonesian',
  ga: 'irish',
  it: 'italian',
  lt: 'lithuanian',
  ne: 'nepali',
  nb: 'norwegian',
  nn: 'norwegian',
  no: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  sr: 'serbian',
  es: 'spanish',
  sv: 'swedish',
  ta: 'tamil',
  tr: 'turkish',
  yi: 'yiddish',
} as const;

export type KnowledgeTextConfig =
  | (typeof KNOWLEDGE_TEXT_CONFIGS)[keyof typeof KNOWLEDGE_TEXT_CONFIGS]
  | 'simple';

/** Primary language subtags written right to left (Unicode CLDR `characterOrder`: right-to-left). */
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'ckb', 'dv']);

/** The primary language subtag, lower case: `tr-TR` → `tr`. */
export function primaryLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

/**
 * A BCP 47 tag in its canonical case (RFC 5646 §2.1.1: language lower, script title, region
 * upper), or null when `tag` is not well formed (language 2–3 letters, then subtags of 1–8
 * alphanumerics).
 *
 * @example canonicalLanguage('pt-br') // → 'pt-BR'
 * @example canonicalLanguage('zh-hant-tw') // → 'zh-Hant-TW'
 */
export function canonicalLanguage(tag: string): string | null {
  if (!/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(tag)) return null;
  const [language, ...rest] = tag.split('-');
  const subtags = rest.map((s) => {
    if (/^[a-z]{4}$/i.test(s)) return s[0]!.toUpperCase() + s.slice(1).toLowerCase();
    if (/^([a-z]{2}|\d{3})$/i.test(s)) return s.toUpperCase();
    return s.toLowerCase();
  });
  return [language!.toLowerCase(), ...subtags].join('-');
}

/** The text-search configuration for a language; `simple` where PostgreSQL has no stemmer. */
export function knowledgeTextConfig(language: string): KnowledgeTextConfig {
  return (
    (KNOWLEDGE_TEXT_CONFIGS as Record<string, KnowledgeTextConfig>)[primaryLanguage(language)] ?? 'simple'
  );
}

/** Is the language written right to left (Hebrew, Arabic and the Arabic-script languages)? */
export function isRightToLeft(language: string): boolean {
  return RTL_LANGUAGES.has(primaryLanguage(language));
}

/**
 * The visitor's language among those offered: RFC 9110 §12.5.4 `Accept-Language` ranges by
 * weight (q), each matched exactly first, then by primary subtag (RFC 4647 §3.4 lookup, reduced),
 * else `fallback`.
 *
 * @example negotiateLanguage('tr-TR,tr;q=0.9,en;q=0.5', ['en', 'tr'], 'en') // → 'tr'
 */
export function negotiateLanguage(
  acceptLanguage: string | null | undefined,
  offered: readonly string[],
  fallback: string,
): string {
  const ranges = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [range, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { range: (range ?? '').trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.range !== '' && r.range !== '*' && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { range } of ranges) {
    const exact = offered.find((o) => o.toLowerCase() === range);
    if (exact) return exact;
    const primary = offered.find((o) => primaryLanguage(o) === primaryLanguage(range));
    if (primary) return primary;
  }
  return fallback;
}

/**
 * Text as search compares it: lower case by the language's own rules (Turkish `I` → `ı`,
 * `İ` → `i`: ECMA-402 `toLocaleLowerCase`), then, for trigram matching, with diacritics removed
 * (Unicode canonical decomposition, NFD, without combining marks) and `ı` read as `i`, so
 * "sifre" meets "şifre" and "Ügyfélszolgálat" meets "ugyfelszolgalat". PostgreSQL's `unaccent`
 * is not used: PGlite does not ship it, and this runs the same on both.
 *
 * @example foldForSearch('Şifremi UNUTTUM', 'tr') // → 'sifremi unuttum'
 */
export function foldForSearch(text: string, language: string): string {
  let lower: string;
  try {
    lower = text.toLocaleLowerCase(language);
  } catch {
    lower = text.toLowerCase();
  }
  return lower
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ı/g, 'i')
    .replace(/ß/g, 'ss')
    .replace(/[æ]/g, 'ae')
    .replace(/[ø]/g, 'o')
    .replace(/[ł]/g, 'l')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a query (letters and digits of any script), at most `max`. */
export function queryWords(text: string, max = 12): string[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, max);
}
