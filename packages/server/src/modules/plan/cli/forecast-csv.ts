// Reading `shoreline forecast`'s inputs: SERIES.csv (interval_start,volume at a regular step, local
// timestamps) and the holidays CSV (date[,factor]), and writing FORECAST.csv. Pure text in, values out.
import type { SpecialDay } from '@shoreline/core/forecast/index';

/** An input file the forecast cannot use: `problems` name the line and column of each. */
export class ForecastFileError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(problems.length > 0 ? `${message}\n${problems.map((p) => `  ${p}`).join('\n')}` : message);
    this.name = 'ForecastFileError';
  }
}

const STEPS = [5, 15, 30, 60];
const MINUTE = 60_000;
const DAY = 86_400_000;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})([T ])(\d{2}):(\d{2})(:(\d{2}))?$/;
/** The directive that lets missing intervals count as zero. */
export const MISSING_ZERO = /^#\s*missing\s*[:=]\s*zero\s*$/i;

/** How the input wrote its timestamps, so the output writes them the same way. */
export interface TimestampStyle {
  readonly separator: 'T' | ' ';
  readonly seconds: boolean;
}

/** A parsed SERIES.csv, padded with NaN back to the midnight before its first interval. */
export interface ParsedSeries {
  readonly values: number[];
  readonly stepMin: number;
  readonly periodsPerDay: number;
  /** Wall-clock milliseconds (as if UTC) of values[0], a midnight. */
  readonly originMs: number;
  /** Wall-clock milliseconds of the last input interval. */
  readonly lastMs: number;
  readonly firstDayOfWeek: number;
  readonly style: TimestampStyle;
  /** Intervals filled with zero under `# missing: zero`. */
  readonly filledZero: number;
}

/** Wall-clock milliseconds of a local timestamp (no zone), or a reason it is not one. */
export function parseLocalTimestamp(text: string): { ms: number; style: TimestampStyle } | string {
  const m = TIMESTAMP.exec(text);
  if (!m) {
    if (/(Z|[+-]\d{2}:?\d{2})$/.test(text))
      return `"${text}" has a zone: interval_start must be a local time (YYYY-MM-DDTHH:MM)`;
    return `"${text}" is not a local timestamp YYYY-MM-DDTHH:MM[:SS]`;
  }
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[5], m[6], m[8] ?? '0'].map(Number) as number[];
  const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  const check = new Date(ms);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo! - 1 || h! > 23 || mi! > 59 || s! > 59)
    return `"${text}" is not a valid date and time`;
  return { ms, style: { separator: m[4] as 'T' | ' ', seconds: m[8] !== undefined } };
}

/** Formats wall-clock milliseconds in the input's style. */
export function formatLocalTimestamp(ms: number, style: TimestampStyle): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)}${style.separator}${iso.slice(11, style.seconds ? 19 : 16)}`;
}

function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/);
}

/**
 * Reads SERIES.csv: a header with `interval_start` and `volume` (other columns ignored), one row per
 * interval in increasing order at one step of 5, 15, 30 or 60 minutes aligned to midnight; a gap is an
 * error unless a line `# missing: zero` says missing intervals are zero. Lines starting with `#` are
 * comments. At least one week (7 days of intervals) is needed.
 *
 * @throws {ForecastFileError} listing up to 20 problems by line.
 */
export function parseSeriesCsv(text: string, file = 'SERIES.csv'): ParsedSeries {
  const lines = splitLines(text);
  const problems: string[] = [];
  const fail = (line: number, column: string | undefined, reason: string) => {
    if (problems.length < 20)
      problems.push(column ? `line ${line}, column ${column}: ${reason}` : `line ${line}: ${reason}`);
  };
  let missingZero = false;
  let headerLine = -1;
  let columns: string[] = [];
  const rows: { line: number; ms: number; volume: number; style: TimestampStyle }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '') continue;
    if (raw.startsWith('#')) {
      if (MISSING_ZERO.test(raw)) missingZero = true;
      continue;
    }
    if (headerLine < 0) {
      headerLine = i + 1;
      columns = raw.split(',').map((c) => c.trim().toLowerCase());
      for (const need of ['interval_start', 'volume'])
        if (!columns.includes(need))
          throw new ForecastFileError(
            `${file}: the header must have the columns interval_start,volume (line ${i + 1} has ${raw})`,
          );
      continue;
    }
    const cells = raw.split(',').map((c) => c.trim());
    const stamp = parseLocalTimestamp(cells[columns.indexOf('interval_start')] ?? '');
    const volumeText = cells[columns.indexOf('volume')] ?? '';
    const volume = volumeText === '' ? Number.NaN : Number(volumeText);
    if (typeof stamp === 'string') fail(i + 1, 'interval_start', stamp);
    if (!(Number.isFinite(volume) && volume >= 0))
      fail(i + 1, 'volume', `"${volumeText}" is not a number ≥ 0`);
    if (typeof stamp !== 'string' && Number.isFinite(volume) && volume >= 0)
      rows.push({ line: i + 1, ms: stamp.ms, volume, style: stamp.style });
  }
  if (headerLine < 0)
    throw new ForecastFileError(`${file}: empty (expected the header interval_start,volume)`);
  if (problems.length > 0) throw new ForecastFileError(`${file}: rows the forecast cannot use`, problems);
  if (rows.length < 2) throw new ForecastFileError(`${file}: fewer than two intervals, so no step`);
  const stepMin = (rows[1]!.ms - rows[0]!.ms) / MINUTE;
  if (!STEPS.includes(stepMin))
    throw new ForecastFileError(
      `${file}: line ${rows[1]!.line}: the step between the first two intervals is ${stepMin} minutes; it must be 5, 15, 30 or 60`,
    );
  const step = stepMin * MINUTE;
  const originMs = Math.floor(rows[0]!.ms / DAY) * DAY;
  const values: number[] = [];
  let filledZero = 0;
  let expected = rows[0]!.ms;
  if ((expected - originMs) % step !== 0)
    throw new ForecastFileError(
      `${file}: line ${rows[0]!.line}: interval_start is not on a ${stepMin}-minute grid from midnight`,
    );
  for (let t = originMs; t < expected; t += step) values.push(Number.NaN);
  for (const row of rows) {
    if (row.ms < expected) {
      fail(
        row.line,
        'interval_start',
        row.ms === expected - step
          ? 'repeats the previous interval'
          : 'is earlier than the previous interval: rows must be in order',
      );
      continue;
    }
    if ((row.ms - expected) % step !== 0) {
      fail(row.line, 'interval_start', `is off the ${stepMin}-minute step`);
      continue;
    }
    if (row.ms > expected) {
      const gap = (row.ms - expected) / step;
      if (!missingZero) {
        fail(
          row.line,
          'interval_start',
          `${gap} interval${gap === 1 ? '' : 's'} missing before it (from ${formatLocalTimestamp(expected, row.style)}); write "# missing: zero" in the file if missing intervals mean zero`,
        );
        expected = row.ms + step;
        continue;
      }
      for (let k = 0; k < gap; k++) values.push(0);
      filledZero += gap;
    }
    values.push(row.volume);
    expected = row.ms + step;
  }
  if (problems.length > 0) throw new ForecastFileError(`${file}: the intervals are not regular`, problems);
  const periodsPerDay = 1440 / stepMin;
  if (values.length < 7 * periodsPerDay)
    throw new ForecastFileError(
      `${file}: the history covers less than one week (${rows.length} intervals of ${stepMin} minutes); the forecast needs at least 7 days`,
    );
  const last = rows[rows.length - 1]!;
  return {
    values,
    stepMin,
    periodsPerDay,
    originMs,
    lastMs: last.ms,
    firstDayOfWeek: new Date(originMs).getUTCDay(),
    style: rows[0]!.style,
    filledZero,
  };
}

/**
 * Reads the holidays CSV: a header with `date` (YYYY-MM-DD) and optionally `factor` (a number ≥ 0,
 * default 1) and `name`; each date is left out of the history, and a date in the horizon has its
 * forecast multiplied by its factor ("campaign on 14 March: +30 %" is `2027-03-14,1.3`).
 *
 * @throws {ForecastFileError} listing the problems by line.
 */
export function parseHolidaysCsv(text: string, originMs: number, file = 'holidays CSV'): SpecialDay[] {
  const lines = splitLines(text);
  const problems: string[] = [];
  const days: SpecialDay[] = [];
  let columns: string[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '' || raw.startsWith('#')) continue;
    if (!columns) {
      columns = raw.split(',').map((c) => c.trim().toLowerCase());
      if (!columns.includes('date'))
        throw new ForecastFileError(
          `${file}: the header must have the column date (line ${i + 1} has ${raw})`,
        );
      continue;
    }
    const cells = raw.split(',').map((c) => c.trim());
    const date = cells[columns.indexOf('date')] ?? '';
    const stamp = /^\d{4}-\d{2}-\d{2}$/.test(date)
      ? parseLocalTimestamp(`${date}T00:00`)
      : `"${date}" is not a date YYYY-MM-DD`;
    const factorAt = columns.indexOf('factor');
    const factorText = factorAt >= 0 ? (cells[factorAt] ?? '') : '';
    const factor = factorText === '' ? 1 : Number(factorText);
    if (typeof stamp === 'string') problems.push(`line ${i + 1}, column date: ${stamp}`);
    if (!(Number.isFinite(factor) && factor >= 0))
      problems.push(`line ${i + 1}, column factor: "${factorText}" is not a number ≥ 0`);
    if (typeof stamp === 'string' || !(Number.isFinite(factor) && factor >= 0)) continue;
    const day = Math.round((stamp.ms - originMs) / DAY);
    if (day >= 0) days.push({ day, factor });
  }
  if (problems.length > 0) throw new ForecastFileError(`${file}: rows the forecast cannot use`, problems);
  return days;
}
