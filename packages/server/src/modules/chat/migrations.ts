import { type Migration, orgTable, scriptMigration } from '../../platform/db/migrate.js';

export const chatMigrations: Migration[] = [
  scriptMigration(
    '2026-12-03T1151_chat_sessions',
    `
    ${orgTable('chat_widgets', ['name text not null', 'created_at timestamptz not null'], 'key text primary key')}
    ${orgTable('chat_sessions', [
      'provider_id text',
      'widget_key text not null references chat_widgets(key)',
      'ticket_id text not null unique',
      'token_hash text not null unique',
      'language text',
      'ui_language text not null',
      "status text not null check (status in ('open', 'ended'))",
      "context jsonb not null default '{}'",
      'created_at timestamptz not null',
      'ended_at timestamptz',
    ])}
    create table chat_messages (
      session_id text not null references chat_sessions(id),
      seq integer not null,
      organization_id text not null,
      provider_id text,
      ticket_message_id text not null unique,
      client_id text,
      primary key (session_id, seq),
      unique (session_id, client_id)
    );
    `,
  ),
];
