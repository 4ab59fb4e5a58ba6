import { type Migration, orgTable, scriptMigration } from '../db/migrate.js';

export const uploadMigrations: Migration[] = [
  scriptMigration(
    '2026-12-03T0131_uploads_chunks',
    `
    ${orgTable('uploads', [
      'provider_id text',
      'created_by text',
      'file_name text not null',
      'bytes bigint not null default 0',
      'sha256 text',
      "status text not null check (status in ('receiving', 'complete'))",
      'created_at timestamptz not null',
      'completed_at timestamptz',
    ])}
    create index uploads_created on uploads (created_at);
    create table upload_chunks (
      upload_id text not null references uploads(id) on delete cascade,
      organization_id text not null,
      seq integer not null,
      data bytea not null,
      primary key (upload_id, seq)
    );
    `,
  ),
  // A resumable upload declares its size first and arrives in chunks; `bytes` counts what arrived.
  scriptMigration('2026-12-03T0640_uploads_resumable', 'alter table uploads add column size bigint'),
];
