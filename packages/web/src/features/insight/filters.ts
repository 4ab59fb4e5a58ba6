// Insight filters live in the URL (?from=…&providerId=…), so a view can be bookmarked, shared and
// reloaded. Dates in the URL are inclusive calendar days; the API's `to` is exclusive.

import type { GroupBy, TicketFilter } from '@shoreline/server/contract';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/** Filters the filter bar offers. */
export const FILTER_KEYS = [
  'from',
  'to',
  'providerId',
  'teamId',
  'channel',
  'priority',
  'topic',
  'language',
] as const;
/** Filters that only drill-down sets (from a chart or a row). */
export const DRILL_KEYS = ['providerKind', 'status', 'qualityFlag', 'hourOfWeek'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number] | (typeof DRILL_KEYS)[number];
export type UiFilter = Partial<Record<FilterKey, string>>;

const ALL_KEYS: readonly FilterKey[] = [...FILTER_KEYS, ...DRILL_KEYS];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The browser's IANA time zone: buckets and hours of the week are counted on the user's clock. */
export const userTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** "2025-03-04" + n days. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** URL filter → API filter: the inclusive `to` day becomes the exclusive next day. */
export function toApiFilter(ui: UiFilter): TicketFilter {
  const out: TicketFilter = { timeZone: userTimeZone() };
  for (const key of ALL_KEYS) {
    const v = ui[key];
    if (!v) continue;
    if ((key === 'from' || key === 'to') && !DAY.test(v)) continue;
    out[key] = key === 'to' ? addDays(v, 1) : v;
  }
  return out;
}

export function filterFromParams(params: URLSearchParams): UiFilter {
  const out: UiFilter = {};
  for (const key of ALL_KEYS) {
    const v = params.get(key);
    if (v) out[key] = v;
  }
  return out;
}

export function filterToSearch(filter: UiFilter): string {
  const p = new URLSearchParams();
  for (const key of ALL_KEYS) {
    const v = filter[key];
    if (v) p.set(key, v);
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The filters in the URL, and setters that keep the other search parameters. */
export function useInsightFilter() {
  const [params, setParams] = useSearchParams();
  const ui = useMemo(() => filterFromParams(params), [params]);
  const api = useMemo(() => toApiFilter(ui), [ui]);
  const set = useCallback(
    (patch: UiFilter) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v) next.set(k, v);
            else next.delete(k);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const clear = useCallback(
    () =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const k of ALL_KEYS) next.delete(k);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  // A page's own choices beside the filters (grouping, metric, interval), kept in the URL too.
  const setParam = useCallback(
    (name: string, value: string) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set(name, value);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  /** The choice `name` in the URL when it is one of `allowed`, else `fallback`. */
  const choice = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = params.get(name);
    return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
  };
  return { ui, api, set, clear, params, setParams, setParam, choice };
}

/** The filter that selects one group of a KPI table; null when the group cannot be named (no value). */
export function groupFilter(groupBy: GroupBy, key: string | null): UiFilter | null {
  if (key === null) return null;
  switch (groupBy) {
    case 'provider':
      return { providerId: key };
    case 'provider_kind':
      return { providerKind: key };
    case 'team':
      return { teamId: key };
    case 'hour_of_week':
      return { hourOfWeek: key };
    case 'channel':
    case 'priority':
    case 'topic':
    case 'language':
    case 'status':
      return { [groupBy]: key };
    case 'none':
      return {};
    default:
      return null;
  }
}

/** Where the ticket list for a filter lives. */
export function ticketsPath(filter: UiFilter): string {
  return `/insight/breakdown/tickets${filterToSearch(filter)}`;
}
