import { type Migration, orgTable, scriptMigration } from '../../platform/db/migrate.js';

export const salesMigrations: Migration[] = [
  scriptMigration(
    '2026-12-03T1515_sales_leads',
    `
    ${orgTable('sales_leads', [
      'provider_id text',
      'team_id text',
      'ticket_id text not null unique',
      'raised_by text not null',
      'channel text',
      'language text',
      'contact text',
      'interest text not null',
      'value_minor bigint not null check (value_minor >= 0)',
      'currency text not null',
      "status text not null check (status in ('open', 'won', 'lost'))",
      'won_minor bigint check (won_minor >= 0)',
      'crm_reference text',
      'created_at timestamptz not null',
      'closed_at timestamptz',
    ])}
    create index sales_leads_org on sales_leads (organization_id, created_at);
    `,
  ),
];
