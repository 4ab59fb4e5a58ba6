import type { PostProcessorModule } from 'i18next';
import { IntlMessageFormat } from 'intl-messageformat';

/**
 * ICU plurals inside our catalogs ("{count, plural, one {# ticket} other {# tickets}}"): one key in
 * every language, each with its own CLDR plural categories (Hebrew two, Latvian zero, Turkish one
 * form), instead of "1 tickets". i18next interpolates its `{{name}}` placeholders first; a message
 * that still holds an ICU argument is then formatted by intl-messageformat with the same values.
 */
const ICU_ARGUMENT = /\{\s*\w+\s*,\s*(plural|selectordinal|select)\s*,/;
const cache = new Map<string, IntlMessageFormat>();

export function formatIcu(message: string, locale: string, values: Record<string, unknown>): string {
  if (!ICU_ARGUMENT.test(message)) return message;
  const id = `${locale}\u0000${message}`;
  let format = cache.get(id);
  if (!format) {
    format = new IntlMessageFormat(message, locale);
    cache.set(id, format);
  }
  return String(format.format(values as Record<string, string | number>));
}

export const icuPostProcessor: PostProcessorModule = {
  type: 'postProcessor',
  name: 'icu',
  process(value, _key, options, translator) {
    const locale = (options.lng as string | undefined) ?? translator.language ?? 'en';
    return formatIcu(value, locale, options as Record<string, unknown>);
  },
};
