// Dates, numbers, currencies and names, all through Intl, for a given UI locale.
import type { Weekday } from '@shoreline/server/contract';

export function formatDate(locale: string, iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(d);
}

export function formatDateTime(locale: string, iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(d);
}

export function formatNumber(locale: string, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale, options).format(value);
}

export function formatPercent(locale: string, ratio: number, fractionDigits = 1): string {
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(ratio);
}

/**
 * Formats money held as an integer amount of minor units with its ISO 4217 code.
 * @example formatMoney('en', 123456, 'USD') // "$1,234.56"
 */
export function formatMoney(locale: string, amountMinor: number | bigint, currency: string): string {
  const nf = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = nf.resolvedOptions().maximumFractionDigits ?? 2;
  const major = Number(amountMinor) / 10 ** digits;
  return nf.format(major);
}

function displayName(locale: string, type: Intl.DisplayNamesType, code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type, fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "TR" → "Turkey" / "Türkiye" / "טורקיה", in the UI locale. */
export const regionName = (locale: string, code: string) => displayName(locale, 'region', code);
/** "pt-BR" → "Brazilian Portuguese", in the UI locale. */
export const languageName = (locale: string, code: string) => displayName(locale, 'language', code);
/** A language's own name for itself ("he" → "עברית"). */
export const endonym = (code: string) => displayName(code, 'language', code);

// 2024-01-01 was a Monday; used to get weekday names from Intl.
const WEEKDAY_DATES: Record<Weekday, Date> = {
  mon: new Date(Date.UTC(2024, 0, 1)),
  tue: new Date(Date.UTC(2024, 0, 2)),
  wed: new Date(Date.UTC(2024, 0, 3)),
  thu: new Date(Date.UTC(2024, 0, 4)),
  fri: new Date(Date.UTC(2024, 0, 5)),
  sat: new Date(Date.UTC(2024, 0, 6)),
  sun: new Date(Date.UTC(2024, 0, 7)),
};

export function weekdayName(locale: string, day: Weekday, width: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' }).format(WEEKDAY_DATES[day]);
}

/** Joins a list ("a, b and c") in the UI locale. */
export function formatList(locale: string, items: string[]): string {
  return new Intl.ListFormat(locale, { style: 'short', type: 'conjunction' }).format(items);
}

/** All IANA time zones the browser knows, UTC first. */
export function timeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? ['UTC', ...zones.filter((z) => z !== 'UTC')] : ['UTC', ...zones];
}

/** Canonical BCP 47 tag, or null when the tag is not well-formed. */
export function canonicalLanguageTag(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag.trim())[0] ?? null;
  } catch {
    return null;
  }
}

/** ISO 3166-1 alpha-2 codes (officially assigned). */
export const REGION_CODES: readonly string[] = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW ' +
  'BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI ' +
  'FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN ' +
  'IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME ' +
  'MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF ' +
  'PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV ' +
  'SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE ' +
  'YT ZA ZM ZW'
).split(' ');

/** Languages offered as suggestions; any well-formed BCP 47 tag is accepted. */
export const COMMON_LANGUAGES: readonly string[] = (
  'en en-US en-GB es es-MX pt pt-BR fr fr-CA de it nl pl ro hu cs sk bg el tr he ar fa ru uk lv lt et fi sv ' +
  'da nb hi bn ur ta te tl id ms th vi zh zh-Hans zh-Hant ja ko sw am'
).split(' ');

const DURATION_UNITS = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
] as const;

/**
 * A duration in seconds, humanely: "3 hr 20 min", "2 days 4 hr", "45 sec" — at most the two largest
 * units (the smaller one rounded), each through Intl.NumberFormat's unit style, joined by
 * Intl.ListFormat's unit list. Empty for null.
 */
export function formatDuration(locale: string, seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '';
  const abs = Math.round(Math.abs(seconds));
  const found = DURATION_UNITS.findIndex(([, size]) => abs >= size);
  const i = found === -1 ? DURATION_UNITS.length - 1 : found;
  const [bigUnit, bigSize] = DURATION_UNITS[i]!;
  const small = DURATION_UNITS[i + 1];
  const unit = (n: number, u: string) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' }).format(n);
  const parts: string[] = [];
  if (!small) parts.push(unit(Math.round(abs), 'second'));
  else {
    const smallTotal = Math.round(abs / small[1]);
    const per = bigSize / small[1];
    const big = Math.floor(smallTotal / per);
    const rest = smallTotal - big * per;
    if (big > 0) parts.push(unit(big, bigUnit));
    if (rest > 0 || big === 0) parts.push(unit(rest, small[0]));
  }
  const text = new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' }).format(parts);
  return seconds < 0 ? `−${text}` : text;
}
