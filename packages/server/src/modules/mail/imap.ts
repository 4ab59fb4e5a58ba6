import type { ModuleContext } from '../../platform/module.js';
import { systemActor } from '../../platform/scope.js';
import { headerSection, headerValue } from './headers.js';
import { storeInbound } from './store.js';
import type { ImapSettings } from './tables.js';

/** A message fetched from IMAP: its UID and raw bytes. */
export interface FetchedMessage {
  uid: number;
  source: Buffer;
}

/** What polling needs of an IMAP server: the new messages after a UID, and the folder's UIDVALIDITY. */
export interface ImapSource {
  fetchSince(
    settings: ImapSettings,
    afterUid: number,
  ): Promise<{ uidValidity: string; messages: FetchedMessage[] }>;
}

/** The real source (imapflow): opens the folder read-only and fetches everything after `afterUid`. */
export const imapflowSource: ImapSource = {
  async fetchSince(settings, afterUid) {
    // Loaded when a mailbox is first polled: ≈ 0.3 s of CPU that every server start paid otherwise.
    const { ImapFlow } = await import('imapflow');
    const client = new ImapFlow({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      auth: { user: settings.user, pass: settings.password },
      logger: false,
    });
    await client.connect();
    try {
      const lock = await client.getMailboxLock(settings.folder ?? 'INBOX', { readOnly: true });
      try {
        const mailbox = client.mailbox;
        const uidValidity = mailbox && typeof mailbox === 'object' ? String(mailbox.uidValidity) : '';
        const messages: FetchedMessage[] = [];
        for await (const m of client.fetch(`${afterUid + 1}:*`, { uid: true, source: true }, { uid: true }))
          if (m.uid > afterUid && m.source) messages.push({ uid: m.uid, source: m.source });
        return { uidValidity, messages };
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => undefined);
    }
  },
};

/** IMAP has no envelope: the Return-Path the receiving server wrote stands for it (`<>` stays empty). */
function envelopeSenderOf(raw: Buffer): string {
  const section = headerSection(raw);
  const returnPath = headerValue(section, 'Return-Path');
  if (returnPath !== null) return returnPath.replace(/[<>\s]/g, '');
  return (
    /<([^<>\s]+@[^<>\s]+)>|([^\s<>]+@[^\s<>]+)/
      .exec(headerValue(section, 'From') ?? '')
      ?.slice(1)
      .find(Boolean) ?? 'unknown'
  );
}

/**
 * Polls one mailbox: each new message goes through the same durable store as SMTP mail (so it is
 * deduplicated by Message-ID and parsed by the same job), then the mailbox's last UID moves on. A
 * crash between the two fetches the message again, and the store ignores the second copy. A changed
 * UIDVALIDITY starts over from UID 0 (the store's deduplication keeps that harmless).
 */
export async function pollMailbox(
  ctx: Pick<ModuleContext, 'scope' | 'clock'>,
  organizationId: string,
  mailboxId: string,
  source: ImapSource = imapflowSource,
): Promise<{ fetched: number; stored: number }> {
  const s = ctx.scope(systemActor('mail', organizationId));
  const mailbox = await s.selectFrom('mailboxes').selectAll().where('id', '=', mailboxId).executeTakeFirst();
  if (!mailbox?.imap) return { fetched: 0, stored: 0 };
  const sameFolder = mailbox.imap_uid_validity !== null;
  const after = sameFolder ? Number(mailbox.imap_last_uid) : 0;
  let { uidValidity, messages } = await source.fetchSince(mailbox.imap, after);
  // Another folder behind the same name: its UIDs mean nothing against ours, fetch it all again.
  if (sameFolder && uidValidity !== mailbox.imap_uid_validity && after > 0)
    ({ uidValidity, messages } = await source.fetchSince(mailbox.imap, 0));
  let stored = 0;
  let last = uidValidity === mailbox.imap_uid_validity ? after : 0;
  for (const m of messages.sort((a, b) => a.uid - b.uid)) {
    const result = await storeInbound(
      ctx,
      { id: mailbox.id, organizationId, address: mailbox.address },
      {
        raw: m.source,
        mailFrom: envelopeSenderOf(m.source),
        rcptTo: [mailbox.address],
        remoteAddress: mailbox.imap.host,
        via: 'imap',
      },
    );
    if (result.stored) stored++;
    last = Math.max(last, m.uid);
  }
  await s
    .updateTable('mailboxes')
    .set({ imap_uid_validity: uidValidity, imap_last_uid: last })
    .where('id', '=', mailbox.id)
    .execute();
  return { fetched: messages.length, stored };
}
