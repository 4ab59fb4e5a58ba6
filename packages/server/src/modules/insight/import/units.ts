import {
  type ColumnMapping,
  columnsNamedBy,
  type EventRow,
  type ImportedTicket,
  isObject,
  type JsonObject,
  type MapResult,
  mapCanonicalRecord,
  mapChatwootConversation,
  mapFlatRecord,
  mapFreshdeskTicket,
  mapZammadTicket,
  mapZendeskTicket,
  readEventRow,
  readThreadPost,
  rebuildFromEvents,
  replyThreads,
  type ThreadPost,
  unescapeCanonicalCell,
} from '@shoreline/core';
import { IMPORT_FORMATS } from '../vocabulary.js';
import { type FindingsSink, REPLY_LINK_EXAMPLES } from './findings.js';
import { ImportError } from './import-error.js';
import { type RawRecord, readAllText, readCsv, readNdjson } from './source-file.js';

export { IMPORT_FORMATS };
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface Reject {
  line: number;
  field: string;
  reason: string;
}

/**
 * The step an import checkpoints on: some source units (records; tickets for whole-file formats)
 * turned into tickets and rejects. A re-run skips the units already committed.
 */
export interface Unit {
  units: number;
  records: number;
  bytes: number;
  tickets: ImportedTicket[];
  rejects: Reject[];
}

const JSON_MAPPERS: Record<Exclude<ImportFormat, 'csv'>, (o: JsonObject) => MapResult> = {
  canonical: mapCanonicalRecord,
  zendesk: mapZendeskTicket,
  freshdesk: mapFreshdeskTicket,
  zammad: mapZammadTicket,
  chatwoot: mapChatwootConversation,
};

function fromResult(result: MapResult, line: number, bytes: number): Unit {
  return result.ok
    ? { units: 1, records: 1, bytes, tickets: [result.ticket], rejects: [] }
    : { units: 1, records: 1, bytes, tickets: [], rejects: result.errors.map((e) => ({ line, ...e })) };
}

function errorUnit(r: RawRecord & { error: unknown }): Unit {
  const e = (r as { error: { field: string; reason: string } }).error;
  return {
    units: 1,
    records: 1,
    bytes: r.bytes,
    tickets: [],
    rejects: [{ line: r.line, field: e.field, reason: e.reason }],
  };
}

/**
 * The units of one file in the given format, in file order, handed on in arrays (one per chunk read)
 * so async iteration costs once per chunk, not per record; `mapping` is required for `csv` and
 * optional elsewhere.
 */
export function readUnits(
  path: string,
  format: ImportFormat,
  mapping:
    | (ColumnMapping & {
        fileFormat: 'csv' | 'tsv' | 'ndjson';
        encoding: string;
        delimiter?: string | undefined;
      })
    | null,
  findings?: FindingsSink,
  /** The name of the text inside a packed file (its layout: `.json`, `.tsv`…); the path otherwise. */
  contentName: string = path,
): AsyncGenerator<Unit[]> {
  if (format === 'csv') {
    if (!mapping)
      throw new ImportError('generic CSV import needs a mapping file (--mapping FILE)', {
        field: '--mapping',
        code: 'needs_mapping',
      });
    const named = columnsNamedBy(mapping);
    const records = recordsOf(
      path,
      mapping.fileFormat,
      mapping.encoding,
      mapping.delimiter,
      named,
      (header) => {
        const missing = named.filter((c) => !header.includes(c));
        if (missing.length > 0)
          throw new ImportError(
            `${path}: line 1: the mapping names column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')} that the header does not have (header: ${header.join(', ')})`,
            { file: path, line: 1, field: missing[0]!, code: 'missing_columns' },
          );
      },
    );
    const coverage = findings?.coverage;
    const observed = coverage ? observing(records, (fields) => coverage.observe(fields)) : records;
    if (mapping.kind === 'events') return eventUnits(observed, mapping);
    if (mapping.kind === 'threads') return threadUnits(observed, mapping, findings);
    return flatUnits(observed, (fields) =>
      mapFlatRecord(mapping, fields as Record<string, string | undefined>),
    );
  }
  const mapper = JSON_MAPPERS[format];
  const lower = contentName.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.tsv'))
    return flatUnits(
      recordsOf(path, lower.endsWith('.tsv') ? 'tsv' : 'csv', 'utf-8', undefined, undefined, () => {}),
      format === 'canonical' ? (fields) => mapper(unescapeCanonicalFields(fields)) : mapper,
    );
  if (lower.endsWith('.json')) return chunked(documentUnits(path, format, mapper));
  return jsonUnits(readNdjson(path, 'utf-8'), mapper);
}

function recordsOf(
  path: string,
  fileFormat: 'csv' | 'tsv' | 'ndjson',
  encoding: string,
  delimiter: string | undefined,
  /** The columns a mapping reads (records of CSV leave the others out); all when undefined. */
  columns: readonly string[] | undefined,
  onHeader: (h: string[]) => void,
): AsyncGenerator<RawRecord[]> {
  if (fileFormat === 'ndjson') return readNdjson(path, encoding);
  return readCsv(path, {
    encoding,
    delimiter: delimiter ?? (fileFormat === 'tsv' ? '\t' : ','),
    onHeader,
    ...(columns ? { columns } : {}),
  });
}

function flatUnit(r: RawRecord, map: (fields: JsonObject) => MapResult): Unit {
  if ('error' in r) return errorUnit(r);
  if ('fields' in r) return fromResult(map(r.fields), r.line, r.bytes);
  if (isObject(r.json)) return fromResult(map(r.json), r.line, r.bytes);
  return {
    units: 1,
    records: 1,
    bytes: r.bytes,
    tickets: [],
    rejects: [{ line: r.line, field: '(json)', reason: 'expected an object' }],
  };
}

async function* flatUnits(
  records: AsyncGenerator<RawRecord[]>,
  map: (fields: JsonObject) => MapResult,
): AsyncGenerator<Unit[]> {
  for await (const chunk of records) {
    const units: Unit[] = new Array(chunk.length);
    for (let i = 0; i < chunk.length; i++) units[i] = flatUnit(chunk[i]!, map);
    yield units;
  }
}

/** Passes records through, showing each readable row's fields to `see` (mapping coverage). */
async function* observing(
  records: AsyncGenerator<RawRecord[]>,
  see: (fields: Record<string, string | undefined>) => void,
): AsyncGenerator<RawRecord[]> {
  for await (const chunk of records) {
    for (const r of chunk) if ('fields' in r) see(r.fields);
    yield chunk;
  }
}

/** Units one by one, regrouped into arrays of up to 1,024. */
async function* chunked(units: AsyncGenerator<Unit>): AsyncGenerator<Unit[]> {
  let out: Unit[] = [];
  for await (const u of units) {
    out.push(u);
    if (out.length >= 1_024) {
      yield out;
      out = [];
    }
  }
  if (out.length > 0) yield out;
}

const jsonUnits = flatUnits;

/**
 * Event logs: rows of one case are contiguous, so a case is complete when the case id changes.
 * Each case is one unit of as many records as it has rows (the checkpoint never splits a case).
 * Chunks of records in, chunks of units out: no async step per row.
 */
async function* eventUnits(
  records: AsyncGenerator<RawRecord[]>,
  mapping: ColumnMapping,
): AsyncGenerator<Unit[]> {
  const cases = new EventCases(mapping);
  for await (const chunk of records) {
    const out: Unit[] = [];
    for (const r of chunk) cases.push(r, out);
    if (out.length > 0) yield out;
  }
  const out: Unit[] = [];
  cases.end(out);
  if (out.length > 0) yield out;
}

/** The case being read and its rows; completed cases become units. */
class EventCases {
  private current: {
    caseId: string;
    rows: EventRow[];
    firstLine: number;
    records: number;
    rejects: Reject[];
    bytes: number;
  } | null = null;

  constructor(private readonly mapping: ColumnMapping) {}

  push(r: RawRecord, out: Unit[]): void {
    const current = this.current;
    if ('error' in r || !('fields' in r)) {
      // A row that cannot be read belongs to no case we can name: report it on its own unit, after the open case.
      if (current) {
        current.records++;
        current.rejects.push(
          'error' in r
            ? { line: r.line, ...r.error }
            : { line: r.line, field: '(row)', reason: 'not a CSV row' },
        );
      } else out.push(errorUnit(r as RawRecord & { error: unknown }));
      return;
    }
    const read = readEventRow(this.mapping, r.fields);
    if (!read.ok) {
      if (current) {
        current.records++;
        current.rejects.push({ line: r.line, field: read.field, reason: read.reason });
      } else
        out.push({
          units: 1,
          records: 1,
          bytes: r.bytes,
          tickets: [],
          rejects: [{ line: r.line, field: read.field, reason: read.reason }],
        });
      return;
    }
    if (current && current.caseId !== read.row.caseId) {
      out.push(this.finish(current));
      this.current = null;
    }
    this.current ??= {
      caseId: read.row.caseId,
      rows: [],
      firstLine: r.line,
      records: 0,
      rejects: [],
      bytes: r.bytes,
    };
    this.current.rows.push(read.row);
    this.current.records++;
    this.current.bytes = r.bytes;
  }

  end(out: Unit[]): void {
    if (this.current) out.push(this.finish(this.current));
    this.current = null;
  }

  private finish(c: NonNullable<EventCases['current']>): Unit {
    const result = rebuildFromEvents(this.mapping, c.rows);
    const rejects = [...c.rejects];
    if (!result.ok) rejects.push(...result.errors.map((e) => ({ line: c.firstLine, ...e })));
    return {
      units: c.records,
      records: c.records,
      bytes: c.bytes,
      tickets: result.ok ? [result.ticket] : [],
      rejects,
    };
  }
}

/**
 * Reply threads need every post before any thread is known, so the posts (not their tickets) are
 * held in memory: O(posts); a ticket is built when its chunk of units is. Units are then tickets, in a deterministic order, so resuming works.
 */
async function* threadUnits(
  records: AsyncGenerator<RawRecord[]>,
  mapping: ColumnMapping,
  findings: FindingsSink | undefined,
): AsyncGenerator<Unit[]> {
  const posts: ThreadPost[] = [];
  const rejects: Reject[] = [];
  let records_ = 0;
  let bytes = 0;
  for await (const chunk of records)
    for (const r of chunk) {
      records_++;
      bytes = r.bytes;
      if ('error' in r) rejects.push({ line: r.line, ...r.error });
      else if ('fields' in r) {
        const read = readThreadPost(mapping, r.fields, r.line);
        if (read.ok) posts.push(read.post);
        else rejects.push({ line: r.line, ...read.error });
      }
    }
  const threads = replyThreads(posts);
  const { unresolvedReplies } = threads;
  if (findings) {
    findings.replyColumn = mapping.threads?.inReplyTo ?? null;
    findings.replyLinks = {
      unresolved: unresolvedReplies.length,
      examples: unresolvedReplies
        .slice(0, REPLY_LINK_EXAMPLES)
        .map(({ id, inReplyTo }) => ({ id, inReplyTo })),
    };
  }
  // The first unit carries every reject and the record count; then one unit per ticket, each
  // ticket built as its chunk is handed on (so it dies young, once its batch has its bytes).
  let out: Unit[] = [{ units: 1, records: records_, bytes, tickets: [], rejects }];
  for (let k = 0; k < threads.ticketCount; k++) {
    out.push({ units: 1, records: 0, bytes, tickets: [threads.ticketAt(k)], rejects: [] });
    if (out.length >= 1_024) {
      yield out;
      out = [];
    }
  }
  if (out.length > 0) yield out;
}

/**
 * A whole JSON document (API dumps): an array of objects, Zendesk's `{tickets, metric_sets}`
 * (metrics joined by ticket id), or Chatwoot's `{payload}` / `{data: {payload}}`. Held in memory:
 * use NDJSON for large exports. Units are array elements.
 */
async function* documentUnits(
  path: string,
  format: ImportFormat,
  map: (o: JsonObject) => MapResult,
): AsyncGenerator<Unit> {
  let doc: unknown;
  try {
    doc = JSON.parse(await readAllText(path));
  } catch (err) {
    throw new ImportError(`${path}: not valid JSON (truncated?): ${(err as Error).message}`, {
      file: path,
      field: '(json)',
      code: 'not_json',
    });
  }
  let items: unknown[] = [];
  if (Array.isArray(doc)) items = doc;
  else if (isObject(doc)) {
    const data = isObject(doc.data) ? doc.data : doc;
    const list = doc.tickets ?? doc.conversations ?? data.payload;
    if (!Array.isArray(list))
      throw new ImportError(`${path}: expected an array of ${format} records, or {tickets: [...]}`, {
        file: path,
        code: 'not_records',
      });
    items = list;
    if (Array.isArray(doc.metric_sets)) {
      const metrics = new Map<string, unknown>();
      for (const m of doc.metric_sets) if (isObject(m)) metrics.set(String(m.ticket_id), m);
      items = items.map((t) =>
        isObject(t) && metrics.has(String(t.id)) ? { ...t, metric_set: metrics.get(String(t.id)) } : t,
      );
    }
  }
  let i = 0;
  for (const item of items) {
    i++;
    yield isObject(item)
      ? fromResult(map(item), i, 0)
      : {
          units: 1,
          records: 1,
          bytes: 0,
          tickets: [],
          rejects: [{ line: i, field: '(json)', reason: 'expected an object' }],
        };
  }
}

/** Canonical CSV cells carry the export's formula escape (core csv-cells.ts); undo it, cell by cell. */
function unescapeCanonicalFields(fields: JsonObject): JsonObject {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = typeof v === 'string' ? unescapeCanonicalCell(v) : v;
  return out;
}
