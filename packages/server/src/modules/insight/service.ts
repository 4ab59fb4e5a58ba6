import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/connect.js';
import { AppError, notFound } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import type { Actor, ScopedDb } from '../../platform/scope.js';
import { directoryFor } from '../identity/index.js';
import { ImportError } from './import/import-error.js';
import { parseMapping } from './import/mapping-file.js';
import { runImport } from './import/run-import.js';
import type { ImportFormat } from './import/units.js';
import { filteredTickets, type TicketFilter } from './kpi-query.js';
import { presentImportRun, presentTicket } from './presenters.js';

/** Imports and provider mappings change the organization's data: admins and supervisors, not vendor staff. */
export function mayManageImports(a: Actor): boolean {
  return a.providerId === null && a.role !== 'agent';
}

export function assertMayManageImports(scoped: ScopedDb): void {
  if (!mayManageImports(scoped.actor)) throw notFound('import');
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
 * Starts an import of uploaded text in the background and returns its run at once; progress is
 * pushed on the event stream (`import_run.progress`, then `import_run.finished`). The text is written to a private temporary file and imported by the
 * same pipeline as the CLI.
 */
export async function startImport(
  scoped: ScopedDb,
  deps: { database: Database; clock: Clock },
  input: { format: ImportFormat; fileName: string; content: string; mapping?: unknown },
) {
  assertMayManageImports(scoped);
  const mapping = input.mapping === undefined ? null : parseMappingForHttp(input.mapping);
  if (input.format === 'csv' && !mapping)
    throw new AppError('validation_failed', 'a csv import needs a mapping', 'mapping');
  const dir = mkdtempSync(join(tmpdir(), 'shoreline-import-'));
  const path = join(dir, input.fileName);
  writeFileSync(path, input.content);
  let resolveRun: (id: string) => void = () => {};
  let rejectRun: (e: unknown) => void = () => {};
  const started = new Promise<string>((res, rej) => {
    resolveRun = res;
    rejectRun = rej;
  });
  let announced = false;
  const done = runImport({
    database: deps.database,
    clock: deps.clock,
    organizationId: scoped.actor.organizationId,
    actorId: scoped.actor.userId,
    format: input.format,
    filePath: path,
    fileName: input.fileName,
    mapping,
    onRunStarted: (id) => {
      announced = true;
      resolveRun(id);
    },
  })
    .catch((err) => {
      if (!announced) rejectRun(err);
    })
    .finally(() => rmSync(dir, { recursive: true, force: true }));
  void done;
  let runId: string;
  try {
    runId = await started;
  } catch (err) {
    if (err instanceof ImportError)
      throw new AppError('validation_failed', err.message, err.field ?? '(file)');
    throw err;
  }
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
  const run = await scoped.selectFrom('import_runs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!run) throw notFound('import');
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
  assertMayManageImports(scoped);
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
  assertMayManageImports(scoped);
  const result = await scoped.deleteFrom('provider_mappings').where('id', '=', id).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('provider mapping');
}
