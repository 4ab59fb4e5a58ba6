// Reading `shoreline staff` input: the columns of shared/reference/staffing/intervals_year.csv, one
// interval per line. Every problem names the line (1 = the header), the column and the reason.

import {
  type IntervalColumn as Column,
  NUMERIC_INTERVAL_COLUMNS as NUMERIC,
  type NumericIntervalColumn as NumericColumn,
  OPTIONAL_INTERVAL_COLUMNS as OPTIONAL_COLUMNS,
  REQUIRED_INTERVAL_COLUMNS as REQUIRED_COLUMNS,
} from '@shoreline/core/staffing/interval-columns';
import type { StaffingRow } from '../row-planner.js';

export { OPTIONAL_COLUMNS, REQUIRED_COLUMNS };
export const OUTPUT_HEADER =
  'interval_start,volume,raw_positions,positions,service_level,occupancy,waiting_probability,asa_sec\n';

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

const OPTIONAL = new Set<string>(OPTIONAL_COLUMNS);

/** A numeric column's place in the line and its bounds, resolved once per file. */
export interface NumericSpec {
  readonly column: NumericColumn;
  readonly at: number;
  readonly optional: boolean;
  readonly rule: Rule;
  readonly low: number;
  readonly lowInclusive: boolean;
  readonly high: number;
  readonly highInclusive: boolean;
}

/** Every numeric column's spec, in NUMERIC order (values[k] below is NUMERIC[k]). */
export function numericSpecs(index: ColumnIndex): NumericSpec[] {
  return NUMERIC.map((column) => {
    const rule = RULES[column];
    return {
      column,
      at: index[column],
      optional: OPTIONAL.has(column),
      rule,
      low: rule.min ?? rule.minExclusive ?? Number.NEGATIVE_INFINITY,
      lowInclusive: rule.minExclusive === undefined,
      high: rule.max ?? rule.maxExclusive ?? Number.POSITIVE_INFINITY,
      highInclusive: rule.maxExclusive === undefined,
    };
  });
}

/** Whether `value` (not NaN) passes `spec`'s bounds and integrality. */
export function withinRule(spec: NumericSpec, value: number): boolean {
  return (
    Number.isFinite(value) &&
    (spec.lowInclusive ? value >= spec.low : value > spec.low) &&
    (spec.highInclusive ? value <= spec.high : value < spec.high) &&
    (!spec.rule.integer || Number.isInteger(value))
  );
}

/**
 * Builds rows from parsed values (NUMERIC order, NaN = empty optional cell). Consecutive rows with the
 * same service-level target share one (never mutated) target object.
 */
export class RowBuilder {
  private serviceLevel = { fraction: Number.NaN, withinSec: Number.NaN };

  build(start: string, values: Float64Array): StaffingRow {
    let serviceLevel = this.serviceLevel;
    if (serviceLevel.fraction !== values[4] || serviceLevel.withinSec !== values[3]) {
      serviceLevel = { fraction: values[4]!, withinSec: values[3]! };
      this.serviceLevel = serviceLevel;
    }
    return {
      start,
      volume: values[0]!,
      ahtSec: values[1]!,
      intervalMin: values[2]! as 15 | 30 | 60,
      serviceLevel,
      shrinkage: values[5]!,
      maxOccupancy: values[6]!,
      patienceSec: given(values[7]!),
      maxAsaSec: given(values[8]!),
      maxAbandonRate: given(values[9]!),
      minAgents: given(values[10]!),
    };
  }
}

/** An optional column's value, or undefined when the cell was empty. */
function given(value: number): number | undefined {
  return Number.isNaN(value) ? undefined : value;
}

/** Number(text) also reads hex, binary and octal literals; a CSV number never is one. */
function isRadixLiteral(text: string): boolean {
  const c = text.charCodeAt(1) | 32;
  return text.charCodeAt(0) === 48 && (c === 120 || c === 98 || c === 111);
}

/**
 * Parses data lines into rows. One instance per file, table-driven, with no per-row closures: a year
 * of quarter-hours is 35,040 rows and ten years 350,400.
 */
export class RowParser {
  private readonly specs: readonly NumericSpec[];
  private readonly values = new Float64Array(NUMERIC.length);
  private readonly startAt: number;
  private readonly rows = new RowBuilder();

  constructor(
    index: ColumnIndex,
    /** Problems found so far (shared with the caller), at most `maxErrors`. */
    readonly errors: RowError[],
    private readonly maxErrors: number,
  ) {
    this.startAt = index.interval_start;
    this.specs = numericSpecs(index);
  }

  /** The row, or undefined after pushing its problems onto `errors`. */
  parse(fields: readonly string[], line: number): StaffingRow | undefined {
    const before = this.errors.length;
    let start = fields[this.startAt] ?? '';
    if (start.length !== 16 || !START.test(start)) {
      const trimmed = start.trim();
      if (START.test(trimmed)) start = trimmed;
      else this.fail(line, 'interval_start', `must be YYYY-MM-DDTHH:mm, got "${trimmed}"`);
    }
    const values = this.values;
    for (let k = 0; k < this.specs.length; k++) {
      const spec = this.specs[k]!;
      const text = spec.at < 0 ? undefined : fields[spec.at];
      let value = text === undefined || text === '' ? Number.NaN : Number(text);
      if (value === 0 && text!.trim() === '') value = Number.NaN; // Number('  ') is 0
      if (Number.isNaN(value) && (text === undefined || text.trim() === '')) {
        values[k] = Number.NaN;
        if (!spec.optional)
          this.fail(
            line,
            spec.column,
            spec.at >= fields.length || text === undefined ? 'is missing' : 'is empty',
          );
        continue;
      }
      const ok = withinRule(spec, value) && !isRadixLiteral(text!);
      if (!ok) this.fail(line, spec.column, `${describe(spec.rule)}, got "${text!.trim()}"`);
      values[k] = value;
    }
    const intervalMin = values[2]!;
    if (!Number.isNaN(intervalMin) && intervalMin !== 15 && intervalMin !== 30 && intervalMin !== 60)
      this.fail(line, 'interval_min', `must be 15, 30 or 60, got "${fields[this.specs[2]!.at]!.trim()}"`);
    const patienceSec = given(values[7]!);
    const maxAbandonRate = given(values[9]!);
    if (maxAbandonRate !== undefined && patienceSec === undefined)
      this.fail(
        line,
        'max_abandon',
        'needs patience_sec on the same row: without patience (Erlang C) no caller abandons',
      );
    if (this.errors.length > before) return undefined;
    return this.rows.build(
      start.charCodeAt(10) === 32 ? `${start.slice(0, 10)}T${start.slice(11)}` : start,
      values,
    );
  }

  private fail(line: number, column: string, reason: string): void {
    if (this.errors.length < this.maxErrors) this.errors.push({ line, column, reason });
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
