/**
 * Macro placeholders: `{{customer.name}}`, `{{ticket.number}}`, `{{agent.name}}` in the scripts
 * agents follow. The syntax is the double-brace variable tag of Mustache (mustache(5),
 * https://mustache.github.io/mustache.5.html), restricted to dotted names and without sections or
 * escaping: a reply is plain text, so nothing is HTML-escaped here (the web app renders text).
 */

/** A placeholder: `{{`, optional blanks, a dotted name of letters, digits and `_`, optional blanks, `}}`. */
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*)\s*\}\}/g;

export interface RenderedTemplate {
  readonly text: string;
  /** Names used in the template with no value given (left in the text as written, for the agent to fill). */
  readonly missing: readonly string[];
}

/**
 * Replaces each `{{name}}` by `values[name]`. A name without a value (absent, null or empty) stays
 * in the text as written and is listed in `missing`, so the agent sees what to fill in instead of
 * a silent gap. A value is inserted literally: braces inside it are never expanded again.
 *
 * @example renderPlaceholders('Hello {{customer.name}}', { 'customer.name': 'Ayşe' })
 *   // → { text: 'Hello Ayşe', missing: [] }
 */
export function renderPlaceholders(
  template: string,
  values: Readonly<Record<string, string | null | undefined>>,
): RenderedTemplate {
  const missing = new Set<string>();
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined || value === null || value === '') {
      missing.add(name);
      return whole;
    }
    return value;
  });
  return { text, missing: [...missing] };
}

/** The placeholder names a template uses, in order of first use. */
export function placeholderNames(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/**
 * The translation of a script for a ticket's language: the exact tag (`pt-BR`), then its primary
 * language (`pt`), then the fallback language, then the first translation there is. Tags compare
 * case-insensitively (BCP 47, RFC 5646 §2.1.1: tags are case-insensitive).
 *
 * @throws Error when `bodies` has no translation at all.
 * @example pickTranslation({ en: 'Hi', tr: 'Merhaba' }, 'tr-TR', 'en') // → { language: 'tr', text: 'Merhaba' }
 */
export function pickTranslation(
  bodies: Readonly<Record<string, string>>,
  language: string | null | undefined,
  fallback: string,
): { language: string; text: string } {
  const entries = Object.entries(bodies);
  if (entries.length === 0) throw new Error('a macro needs at least one translation');
  const find = (tag: string | null | undefined) =>
    tag ? entries.find(([k]) => k.toLowerCase() === tag.toLowerCase()) : undefined;
  const primary = language?.split('-')[0];
  const [lang, text] = find(language) ?? find(primary) ?? find(fallback) ?? entries[0]!;
  return { language: lang, text };
}
