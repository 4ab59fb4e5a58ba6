/**
 * Which PostgreSQL text-search configuration indexes a ticket written in a language (PostgreSQL
 * manual, "Full Text Search", §12.6 Dictionaries: the Snowball stemmers ship as configurations
 * named after the language). Turkish, Hungarian and English have stemmers; Hebrew and Latvian have
 * none in PostgreSQL, so their text is indexed with `simple` (lower-cased words, no stemming, no
 * stop words): a search finds the exact word form. The database mirrors this table in the SQL
 * function `shoreline_text_config` (tickets migration `search`); a test keeps them equal.
 */
export const TEXT_SEARCH_CONFIGS = {
  en: 'english',
  tr: 'turkish',
  hu: 'hungarian',
  he: 'simple',
  lv: 'simple',
} as const;

export type TextSearchConfig = (typeof TEXT_SEARCH_CONFIGS)[keyof typeof TEXT_SEARCH_CONFIGS];

/** Every configuration a search query must be parsed with to meet tickets of any language. */
export const SEARCH_QUERY_CONFIGS: readonly TextSearchConfig[] = [
  'english',
  'turkish',
  'hungarian',
  'simple',
];

/**
 * The configuration for a ticket's language tag (`tr`, `tr-TR`, `HU`); `simple` for any language
 * without a stemmer here, or none.
 *
 * @example textSearchConfig('tr-TR') // → 'turkish'
 */
export function textSearchConfig(language: string | null | undefined): TextSearchConfig {
  const primary = (language ?? '').split('-')[0]!.toLowerCase();
  return (TEXT_SEARCH_CONFIGS as Record<string, TextSearchConfig>)[primary] ?? 'simple';
}
