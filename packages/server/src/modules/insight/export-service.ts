import { CANONICAL_COLUMNS, TICKET_FIELDS } from '@shoreline/core';
import type { ScopedDb } from '../../platform/scope.js';
import { directoryFor } from '../identity/index.js';
import { toCsv } from './presenters.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * The canonical export, one ticket per record, in id order, read in pages of `pageSize` so memory
 * stays constant. Re-importable with `shoreline import canonical`: same source and external id, so
 * a re-import updates in place. NDJSON carries messages; CSV does not.
 */
export async function* exportCanonical(
  scoped: ScopedDb,
  format: 'ndjson' | 'csv',
  pageSize = 2_000,
): AsyncGenerator<string> {
  let after = '';
  // Provider and team travel by name (ids differ between installations), looked up in identity.
  const directory = await directoryFor(scoped);
  const names = new Map<string | null, string>([
    ...directory.providers.map((p) => [p.id, p.name] as const),
    ...directory.teams.map((t) => [t.id, t.name] as const),
  ]);
  const fields = TICKET_FIELDS.filter(
    (f) => f.canonical !== null && (format === 'ndjson' || f.inCsv !== false),
  );
  if (format === 'csv') yield `${CANONICAL_COLUMNS.join(',')}\n`;
  for (;;) {
    const rows = await scoped
      .selectFrom('tickets')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
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
    // One canonical column per catalogue field (core/tickets/fields.ts); CSV flattens lists and objects.
    const records = rows.map((t) => {
      const row = t as unknown as Record<string, unknown>;
      const record: Record<string, unknown> = {};
      for (const f of fields) {
        const v = row[f.column] ?? null;
        record[f.canonical!] =
          f.column === 'provider_id' || f.column === 'team_id'
            ? (names.get(v as string | null) ?? null)
            : f.type === 'instant'
              ? iso(v as Date | string | null)
              : format === 'csv' && f.type === 'text[]'
                ? (v as string[]).join('|')
                : format === 'csv' && f.type === 'json'
                  ? JSON.stringify(v)
                  : v;
      }
      if (format === 'ndjson')
        record.messages = (byTicket.get(t.id) ?? []).map((m) => ({
          externalId: m.external_id,
          authorType: m.author_type,
          authorId: m.author_id,
          public: m.public,
          body: m.body,
          createdAt: iso(m.created_at),
        }));
      return record;
    });
    if (format === 'csv') yield toCsv(CANONICAL_COLUMNS, records).split('\n').slice(1).join('\n');
    else yield records.map((r) => JSON.stringify(r)).join('\n') + '\n';
  }
}
