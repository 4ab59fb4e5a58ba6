// The DataTable's order, kept apart from React so it can be tested on its own.

export type SortValue = string | number | null | undefined;
export type SortDirection = 'ascending' | 'descending';

const missing = (v: SortValue) => v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));

/** Compares two present sort values: numbers by value, text by the user's locale. */
export function compareValues(a: SortValue, b: SortValue, collator: Intl.Collator): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** Sorts a copy of `rows` (stable), keeping rows without a value at the end in both directions. */
export function sortRows<T>(
  rows: readonly T[],
  value: (row: T) => SortValue,
  direction: SortDirection,
  collator: Intl.Collator,
): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, v: value(row) }))
    .sort((a, b) => {
      if (missing(a.v) || missing(b.v)) return Number(missing(a.v)) - Number(missing(b.v)) || a.i - b.i;
      return sign * compareValues(a.v, b.v, collator) || a.i - b.i;
    })
    .map((x) => x.row);
}
