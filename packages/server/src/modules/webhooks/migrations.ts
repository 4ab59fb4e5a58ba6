import { type Migration, orgTable, scriptMigration } from '../../platform/db/migrate.js';

export const webhookMigrations: Migration[] = [
  scriptMigration(
    '2026-12-03T0126_webhooks_endpoints',
    `
    ${orgTable('webhook_endpoints', [
      'url text not null',
      "description text not null default ''",
      'event_types text[] not null',
      'secret text not null',
      'active boolean not null default true',
      'created_by text',
      'created_at timestamptz not null',
      'updated_at timestamptz not null',
    ])}
    create index webhook_endpoints_org on webhook_endpoints (organization_id);
    ${orgTable('webhook_deliveries', [
      'endpoint_id text not null references webhook_endpoints(id) on delete cascade',
      'event_id bigint',
      'event_type text not null',
      'body text not null',
      "status text not null check (status in ('pending', 'delivered', 'failed'))",
      'attempts integer not null default 0',
      'next_attempt_at timestamptz',
      'last_status_code integer',
      'last_error text',
      'created_at timestamptz not null',
      'delivered_at timestamptz',
      'unique (endpoint_id, event_id)',
    ])}
    create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending';
    create index webhook_deliveries_endpoint on webhook_deliveries (endpoint_id, created_at desc);
    `,
  ),
];
