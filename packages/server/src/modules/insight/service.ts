import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/connect.js';
import { AppError, notFound, oneOrNotFound } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import { enqueueJob } from '../../platform/jobs/index.js';
import { type Actor, ScopedDb } from '../../platform/scope.js';
import { chunkBytesFor, storeUploadText } from '../../platform/uploads/index.js';
import { directoryFor } from '../identity/index.js';
import type { ImportError } from './import/import-error.js';
import { IMPORT_JOB } from './import/import-job.js';
import { parseMapping } from './import/mapping-file.js';
import type { ImportFormat } from './import/units.js';
import { filteredTickets, type TicketFilter } from './kpi-query.js';
import { authorizeInsight, insightPolicy } from './policy.js';
import { presentImportRun, presentTicket } from './presenters.js';

/** Imports and provider mappings change the organization's data: see policy.ts for who may. */
export function mayManageImports(actor: Actor): boolean {
  return insightPolicy['import.run'](actor);
}

export function assertMayManageImports(scoped: ScopedDb): void {
  authorizeInsight(scoped.actor, 'import.run', 'import');
}

/** One page of the tickets behind a KPI (drill-down), newest id first, keyset-paginated. */
export async function listTickets(
  scoped: ScopedDb,
  filter: TicketFilter,
  cursor: string | undefined,
  limit: number,
) {
  const directory = filter.providerKind === undefined ? null : await directoryFor(scoped);
  let q = filteredTickets(scoped, filter, directory)
    .selectAll('tickets')
    .orderBy('tickets.id')
    .limit(limit + 1);
  if (cursor) q = q.where('tickets.id', '>', cursor);
  const rows = await q.execute();
  const page = rows.slice(0, limit);
  return {
    items: page.map(presentTicket),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/**
 * Queues an import of an uploaded file and returns its run at once (202); progress is pushed on the
 * event stream (`import_run.progress`, then `import_run.finished`). The file is an upload (`POST /api/uploads`, any size) or small text in the request;
 * either way its bytes are in the database, so whichever server process takes the job can read
 * them, and a restart resumes the run. The run and its job are written in one transaction.
 * Importing the same upload twice answers the first run.
 */
export async function startImport(
  scoped: ScopedDb,
  deps: { database: Database; clock: Clock },
  input: {
    format: ImportFormat;
    fileName?: string | undefined;
    content?: string | undefined;
    uploadId?: string | undefined;
    mapping?: unknown;
  },
) {
  assertMayManageImports(scoped);
  const mapping = input.mapping === undefined ? null : parseMappingForHttp(input.mapping);
  if (input.format === 'csv' && !mapping)
    throw new AppError('validation_failed', 'a csv import needs a mapping', 'mapping');
  const actor = scoped.actor;
  const source = mapping?.source ?? input.format;
  const now = deps.clock.now();
  const runId = await deps.database.db.transaction().execute(async (tx) => {
    let upload: { id: string; fileName: string; bytes: number; sha256: string };
    if (input.uploadId !== undefined) {
      const row = await new ScopedDb(tx, actor, scoped.rules)
        .selectFrom('uploads')
        .selectAll()
        .where('id', '=', input.uploadId)
        .where('status', '=', 'complete')
        .executeTakeFirst();
      if (!row) throw new AppError('not_found', 'upload not found', 'uploadId');
      upload = { id: row.id, fileName: row.file_name, bytes: Number(row.bytes), sha256: row.sha256 ?? '' };
    } else {
      if (input.content === undefined || input.fileName === undefined)
        throw new AppError('validation_failed', 'send uploadId, or fileName and content', 'uploadId');
      upload = await storeUploadText(
        tx,
        deps.clock,
        actor,
        input.fileName,
        input.content,
        chunkBytesFor(deps.database.db),
      );
    }
    const fileName = input.fileName ?? upload.fileName;
    const id = newId('imp', now.getTime());
    const job = await enqueueJob(tx, deps.clock, {
      name: IMPORT_JOB,
      organizationId: actor.organizationId,
      createdBy: actor.userId,
      idempotencyKey: `upload ${upload.id}`,
      payload: {
        runId: id,
        uploadId: upload.id,
        format: input.format,
        fileName,
        mapping: input.mapping ?? null,
      },
    });
    if (!job.created) {
      const first = await tx
        .selectFrom('jobs')
        .select('payload')
        .where('id', '=', job.id)
        .executeTakeFirstOrThrow();
      return String((first.payload as { runId: string }).runId);
    }
    await new ScopedDb(tx, actor, scoped.rules)
      .insertInto('import_runs', {
        id,
        source,
        format: input.format,
        file_name: fileName,
        file_sha256: upload.sha256,
        file_bytes: upload.bytes,
        status: 'running',
        quality: '{}',
        started_at: now,
        updated_at: now,
      })
      .execute();
    return id;
  });
  return getImport(scoped, runId);
}

function parseMappingForHttp(json: unknown) {
  try {
    return parseMapping(json, 'mapping');
  } catch (err) {
    const e = err as ImportError;
    throw new AppError('validation_failed', e.message, `mapping.${e.field ?? ''}`);
  }
}

export async function getImport(scoped: ScopedDb, id: string) {
  assertMayManageImports(scoped);
  const run = await oneOrNotFound(
    scoped.selectFrom('import_runs').selectAll().where('id', '=', id),
    'import',
  );
  return presentImportRun(run);
}

export async function listImports(scoped: ScopedDb) {
  assertMayManageImports(scoped);
  const runs = await scoped
    .selectFrom('import_runs')
    .selectAll()
    .orderBy('started_at', 'desc')
    .limit(100)
    .execute();
  return runs.map(presentImportRun);
}

export async function listRejects(scoped: ScopedDb, id: string, limit: number) {
  await getImport(scoped, id);
  const rows = await scoped
    .selectFrom('import_rejects')
    .select(['file', 'line', 'field', 'reason'])
    .where('import_run_id', '=', id)
    .orderBy('line')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows;
}

export async function listProviderMappings(scoped: ScopedDb) {
  const rows = await scoped
    .selectFrom('provider_mappings')
    .selectAll()
    .orderBy('source')
    .orderBy('match_kind')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    providerId: r.provider_id,
    teamId: r.team_id,
    source: r.source,
    matchKind: r.match_kind,
    matchValue: r.match_value,
  }));
}

export async function createProviderMapping(
  scoped: ScopedDb,
  clock: Clock,
  input: {
    providerId: string;
    teamId: string | null;
    source: string;
    matchKind: 'group' | 'agent' | 'email_domain' | 'default';
    matchValue: string;
  },
) {
  authorizeInsight(scoped.actor, 'mapping.write', 'provider mapping');
  const directory = await directoryFor(scoped);
  if (!directory.providers.some((p) => p.id === input.providerId))
    throw new AppError('validation_failed', 'no such provider', 'providerId');
  if (input.teamId) {
    const team = directory.teams.find((t) => t.id === input.teamId);
    if (!team || team.providerId !== input.providerId)
      throw new AppError('validation_failed', 'the team must belong to the provider', 'teamId');
  }
  const id = newId('pmap', clock.now().getTime());
  try {
    await scoped
      .insertInto('provider_mappings', {
        id,
        provider_id: input.providerId,
        team_id: input.teamId,
        source: input.source,
        match_kind: input.matchKind,
        match_value: input.matchValue,
      })
      .execute();
  } catch (err) {
    if (String((err as { code?: string }).code) === '23505')
      throw new AppError('conflict', 'a rule with this match exists', 'matchValue');
    throw err;
  }
  return { id, ...input };
}

export async function deleteProviderMapping(scoped: ScopedDb, id: string) {
  authorizeInsight(scoped.actor, 'mapping.write', 'provider mapping');
  const result = await scoped.deleteFrom('provider_mappings').where('id', '=', id).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('provider mapping');
}
