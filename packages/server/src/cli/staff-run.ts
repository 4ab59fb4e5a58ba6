// `shoreline staff`: stream interval rows in, stream staffing rows out, in constant memory.
//
// Bad input aborts: a staffing plan with intervals silently missing would understaff exactly the
// intervals nobody looks at. After the first bad row nothing more is computed; reading goes on only
// to list up to `maxErrors` problems, then stops. With --output the file is written to a temporary
// name and renamed at the end, so a failed run leaves no partial plan behind; on stdout, rows already
// written stay written and the exit code says the output is incomplete.

import { once } from 'node:events';
import { createReadStream, renameSync, statSync, unlinkSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { StaffingInputError } from '@shoreline/core/staffing/index';
import { createRowPlanner, type StaffingTotals } from '../modules/plan/row-planner.js';
import { startProgress } from './progress.js';
import {
  CORE_FIELD_COLUMN,
  type ColumnIndex,
  OUTPUT_HEADER,
  type RowError,
  RowParser,
  readHeader,
  StaffInputError,
  splitCsvLine,
} from './staff-csv.js';

export interface StaffOptions {
  /** A file path, or `-` for stdin. */
  input: string;
  /** A file path; stdout when absent or `-`. */
  output?: string | undefined;
  /** Problems listed before giving up (default 20). */
  maxErrors?: number | undefined;
  hoursPerWeek?: number | undefined;
  paidHoursPerFte?: number | undefined;
  progress?: boolean | undefined;
  stdin?: Readable;
  stdout?: Writable;
}

export interface StaffResult {
  totals: StaffingTotals;
  /** Largest resident set size seen while streaming, bytes (sampled once per input chunk). */
  peakRssBytes: number;
}

const FLUSH_CHARS = 64 * 1024;

/**
 * `value` (≥ 0) rounded to `digits` decimals, trailing zeros kept: formatting the integer
 * round(value·10^digits) is several times cheaper than toFixed or String() on a fraction.
 */
function decimal(value: number | null, scale: number, digits: number): string {
  if (value === null) return '';
  const n = Math.round(value * scale);
  const whole = Math.floor(n / scale);
  const fraction = n - whole * scale;
  if (fraction === 0) return String(whole);
  const text = String(fraction);
  return `${whole}.${text.length < digits ? '0'.repeat(digits - text.length) + text : text}`;
}

/** Runs the staffing plan; throws StaffInputError (bad rows) or a plain Error (I/O, header). */
export async function runStaff(options: StaffOptions): Promise<StaffResult> {
  const maxErrors = Math.max(1, options.maxErrors ?? 20);
  const fromStdin = options.input === '-';
  const totalBytes = fromStdin ? 0 : statSync(options.input).size;
  const input: Readable = fromStdin
    ? (options.stdin ?? process.stdin)
    : createReadStream(options.input, { highWaterMark: 256 * 1024 });
  input.setEncoding('utf8');

  const toFile = options.output !== undefined && options.output !== '-';
  const temporary = toFile ? `${options.output}.${process.pid}.partial` : undefined;
  const fileHandle = temporary ? await open(temporary, 'w') : undefined;
  const out: Writable = fileHandle
    ? fileHandle.createWriteStream({ highWaterMark: FLUSH_CHARS })
    : (options.stdout ?? process.stdout);
  let outputError: Error | undefined;
  const onOutputError = (err: Error) => {
    outputError = err;
  };
  out.on('error', onOutputError);

  const progress = await startProgress('staff', options.progress !== false && totalBytes > 4 * 1024 * 1024);
  const planner = createRowPlanner();
  const errors: RowError[] = [];
  let index: ColumnIndex | undefined;
  let parser: RowParser | undefined;
  let lineNumber = 0;
  let pending = '';
  let buffer = OUTPUT_HEADER;
  let bytesRead = 0;
  let peakRssBytes = process.memoryUsage.rss();
  let truncated = false;

  const flush = async () => {
    if (buffer.length === 0 || outputError) return;
    const ok = out.write(buffer);
    buffer = '';
    if (!ok && !outputError) await Promise.race([once(out, 'drain'), once(out, 'error')]);
  };

  const handleLine = (text: string) => {
    lineNumber++;
    const line = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (line.trim() === '') return;
    const fields = splitCsvLine(line);
    if (typeof fields === 'string') {
      errors.push({ line: lineNumber, column: '', reason: fields });
      return;
    }
    if (!index) {
      const header = readHeader(fields);
      if (Array.isArray(header)) errors.push(...header.slice(0, maxErrors));
      else {
        index = header;
        parser = new RowParser(header, errors, maxErrors);
      }
      return;
    }
    const row = parser!.parse(fields, lineNumber);
    if (!row || errors.length > 0) return;
    try {
      const p = planner.plan(row);
      buffer += `${row.start},${row.volume},${p.rawAgents},${p.scheduledAgents},${decimal(p.serviceLevel, 1e6, 6)},${decimal(p.occupancy, 1e6, 6)},${decimal(p.probabilityOfWait, 1e6, 6)},${decimal(p.averageSpeedOfAnswerSec, 1e3, 3)}\n`;
    } catch (err) {
      if (!(err instanceof StaffingInputError)) throw err;
      errors.push({
        line: lineNumber,
        column: CORE_FIELD_COLUMN[err.field] ?? err.field,
        reason: err.reason,
      });
    }
  };

  try {
    for await (const chunk of input as AsyncIterable<string>) {
      bytesRead += Buffer.byteLength(chunk);
      let from = 0;
      const text = pending + chunk;
      for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', from)) {
        handleLine(text.slice(from, newline));
        from = newline + 1;
        if (errors.length >= maxErrors) break;
      }
      pending = text.slice(from);
      if (errors.length >= maxErrors) {
        truncated = true;
        break;
      }
      if (buffer.length >= FLUSH_CHARS) await flush();
      if (outputError) break;
      const rss = process.memoryUsage.rss();
      if (rss > peakRssBytes) peakRssBytes = rss;
      if (totalBytes > 0) progress.update(bytesRead / totalBytes);
    }
    if (!truncated && pending !== '' && errors.length < maxErrors) handleLine(pending);
    if (!index && errors.length === 0)
      errors.push({ line: 1, column: '', reason: 'the input is empty: no header' });
    if (errors.length > 0) throw new StaffInputError(errors, truncated);
    await flush();
    if (outputError) throw outputError;
    if (fileHandle) {
      out.end();
      await once(out, 'finish');
      renameSync(temporary!, options.output!);
    }
    return {
      totals: planner.totals({
        hoursPerWeek: options.hoursPerWeek,
        paidHoursPerFte: options.paidHoursPerFte,
      }),
      peakRssBytes,
    };
  } catch (err) {
    if (fileHandle) {
      out.destroy();
      await fileHandle.close().catch(() => {});
      try {
        unlinkSync(temporary!);
      } catch {}
    }
    throw err;
  } finally {
    progress.stop();
    out.off('error', onOutputError);
    if (!fromStdin) input.destroy();
  }
}
