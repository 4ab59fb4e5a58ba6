import { blobTable, type Migration, orgTable, scriptMigration } from '../../platform/db/migrate.js';

export const mailMigrations: Migration[] = [
  scriptMigration(
    '2026-12-03T0610_mail_channel',
    `
    ${orgTable('mailboxes', [
      'address text not null unique check (address = lower(address))',
      'display_name text not null',
      'provider_id text references providers(id)',
      'team_id text references teams(id)',
      'imap jsonb',
      'imap_uid_validity text',
      'imap_last_uid bigint not null default 0',
      'created_at timestamptz not null',
      'updated_at timestamptz not null',
    ])}
    create index mailboxes_org on mailboxes (organization_id);
    ${orgTable('mail_inbound', [
      'mailbox_id text not null references mailboxes(id)',
      'raw bytea not null',
      'size_bytes integer not null',
      'mail_from text not null',
      'rcpt_to text[] not null',
      'remote_address text',
      "received_via text not null check (received_via in ('smtp', 'imap'))",
      'received_at timestamptz not null',
      'dedup_key text not null',
      'message_id text',
      "status text not null check (status in ('stored', 'parsed', 'failed'))",
      "kind text check (kind in ('new', 'reply', 'auto_reply', 'bounce', 'loop', 'spam'))",
      'automated text',
      'ticket_id text',
      'ticket_message_id text',
      'from_address text',
      'subject text',
      'text_body text',
      'visible_text text',
      'html_body text',
      'spam_score integer',
      'parse_error text',
      'parsed_at timestamptz',
      'unique (mailbox_id, dedup_key)',
    ])}
    create index mail_inbound_org on mail_inbound (organization_id, received_at desc);
    create index mail_inbound_ticket on mail_inbound (ticket_id) where ticket_id is not null;
    create table mail_message_ids (
      organization_id text not null references organizations(id),
      provider_id text,
      message_id text not null,
      ticket_id text not null,
      direction text not null check (direction in ('in', 'out')),
      created_at timestamptz not null,
      primary key (organization_id, message_id)
    );
    ${blobTable('mail_blobs')}
    ${orgTable('mail_attachments', [
      'provider_id text',
      'ticket_id text not null',
      'inbound_id text not null references mail_inbound(id)',
      'sha256 text not null',
      'file_name text not null',
      'content_type text not null',
      'size_bytes integer not null',
      'created_at timestamptz not null',
    ])}
    create index mail_attachments_ticket on mail_attachments (ticket_id);
    ${orgTable('mail_outbound', [
      'provider_id text',
      'ticket_id text not null',
      'ticket_message_id text not null unique',
      'mailbox_id text references mailboxes(id)',
      'message_id text not null',
      'in_reply_to text',
      '"references" text[] not null',
      'from_address text not null',
      'to_address text not null',
      'subject text not null',
      'text_body text not null',
      "status text not null check (status in ('queued', 'sent', 'kept', 'failed'))",
      'attempts integer not null default 0',
      'last_error text',
      'created_at timestamptz not null',
      'sent_at timestamptz',
    ])}
    create index mail_outbound_org on mail_outbound (organization_id, created_at desc);
    ${orgTable('mail_signatures', [
      'provider_id text',
      'team_id text not null references teams(id)',
      'language text not null',
      'body text not null',
      'updated_at timestamptz not null',
      'unique (team_id, language)',
    ])}
    `,
  ),
];
