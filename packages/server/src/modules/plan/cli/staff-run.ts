// `shoreline staff`: stream interval rows in, stream staffing rows out, in constant memory.
//
// Bad input aborts: a staffing plan with intervals silently missing would understaff exactly the
// intervals nobody looks at. After the first bad row nothing more is computed; reading goes on only
// to list up to `maxErrors` problems, then stops. With --output the file is written to a temporary
// name and renamed at the end, so a failed run leaves no partial plan behind; on stdout, rows already
// written stay written and the exit code says the output is incomplete.

import { once } from 'node:events';
import { closeSync, fstatSync, openSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { StaffingInputError } from '@shoreline/core/staffing/index';
import { type Progress, startProgress } from '../../../platform/cli/progress.js';
import { createRowPlanner, type StaffingRow, type StaffingTotals } from '../row-planner.js';
import {
  ByteRowParser,
  ByteWriter,
  MAX_LINE_BYTES,
  putAscii,
  putDecimal,
  putInteger,
} from './staff-bytes.js';
import {
  CORE_FIELD_COLUMN,
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

/** Input is read in chunks of this many bytes (a line longer than that grows the buffer). */
const READ_BYTES = 1 << 20;
/** Output is written in chunks of about this many bytes. */
const WRITE_BYTES = 1 << 20;
/** On a stream, output is flushed after an input chunk once this much is waiting. */
const STREAM_FLUSH_BYTES = 64 * 1024;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const COMMA = 44;
const QUOTE = 34;

/** Runs the staffing plan; throws StaffInputError (bad rows) or a plain Error (I/O, header). */
export async function runStaff(options: StaffOptions): Promise<StaffResult> {
  const maxErrors = Math.max(1, options.maxErrors ?? 20);
  const fromStdin = options.input === '-';
  const inputFd = fromStdin ? -1 : openSync(options.input, 'r');
  let outputFd = -1;
  let temporary: string | undefined;
  let out: Writable | undefined;
  let outputError: Error | undefined;
  const onOutputError = (err: Error) => {
    outputError = err;
  };
  let progress: Progress = { update() {}, stop() {} };

  try {
    const totalBytes = fromStdin ? 0 : fstatSync(inputFd).size;
    if (options.output !== undefined && options.output !== '-') {
      temporary = `${options.output}.${process.pid}.partial`;
      outputFd = openSync(temporary, 'w');
    } else {
      out = options.stdout ?? process.stdout;
      out.on('error', onOutputError);
    }
    progress = await startProgress('staff', options.progress !== false && totalBytes > 4 * 1024 * 1024);

    const planner = createRowPlanner();
    const errors: RowError[] = [];
    const writer = new ByteWriter(WRITE_BYTES);
    writer.ascii(OUTPUT_HEADER);
    let parser: RowParser | undefined;
    let fast: ByteRowParser | undefined;
    let lineNumber = 0;
    let bytesRead = 0;
    let peakRssBytes = process.memoryUsage.rss();
    let truncated = false;

    const writeAll = (bytes: Uint8Array) => {
      for (let done = 0; done < bytes.length; ) done += writeSync(outputFd, bytes, done, bytes.length - done);
    };
    /** Writes what is waiting: synchronously to a file, with backpressure to a stream. */
    const flush = async () => {
      if (writer.length === 0 || outputError) return;
      const bytes = writer.bytes.subarray(0, writer.length);
      if (outputFd >= 0) {
        writeAll(bytes);
        writer.length = 0;
        return;
      }
      const ok = out!.write(Buffer.from(bytes)); // a copy: the stream may read it later
      writer.length = 0;
      if (!ok && !outputError) await Promise.race([once(out!, 'drain'), once(out!, 'error')]);
    };

    const plan = (row: StaffingRow, bytes: Buffer | undefined) => {
      let p: ReturnType<typeof planner.plan>;
      try {
        p = planner.plan(row);
      } catch (err) {
        if (!(err instanceof StaffingInputError)) throw err;
        errors.push({
          line: lineNumber,
          column: CORE_FIELD_COLUMN[err.field] ?? err.field,
          reason: err.reason,
        });
        return;
      }
      // interval_start,volume,raw_positions,positions,service_level,occupancy,waiting_probability,asa_sec
      writer.reserve(MAX_LINE_BYTES);
      const b = writer.bytes;
      let at = writer.length;
      if (bytes) {
        const from = fast!.startFrom;
        for (let k = 0; k < 16; k++) b[at + k] = bytes[from + k]!;
        at += 16;
      } else at = putAscii(b, at, row.start);
      b[at++] = COMMA;
      if (bytes && fast!.volumeCanonical) {
        for (let k = fast!.volumeFrom; k < fast!.volumeTo; k++) b[at++] = bytes[k]!;
      } else at = putAscii(b, at, String(row.volume));
      b[at++] = COMMA;
      at = putInteger(b, at, p.rawAgents);
      b[at++] = COMMA;
      at = putInteger(b, at, p.scheduledAgents);
      b[at++] = COMMA;
      at = putDecimal(b, at, p.serviceLevel, 1e6, 6);
      b[at++] = COMMA;
      at = putDecimal(b, at, p.occupancy, 1e6, 6);
      b[at++] = COMMA;
      at = putDecimal(b, at, p.probabilityOfWait, 1e6, 6);
      b[at++] = COMMA;
      at = putDecimal(b, at, p.averageSpeedOfAnswerSec, 1e3, 3);
      b[at++] = LINE_FEED;
      writer.length = at;
      if (outputFd >= 0 && writer.full) {
        writeAll(b.subarray(0, at));
        writer.length = 0;
      }
    };

    /** The general path: one line as text (with its \r, if any), exactly as before the byte path. */
    const handleText = (text: string) => {
      const line = text.endsWith('\r') ? text.slice(0, -1) : text;
      if (line.trim() === '') return;
      const fields = splitCsvLine(line);
      if (typeof fields === 'string') {
        errors.push({ line: lineNumber, column: '', reason: fields });
        return;
      }
      if (!parser) {
        const header = readHeader(fields);
        if (Array.isArray(header)) errors.push(...header.slice(0, maxErrors));
        else {
          parser = new RowParser(header, errors, maxErrors);
          fast = new ByteRowParser(header);
        }
        return;
      }
      const row = parser.parse(fields, lineNumber);
      if (row && errors.length === 0) plan(row, undefined);
    };

    /**
     * Line bytes [from, to) without the line feed; `text` is `bytes` as Latin-1 characters, `quoted`
     * whether the line holds a quote (then only the general path splits it right).
     */
    const handleLine = (bytes: Buffer, text: string, from: number, to: number, quoted: boolean) => {
      lineNumber++;
      if (fast && !quoted) {
        const end = to > from && bytes[to - 1] === CARRIAGE_RETURN ? to - 1 : to;
        if (end === from) return;
        const row = fast.parse(bytes, from, end, text);
        if (row) {
          if (errors.length === 0) plan(row, bytes);
          return;
        }
      }
      handleText(bytes.toString('utf8', from, to));
    };

    /** Handles the complete lines of bytes [0, end); returns where the unfinished last line starts. */
    const consume = (bytes: Buffer, end: number): number => {
      const view = end === bytes.length ? bytes : bytes.subarray(0, end);
      const text = view.toString('latin1');
      let quote = view.indexOf(QUOTE);
      let from = 0;
      for (let newline = view.indexOf(LINE_FEED, 0); newline >= 0; newline = view.indexOf(LINE_FEED, from)) {
        const quoted = quote >= 0 && quote < newline;
        handleLine(view, text, from, newline, quoted);
        if (quoted) quote = view.indexOf(QUOTE, newline + 1);
        from = newline + 1;
        if (errors.length >= maxErrors) {
          truncated = true;
          break;
        }
      }
      return from;
    };

    /** After each chunk: stream output, sample memory, move the bar. False to stop reading. */
    const afterChunk = async (): Promise<boolean> => {
      if (truncated) return false;
      if (writer.length >= STREAM_FLUSH_BYTES) await flush();
      if (outputError) return false;
      const rss = process.memoryUsage.rss();
      if (rss > peakRssBytes) peakRssBytes = rss;
      if (totalBytes > 0) progress.update(bytesRead / totalBytes);
      return true;
    };

    let rest: Buffer | undefined; // the unfinished last line at the end of the input
    if (inputFd >= 0) {
      let bytes = Buffer.allocUnsafe(READ_BYTES);
      let carried = 0;
      for (;;) {
        if (carried === bytes.length) {
          const grown = Buffer.allocUnsafe(bytes.length * 2);
          bytes.copy(grown, 0, 0, carried);
          bytes = grown;
        }
        const n = readSync(inputFd, bytes, carried, bytes.length - carried, null);
        if (n === 0) {
          rest = bytes.subarray(0, carried);
          break;
        }
        bytesRead += n;
        const end = carried + n;
        const from = consume(bytes, end);
        bytes.copyWithin(0, from, end);
        carried = end - from;
        if (!(await afterChunk())) break;
      }
    } else {
      let carried: Buffer | undefined;
      for await (const chunk of options.stdin ?? process.stdin) {
        const piece = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
        bytesRead += piece.length;
        const bytes = carried && carried.length > 0 ? Buffer.concat([carried, piece]) : piece;
        carried = bytes.subarray(consume(bytes, bytes.length));
        if (!(await afterChunk())) break;
      }
      rest = carried;
    }
    if (!truncated && !outputError && rest && rest.length > 0 && errors.length < maxErrors)
      handleLine(rest, rest.toString('latin1'), 0, rest.length, rest.includes(QUOTE));
    if (!parser && errors.length === 0)
      errors.push({ line: 1, column: '', reason: 'the input is empty: no header' });
    if (errors.length > 0) throw new StaffInputError(errors, truncated);
    await flush();
    if (outputError) throw outputError;
    if (outputFd >= 0) {
      closeSync(outputFd);
      outputFd = -1;
      renameSync(temporary!, options.output!);
      temporary = undefined;
    }
    return {
      totals: planner.totals({
        hoursPerWeek: options.hoursPerWeek,
        paidHoursPerFte: options.paidHoursPerFte,
      }),
      peakRssBytes,
    };
  } catch (err) {
    if (outputFd >= 0) closeSync(outputFd);
    if (temporary !== undefined) {
      try {
        unlinkSync(temporary);
      } catch {}
    }
    throw err;
  } finally {
    progress.stop();
    out?.off('error', onOutputError);
    if (inputFd >= 0) closeSync(inputFd);
  }
}
