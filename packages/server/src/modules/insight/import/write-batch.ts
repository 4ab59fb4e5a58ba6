import type { FinalTicket } from '@shoreline/core';
import type { Database } from '../../../platform/db/connect.js';
import { newId } from '../../../platform/ids.js';
import { type CopyTransaction, csvRow, inCopyTransaction, pgTextArray } from './copy-transaction.js';
import type { Reject } from './units.js';

export interface PlacedTicket {
  ticket: FinalTicket;
  source: string;
  providerId: string | null;
  teamId: string | null;
}

export interface Batch {
  organizationId: string;
  runId: string;
  file: string;
  tickets: PlacedTicket[];
  rejects: Reject[];
  /** Run counters after this batch: written in the same transaction as the data (the checkpoint). */
  checkpoint: {
    committedUnits: number;
    bytesDone: number;
    recordsRead: number;
    ticketsUpserted: number;
    rowsRejected: number;
    quality: Record<string, number>;
  };
  /** Event logs: reject a case already written earlier in this run (rows not contiguous). */
  rejectRepeatedCases: boolean;
}

const TICKET_COLUMNS = [
  'id',
  'organization_id',
  'provider_id',
  'team_id',
  'source',
  'external_id',
  'number',
  'subject',
  'description',
  'channel',
  'status',
  'status_raw',
  'priority',
  'language',
  'topic',
  'tags',
  'requester',
  'assignee',
  'source_group',
  'support_line',
  'created_at',
  'first_response_at',
  'solved_at',
  'closed_at',
  'reopened_at',
  'reopen_count',
  'handoff_count',
  'first_response_seconds',
  'resolution_seconds',
  'first_response_business_seconds',
  'resolution_business_seconds',
  'sla_breached',
  'csat_score',
  'csat_scale',
  'csat_normalised',
  'call_wait_seconds',
  'call_handle_seconds',
  'abandoned',
  'quality_flags',
  'custom',
  'import_run_id',
  'imported_at',
] as const;

const UPDATED_COLUMNS = TICKET_COLUMNS.filter((c) => c !== 'id' && c !== 'organization_id');

function ticketCsv(b: Batch, now: Date): string {
  let out = '';
  for (const { ticket: t, source, providerId, teamId } of b.tickets) {
    out += csvRow([
      newId('tkt'),
      b.organizationId,
      providerId,
      teamId,
      source,
      t.externalId,
      t.number,
      t.subject,
      t.description,
      t.channel,
      t.status,
      t.statusRaw,
      t.priority,
      t.language,
      t.topic,
      pgTextArray(t.tags),
      t.requester,
      t.assignee,
      t.group,
      t.supportLine,
      t.createdAt,
      t.firstResponseAt,
      t.solvedAt,
      t.closedAt,
      t.reopenedAt,
      t.reopenCount,
      t.handoffCount,
      t.firstResponseSeconds,
      t.resolutionSeconds,
      t.firstResponseBusinessSeconds,
      t.resolutionBusinessSeconds,
      t.slaBreached,
      t.csat?.score ?? null,
      t.csat?.scale ?? null,
      t.csatNormalised,
      t.callWaitSeconds,
      t.callHandleSeconds,
      t.abandoned,
      pgTextArray(t.qualityFlags),
      JSON.stringify(t.custom),
      b.runId,
      now,
    ]);
  }
  return out;
}

/**
 * Writes one batch in one transaction: COPY the tickets into a staging table, upsert them by
 * (organization, source, external id), replace their messages and events, record the batch's
 * rejects and advance the run's checkpoint. Either all of it is committed or none, so a kill at
 * any point leaves the run at its last checkpoint, and a re-run neither loses nor doubles a ticket.
 */
export async function writeBatch(database: Database, b: Batch, now: Date): Promise<void> {
  await inCopyTransaction(database, async (tx) => {
    const rejects = [...b.rejects];
    if (b.tickets.length > 0) {
      await tx.query('create temp table stage_tickets (like tickets) on commit drop');
      await tx.copyCsv(`stage_tickets (${TICKET_COLUMNS.join(', ')})`, ticketCsv(b, now));
      if (b.rejectRepeatedCases) rejects.push(...(await rejectRepeated(tx, b)));
      await tx.query(
        `insert into tickets (${TICKET_COLUMNS.join(', ')})
         select ${TICKET_COLUMNS.join(', ')} from stage_tickets
         on conflict (organization_id, source, external_id) do update set
         ${UPDATED_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}`,
      );
      await writeChildren(tx, b);
    }
    if (rejects.length > 0) {
      await tx.query(
        `insert into import_rejects (organization_id, import_run_id, file, line, field, reason)
         select $1, $2, $3, r.line, r.field, r.reason
         from unnest($4::int[], $5::text[], $6::text[]) as r(line, field, reason)`,
        [
          b.organizationId,
          b.runId,
          b.file,
          rejects.map((r) => r.line),
          rejects.map((r) => r.field),
          rejects.map((r) => r.reason),
        ],
      );
    }
    const c = b.checkpoint;
    await tx.query(
      `update import_runs set committed_units = $2, bytes_done = $3, records_read = $4, tickets_upserted = $5,
       rows_rejected = $6, quality = $7::jsonb, updated_at = $8 where id = $1`,
      [
        b.runId,
        c.committedUnits,
        c.bytesDone,
        c.recordsRead,
        c.ticketsUpserted - (rejects.length - b.rejects.length),
        c.rowsRejected + (rejects.length - b.rejects.length),
        JSON.stringify(c.quality),
        now,
      ],
    );
  });
}

/** Cases whose ticket this run already wrote from an earlier, separate block of rows. */
async function rejectRepeated(tx: CopyTransaction, b: Batch): Promise<Reject[]> {
  const rows = await tx.query<{ external_id: string }>(
    `delete from stage_tickets s using tickets t
     where t.organization_id = $1 and t.source = s.source and t.external_id = s.external_id and t.import_run_id = $2
     returning s.external_id`,
    [b.organizationId, b.runId],
  );
  return rows.map((r) => ({
    line: 0,
    field: 'caseId',
    reason: `case ${r.external_id} appears again after other cases; sort the event log by case id so each case's rows are contiguous`,
  }));
}

async function writeChildren(tx: CopyTransaction, b: Batch): Promise<void> {
  const withMessages = b.tickets.filter((p) => p.ticket.messages.length > 0);
  const withEvents = b.tickets.filter((p) => p.ticket.events.length > 0);
  if (withMessages.length === 0 && withEvents.length === 0) return;
  await tx.query(
    `create temp table stage_children (kind text, source text, ticket_external_id text, external_id text, seq int,
     author_type text, author_id text, public boolean, body text, at timestamptz, event_kind text, status text,
     status_raw text, team text, support_line text, assignee text) on commit drop`,
  );
  let csv = '';
  for (const p of withMessages)
    for (const m of p.ticket.messages)
      csv += csvRow([
        'message',
        p.source,
        p.ticket.externalId,
        m.externalId,
        null,
        m.authorType,
        m.authorId,
        m.public,
        m.body,
        m.createdAt,
        null,
        null,
        null,
        null,
        null,
        null,
      ]);
  for (const p of withEvents)
    for (const e of p.ticket.events)
      csv += csvRow([
        'event',
        p.source,
        p.ticket.externalId,
        null,
        e.seq,
        null,
        null,
        null,
        null,
        e.at,
        e.kind,
        e.status,
        e.statusRaw,
        e.team,
        e.supportLine,
        e.assignee,
      ]);
  await tx.copyCsv('stage_children', csv);
  const join = `from stage_children c join tickets t on t.organization_id = $1 and t.source = c.source and t.external_id = c.ticket_external_id`;
  await tx.query(
    `delete from ticket_events e using stage_tickets s, tickets t
     where t.organization_id = $1 and t.source = s.source and t.external_id = s.external_id and e.ticket_id = t.id`,
    [b.organizationId],
  );
  await tx.query(
    `insert into ticket_events (organization_id, provider_id, ticket_id, seq, at, kind, status, status_raw, team, support_line, assignee)
     select t.organization_id, t.provider_id, t.id, c.seq, c.at, c.event_kind, c.status, c.status_raw, c.team, c.support_line, c.assignee
     ${join} where c.kind = 'event'`,
    [b.organizationId],
  );
  await tx.query(
    `insert into ticket_messages (id, organization_id, provider_id, ticket_id, external_id, author_type, author_id, public, body, created_at)
     select 'msg_' || md5(t.id || c.external_id), t.organization_id, t.provider_id, t.id, c.external_id, c.author_type, c.author_id, c.public, c.body, c.at
     ${join} where c.kind = 'message'
     on conflict (ticket_id, external_id) do update set author_type = excluded.author_type, author_id = excluded.author_id,
       public = excluded.public, body = excluded.body, created_at = excluded.created_at, provider_id = excluded.provider_id`,
    [b.organizationId],
  );
}
