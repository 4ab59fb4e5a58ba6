import { type Migration, scriptMigration } from '../../platform/db/migrate.js';

export const csatMigrations: Migration[] = [
  scriptMigration(
    '2026-12-03T1000_csat_surveys',
    `
    create table csat_surveys (
      token text primary key,
      organization_id text not null references organizations(id),
      provider_id text,
      ticket_id text not null unique,
      created_at timestamptz not null,
      answered_at timestamptz,
      score integer,
      scale text,
      comment text
    );
    `,
  ),
];
