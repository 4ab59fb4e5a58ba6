import type { ColumnType } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../../platform/db/columns.js';
import { scopedTables } from '../../platform/scope.js';

/** IMAP settings of a mailbox polled instead of (or besides) receiving by SMTP. */
export interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  /** The folder polled; default INBOX. */
  folder?: string;
}

/** A support address of one organization; mail to it becomes tickets routed to its provider/team. */
export interface MailboxesTable {
  /** `mbx_…` */
  id: string;
  organization_id: string;
  /** Lower case; unique across the instance, since SMTP finds the organization by the recipient. */
  address: string;
  display_name: string;
  /** Where new tickets go by default (null: the organization's queue). */
  provider_id: string | null;
  team_id: string | null;
  imap: ColumnType<ImapSettings | null, string | null, string | null>;
  imap_uid_validity: string | null;
  imap_last_uid: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type InboundStatus = 'stored' | 'parsed' | 'failed';
/** What the parse job made of a message; only `new` and `reply` reach the agents' queue. */
export type InboundKind = 'new' | 'reply' | 'auto_reply' | 'bounce' | 'loop' | 'spam';

/**
 * Every message received, its raw bytes first (written before the SMTP `250`), then what parsing
 * found. Never deleted by parsing: a message that fails to parse stays here, flagged.
 */
export interface MailInboundTable {
  /** `min_…` */
  id: string;
  organization_id: string;
  mailbox_id: string;
  raw: Uint8Array;
  size_bytes: number;
  /** SMTP envelope (or IMAP's account). */
  mail_from: string;
  rcpt_to: string[];
  remote_address: string | null;
  received_via: 'smtp' | 'imap';
  received_at: Timestamp;
  /** The Message-ID header, or `sha256:<hex of the raw bytes>` when it has none: unique per mailbox. */
  dedup_key: string;
  message_id: string | null;
  status: InboundStatus;
  kind: InboundKind | null;
  /** Why the message counts as sent by a machine (`auto-submitted`, `precedence:bulk`…); never answered automatically. */
  automated: string | null;
  ticket_id: string | null;
  ticket_message_id: string | null;
  from_address: string | null;
  subject: string | null;
  /** The whole decoded text (an HTML-only message: converted), and the part above the quoted history. */
  text_body: string | null;
  visible_text: string | null;
  /** Sanitized for display (sanitize-html). */
  html_body: string | null;
  spam_score: number | null;
  parse_error: string | null;
  parsed_at: NullableTimestamp;
}

/** Message-IDs of a ticket's mail, in and out: replies find their ticket through them. */
export interface MailMessageIdsTable {
  organization_id: string;
  provider_id: string | null;
  message_id: string;
  ticket_id: string;
  direction: 'in' | 'out';
  created_at: Timestamp;
}

/** Attachment contents, once per organization and SHA-256. Read only after a scoped attachment check. */
export interface MailBlobsTable {
  organization_id: string;
  sha256: string;
  size_bytes: number;
  content: Uint8Array;
  created_at: Timestamp;
}

/** An attachment of one received message, on its ticket (scoped like the ticket). */
export interface MailAttachmentsTable {
  /** `att_…` */
  id: string;
  organization_id: string;
  provider_id: string | null;
  ticket_id: string;
  inbound_id: string;
  sha256: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  created_at: Timestamp;
}

export type OutboundStatus = 'queued' | 'sent' | 'kept' | 'failed';

/** An agent's public reply on an e-mail ticket, as the message that goes (or went) out. */
export interface MailOutboundTable {
  /** `mout_…` */
  id: string;
  organization_id: string;
  provider_id: string | null;
  ticket_id: string;
  /** The ticket message it sends: one e-mail per message. */
  ticket_message_id: string;
  mailbox_id: string | null;
  message_id: string;
  in_reply_to: string | null;
  references: string[];
  from_address: string;
  to_address: string;
  subject: string;
  text_body: string;
  status: OutboundStatus;
  attempts: number;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
}

/** A team's signature in one language, appended to its agents' replies. */
export interface MailSignaturesTable {
  id: string;
  organization_id: string;
  provider_id: string | null;
  team_id: string;
  language: string;
  body: string;
  updated_at: Timestamp;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    mailboxes: MailboxesTable;
    mail_inbound: MailInboundTable;
    mail_message_ids: MailMessageIdsTable;
    mail_blobs: MailBlobsTable;
    mail_attachments: MailAttachmentsTable;
    mail_outbound: MailOutboundTable;
    mail_signatures: MailSignaturesTable;
  }
}

/**
 * Mailboxes and raw inbound mail are the organization's admins' (vendor staff see none); threading
 * rows, attachments, outbound mail and signatures belong to the ticket's (team's) provider.
 */
export const mailScopedTables = scopedTables({
  mailboxes: null,
  mail_inbound: null,
  mail_message_ids: 'provider_id',
  mail_blobs: null,
  mail_attachments: 'provider_id',
  mail_outbound: 'provider_id',
  mail_signatures: 'provider_id',
});
