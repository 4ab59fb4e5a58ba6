// Reading numbers typed into the Plan forms, and the bits of formatting the page shares.
import type { TFunction } from 'i18next';
import { formatDate, formatNumber, formatPercent } from '../../lib/format';

const DECIMAL = /^[+-]?(\d+[.,]?\d*|[.,]\d+)$/;

/** A number as typed, accepting a decimal comma (tr, hu, lv); NaN when it is not one. Empty → null. */
export function readDecimal(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return DECIMAL.test(trimmed) ? Number(trimmed.replace(',', '.')) : Number.NaN;
}

/** Check messages of the Plan forms, keyed by the rule broken. */
export type NumberRule =
  | 'required'
  | 'number'
  | 'min0'
  | 'positive'
  | 'percentBelow100'
  | 'percentUpTo100'
  | 'whole';

/** Checks a typed value against a rule; returns the number, or the rule that failed. */
export function checkNumber(
  text: string,
  rule: Exclude<NumberRule, 'required' | 'number'>,
  required = true,
): number | null | { fail: NumberRule } {
  const value = readDecimal(text);
  if (value === null) return required ? { fail: 'required' } : null;
  if (!Number.isFinite(value)) return { fail: 'number' };
  const ok =
    rule === 'min0'
      ? value >= 0
      : rule === 'positive'
        ? value > 0
        : rule === 'percentBelow100'
          ? value >= 0 && value < 100
          : rule === 'percentUpTo100'
            ? value > 0 && value <= 100
            : Number.isInteger(value) && value >= 0;
  return ok ? value : { fail: rule };
}

export function isFail(value: number | null | { fail: NumberRule }): value is { fail: NumberRule } {
  return typeof value === 'object' && value !== null;
}

export function ruleMessage(t: TFunction, rule: NumberRule): string {
  return t(`plan.check.${rule}`);
}

/** Formatting for the page, bound to a locale. */
export function planFormat(locale: string) {
  return {
    int: (n: number) => formatNumber(locale, n, { maximumFractionDigits: 0 }),
    dec: (n: number, digits = 1) =>
      formatNumber(locale, n, { minimumFractionDigits: digits, maximumFractionDigits: digits }),
    pct: (ratio: number, digits = 1) => formatPercent(locale, ratio, digits),
    sec: (n: number) => formatNumber(locale, n, { maximumFractionDigits: 1 }),
    /** "09:15" wall-clock time in the UI locale's style. */
    clock: (hhmm: string) =>
      new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
        new Date(`1970-01-01T${hhmm}:00Z`),
      ),
    /** "2025-01-01" → a medium date; `weekday` adds the short weekday name. */
    day: (date: string, weekday = false) =>
      weekday
        ? new Intl.DateTimeFormat(locale, {
            weekday: 'short',
            day: 'numeric',
            month: 'short',
            timeZone: 'UTC',
          }).format(new Date(`${date}T00:00:00Z`))
        : formatDate(locale, `${date}T00:00:00Z`, 'UTC'),
  };
}

export type PlanFormat = ReturnType<typeof planFormat>;
