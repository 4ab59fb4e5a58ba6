import { type Migration, scriptMigration } from '../../platform/db/migrate.js';

export const sourceMigrations: Migration[] = [
  scriptMigration(
    '2026-12-03T0918_source_tables',
    `
    create table source_scenarios (
      id text primary key,
      organization_id text not null references organizations(id),
      name text not null,
      version integer not null check (version >= 1),
      definition jsonb not null,
      created_by text not null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index source_scenarios_org on source_scenarios (organization_id, created_at);
    create table source_vendors (
      id text primary key,
      organization_id text not null references organizations(id),
      provider_id text,
      name text not null,
      profile jsonb not null,
      created_at timestamptz not null
    );
    create index source_vendors_org on source_vendors (organization_id, name);
    create table source_scorecards (
      id text primary key,
      organization_id text not null references organizations(id),
      name text not null,
      criteria jsonb not null,
      vendor_ids jsonb not null,
      prices jsonb not null,
      created_at timestamptz not null
    );
    create index source_scorecards_org on source_scorecards (organization_id, created_at);
    create table source_scores (
      scorecard_id text not null references source_scorecards(id) on delete cascade,
      organization_id text not null references organizations(id),
      vendor_id text not null,
      evaluator_id text not null,
      criterion text not null,
      score real not null check (score >= 0 and score <= 5),
      updated_at timestamptz not null,
      primary key (scorecard_id, vendor_id, evaluator_id, criterion)
    );
    create table source_pilots (
      id text primary key,
      organization_id text not null references organizations(id),
      vendor_id text not null,
      name text not null,
      definition jsonb not null,
      sample_size_per_arm integer not null check (sample_size_per_arm >= 1),
      vendor_n integer not null default 0,
      vendor_successes integer not null default 0,
      in_house_n integer not null default 0,
      in_house_successes integer not null default 0,
      created_at timestamptz not null
    );
    create index source_pilots_org on source_pilots (organization_id, created_at);
    create table source_decisions (
      id text primary key,
      organization_id text not null references organizations(id),
      version integer not null,
      body jsonb not null,
      decided_by text not null,
      created_at timestamptz not null,
      unique (organization_id, version)
    );
    `,
  ),
];
