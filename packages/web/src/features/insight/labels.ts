// Names for group keys and codes: translated where Shoreline knows the code, Intl where it can.

import { type GroupBy, WEEKDAYS, type Weekday } from '@shoreline/server/contract';
import type { TFunction } from 'i18next';
import i18n from '../../lib/i18n';

type Fmt = { language: (code: string) => string; weekday: (d: Weekday, w?: 'long' | 'short') => string };
const DAYS = WEEKDAYS;

/** "refund_request" → "Refund request" when there is no translation. */
export function humanize(code: string): string {
  const s = code.replaceAll('_', ' ').trim();
  return s.charAt(0).toLocaleUpperCase() + s.slice(1);
}

function known(t: TFunction, key: string, fallback: string): string {
  return i18n.exists(key) ? (t(key as 'insight.none') as string) : fallback;
}

export const topicLabel = (t: TFunction, topic: string | null) =>
  topic === null ? t('insight.none') : known(t, `insight.topics.${topic}`, humanize(topic));
export const channelLabel = (t: TFunction, c: string | null) =>
  c === null ? t('insight.none') : known(t, `insight.channels.${c}`, humanize(c));
export const priorityLabel = (t: TFunction, p: string | null) =>
  p === null ? t('insight.none') : known(t, `insight.priorities.${p}`, humanize(p));
export const statusLabel = (t: TFunction, s: string | null) =>
  s === null ? t('insight.none') : known(t, `insight.statuses.${s}`, humanize(s));
export const flagLabel = (t: TFunction, f: string) => known(t, `insight.flags.${f}`, humanize(f));

/** Hour of the week 0–167 (Monday 00:00 = 0) → "Tue 09:00". */
export function hourOfWeekLabel(fmt: Fmt, how: number): string {
  const day = DAYS[Math.floor(how / 24)] ?? 'mon';
  return `${fmt.weekday(day, 'short')} ${String(how % 24).padStart(2, '0')}:00`;
}

/** The display name of one group of a KPI table. */
export function groupLabel(
  t: TFunction,
  fmt: Fmt,
  groupBy: GroupBy,
  row: { key: string | null; label: string | null },
): string {
  if (row.key === null) return t('insight.none');
  switch (groupBy) {
    case 'none':
      return t('insight.allTickets');
    case 'provider_kind':
      return known(t, `providers.kinds.${row.key}`, row.key);
    case 'channel':
      return channelLabel(t, row.key);
    case 'priority':
      return priorityLabel(t, row.key);
    case 'status':
      return statusLabel(t, row.key);
    case 'topic':
      return topicLabel(t, row.key);
    case 'language':
      return fmt.language(row.key);
    case 'hour_of_week':
      return hourOfWeekLabel(fmt, Number(row.key));
    default:
      return row.label ?? row.key;
  }
}
