import { type Migration, orgTable, scriptMigration } from '../../platform/db/migrate.js';

export const phoneMigrations: Migration[] = [
  scriptMigration(
    '2026-12-03T0915_phone_connectors_and_calls',
    `
    ${orgTable('phone_connectors', [
      'provider_id text',
      'name text not null',
      'secret text not null',
      'created_at timestamptz not null',
    ])}
    ${orgTable('phone_calls', [
      'provider_id text',
      'external_id text not null',
      'ticket_id text not null',
      "status text not null check (status in ('queued', 'answered', 'abandoned', 'ended'))",
      'queued_at timestamptz',
      'answered_at timestamptz',
      'abandoned_at timestamptz',
      'ended_at timestamptz',
      'queue_seconds integer',
      'talk_seconds integer',
      'wrap_seconds integer',
      'agent text',
      'recording_url text',
      'outcome text',
      'caller text',
      'updated_at timestamptz not null',
      'unique (organization_id, external_id)',
    ])}
    create index phone_calls_ticket on phone_calls (ticket_id);
    `,
  ),
];
