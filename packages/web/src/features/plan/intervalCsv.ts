// Reads an interval file (the columns of shared/reference/staffing/intervals_year.csv, as the CLI's
// `shoreline staff` does) into columns of typed arrays, so a year of quarter-hours (35,040 rows)
// costs a few megabytes and crosses to a Web Worker cheaply. The format is plain numbers, so the
// parser is small: a header row, one delimiter, optional double quotes around a cell. A file whose
// header uses ';' is read with decimal commas (how spreadsheets export in tr, hu, lv).

import {
  OPTIONAL_INTERVAL_COLUMNS as OPTIONAL_COLUMNS,
  type IntervalColumn as PlanColumn,
  REQUIRED_INTERVAL_COLUMNS as REQUIRED_COLUMNS,
} from '@shoreline/core/staffing/interval-columns';

export { OPTIONAL_COLUMNS, type PlanColumn, REQUIRED_COLUMNS };

/** Why a cell (or the file) was rejected; each has a message in the catalogs under plan.csvError. */
export type CsvProblemCode =
  | 'empty'
  | 'missingColumn'
  | 'duplicateColumn'
  | 'cellCount'
  | 'missing'
  | 'notNumber'
  | 'start'
  | 'interval'
  | 'nonNegative'
  | 'positive'
  | 'fractionBelowOne'
  | 'fractionUpToOne'
  | 'wholeNumber'
  | 'needsPatience'
  | 'unattainable'
  | 'invalid'
  | 'tooManyRows';

/** A problem at a row (counted as a spreadsheet does: the header is row 1) and column. */
export interface CsvProblem {
  row: number;
  column: string;
  code: CsvProblemCode;
  /** The offending cell as written (cut to 40 characters). */
  value?: string;
}

/** Parsed intervals, one entry per data row. NaN marks an optional cell left empty. */
export interface IntervalTable {
  count: number;
  /** The file's row number of each data row, for error messages from the maths. */
  fileRow: Int32Array;
  start: string[];
  volume: Float64Array;
  ahtSec: Float64Array;
  intervalMin: Float64Array;
  targetAnswerSec: Float64Array;
  slTarget: Float64Array;
  shrinkage: Float64Array;
  maxOccupancy: Float64Array;
  patienceSec: Float64Array;
  asaTargetSec: Float64Array;
  maxAbandon: Float64Array;
  minAgents: Float64Array;
  /** Distinct calendar dates (YYYY-MM-DD) in file order. */
  dates: string[];
}

export type ParseOutcome =
  | { ok: true; table: IntervalTable }
  | { ok: false; problems: CsvProblem[]; moreProblems: boolean };

/** Ten years of quarter-hours; anything larger belongs in the CLI. */
export const MAX_ROWS = 350_400;
const MAX_PROBLEMS = 50;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const START = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2})?$/;

type Rule = 'nonNegative' | 'positive' | 'fractionBelowOne' | 'fractionUpToOne' | 'interval' | 'wholeNumber';

const RULES: Record<Exclude<PlanColumn, 'interval_start'>, Rule> = {
  volume: 'nonNegative',
  aht_sec: 'positive',
  interval_min: 'interval',
  target_answer_sec: 'nonNegative',
  sl_target: 'fractionBelowOne',
  shrinkage: 'fractionBelowOne',
  max_occupancy: 'fractionUpToOne',
  patience_sec: 'positive',
  asa_target_sec: 'positive',
  max_abandon: 'fractionUpToOne',
  min_agents: 'wholeNumber',
};

function breaks(rule: Rule, value: number): boolean {
  switch (rule) {
    case 'nonNegative':
      return value < 0;
    case 'positive':
      return value <= 0;
    case 'fractionBelowOne':
      return value < 0 || value >= 1;
    case 'fractionUpToOne':
      return value <= 0 || value > 1;
    case 'interval':
      return value !== 15 && value !== 30 && value !== 60;
    case 'wholeNumber':
      return value < 0 || !Number.isInteger(value);
  }
}

function unquote(cell: string): string {
  const trimmed = cell.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1).replaceAll('""', '"').trim()
    : trimmed;
}

function validStart(text: string): boolean {
  const m = START.exec(text);
  if (!m) return false;
  const [month, day, hour, minute] = [Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60;
}

/**
 * Parses an interval CSV. Unknown columns (such as `weekday`) are ignored; column order is free.
 * Returns every problem found (up to 50), each naming its row and column.
 */
export function parseIntervalCsv(text: string, onProgress?: (fractionDone: number) => void): ParseOutcome {
  const lines = text.split(/\r?\n/);
  let headerIndex = lines.findIndex((line) => line.trim() !== '');
  if (headerIndex < 0)
    return { ok: false, problems: [{ row: 1, column: '', code: 'empty' }], moreProblems: false };
  const headerLine = (lines[headerIndex] ?? '').replace(/^\uFEFF/, '');
  const delimiter = !headerLine.includes(',') && headerLine.includes(';') ? ';' : ',';
  const decimalComma = delimiter === ';';
  const header = headerLine.split(delimiter).map((h) => unquote(h).toLowerCase());
  const headerRow = headerIndex + 1;
  const problems: CsvProblem[] = [];

  const position = new Map<string, number>();
  for (const [i, name] of header.entries()) {
    if (position.has(name) && name !== '')
      problems.push({ row: headerRow, column: name, code: 'duplicateColumn' });
    position.set(name, i);
  }
  for (const column of REQUIRED_COLUMNS)
    if (!position.has(column)) problems.push({ row: headerRow, column, code: 'missingColumn' });
  if (problems.length > 0) return { ok: false, problems, moreProblems: false };

  let capacity = 0;
  for (let i = headerIndex + 1; i < lines.length; i++) if (lines[i]!.trim() !== '') capacity++;
  if (capacity === 0)
    return { ok: false, problems: [{ row: headerRow + 1, column: '', code: 'empty' }], moreProblems: false };
  if (capacity > MAX_ROWS)
    return {
      ok: false,
      problems: [{ row: headerRow + MAX_ROWS + 1, column: '', code: 'tooManyRows' }],
      moreProblems: false,
    };

  const f64 = () => new Float64Array(capacity);
  const table: IntervalTable = {
    count: 0,
    fileRow: new Int32Array(capacity),
    start: [],
    volume: f64(),
    ahtSec: f64(),
    intervalMin: f64(),
    targetAnswerSec: f64(),
    slTarget: f64(),
    shrinkage: f64(),
    maxOccupancy: f64(),
    patienceSec: f64(),
    asaTargetSec: f64(),
    maxAbandon: f64(),
    minAgents: f64(),
    dates: [],
  };
  const targets: [Exclude<PlanColumn, 'interval_start'>, Float64Array, boolean][] = [
    ['volume', table.volume, true],
    ['aht_sec', table.ahtSec, true],
    ['interval_min', table.intervalMin, true],
    ['target_answer_sec', table.targetAnswerSec, true],
    ['sl_target', table.slTarget, true],
    ['shrinkage', table.shrinkage, true],
    ['max_occupancy', table.maxOccupancy, true],
    ['patience_sec', table.patienceSec, false],
    ['asa_target_sec', table.asaTargetSec, false],
    ['max_abandon', table.maxAbandon, false],
    ['min_agents', table.minAgents, false],
  ];
  const columns = targets.map(([name, array, required]) => ({
    name,
    array,
    required,
    rule: RULES[name],
    at: position.get(name) ?? -1,
  }));
  const startAt = position.get('interval_start')!;
  const patienceAt = position.get('patience_sec') ?? -1;
  let lastDate = '';
  const seenDates = new Set<string>();
  let moreProblems = false;

  const report = (problem: CsvProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
    else moreProblems = true;
  };

  for (headerIndex += 1; headerIndex < lines.length; headerIndex++) {
    const line = lines[headerIndex]!;
    if (onProgress && (headerIndex & 4095) === 0) onProgress(headerIndex / lines.length);
    if (line.trim() === '') continue;
    const row = headerIndex + 1;
    const cells = line.split(delimiter);
    if (cells.length < header.length) {
      report({ row, column: header[cells.length] ?? '', code: 'cellCount' });
      continue;
    }
    const index = table.count++;
    table.fileRow[index] = row;
    const start = unquote(cells[startAt]!);
    if (!validStart(start))
      report({ row, column: 'interval_start', code: 'start', value: start.slice(0, 40) });
    table.start.push(start);
    const date = start.slice(0, 10);
    if (date !== lastDate && !seenDates.has(date)) {
      seenDates.add(date);
      table.dates.push(date);
    }
    lastDate = date;
    for (const column of columns) {
      let cell = column.at >= 0 ? unquote(cells[column.at]!) : '';
      if (cell === '') {
        if (column.required) report({ row, column: column.name, code: 'missing' });
        column.array[index] = Number.NaN;
        continue;
      }
      if (decimalComma) cell = cell.replace(',', '.');
      const value = NUMBER.test(cell) ? Number(cell) : Number.NaN;
      if (!Number.isFinite(value)) {
        report({ row, column: column.name, code: 'notNumber', value: cell.slice(0, 40) });
      } else if (breaks(column.rule, value)) {
        report({ row, column: column.name, code: column.rule, value: cell.slice(0, 40) });
      }
      column.array[index] = value;
    }
    if (
      !Number.isNaN(table.maxAbandon[index]!) &&
      (patienceAt < 0 || Number.isNaN(table.patienceSec[index]!))
    )
      report({ row, column: 'max_abandon', code: 'needsPatience' });
  }
  if (problems.length > 0) return { ok: false, problems, moreProblems };
  return { ok: true, table };
}

/** The typed arrays of a table, for `postMessage(…, { transfer })`. */
export function tableTransferables(table: IntervalTable): ArrayBuffer[] {
  return Object.values(table)
    .filter((value): value is Float64Array | Int32Array => ArrayBuffer.isView(value))
    .map((array) => array.buffer as ArrayBuffer);
}

/** Fields of the staffing maths (StaffingInputError.field) → the CSV column they came from. */
export const FIELD_COLUMNS: Record<string, PlanColumn> = {
  volume: 'volume',
  ahtSec: 'aht_sec',
  intervalSec: 'interval_min',
  patienceSec: 'patience_sec',
  shrinkage: 'shrinkage',
  targets: 'sl_target',
  'targets.serviceLevel.fraction': 'sl_target',
  'targets.serviceLevel.withinSec': 'target_answer_sec',
  'targets.maxAverageSpeedOfAnswerSec': 'asa_target_sec',
  'targets.maxAbandonRate': 'max_abandon',
  'targets.maxOccupancy': 'max_occupancy',
};
