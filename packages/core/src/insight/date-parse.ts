import { zonedToUtcMemo } from '../time/zone-offsets.js';

/**
 * Date formats a mapping may name: `iso` (ISO 8601; a value without an offset is read in the
 * mapping's time zone), `unix` (seconds), `unix_ms`, or a pattern of tokens:
 * YYYY, M/MM (month), MMM (month name, English), D/DD, H/HH, mm, ss, SSS (fraction, any length),
 * Z (offset `+01:00`, `+0100` or `Z`), EEE (weekday name, ignored). Other characters match themselves.
 * @example parseDate('29/2/2016 01:16', 'D/M/YYYY HH:mm', 'UTC') // 2016-02-29T01:16:00Z
 */
export type DateFormat = string;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const TOKENS: [string, string][] = [
  ['YYYY', '(?<year>\\d{4})'],
  ['SSS', '(?<fraction>\\d+)'],
  ['MMM', '(?<monthName>[A-Za-z]{3,9})'],
  ['EEE', '[A-Za-z]{3,9}'],
  ['MM', '(?<month>\\d{2})'],
  ['DD', '(?<day>\\d{2})'],
  ['HH', '(?<hour>\\d{2})'],
  ['mm', '(?<minute>\\d{2})'],
  ['ss', '(?<second>\\d{2})'],
  ['M', '(?<month>\\d{1,2})'],
  ['D', '(?<day>\\d{1,2})'],
  ['H', '(?<hour>\\d{1,2})'],
  ['Z', '(?<offset>Z|[+-]\\d{2}:?\\d{2})'],
];

const compiled = new Map<string, RegExp>();

function patternFor(format: string): RegExp {
  let re = compiled.get(format);
  if (re) return re;
  let out = '';
  let i = 0;
  outer: while (i < format.length) {
    for (const [token, group] of TOKENS) {
      if (format.startsWith(token, i)) {
        out += group;
        i += token.length;
        continue outer;
      }
    }
    out += format[i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    i++;
  }
  re = new RegExp(`^\\s*${out}\\s*$`);
  compiled.set(format, re);
  return re;
}

/** @throws RangeError naming the format and value when the value does not match or is not a real date. */
export function parseDate(value: string, format: DateFormat, timeZone: string): Date {
  const text = value.trim();
  if (format === 'unix' || format === 'unix_ms') {
    const n = Number(text);
    if (!Number.isFinite(n)) throw new RangeError(`"${value}" is not a ${format} timestamp`);
    return new Date(format === 'unix' ? n * 1000 : n);
  }
  if (format === 'iso') return parseIsoDate(text, timeZone);
  const m = patternFor(format).exec(text);
  if (!m?.groups) throw new RangeError(`"${value}" does not match the date format "${format}"`);
  const g = m.groups;
  const month = g.monthName
    ? MONTHS.indexOf(g.monthName.slice(0, 3).toLowerCase()) + 1
    : Number(g.month ?? 1);
  const wall = {
    year: Number(g.year),
    month,
    day: Number(g.day ?? 1),
    hour: Number(g.hour ?? 0),
    minute: Number(g.minute ?? 0),
    second: Number(g.second ?? 0),
  };
  if (
    month < 1 ||
    month > 12 ||
    wall.day < 1 ||
    wall.day > daysInMonth(wall.year, month) ||
    wall.hour > 24 ||
    wall.minute > 59 ||
    wall.second > 60
  ) {
    throw new RangeError(`"${value}" is not a real date (format "${format}")`);
  }
  const fractionMs = g.fraction ? Math.round(Number(`0.${g.fraction}`) * 1000) : 0;
  if (g.offset) {
    const offsetMinutes = parseOffset(g.offset);
    const utc = Date.UTC(wall.year, month - 1, wall.day, wall.hour, wall.minute, wall.second);
    return new Date(utc - offsetMinutes * 60_000 + fractionMs);
  }
  return new Date(zonedToUtcMemo(wall, timeZone) + fractionMs);
}

const ISO_8601 =
  /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})(?:[T ](?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:[.,](?<fraction>\d{1,9}))?)?)?\s*(?<offset>Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Strict ISO 8601 (RFC 3339 profile): `YYYY-MM-DD`, optionally `THH:mm[:ss[.fraction]]` and an offset
 * (`Z`, `±HH:mm`, `±HHmm`, `±HH`); a value without an offset is read in `timeZone`. Unlike
 * `Date.parse`, a day that does not exist is refused (`2025-02-30` is not 2 March) and so is
 * anything that is not this shape (`1` is not the year 2001).
 * @throws RangeError naming the value when it is not a real ISO 8601 date.
 * @example parseIsoDate('2024-02-29T12:00:00+01:00', 'UTC') // 2024-02-29T11:00:00Z
 */
export function parseIsoDate(value: string, timeZone = 'UTC'): Date {
  const g = ISO_8601.exec(value.trim())?.groups;
  if (!g) throw new RangeError(`"${value}" is not an ISO 8601 date (YYYY-MM-DD or YYYY-MM-DDTHH:mm:ssZ)`);
  const wall = {
    year: Number(g.year),
    month: Number(g.month),
    day: Number(g.day),
    hour: Number(g.hour ?? 0),
    minute: Number(g.minute ?? 0),
    second: Number(g.second ?? 0),
  };
  if (
    wall.month < 1 ||
    wall.month > 12 ||
    wall.day < 1 ||
    wall.day > daysInMonth(wall.year, wall.month) ||
    wall.hour > 23 ||
    wall.minute > 59 ||
    wall.second > 59
  )
    throw new RangeError(`"${value}" is not a real date`);
  const fractionMs = g.fraction ? Math.round(Number(`0.${g.fraction}`) * 1000) : 0;
  if (g.offset) {
    const utc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
    return new Date(
      utc - parseOffset(g.offset.length === 3 ? `${g.offset}00` : g.offset) * 60_000 + fractionMs,
    );
  }
  return new Date(zonedToUtcMemo(wall, timeZone) + fractionMs);
}

/**
 * Checks a mapping's date format: `iso`, `unix`, `unix_ms`, or a pattern naming at least the year
 * (YYYY) and the month (M, MM or MMM), each token at most once.
 * @returns why the format cannot be used, or null when it can.
 * @example dateFormatProblem('D/M/YYYY HH:mm') // null
 */
export function dateFormatProblem(format: string): string | null {
  if (format === 'iso' || format === 'unix' || format === 'unix_ms') return null;
  if (!format.includes('YYYY'))
    return `"${format}" names no year (YYYY); use iso, unix, unix_ms or a pattern`;
  try {
    const groups = patternFor(format).source;
    if (!/\(\?<(month|monthName)>/.test(groups)) return `"${format}" names no month (M, MM or MMM)`;
  } catch {
    return `"${format}" names a part twice`;
  }
  return null;
}

function parseOffset(offset: string): number {
  if (offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days of a month of the proleptic Gregorian calendar (as Date.UTC counts them; year 0–99 as 1900–1999, as Date.UTC does). */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1]!;
  const y = year >= 0 && year <= 99 ? 1900 + year : year;
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
}

/** Values remembered per format and zone; the memo starts afresh past this. */
const MEMO_SIZE = 20_000;
/** format → zone → text → instant (ms) or the error's message. */
const memos = new Map<string, Map<string, Map<string, number | string>>>();

/**
 * parseDate, remembering the answer for each text: an export repeats the same timestamps many times
 * (an event log's `opened_at` on every row of its case), and parsing one in a time zone is the
 * costly part of reading a row. Returns a new Date each time; throws the same RangeError message.
 * @example parseDateMemo('29/2/2016 01:16', 'D/M/YYYY HH:mm', 'UTC') // 2016-02-29T01:16:00Z
 */
export function parseDateMemo(value: string, format: DateFormat, timeZone: string): Date {
  let zones = memos.get(format);
  if (!zones) {
    if (memos.size >= 64) memos.clear();
    zones = new Map();
    memos.set(format, zones);
  }
  let memo = zones.get(timeZone);
  if (!memo) {
    if (zones.size >= 64) zones.clear();
    memo = new Map();
    zones.set(timeZone, memo);
  }
  let known = memo.get(value);
  if (known === undefined) {
    try {
      known = parseDate(value, format, timeZone).getTime();
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      known = err.message;
    }
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(value, known);
  }
  if (typeof known === 'string') throw new RangeError(known);
  return new Date(known);
}
