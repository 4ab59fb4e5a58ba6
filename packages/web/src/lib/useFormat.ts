import type { Weekday } from '@shoreline/server/contract';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import * as f from './format';

/** The format helpers, bound to the current UI language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(
    () => ({
      locale,
      date: (iso: string | null | undefined) => f.formatDate(locale, iso),
      dateTime: (iso: string | null | undefined) => f.formatDateTime(locale, iso),
      number: (n: number, o?: Intl.NumberFormatOptions) => f.formatNumber(locale, n, o),
      money: (minor: number | bigint, currency: string) => f.formatMoney(locale, minor, currency),
      region: (code: string) => f.regionName(locale, code),
      language: (code: string) => f.languageName(locale, code),
      weekday: (day: Weekday, width?: 'long' | 'short') => f.weekdayName(locale, day, width),
      list: (items: string[]) => f.formatList(locale, items),
    }),
    [locale],
  );
}
