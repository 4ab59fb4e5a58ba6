// Reading `shoreline staff` input: the columns of shared/reference/staffing/intervals_year.csv, one
// interval per line. Every problem names the line (1 = the header), the column and the reason.

import type { StaffingRow } from '../modules/plan/row-planner.js';

export const REQUIRED_COLUMNS = [
  'interval_start',
  'volume',
  'aht_sec',
  'interval_min',
  'target_answer_sec',
  'sl_target',
  'shrinkage',
  'max_occupancy',
] as const;
export const OPTIONAL_COLUMNS = ['patience_sec', 'asa_target_sec', 'max_abandon', 'min_agents'] as const;
export const OUTPUT_HEADER =
  'interval_start,volume,raw_positions,positions,service_level,occupancy,waiting_probability,asa_sec\n';

type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

/** One problem in the input. */
export interface RowError {
  /** 1-based line number in the file (line 1 is the header). */
  line: number;
  column: string;
  reason: string;
}

/** Thrown when the input has bad rows: the first `errors` found, in file order. */
export class StaffInputError extends Error {
  constructor(
    readonly errors: readonly RowError[],
    /** True when reading stopped at the error limit, so more rows may be bad. */
    readonly truncated: boolean,
  ) {
    super(errors.map(formatRowError).join('\n'));
    this.name = 'StaffInputError';
  }
}

export function formatRowError(e: RowError): string {
  return e.column ? `line ${e.line}, column ${e.column}: ${e.reason}` : `line ${e.line}: ${e.reason}`;
}

/** Where each known column sits in a row; -1 when an optional column is absent. */
export type ColumnIndex = Readonly<Record<Column, number>>;

/** Splits one CSV line (RFC 4180 quoting, no line breaks inside quotes). A string result is an error. */
export function splitCsvLine(line: string): string[] | string {
  if (!line.includes('"')) return line.split(',');
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const close = line.indexOf('"', i);
        if (close < 0) return 'unterminated quoted field (fields may not span lines)';
        value += line.slice(i, close);
        if (line[close + 1] === '"') {
          value += '"';
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      fields.push(value);
      if (i === line.length) return fields;
      if (line[i] !== ',') return `unexpected character after a quoted field at position ${i + 1}`;
      i++;
    } else {
      const comma = line.indexOf(',', i);
      if (comma < 0) {
        fields.push(line.slice(i));
        return fields;
      }
      fields.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}

/** Reads the header: every required column must be there, once. Extra columns are ignored. */
export function readHeader(fields: readonly string[]): ColumnIndex | RowError[] {
  const names = fields.map((f, i) => (i === 0 ? f.replace(/^\uFEFF/, '') : f).trim().toLowerCase());
  const errors: RowError[] = [];
  const index = {} as Record<Column, number>;
  for (const column of [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]) {
    const at = names.indexOf(column);
    if (at >= 0 && names.indexOf(column, at + 1) >= 0)
      errors.push({ line: 1, column, reason: 'appears twice in the header' });
    index[column] = at;
  }
  const missing = REQUIRED_COLUMNS.filter((c) => index[c] < 0);
  if (missing.length > 0)
    errors.push({
      line: 1,
      column: missing.join(', '),
      reason: `required column${missing.length > 1 ? 's' : ''} missing from the header (found: ${names.join(', ')})`,
    });
  return errors.length > 0 ? errors : index;
}

const START = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

interface Rule {
  min?: number;
  minExclusive?: number;
  max?: number;
  maxExclusive?: number;
  integer?: boolean;
  hint?: string;
}

const RULES: Record<Exclude<Column, 'interval_start'>, Rule> = {
  volume: { min: 0 },
  aht_sec: { minExclusive: 0 },
  interval_min: { integer: true },
  target_answer_sec: { min: 0 },
  sl_target: { min: 0, maxExclusive: 1, hint: ' (a fraction: 0.8 means 80 %; 100 % is unattainable)' },
  shrinkage: { min: 0, maxExclusive: 1, hint: ' (a fraction: 0.3 means 30 %)' },
  max_occupancy: { minExclusive: 0, max: 1, hint: ' (a fraction: 0.85 means 85 %)' },
  patience_sec: { minExclusive: 0 },
  asa_target_sec: { minExclusive: 0 },
  max_abandon: { minExclusive: 0, max: 1, hint: ' (a fraction: 0.05 means 5 %)' },
  min_agents: { min: 0, integer: true },
};

function describe(rule: Rule): string {
  const parts: string[] = [];
  if (rule.min !== undefined) parts.push(`≥ ${rule.min}`);
  if (rule.minExclusive !== undefined) parts.push(`> ${rule.minExclusive}`);
  if (rule.max !== undefined) parts.push(`≤ ${rule.max}`);
  if (rule.maxExclusive !== undefined) parts.push(`< ${rule.maxExclusive}`);
  return `must be ${rule.integer ? 'a whole number' : 'a number'}${parts.length ? ` ${parts.join(' and ')}` : ''}${rule.hint ?? ''}`;
}

/** Whether `text` is a plain decimal number (no hex, no Infinity, no spaces): cheaper than a regex. */
function isDecimal(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c !== 46 && c !== 43 && c !== 45 && c !== 101 && c !== 69) return false; // . + - e E
  }
  return digits > 0;
}

/**
 * Parses data lines into rows. One instance per file: it avoids per-row closures, because a year of
 * quarter-hours is 35,040 rows and ten years 350,400.
 */
export class RowParser {
  private fields: readonly string[] = [];
  private line = 0;

  constructor(
    private readonly index: ColumnIndex,
    /** Problems found so far (shared with the caller), at most `maxErrors`. */
    readonly errors: RowError[],
    private readonly maxErrors: number,
  ) {}

  /** The row, or undefined after pushing its problems onto `errors`. */
  parse(fields: readonly string[], line: number): StaffingRow | undefined {
    this.fields = fields;
    this.line = line;
    const before = this.errors.length;
    const startText = this.raw('interval_start') ?? '';
    if (!START.test(startText)) this.fail('interval_start', `must be YYYY-MM-DDTHH:mm, got "${startText}"`);
    const volume = this.number('volume', false);
    const ahtSec = this.number('aht_sec', false);
    const intervalMin = this.number('interval_min', false);
    if (intervalMin !== undefined && intervalMin !== 15 && intervalMin !== 30 && intervalMin !== 60)
      this.fail('interval_min', `must be 15, 30 or 60, got "${this.raw('interval_min')}"`);
    const withinSec = this.number('target_answer_sec', false);
    const fraction = this.number('sl_target', false);
    const shrinkage = this.number('shrinkage', false);
    const maxOccupancy = this.number('max_occupancy', false);
    const patienceSec = this.number('patience_sec', true);
    const maxAsaSec = this.number('asa_target_sec', true);
    const maxAbandonRate = this.number('max_abandon', true);
    const minAgents = this.number('min_agents', true);
    if (maxAbandonRate !== undefined && patienceSec === undefined)
      this.fail(
        'max_abandon',
        'needs patience_sec on the same row: without patience (Erlang C) no caller abandons',
      );
    if (this.errors.length > before || volume === undefined || ahtSec === undefined) return undefined;
    return {
      start: startText.charCodeAt(10) === 32 ? `${startText.slice(0, 10)}T${startText.slice(11)}` : startText,
      volume,
      ahtSec,
      intervalMin: intervalMin as 15 | 30 | 60,
      serviceLevel: { fraction: fraction!, withinSec: withinSec! },
      shrinkage,
      maxOccupancy,
      patienceSec,
      maxAsaSec,
      maxAbandonRate,
      minAgents,
    };
  }

  private fail(column: string, reason: string): undefined {
    if (this.errors.length < this.maxErrors) this.errors.push({ line: this.line, column, reason });
    return undefined;
  }

  private raw(column: Column): string | undefined {
    const at = this.index[column];
    if (at < 0) return undefined;
    const text = this.fields[at];
    if (text === undefined) return undefined;
    const last = text.length - 1;
    return last >= 0 && (text.charCodeAt(0) <= 32 || text.charCodeAt(last) <= 32) ? text.trim() : text;
  }

  private number(column: Exclude<Column, 'interval_start'>, optional: boolean): number | undefined {
    const text = this.raw(column);
    if (text === undefined || text === '') {
      if (optional) return undefined;
      return this.fail(column, this.index[column] < this.fields.length ? 'is empty' : 'is missing');
    }
    const rule = RULES[column];
    const value = isDecimal(text) ? Number(text) : Number.NaN;
    const ok =
      Number.isFinite(value) &&
      (!rule.integer || Number.isInteger(value)) &&
      (rule.min === undefined || value >= rule.min) &&
      (rule.minExclusive === undefined || value > rule.minExclusive) &&
      (rule.max === undefined || value <= rule.max) &&
      (rule.maxExclusive === undefined || value < rule.maxExclusive);
    return ok ? value : this.fail(column, `${describe(rule)}, got "${text}"`);
  }
}

/** The CSV column a core `StaffingInputError.field` refers to. */
export const CORE_FIELD_COLUMN: Readonly<Record<string, Column>> = {
  start: 'interval_start',
  volume: 'volume',
  ahtSec: 'aht_sec',
  intervalMin: 'interval_min',
  intervalSec: 'interval_min',
  targets: 'sl_target',
  'targets.serviceLevel.fraction': 'sl_target',
  'targets.serviceLevel.withinSec': 'target_answer_sec',
  'targets.maxOccupancy': 'max_occupancy',
  shrinkage: 'shrinkage',
  patienceSec: 'patience_sec',
  'targets.maxAverageSpeedOfAnswerSec': 'asa_target_sec',
  'targets.maxAbandonRate': 'max_abandon',
  minimumAgentsPerOpenInterval: 'min_agents',
};
