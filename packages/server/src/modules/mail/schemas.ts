import { z } from '@hono/zod-openapi';
import { apiInput, apiObject } from '../../platform/http/schema.js';

const Address = z.string().trim().toLowerCase().email().max(254);

export const ImapSettingsSchema = apiInput('MailboxImapSettings', {
  host: z.string().trim().min(1).max(253),
  port: z.number().int().min(1).max(65535),
  secure: z.boolean(),
  user: z.string().min(1).max(254),
  password: z.string().min(1).max(500),
  folder: z.string().min(1).max(200).optional(),
});

export const MailboxCreate = apiInput('MailboxCreate', {
  address: Address,
  displayName: z.string().trim().min(1).max(200),
  providerId: z.string().min(1).max(64).nullable().optional(),
  teamId: z.string().min(1).max(64).nullable().optional(),
  imap: ImapSettingsSchema.nullable().optional(),
});

export const MailboxUpdate = apiInput('MailboxUpdate', {
  displayName: z.string().trim().min(1).max(200).optional(),
  providerId: z.string().min(1).max(64).nullable().optional(),
  teamId: z.string().min(1).max(64).nullable().optional(),
  imap: ImapSettingsSchema.nullable().optional(),
});

export const IdParam = z.object({ id: z.string().min(1).max(64) });

export const MailboxSchema = apiObject('Mailbox', {
  id: z.string(),
  address: z.string(),
  displayName: z.string(),
  providerId: z.string().nullable(),
  teamId: z.string().nullable(),
  /** IMAP without the password. */
  imap: z
    .object({
      host: z.string(),
      port: z.number(),
      secure: z.boolean(),
      user: z.string(),
      folder: z.string(),
    })
    .nullable(),
  createdAt: z.string(),
});

export const InboundQuery = z.object({
  view: z.enum(['all', 'spam', 'automated', 'failed']).default('all'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const InboundSchema = apiObject('InboundMail', {
  id: z.string(),
  mailboxId: z.string(),
  receivedAt: z.string(),
  via: z.enum(['smtp', 'imap']),
  mailFrom: z.string(),
  fromAddress: z.string().nullable(),
  subject: z.string().nullable(),
  status: z.enum(['stored', 'parsed', 'failed']),
  kind: z.enum(['new', 'reply', 'auto_reply', 'bounce', 'loop', 'spam']).nullable(),
  automated: z.string().nullable(),
  spamScore: z.number().nullable(),
  ticketId: z.string().nullable(),
  parseError: z.string().nullable(),
  sizeBytes: z.number(),
});

export const OutboundSchema = apiObject('OutboundMail', {
  id: z.string(),
  ticketId: z.string(),
  messageId: z.string(),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(['queued', 'sent', 'kept', 'failed']),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export const AttachmentSchema = apiObject('MailAttachment', {
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
});

export const TicketIdParam = z.object({ ticketId: z.string().min(1).max(64) });

export const SignaturePut = apiInput('MailSignaturePut', {
  teamId: z.string().min(1).max(64),
  language: z.string().trim().min(2).max(16),
  body: z.string().max(4000),
});

export const SignatureSchema = apiObject('MailSignature', {
  id: z.string(),
  teamId: z.string(),
  language: z.string(),
  body: z.string(),
});

export type Mailbox = z.infer<typeof MailboxSchema>;
export type InboundMail = z.infer<typeof InboundSchema>;
export type OutboundMail = z.infer<typeof OutboundSchema>;
export type MailAttachment = z.infer<typeof AttachmentSchema>;
export type MailSignature = z.infer<typeof SignatureSchema>;
