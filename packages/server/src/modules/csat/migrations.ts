import { type Migration, orgTable, scriptMigration } from '../../platform/db/migrate.js';

export const csatMigrations: Migration[] = [
  scriptMigration(
    '2026-12-03T1000_csat_surveys',
    `
    ${orgTable(
      'csat_surveys',
      [
        'provider_id text',
        'ticket_id text not null unique',
        'created_at timestamptz not null',
        'answered_at timestamptz',
        'score integer',
        'scale text',
        'comment text',
      ],
      'token text primary key',
    )}
    `,
  ),
];
