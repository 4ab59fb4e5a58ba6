// Evidence files: certificates (ISO 27001, PCI DSS AOC, SOC 2 report…), audit and financial
// reports, RFI/RFP documents and answers, per vendor or per selection, with an expiry date. Contents
// are stored once per organization and SHA-256 (as mail's attachments); the file's row carries the
// vendor's provider, so a vendor's staff see and add their own vendor's files, never another's.

import { createHash } from 'node:crypto';
import type { z } from '@hono/zod-openapi';
import { addCalendarDays, expiryStatus } from '@shoreline/core';
import type { Selectable } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import { AppError, notFound } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import { ScopedDb, systemActor } from '../../platform/scope.js';
import { named } from './named-rows.js';
import { sourceUseCase } from './policy.js';
import type { SourceEvidenceCreate, SourceEvidenceQuery, SourceEvidenceSchema } from './schemas.js';
import type { SourceEvidenceTable } from './tables.js';

type SourceEvidence = z.infer<typeof SourceEvidenceSchema>;

const today = (clock: Clock) => clock.now().toISOString().slice(0, 10);

const expiryOf = (expiresOn: string | null, on: string): SourceEvidence['expiry'] =>
  expiresOn === null ? null : expiryStatus(expiresOn, on);

function present(row: Selectable<SourceEvidenceTable>, on: string): SourceEvidence {
  return {
    id: row.id,
    vendorId: row.vendor_id,
    selectionId: row.selection_id,
    kind: row.kind as SourceEvidence['kind'],
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    expiresOn: row.expires_on,
    expiry: expiryOf(row.expires_on, on),
    uploadedBy: row.uploaded_by,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** The organization's own reads (vendor rows, blobs) for a caller already authorized. */
const asSystem = (s: ScopedDb) =>
  new ScopedDb(s.executor, systemActor('source', s.actor.organizationId), s.rules, s.database);

/**
 * Whose file it is: the vendor (found as the system, since vendor staff reach no vendor row), which
 * a vendor's staff may name only when it is their own provider's. Answers the vendor's provider.
 */
async function ownerOf(
  s: ScopedDb,
  input: { vendorId?: string | undefined; selectionId?: string | undefined },
) {
  const system = asSystem(s);
  let providerId: string | null = null;
  if (input.vendorId !== undefined) {
    const vendor = await system
      .selectFrom('source_vendors')
      .select(['id', 'provider_id'])
      .where('id', '=', input.vendorId)
      .executeTakeFirst();
    if (!vendor || (s.actor.providerId !== null && vendor.provider_id !== s.actor.providerId))
      throw new AppError('not_found', 'vendor not found', 'vendorId');
    providerId = vendor.provider_id;
  }
  if (input.selectionId !== undefined) {
    // Selections are the organization's: vendor staff cannot file into them.
    if (s.actor.providerId !== null) throw new AppError('not_found', 'selection not found', 'selectionId');
    await named(s.findOrNotFound('source_selections', input.selectionId, 'selection'), 'selectionId');
  }
  return providerId;
}

export const addEvidence = sourceUseCase(
  'source.evidence.write',
  async (s: ScopedDb, clock: Clock, input: z.output<typeof SourceEvidenceCreate>) => {
    const providerId = await ownerOf(s, input);
    const content = Buffer.from(input.contentBase64, 'base64');
    if (content.byteLength === 0)
      throw new AppError('validation_failed', 'the file is empty', 'contentBase64');
    const sha256 = createHash('sha256').update(content).digest('hex');
    const now = clock.now();
    const id = newId('evd', now.getTime());
    await s.transaction(async (tx) => {
      await asSystem(tx)
        .insertInto('source_blobs', { sha256, size_bytes: content.byteLength, content, created_at: now })
        .onConflict((oc) => oc.columns(['organization_id', 'sha256']).doNothing())
        .execute();
      await tx
        .insertInto('source_evidence', {
          id,
          provider_id: providerId,
          vendor_id: input.vendorId ?? null,
          selection_id: input.selectionId ?? null,
          kind: input.kind,
          file_name: input.fileName,
          content_type: input.contentType,
          size_bytes: content.byteLength,
          sha256,
          expires_on: input.expiresOn ?? null,
          uploaded_by: s.actor.userId,
          created_at: now,
        })
        .execute();
    });
    return present(await s.findOrNotFound('source_evidence', id, 'evidence'), today(clock));
  },
);

/** Evidence files the caller reaches (vendor staff: their own vendor's), newest first. */
export const listEvidence = sourceUseCase(
  'source.evidence.read',
  async (s: ScopedDb, clock: Clock, query: z.output<typeof SourceEvidenceQuery>) => {
    const on = today(clock);
    let q = s.selectFrom('source_evidence').selectAll();
    if (query.vendorId !== undefined) q = q.where('vendor_id', '=', query.vendorId);
    if (query.selectionId !== undefined) q = q.where('selection_id', '=', query.selectionId);
    if (query.expiringWithinDays !== undefined)
      q = q.where('expires_on', '<=', addCalendarDays(on, query.expiringWithinDays));
    const rows = await q.orderBy('created_at', 'desc').limit(500).execute();
    return rows.map((r) => present(r, on));
  },
);

/** A file's bytes: the row through the caller's scope first, only then the shared blob. */
export const readEvidence = sourceUseCase('source.evidence.read', async (s: ScopedDb, id: string) => {
  const row = await s.findOrNotFound('source_evidence', id, 'evidence');
  const blob = await asSystem(s)
    .selectFrom('source_blobs')
    .select('content')
    .where('sha256', '=', row.sha256)
    .executeTakeFirst();
  if (!blob) throw notFound('evidence');
  return { fileName: row.file_name, contentType: row.content_type, content: blob.content };
});
