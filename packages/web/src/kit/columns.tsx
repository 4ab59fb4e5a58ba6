// Column builders for the DataTable: most columns show one value and sort by it, so the value is
// named once. Give the row type (`textColumn<Team>(…)`): TypeScript does not infer it from the table. Text sorts by the user's collation, numbers by value, times by their ISO string.
import type { ReactNode } from 'react';
import type { Column } from './DataTable';

type Extra<T> = Partial<Omit<Column<T>, 'key' | 'header'>>;

/** Text shown as it sorts (names, labels); `null` shows a dash and sorts last. */
export function textColumn<T>(
  key: string,
  header: ReactNode,
  value: (row: T) => string | null,
  extra: Extra<T> = {},
): Column<T> {
  return { key, header, cell: (row) => value(row) ?? '—', sortValue: value, ...extra };
}

/** A cell that formats the row's value, or shows `missing` for none. */
function shown<T, V>(get: (row: T) => V | null, format: (v: V) => ReactNode, missing: ReactNode = '—') {
  return (row: T) => {
    const v = get(row);
    return v === null ? missing : format(v);
  };
}

/** A count or measure: formatted, aligned to the end, sorted by value (largest first). */
export function numberColumn<T>(
  key: string,
  header: ReactNode,
  value: (row: T) => number | null,
  format: (n: number) => string,
  extra: Extra<T> = {},
): Column<T> {
  return { key, header, numeric: true, cell: shown(value, format), sortValue: value, ...extra };
}

/** A moment (ISO 8601): on one line, sorted by time; `null` shows a dash (or `missing`). */
export function timeColumn<T>(
  key: string,
  header: ReactNode,
  iso: (row: T) => string | null,
  format: (iso: string) => string,
  missing: ReactNode = '—',
): Column<T> {
  return { key, header, nowrap: true, cell: shown(iso, format, missing), sortValue: iso };
}

/** Machine text (an address, a time zone, a file name, a code): kept left to right in any locale. */
export function codeColumn<T>(
  ...[key, header, value, extra = {}]: Parameters<typeof textColumn<T>>
): Column<T> {
  return textColumn(key, header, value, {
    cell: (row) => <bdi dir="ltr">{value(row) ?? '—'}</bdi>,
    ...extra,
  });
}

/** A column of one button per row, labelled as its header names the action; disabled while `busy`. */
export function buttonColumn<T>(
  key: string,
  header: string,
  busy: boolean,
  act: (row: T) => unknown,
): Column<T> {
  return {
    key,
    header,
    cell: (row) => (
      <button type="button" disabled={busy} onClick={() => void act(row)}>
        {header}
      </button>
    ),
  };
}

/** What the bound builders format with: useFormat() gives it. */
interface ColumnFormat {
  number(n: number): string;
  date(iso: string): string;
  dateTime(iso: string): string;
}

/**
 * The builders for one row type, bound to the page's formatter: a table names its row type once
 * (`const col = columnsOf<Team>(fmt)`), and counts and moments need no formatter each.
 */
export function columnsOf<T>(fmt: ColumnFormat) {
  type Moment = (
    key: string,
    header: ReactNode,
    iso: (row: T) => string | null,
    missing?: ReactNode,
  ) => Column<T>;
  const date: Moment = (key, header, iso, missing) => timeColumn(key, header, iso, fmt.date, missing);
  const dateTime: Moment = (key, header, iso, missing) => timeColumn(key, header, iso, fmt.dateTime, missing);
  return {
    text: textColumn<T>,
    code: codeColumn<T>,
    number: numberColumn<T>,
    time: timeColumn<T>,
    /** A count, in the user's digits. */
    count: (key: string, header: ReactNode, value: (row: T) => number | null, extra?: Extra<T>) =>
      numberColumn(key, header, value, (n) => fmt.number(n), extra),
    date,
    dateTime,
  };
}
