import { createHash } from 'node:crypto';
import { newId } from '../../platform/ids.js';
import type { ScopedDb } from '../../platform/scope.js';
import type { ParsedAttachment } from './parse.js';

/**
 * Stores a message's attachments on its ticket: contents once per organization and SHA-256
 * (`mail_blobs`), one `mail_attachments` row per attachment. Larger than `maxBytes`: skipped and
 * reported (the raw message still holds it). Runs in the intake's transaction.
 */
export async function storeAttachments(
  s: ScopedDb,
  input: {
    ticketId: string;
    providerId: string | null;
    inboundId: string;
    attachments: ParsedAttachment[];
    maxBytes: number;
    at: Date;
  },
): Promise<{ stored: number; skipped: string[] }> {
  const skipped: string[] = [];
  let stored = 0;
  for (const a of input.attachments) {
    if (a.content.byteLength > input.maxBytes) {
      skipped.push(a.fileName);
      continue;
    }
    const sha256 = createHash('sha256').update(a.content).digest('hex');
    await s
      .insertInto('mail_blobs', {
        sha256,
        size_bytes: a.content.byteLength,
        content: a.content,
        created_at: input.at,
      })
      .onConflict((oc) => oc.columns(['organization_id', 'sha256']).doNothing())
      .execute();
    await s
      .insertInto('mail_attachments', {
        id: newId('att', input.at.getTime()),
        provider_id: input.providerId,
        ticket_id: input.ticketId,
        inbound_id: input.inboundId,
        sha256,
        file_name: a.fileName.slice(0, 255),
        content_type: a.contentType.slice(0, 255),
        size_bytes: a.content.byteLength,
        created_at: input.at,
      })
      .execute();
    stored++;
  }
  return { stored, skipped };
}
