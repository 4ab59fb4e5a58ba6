import { basename, dirname } from 'node:path';
import {
  type ColumnMapping,
  type FieldCoverage,
  finaliseTicket,
  type ImportedTicket,
  type ImportWarning,
  MappingCoverage,
  QUALITY_FLAGS,
} from '@shoreline/core';
import type { Selectable } from 'kysely';
import type { Clock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/connect.js';
import { newId } from '../../../platform/ids.js';
import { BatchBuilder, type PlacedTicket } from '../../tickets/index.js';
import type { ImportRunsTable } from '../tables.js';
import { announceProgress, finishRun } from './announce.js';
import type { FindingsSink, ImportFindings } from './findings.js';
import { ImportError, type ImportErrorCode } from './import-error.js';
import type { MappingFile } from './mapping-file.js';
import { toColumnMapping } from './mapping-file.js';
import { ProviderResolver } from './provider-resolver.js';
import { applyProviderRules } from './provider-rules.js';
import { sniffFile } from './sniff-format.js';
import { checkFile } from './source-file.js';
import { type ImportFormat, type Reject, readUnits } from './units.js';
import { writeBatch } from './write-batch.js';

export interface ImportProgress {
  runId: string;
  bytesDone: number;
  bytesTotal: number;
  recordsRead: number;
  ticketsUpserted: number;
  rowsRejected: number;
  resumedFromUnits: number;
}

export interface ImportReport extends ImportProgress {
  status: 'done';
  source: string;
  /** Data-quality report: count of tickets carrying each flag (kept and flagged, never dropped). */
  quality: Record<string, number>;
  /** Mapping coverage, unresolved reply links and warnings (see ImportFindings). */
  findings: ImportFindings;
}

export interface ImportOptions {
  database: Database;
  clock: Clock;
  organizationId: string;
  format: ImportFormat;
  filePath: string;
  /** Display name of the file in reports (defaults to its base name). */
  fileName?: string;
  mapping?: MappingFile | null;
  batchSize?: number;
  onProgress?: (p: ImportProgress) => void;
  /** Called once the run exists (its id is known), before the first record is read. */
  onRunStarted?: (runId: string) => void;
  /** Who started it, for the `import_run.finished` event (null for the CLI). */
  actorId?: string | null;
  /** Test hook: called after each committed batch. */
  afterBatch?: (committedUnits: number) => void;
  /**
   * The run to write to (created beforehand, e.g. by the HTTP import with its job): resumed after
   * its checkpoint, or reported as is when already done. Without it, an unfinished run of the same
   * file is looked up by content.
   */
  runId?: string;
}

/**
 * Imports one file. Streams it (constant memory but for whole-file JSON documents and reply
 * threads), maps each record to a ticket, resolves provider and team, derives KPIs measures and
 * quality flags, and writes batches with COPY + upsert, each with its checkpoint in the same
 * transaction. Re-running the same file (same SHA-256, same source) resumes an unfinished run
 * after its last checkpoint; re-importing a finished file updates tickets in place.
 *
 * @throws ImportError before anything is written when the file cannot be read, is not in its
 * declared encoding, or the mapping names columns the file does not have.
 */
export async function runImport(o: ImportOptions): Promise<ImportReport> {
  try {
    return await importFile(o);
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    const detected = err.detected ?? (ABOUT_THE_FILE.has(err.code) ? await sniffFile(o.filePath) : null);
    const shown =
      o.fileName === undefined
        ? err
        : new ImportError(hidePath(err.message, o), {
            file: o.fileName,
            code: err.code,
            ...(err.line !== undefined ? { line: err.line } : {}),
            ...(err.field !== undefined ? { field: err.field } : {}),
            ...(err.cause !== undefined ? { cause: err.cause } : {}),
          });
    shown.detected = detected;
    throw shown;
  }
}

/** Failures a file of another layout or format would explain: the run reports what the file looks like. */
const ABOUT_THE_FILE: ReadonlySet<ImportErrorCode> = new Set([
  'unreadable',
  'empty_file',
  'not_json',
  'not_records',
  'needs_mapping',
  'missing_columns',
  'nothing_loaded',
]);

/**
 * Messages name the file by its display name when the caller gave one: an upload lives at a
 * temporary path on the server, which is no business of the user's (and tells an attacker the layout).
 */
function hidePath(message: string, o: ImportOptions): string {
  if (o.fileName === undefined) return message;
  return message.replaceAll(o.filePath, o.fileName).replaceAll(dirname(o.filePath), '(upload)');
}

async function importFile(o: ImportOptions): Promise<ImportReport> {
  const mapping = o.mapping ?? null;
  const source = mapping?.source ?? o.format;
  const fileName = o.fileName ?? basename(o.filePath);
  const encoding = mapping?.encoding ?? 'utf-8';
  const check = await checkFile(o.filePath, encoding);
  const db = o.database.db;
  if (mapping && mapping.providers.length > 0)
    await applyProviderRules(db, o.clock, o.organizationId, source, mapping.providers);
  const resolver = await ProviderResolver.load(db, o.organizationId, source);
  const columnMapping:
    | (ColumnMapping & { fileFormat: 'csv' | 'tsv' | 'ndjson'; encoding: string; delimiter?: string })
    | null = mapping
    ? { ...toColumnMapping(mapping), fileFormat: mapping.format, encoding, delimiter: mapping.delimiter }
    : null;
  const findings: FindingsSink = {
    coverage: columnMapping ? new MappingCoverage(columnMapping) : null,
    replyLinks: null,
    replyColumn: null,
  };
  const units = readUnits(o.filePath, o.format, columnMapping, findings, check.contentName);

  const existing = o.runId
    ? await db
        .selectFrom('import_runs')
        .selectAll()
        .where('organization_id', '=', o.organizationId)
        .where('id', '=', o.runId)
        .executeTakeFirstOrThrow()
    : await db
        .selectFrom('import_runs')
        .selectAll()
        .where('organization_id', '=', o.organizationId)
        .where('file_sha256', '=', check.sha256)
        .where('source', '=', source)
        .where('status', '<>', 'done')
        .orderBy('started_at', 'desc')
        .executeTakeFirst();
  if (existing?.status === 'done') return finishedReport(existing, source);
  const now = o.clock.now();
  const runId = existing?.id ?? newId('imp', now.getTime());
  if (!existing) {
    await db
      .insertInto('import_runs')
      .values({
        id: runId,
        organization_id: o.organizationId,
        source,
        format: o.format,
        file_name: fileName,
        file_sha256: check.sha256,
        file_bytes: check.bytes,
        status: 'running',
        quality: '{}',
        started_at: now,
        updated_at: now,
      })
      .execute();
  } else {
    await db
      .updateTable('import_runs')
      .set({ status: 'running', error: null, updated_at: now })
      .where('id', '=', runId)
      .execute();
  }
  o.onRunStarted?.(runId);
  const resumedFromUnits = Number(existing?.committed_units ?? 0);
  const state = {
    committedUnits: resumedFromUnits,
    bytesDone: Number(existing?.bytes_done ?? 0),
    recordsRead: Number(existing?.records_read ?? 0),
    ticketsUpserted: Number(existing?.tickets_upserted ?? 0),
    rowsRejected: Number(existing?.rows_rejected ?? 0),
    quality: { ...(existing?.quality ?? {}) } as Record<string, number>,
  };
  const progress = (): ImportProgress => ({
    runId,
    bytesDone: state.bytesDone,
    bytesTotal: check.bytes,
    recordsRead: state.recordsRead,
    ticketsUpserted: state.ticketsUpserted,
    rowsRejected: state.rowsRejected,
    resumedFromUnits,
  });
  const run = { organizationId: o.organizationId, runId, actorId: o.actorId ?? null };
  const batchSize = o.batchSize ?? DEFAULT_BATCH_SIZE;
  const pending = new BatchBuilder(o.organizationId, runId, () => o.clock.now());
  let pendingRejects: Reject[] = [];
  let pendingUnits = 0;
  let pendingRecords = 0;
  let pendingBytes = state.bytesDone;
  let skipped = 0;
  // One batch may be in flight while the next is read and mapped: the database works on batch N
  // while this process prepares N + 1. Commits stay strictly in order (N + 1 starts only after N
  // committed), so the checkpoint in each transaction always covers exactly the units before it.
  let inFlight: Promise<void> | null = null;
  // Batches to upsert before trying a plain COPY of new tickets again (see copyNewTickets): after a
  // clash with existing tickets (a re-import), the next batches most likely clash too.
  let upsertsBeforeRetry = 0;

  const flush = async () => {
    if (pendingUnits === 0) return;
    const prepared = pending.take();
    const rejects = pendingRejects;
    const units = pendingUnits;
    const records = pendingRecords;
    const bytes = pendingBytes;
    pendingRejects = [];
    pendingUnits = 0;
    pendingRecords = 0;
    if (inFlight) await inFlight;
    const quality = { ...state.quality };
    for (const [f, n] of Object.entries(prepared.quality)) quality[f] = (quality[f] ?? 0) + n;
    const checkpoint = {
      committedUnits: state.committedUnits + units,
      bytesDone: bytes,
      recordsRead: state.recordsRead + records,
      ticketsUpserted: state.ticketsUpserted + prepared.ticketCount,
      rowsRejected: state.rowsRejected + rejects.length,
      quality,
    };
    const write = writeBatch(o.database, {
      organizationId: o.organizationId,
      runId,
      file: fileName,
      prepared,
      rejects,
      checkpoint,
      rejectRepeatedCases: mapping?.kind === 'events',
      tryDirect: upsertsBeforeRetry === 0,
    }).then(({ direct, ...written }) => {
      upsertsBeforeRetry = direct ? 0 : upsertsBeforeRetry > 0 ? upsertsBeforeRetry - 1 : UPSERTS_AFTER_CLASH;
      Object.assign(state, written);
      o.afterBatch?.(state.committedUnits);
      o.onProgress?.(progress());
      return announceProgress(db, run, progress());
    });
    // Awaited before the next batch or at the end; a failure surfaces there, never as unhandled.
    write.catch(() => undefined);
    inFlight = write;
  };

  let sinceYield = 0;
  try {
    for await (const chunk of units) {
      for (const unit of chunk) {
        if (skipped < resumedFromUnits) {
          skipped += unit.units;
          continue;
        }
        for (const t of unit.tickets) pending.add(place(t, source, resolver));
        for (const r of unit.rejects) pendingRejects.push(r);
        pendingUnits += unit.units;
        pendingRecords += unit.records;
        if (unit.bytes > pendingBytes) pendingBytes = unit.bytes;
        if (pending.size >= batchSize || pendingRejects.length >= batchSize) await flush();
        else if (++sinceYield >= UNITS_PER_YIELD) {
          sinceYield = 0;
          await yieldToEventLoop();
        }
      }
    }
    pendingBytes = check.bytes;
    await flush();
    if (inFlight) await inFlight;
  } catch (err) {
    if (inFlight) await (inFlight as Promise<void>).catch(() => undefined);
    const message = hidePath((err as Error).message, o);
    const code = err instanceof ImportError ? err.code : 'stopped';
    const detected = ABOUT_THE_FILE.has(code) ? await sniffFile(o.filePath) : null;
    await finishRun(db, o.clock, run, {
      status: 'failed',
      error: message,
      errorCode: code,
      errorField: err instanceof ImportError ? err.field : undefined,
      detected,
      progress: progress(),
    });
    if (err instanceof ImportError) {
      err.detected = detected;
      throw err;
    }
    throw new ImportError(`${fileName}: import stopped: ${message}`, { file: fileName, cause: err });
  }
  // A run that loaded nothing failed, whatever it read (Hardening #14 item 19: a CSV imported as
  // Zendesk JSON said "Done" with 0 loaded and 1,000 rejected). Say what the file looks like instead.
  if (state.ticketsUpserted === 0) {
    const detected = await sniffFile(o.filePath);
    const looksLike = detected
      ? `; the file looks like ${detected.layout}${detected.format ? ` (${detected.format})` : ''}`
      : '';
    const message = `${fileName}: no ticket was loaded (${state.recordsRead} records read, ${state.rowsRejected} rejected) as ${o.format}${looksLike}`;
    await finishRun(db, o.clock, run, {
      status: 'failed',
      error: message,
      errorCode: 'nothing_loaded',
      detected,
      findings: summarise(findings, resolver.report(source)),
      progress: { ...progress(), bytesDone: check.bytes },
    });
    const err = new ImportError(message, { file: fileName, code: 'nothing_loaded' });
    err.detected = detected;
    throw err;
  }
  const report = summarise(findings, resolver.report(source));
  await finishRun(db, o.clock, run, {
    status: 'done',
    bytesDone: check.bytes,
    findings: report,
    progress: { ...progress(), bytesDone: check.bytes },
  });
  const quality = Object.fromEntries(QUALITY_FLAGS.map((f) => [f, state.quality[f] ?? 0]));
  return { ...progress(), bytesDone: check.bytes, status: 'done', source, quality, findings: report };
}

function summarise(
  sink: FindingsSink,
  providers: { coverage: FieldCoverage[]; warnings: ImportWarning[] },
): ImportFindings {
  const mapped = sink.coverage?.report() ?? { coverage: [], warnings: [] };
  const warnings = [...mapped.warnings, ...providers.warnings];
  if (sink.replyLinks && sink.replyLinks.unresolved > 0)
    warnings.push({
      code: 'reply_links_unresolved',
      field: sink.replyColumn ?? 'inReplyTo',
      value: sink.replyLinks.examples[0]?.inReplyTo,
      count: sink.replyLinks.unresolved,
    } as ImportWarning);
  return { coverage: [...mapped.coverage, ...providers.coverage], replyLinks: sink.replyLinks, warnings };
}

/** The report of a run that already finished (a resumed job whose process died after the last commit). */
function finishedReport(run: Selectable<ImportRunsTable>, source: string): ImportReport {
  const quality = Object.fromEntries(QUALITY_FLAGS.map((f) => [f, Number(run.quality?.[f] ?? 0)]));
  return {
    runId: run.id,
    status: 'done',
    source,
    bytesDone: Number(run.file_bytes),
    bytesTotal: Number(run.file_bytes),
    recordsRead: Number(run.records_read),
    ticketsUpserted: Number(run.tickets_upserted),
    rowsRejected: Number(run.rows_rejected),
    resumedFromUnits: Number(run.committed_units),
    quality,
    findings: { coverage: [], replyLinks: null, warnings: [], ...run.findings },
  };
}

/**
 * Mapping is synchronous work; the batch in flight needs the event loop (its COPY data goes out as
 * the socket drains, and every reply of its transaction arrives as an I/O callback). Yielding every
 * few dozen units keeps the database busy instead of waiting for this loop to reach its next read.
 */
const UNITS_PER_YIELD = 64;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Batches upserted after a batch's tickets clashed with existing ones, before trying a plain COPY again. */
const UPSERTS_AFTER_CLASH = 7;

/** Tickets per committed batch unless the caller says otherwise. */
export const DEFAULT_BATCH_SIZE = 20_000;

function place(t: ImportedTicket, importSource: string, resolver: ProviderResolver): PlacedTicket {
  const placement = resolver.place(t);
  const final = finaliseTicket(t, placement.calendar);
  if (placement.providerId === null) final.qualityFlags.push('no_provider');
  if (final.messages.length > 1) {
    const seen = new Set<string>();
    final.messages = final.messages.filter((m) => !seen.has(m.externalId) && seen.add(m.externalId));
  }
  return {
    ticket: final,
    source: t.source ?? importSource,
    providerId: placement.providerId,
    teamId: placement.teamId,
  };
}
