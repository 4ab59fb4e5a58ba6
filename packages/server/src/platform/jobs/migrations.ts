import { type Migration, scriptMigration } from '../db/migrate.js';

export const jobMigrations: Migration[] = [
  scriptMigration(
    '2026-12-03T0130_jobs_queue',
    `
    create table jobs (
      id text primary key,
      organization_id text references organizations(id),
      provider_id text,
      created_by text,
      name text not null,
      payload jsonb not null default '{}',
      status text not null check (status in ('queued', 'running', 'done', 'dead', 'cancelled')),
      run_at timestamptz not null,
      attempts integer not null default 0,
      max_attempts integer not null check (max_attempts >= 1),
      locked_until timestamptz,
      locked_by text,
      last_error text,
      idempotency_key text,
      progress real not null default 0,
      result jsonb,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      finished_at timestamptz
    );
    create unique index jobs_idempotency on jobs (coalesce(organization_id, ''), name, idempotency_key) where idempotency_key is not null;
    create index jobs_due on jobs (run_at, id) where status in ('queued', 'running');
    create index jobs_org_status on jobs (organization_id, status, updated_at);
    `,
  ),
];
