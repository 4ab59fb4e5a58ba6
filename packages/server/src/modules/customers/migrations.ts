import { type Migration, orgTable, scriptMigration } from '../../platform/db/migrate.js';

export const customerMigrations: Migration[] = [
  scriptMigration(
    '2026-12-03T0612_customers_contacts',
    `
    ${orgTable('customers', [
      'name text',
      'language text',
      'country text',
      'created_at timestamptz not null',
      'updated_at timestamptz not null',
    ])}
    create index customers_org on customers (organization_id);
    create table customer_identities (
      organization_id text not null references organizations(id),
      customer_id text not null references customers(id) on delete cascade,
      kind text not null check (kind in ('email', 'phone', 'handle')),
      value text not null,
      created_at timestamptz not null,
      primary key (organization_id, kind, value)
    );
    create index customer_identities_customer on customer_identities (customer_id);
    `,
  ),
];
