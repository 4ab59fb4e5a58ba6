// The one data table: sortable columns, paging, empty/loading/error states, a sticky header and
// numeric columns aligned to the end. Logical CSS properties only, so it mirrors right to left.
// Long text wraps instead of widening the table, so at 1366 px no column hides behind a scroll.

import type { TFunction } from 'i18next';
import { type HTMLAttributes, type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner, Loading } from '../lib/ui';
import { useFormat } from '../lib/useFormat';
import './kit.css';
import { type SortDirection, type SortValue, sortRows } from './sortRows';

export type { SortValue };

export interface Column<T> {
  /** Stable id; also the `data-column` of its cells. */
  key: string;
  header: ReactNode;
  cell(row: T): ReactNode;
  /** Makes the column sortable by this value (nulls last, whatever the direction). */
  sortValue?(row: T): SortValue;
  /** Numbers: aligned to the end and set in tabular figures. They may wrap between words ("10 hr
   *  44 min") so that a wide table keeps every column in view. */
  numeric?: boolean;
  /** The cell that names the row: a `<th scope="row">`, kept visible when the table scrolls. */
  rowHeader?: boolean;
  /** Keeps the cell on one line (dates, durations, codes). */
  nowrap?: boolean;
  /** Extra attributes of each body cell (data-* for tests and drill-downs). */
  cellProps?(row: T): HTMLAttributes<HTMLElement> & Record<`data-${string}`, string | number>;
}

export interface Sort {
  key: string;
  direction: SortDirection;
}

export interface DataTableProps<T> {
  /** Typed by the rows (NoInfer), not inferred from the columns. */
  columns: Column<NoInfer<T>>[];
  /** Undefined while the first load runs. */
  rows: readonly T[] | undefined;
  rowKey(row: T): string;
  /** Read by screen readers; hidden on screen (the card title says it). */
  caption: string;
  loading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  /** What an empty result says (a sentence, or a call to action). */
  empty?: ReactNode;
  /** Rows per page; without it every row shows. */
  pageSize?: number;
  initialSort?: Sort;
  compact?: boolean;
  testId?: string;
  rowProps?(row: T): HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>;
}

/** Catalog sections that title a list and say what its emptiness means (`<section>.title`, `.empty`). */
export type ListSection =
  | 'insight.mappings'
  | 'knowledge'
  | 'knowledge.synonyms'
  | 'mail.mailboxes'
  | 'providers'
  | 'sla'
  | 'source.decisions'
  | 'source.evidence'
  | 'teams'
  | 'tokens'
  | 'webhooks';

/** A list's caption and empty sentence from its catalog section: the caption is the section's title. */
export function listTexts(t: TFunction, section: ListSection) {
  return { caption: t(`${section}.title`), empty: t(`${section}.empty`) };
}

/** The rows, loading state, error and retry of a loaded list (useResource), as DataTable props. */
export function resourceRows<T>(list: {
  data: readonly T[] | undefined;
  loading: boolean;
  error: unknown;
  reload(): void;
}) {
  return { rows: list.data, loading: list.loading, error: list.error, onRetry: list.reload };
}

export function DataTable<T>(props: DataTableProps<T>) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [sort, setSort] = useState<Sort | undefined>(props.initialSort);
  const [page, setPage] = useState(0);
  const collator = useMemo(() => new Intl.Collator(fmt.locale, { numeric: true }), [fmt.locale]);

  const sorted = useMemo(() => {
    const rows = props.rows ?? [];
    const column = sort && props.columns.find((c) => c.key === sort.key);
    return sort && column?.sortValue ? sortRows(rows, column.sortValue, sort.direction, collator) : rows;
  }, [props.rows, props.columns, sort, collator]);

  const size = props.pageSize ?? Math.max(1, sorted.length);
  const pages = Math.max(1, Math.ceil(sorted.length / size));
  const current = Math.min(page, pages - 1);
  const shown = sorted.slice(current * size, current * size + size);

  const toggle = (key: string) => {
    setSort((s) =>
      s?.key === key && s.direction === 'ascending'
        ? { key, direction: 'descending' }
        : { key, direction: s?.key === key ? 'ascending' : defaultDirection(props.columns, key) },
    );
    setPage(0);
  };

  if (props.rows === undefined || (props.loading && sorted.length === 0)) {
    return props.error ? <ErrorBanner error={props.error} onRetry={props.onRetry} /> : <Loading />;
  }
  return (
    <div className="kit-table" data-testid={props.testId ? `${props.testId}-wrap` : undefined}>
      {props.error ? <ErrorBanner error={props.error} onRetry={props.onRetry} /> : null}
      {sorted.length === 0 && props.error ? null : sorted.length === 0 ? (
        <div className="kit-table-empty">
          {props.empty ?? <p className="empty">{t('kit.table.empty')}</p>}
        </div>
      ) : (
        <div className="table-wrap kit-table-scroll">
          <table
            className={props.compact ? 'kit-table-grid kit-table-compact' : 'kit-table-grid'}
            data-testid={props.testId}
            aria-busy={props.loading ? true : undefined}
          >
            <caption className="visually-hidden">{props.caption}</caption>
            <thead>
              <tr>
                {props.columns.map((c) => {
                  const direction = sort?.key === c.key ? sort.direction : undefined;
                  return (
                    <th
                      key={c.key}
                      scope="col"
                      className={headerClass(c)}
                      aria-sort={c.sortValue ? (direction ?? 'none') : undefined}
                    >
                      {c.sortValue ? (
                        <button
                          type="button"
                          className="kit-sort"
                          onClick={() => toggle(c.key)}
                          title={t('kit.table.sortBy')}
                        >
                          {c.header}
                          <span
                            className={direction ? 'kit-sort-mark' : 'kit-sort-mark kit-sort-mark-idle'}
                            aria-hidden="true"
                          >
                            {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
                          </span>
                        </button>
                      ) : (
                        c.header
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={props.rowKey(row)} {...props.rowProps?.(row)}>
                  {props.columns.map((c) => {
                    const Cell = c.rowHeader ? 'th' : 'td';
                    return (
                      <Cell
                        key={c.key}
                        scope={c.rowHeader ? 'row' : undefined}
                        className={cellClass(c)}
                        data-column={c.key}
                        {...c.cellProps?.(row)}
                      >
                        {c.cell(row)}
                      </Cell>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.loading && sorted.length > 0 ? <Loading /> : null}
      {pages > 1 ? (
        <nav className="kit-pager" aria-label={t('kit.table.pages')}>
          <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
            {t('kit.table.previous')}
          </button>
          <span role="status">
            {t('kit.table.range', {
              from: fmt.number(current * size + 1),
              to: fmt.number(current * size + shown.length),
              total: fmt.number(sorted.length),
            })}
          </span>
          <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            {t('kit.table.next')}
          </button>
        </nav>
      ) : null}
    </div>
  );
}

// Numbers read best largest first; words from A.
function defaultDirection<T>(columns: Column<T>[], key: string): Sort['direction'] {
  return columns.find((c) => c.key === key)?.numeric ? 'descending' : 'ascending';
}

function headerClass<T>(c: Column<T>): string | undefined {
  return [c.numeric ? 'num' : '', c.rowHeader ? 'kit-row-header' : ''].filter(Boolean).join(' ') || undefined;
}

function cellClass<T>(c: Column<T>): string | undefined {
  return (
    [c.numeric ? 'num' : '', c.nowrap ? 'nowrap' : '', c.rowHeader ? 'kit-row-header' : '']
      .filter(Boolean)
      .join(' ') || undefined
  );
}

type ResourceTableProps<T> = Omit<
  DataTableProps<T>,
  'rows' | 'loading' | 'error' | 'onRetry' | 'rowKey' | 'empty'
> & {
  /** The loaded list (useResource): its rows, loading state, error and retry. */
  resource: Parameters<typeof resourceRows<T>>[0];
  /** What an empty list says (one sentence). */
  empty: ReactNode;
} & ([T] extends [{ id: string }] ? { rowKey?(row: T): string } : { rowKey(row: T): string });

/**
 * A table of a loaded list: loading, error with retry, the empty sentence, and rows keyed by `id`
 * unless told otherwise — the `{...resourceRows(list)} rowKey={(r) => r.id} empty={<p
 * className="empty">…</p>}` opening every list page restated.
 */
export function ResourceTable<T>(props: ResourceTableProps<T>) {
  const { resource, empty, ...table } = props;
  const rowKey =
    (props as { rowKey?: (row: T) => string }).rowKey ?? ((row: T) => (row as { id: string }).id);
  return (
    <DataTable<T>
      {...(table as Omit<DataTableProps<T>, 'rows' | 'rowKey'>)}
      {...resourceRows(resource)}
      rowKey={rowKey}
      empty={<p className="empty">{empty}</p>}
    />
  );
}
