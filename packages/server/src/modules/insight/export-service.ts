import { CANONICAL_COLUMNS, canonicalCsvCell } from '@shoreline/core';
import type { ScopedDb } from '../../platform/scope.js';
import { toCsv } from './presenters.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * The canonical export, one ticket per record, in id order, read in pages of `pageSize` so memory
 * stays constant. Re-importable with `shoreline import canonical`: same source and external id, so
 * a re-import updates in place. NDJSON carries messages; CSV does not. CSV text cells use the
 * canonical escape (a leading formula character or single quote gets a single quote, which the
 * canonical importer removes), so the file is safe in a spreadsheet and still exact as data.
 */
export async function* exportCanonical(
  scoped: ScopedDb,
  format: 'ndjson' | 'csv',
  pageSize = 2_000,
): AsyncGenerator<string> {
  let after = '';
  if (format === 'csv') yield `${CANONICAL_COLUMNS.join(',')}\n`;
  for (;;) {
    const rows = await scoped
      .selectFrom('tickets')
      .leftJoin('providers', 'providers.id', 'tickets.provider_id')
      .leftJoin('teams', 'teams.id', 'tickets.team_id')
      .selectAll('tickets')
      .select(['providers.name as provider_name', 'teams.name as team_name'])
      .where('tickets.id', '>', after)
      .orderBy('tickets.id')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    after = rows.at(-1)!.id;
    const messages =
      format === 'ndjson'
        ? await scoped
            .selectFrom('ticket_messages')
            .selectAll()
            .where(
              'ticket_id',
              'in',
              rows.map((r) => r.id),
            )
            .orderBy('created_at')
            .execute()
        : [];
    const byTicket = new Map<string, typeof messages>();
    for (const m of messages) byTicket.set(m.ticket_id, [...(byTicket.get(m.ticket_id) ?? []), m]);
    const records = rows.map((t) => ({
      source: t.source,
      externalId: t.external_id,
      number: t.number,
      subject: t.subject,
      status: t.status,
      statusRaw: t.status_raw,
      priority: t.priority,
      channel: t.channel,
      language: t.language,
      topic: t.topic,
      tags: format === 'csv' ? t.tags.join('|') : t.tags,
      requester: t.requester,
      assignee: t.assignee,
      group: t.source_group,
      supportLine: t.support_line,
      provider: t.provider_name,
      team: t.team_name,
      createdAt: iso(t.created_at),
      firstResponseAt: iso(t.first_response_at),
      solvedAt: iso(t.solved_at),
      closedAt: iso(t.closed_at),
      reopenedAt: iso(t.reopened_at),
      reopenCount: t.reopen_count,
      handoffCount: t.handoff_count,
      firstResponseSeconds: t.first_response_seconds,
      resolutionSeconds: t.resolution_seconds,
      firstResponseBusinessSeconds: t.first_response_business_seconds,
      resolutionBusinessSeconds: t.resolution_business_seconds,
      slaBreached: t.sla_breached,
      csatScore: t.csat_score,
      csatScale: t.csat_scale,
      callWaitSeconds: t.call_wait_seconds,
      callHandleSeconds: t.call_handle_seconds,
      abandoned: t.abandoned,
      qualityFlags: format === 'csv' ? t.quality_flags.join('|') : t.quality_flags,
      custom: format === 'csv' ? JSON.stringify(t.custom) : t.custom,
      ...(format === 'ndjson'
        ? {
            description: t.description,
            messages: (byTicket.get(t.id) ?? []).map((m) => ({
              externalId: m.external_id,
              authorType: m.author_type,
              authorId: m.author_id,
              public: m.public,
              body: m.body,
              createdAt: iso(m.created_at),
            })),
          }
        : {}),
    }));
    if (format === 'csv')
      yield toCsv(CANONICAL_COLUMNS, records, canonicalCsvCell).split('\n').slice(1).join('\n');
    else yield records.map((r) => JSON.stringify(r)).join('\n') + '\n';
  }
}
