import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { contentChunks, contentNameOf, packingOf } from './compressed-source.js';
import { CsvSplitter } from './csv-splitter.js';
import { ImportError } from './import-error.js';

/** The whole text of a (possibly packed) file: for whole-document JSON, which is parsed at once. */
export async function readAllText(path: string): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of contentChunks(path, 1024 * 1024)) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}

export interface FileCheck {
  sha256: string;
  bytes: number;
  /** The name of the text inside (the file's, less `.gz`; a zip's one member): tells its layout. */
  contentName: string;
}

/**
 * First pass over a file: its SHA-256 (which identifies the import for resuming) and a strict decode
 * in the declared encoding, so a wrong encoding stops the import before anything is written, naming
 * the line of the first bad byte. Constant memory: one chunk at a time.
 */
export async function checkFile(path: string, encoding: string): Promise<FileCheck> {
  let bytes: number;
  try {
    bytes = statSync(path).size;
  } catch (err) {
    throw new ImportError(
      `${path}: cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      { file: path },
    );
  }
  const hash = createHash('sha256');
  // UTF-8 (nearly every file) is validated in place by buffer.isUtf8, several times faster than
  // decoding it to strings; other encodings are decoded. This pass runs before the import starts,
  // with the database idle, so its speed is import time (1 MiB reads: fewer calls into the hash).
  const utf8 = /^utf-?8$/i.test(encoding);
  const decoder = new TextDecoder(encoding, { fatal: true });
  let carry: Buffer = Buffer.alloc(0);
  let line = 1;
  const notValid = (buf: Buffer): ImportError => {
    // Find the first undecodable byte's line within this chunk for the message.
    const probe = new TextDecoder(encoding, { fatal: false }).decode(buf);
    const bad = probe.indexOf('\uFFFD');
    const before = bad >= 0 ? probe.slice(0, bad) : probe;
    line += before.split('\n').length - 1;
    return new ImportError(
      `${path}: line ${line}: not valid ${encoding}; declare the file's encoding in the mapping (e.g. "encoding": "windows-1252")`,
      { file: path, line, field: '(encoding)', code: 'encoding' },
    );
  };
  const packing = packingOf(path);
  // A packed file is identified by its own bytes (hashed in a first pass) and checked unpacked.
  if (packing !== 'plain')
    for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }))
      hash.update(chunk as Buffer);
  for await (const buf of contentChunks(path, 1024 * 1024)) {
    if (packing === 'plain') hash.update(buf);
    if (utf8) {
      const data = carry.length > 0 ? Buffer.concat([carry, buf]) : buf;
      const end = completeUtf8End(data);
      if (!isUtf8(data.subarray(0, end))) throw notValid(data);
      carry = Buffer.from(data.subarray(end));
    } else {
      try {
        decoder.decode(buf, { stream: true });
      } catch {
        throw notValid(buf);
      }
    }
    for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) line++;
  }
  try {
    if (carry.length > 0) throw new Error('incomplete character');
    decoder.decode();
  } catch {
    throw new ImportError(
      `${path}: line ${line}: the file ends inside a multi-byte ${encoding} character (truncated?)`,
      {
        file: path,
        line,
        field: '(encoding)',
        code: 'encoding',
      },
    );
  }
  return { sha256: hash.digest('hex'), bytes, contentName: await contentNameOf(path, packing) };
}

/** Where the last complete UTF-8 character of `data` ends (a chunk may end inside one). */
function completeUtf8End(data: Buffer): number {
  let i = data.length - 1;
  while (i >= 0 && i > data.length - 4 && (data[i]! & 0xc0) === 0x80) i--;
  if (i < 0) return data.length;
  const lead = data[i]!;
  const need = (lead & 0xe0) === 0xc0 ? 2 : (lead & 0xf0) === 0xe0 ? 3 : (lead & 0xf8) === 0xf0 ? 4 : 1;
  return i + need <= data.length ? data.length : i;
}

/** One record read from a file: its fields, or why it could not be read; `line` is where it starts. */
export type RawRecord =
  | { line: number; bytes: number; fields: Record<string, string | undefined> }
  | { line: number; bytes: number; json: unknown }
  | { line: number; bytes: number; error: { field: string; reason: string } };

/** Decoded text of a file, chunk by chunk, with a running count of bytes read. */
function decodedStream(path: string, encoding: string, progress: { bytes: number }): Readable {
  const decoder = new TextDecoder(encoding);
  return Readable.from(
    (async function* () {
      for await (const chunk of contentChunks(path, 256 * 1024, progress)) {
        yield decoder.decode(chunk, { stream: true });
      }
      const rest = decoder.decode();
      if (rest) yield rest;
    })(),
  );
}

/** Records are handed on in arrays of up to this many, so the per-record cost of async iteration is paid once per array. */
const RECORDS_PER_CHUNK = 1_024;

/**
 * Streams a CSV/TSV file as records keyed by header name (the first occurrence of a repeated name
 * wins), in arrays of up to about RECORDS_PER_CHUNK records in file order. A row with the wrong
 * number of fields, or unparseable quoting, is returned as an error record naming its line; a file
 * ending inside a quoted field (truncated) is reported the same way. `onHeader` sees the header
 * before any record, so a mapping can be checked against it.
 *
 * Well-formed text is split by CsvSplitter, which gives csv-parse's records and line numbers at a
 * fraction of its cost; at the first thing it leaves to csv-parse (bad quoting, stray carriage
 * returns…), the file is read again by csv-parse from the start, the records already handed on are
 * skipped, and csv-parse reads the rest, with its own messages and line numbers.
 */
export async function* readCsv(
  path: string,
  options: {
    encoding: string;
    delimiter: string;
    onHeader: (header: string[]) => void;
    /** false: csv-parse alone (the reference the splitter is tested against). */
    split?: boolean;
    /** The columns to put in records (a mapping's): others are left out. All when absent. */
    columns?: readonly string[];
  },
): AsyncGenerator<RawRecord[]> {
  let header: string[] | null = null;
  let previousEnd = 0;
  let out: RawRecord[] = [];
  let bytes = 0;
  let splitter: CsvSplitter | null = null;
  // Per header position: whether its column goes into records (the first of a repeated name, if wanted).
  let keep: boolean[] = [];
  const take = (record: string[], lines: number) => {
    const line = previousEnd + 1;
    previousEnd = lines;
    if (header === null) {
      header = record.map((h) => h.trim());
      options.onHeader(header);
      const wanted = options.columns ? new Set(options.columns) : null;
      const seen = new Set<string>();
      keep = header.map((name) => {
        const first = !seen.has(name);
        seen.add(name);
        return first && (wanted === null || wanted.has(name));
      });
      if (splitter) splitter.keep = keep;
      return;
    }
    if (record.length !== header.length) {
      out.push({
        line,
        bytes,
        error: { field: '(row)', reason: `expected ${header.length} fields, found ${record.length}` },
      });
      return;
    }
    const fields: Record<string, string | undefined> = {};
    for (let i = 0; i < header.length; i++) if (keep[i]) fields[header[i]!] = record[i];
    out.push({ line, bytes, fields });
  };

  // Records handed on by the splitter (the header included): csv-parse skips as many if it takes over.
  let handed = 0;
  if (options.split !== false && CsvSplitter.handles(options.delimiter)) {
    const fast = new CsvSplitter(options.delimiter.charCodeAt(0));
    splitter = fast;
    const onRecord = (record: string[], lines: number) => {
      handed++;
      take(record, lines);
    };
    const progress = { bytes: 0 };
    const decoder = new TextDecoder(options.encoding);
    let pending = '';
    let regular = true;
    reading: for await (const chunk of contentChunks(path, 256 * 1024, progress)) {
      bytes = progress.bytes;
      // Decoded a piece at a time: a 256 KiB string is a large object for V8 (allocated and
      // collected one by one, ≈ 10× the cost of a young-generation string; BENCHMARKS.md).
      for (let at = 0; at < chunk.length; at += TEXT_PIECE) {
        const text = pending + decoder.decode(chunk.subarray(at, at + TEXT_PIECE), { stream: true });
        const rest =
          handed === 0 && text.charCodeAt(0) === BOM ? 'irregular' : fast.split(text, false, onRecord);
        // A record longer than MAX_PENDING would be scanned again with every piece: csv-parse reads it once.
        if (rest === 'irregular' || text.length - rest > MAX_PENDING) {
          regular = false;
          break reading;
        }
        pending = text.slice(rest);
      }
      if (out.length >= RECORDS_PER_CHUNK) {
        yield out;
        out = [];
      }
    }
    if (regular) {
      const text = pending + decoder.decode();
      if (text.length > 0) {
        const rest =
          handed === 0 && text.charCodeAt(0) === BOM ? 'irregular' : fast.split(text, true, onRecord);
        regular = rest !== 'irregular';
      }
    }
    if (regular) {
      if (out.length > 0) yield out;
      if (header === null)
        throw new ImportError(`${path}: empty file, no header line`, { file: path, line: 1 });
      return;
    }
  }

  const progress = { bytes: 0 };
  const skipped: RawRecord[] = [];
  const parser = decodedStream(path, options.encoding, progress).pipe(
    parse({
      bom: true,
      delimiter: options.delimiter,
      relax_column_count: true,
      skip_records_with_error: true,
      skip_empty_lines: true,
      info: true,
    }),
  );
  parser.on('skip', (err: Error & { lines?: number }) => {
    skipped.push({
      line: err.lines ?? 0,
      bytes: progress.bytes,
      error: { field: '(row)', reason: err.message },
    });
  });
  let toSkip = handed;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      while (skipped.length > 0) out.push(skipped.shift()!);
      if (toSkip > 0) {
        toSkip--;
        continue;
      }
      bytes = progress.bytes;
      take(item.record, item.info.lines);
      if (out.length >= RECORDS_PER_CHUNK) {
        yield out;
        out = [];
      }
    }
  } catch (err) {
    if (err instanceof ImportError) throw err;
    const e = err as Error & { lines?: number; code?: string };
    out.push({
      line: e.lines ?? previousEnd + 1,
      bytes: progress.bytes,
      error: { field: '(file)', reason: e.message },
    });
  }
  while (skipped.length > 0) out.push(skipped.shift()!);
  if (out.length > 0) yield out;
  if (header === null)
    throw new ImportError(`${path}: empty file, no header line`, { file: path, line: 1, code: 'empty_file' });
}

const BOM = 0xfeff;
/**
 * Bytes decoded into one string for the splitter: 32 KiB makes at most 64 KiB of UTF-16, under V8's
 * largest young-generation object (128 KiB), where a 256 KiB string went to the large-object space.
 */
const TEXT_PIECE = 32 * 1024;
/** Longest unfinished record (UTF-16 code units) the splitter carries from chunk to chunk. */
const MAX_PENDING = 4 * 1024 * 1024;

/**
 * Streams an NDJSON file: one JSON value per line (LF or CRLF); a line that is not JSON becomes an
 * error record. Lines are cut from each decoded chunk with indexOf (no per-line stream machinery)
 * and handed on in arrays, one per chunk; `bytes` is the bytes read so far (progress only). Chunks
 * are 128 KiB (~350 records): a chunk's parsed records are all alive until it is mapped, and with
 * 1 MiB chunks enough of them outlived a young-generation collection to make V8 copy them (~3 µs
 * a record more).
 */
export async function* readNdjson(path: string, encoding: string): AsyncGenerator<RawRecord[]> {
  const decoder = new TextDecoder(encoding);
  const progress = { bytes: 0 };
  let bytes = 0;
  let line = 0;
  let carry = '';
  const parseLine = (text: string, end: number, out: RawRecord[]) => {
    line++;
    if (text.length > 0 && text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
    if (text.trim() === '') return;
    try {
      out.push({ line, bytes: end, json: JSON.parse(text) });
    } catch (err) {
      out.push({ line, bytes: end, error: { field: '(json)', reason: (err as Error).message } });
    }
  };
  for await (const buf of contentChunks(path, 128 * 1024, progress)) {
    bytes = progress.bytes;
    const text = carry + decoder.decode(buf, { stream: true });
    const out: RawRecord[] = [];
    let from = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
      parseLine(text.slice(from, nl), bytes, out);
      from = nl + 1;
    }
    carry = text.slice(from);
    if (out.length > 0) yield out;
  }
  carry += decoder.decode();
  const out: RawRecord[] = [];
  if (carry !== '') parseLine(carry, bytes, out);
  if (out.length > 0) yield out;
}
