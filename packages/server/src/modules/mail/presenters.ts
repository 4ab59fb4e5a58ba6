import type { Selectable } from 'kysely';
import { isoOrNull } from '../../platform/db/columns.js';
import type { InboundMail, MailAttachment, Mailbox, MailSignature, OutboundMail } from './schemas.js';
import type {
  MailAttachmentsTable,
  MailboxesTable,
  MailInboundTable,
  MailOutboundTable,
  MailSignaturesTable,
} from './tables.js';

export function presentMailbox(row: Selectable<MailboxesTable>): Mailbox {
  const imap = row.imap;
  return {
    id: row.id,
    address: row.address,
    displayName: row.display_name,
    providerId: row.provider_id,
    teamId: row.team_id,
    imap: imap
      ? {
          host: imap.host,
          port: imap.port,
          secure: imap.secure,
          user: imap.user,
          folder: imap.folder ?? 'INBOX',
        }
      : null,
    createdAt: isoOrNull(row.created_at)!,
  };
}

export function presentInbound(row: Omit<Selectable<MailInboundTable>, 'raw'>): InboundMail {
  return {
    id: row.id,
    mailboxId: row.mailbox_id,
    receivedAt: isoOrNull(row.received_at)!,
    via: row.received_via,
    mailFrom: row.mail_from,
    fromAddress: row.from_address,
    subject: row.subject,
    status: row.status,
    kind: row.kind,
    automated: row.automated,
    spamScore: row.spam_score,
    ticketId: row.ticket_id,
    parseError: row.parse_error,
    sizeBytes: row.size_bytes,
  };
}

export function presentOutbound(row: Selectable<MailOutboundTable>): OutboundMail {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    messageId: row.message_id,
    inReplyTo: row.in_reply_to,
    references: row.references,
    from: row.from_address,
    to: row.to_address,
    subject: row.subject,
    body: row.text_body,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: isoOrNull(row.created_at)!,
    sentAt: isoOrNull(row.sent_at),
  };
}

export function presentAttachment(row: Selectable<MailAttachmentsTable>): MailAttachment {
  return {
    id: row.id,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
  };
}

export function presentSignature(row: Selectable<MailSignaturesTable>): MailSignature {
  return { id: row.id, teamId: row.team_id, language: row.language, body: row.body };
}
