/**
 * Text in the order people expect: numbers inside names by value ("Category 7" before "Category 13"),
 * letters by the reader's language (Unicode Collation Algorithm via Intl.Collator, `numeric`).
 */
const collators = new Map<string, Intl.Collator>();

export function naturalCollator(locale: string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
    collators.set(locale, collator);
  }
  return collator;
}

/** A sorted copy of `values`, in natural order for `locale`. */
export function naturalSort(values: readonly string[], locale: string): string[] {
  const collator = naturalCollator(locale);
  return [...values].sort((a, b) => collator.compare(a, b));
}
