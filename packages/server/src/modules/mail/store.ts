import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';
import { enqueueJob } from '../../platform/jobs/index.js';
import type { ModuleContext } from '../../platform/module.js';
import { systemActor } from '../../platform/scope.js';
import { rawMessageId } from './headers.js';

export const PARSE_JOB = 'mail.parse';

export interface MailboxRoute {
  id: string;
  organizationId: string;
  address: string;
}

/**
 * The mailbox an address belongs to, across all organizations (an instance-level read: the SMTP
 * server knows no organization until the recipient names one). Null: not ours, refuse at RCPT.
 */
export async function findMailboxByAddress(db: Kysely<DB>, address: string): Promise<MailboxRoute | null> {
  const row = await db
    .selectFrom('mailboxes')
    .select(['id', 'organization_id', 'address'])
    .where('address', '=', address.trim().toLowerCase())
    .executeTakeFirst();
  return row ? { id: row.id, organizationId: row.organization_id, address: row.address } : null;
}

export interface ReceivedMessage {
  raw: Uint8Array;
  mailFrom: string;
  rcptTo: string[];
  remoteAddress: string | null;
  via: 'smtp' | 'imap';
}

/** The key a message is stored under once per mailbox: its Message-ID, else a digest of its bytes. */
export function dedupKeyOf(raw: Uint8Array): { dedupKey: string; messageId: string | null } {
  const messageId = rawMessageId(raw);
  if (messageId) return { dedupKey: messageId, messageId };
  return { dedupKey: `sha256:${createHash('sha256').update(raw).digest('hex')}`, messageId: null };
}

/**
 * Keeps a received message durably for one mailbox, and enqueues its parse job in the same
 * transaction: when this resolves the message is committed (the SMTP server answers 250 only then).
 * A message already stored for the mailbox (same Message-ID: a retried or second delivery) is
 * acknowledged and ignored: `stored` is false.
 */
export async function storeInbound(
  ctx: Pick<ModuleContext, 'scope' | 'clock'>,
  mailbox: MailboxRoute,
  message: ReceivedMessage,
  clock: Clock = ctx.clock,
): Promise<{ id: string | null; stored: boolean }> {
  const scoped = ctx.scope(systemActor('mail', mailbox.organizationId));
  const { dedupKey, messageId } = dedupKeyOf(message.raw);
  return scoped.transaction(async (tx) => {
    const now = clock.now();
    const id = newId('min', now.getTime());
    const inserted = await tx
      .insertInto('mail_inbound', {
        id,
        mailbox_id: mailbox.id,
        raw: message.raw,
        size_bytes: message.raw.byteLength,
        mail_from: message.mailFrom,
        rcpt_to: message.rcptTo,
        remote_address: message.remoteAddress,
        received_via: message.via,
        received_at: now,
        dedup_key: dedupKey,
        message_id: messageId,
        status: 'stored',
      })
      .onConflict((oc) => oc.columns(['mailbox_id', 'dedup_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return { id: null, stored: false };
    await enqueueJob(tx.executor, clock, {
      name: PARSE_JOB,
      organizationId: mailbox.organizationId,
      payload: { inboundId: id },
      idempotencyKey: id,
      maxAttempts: 5,
    });
    return { id, stored: true };
  });
}
