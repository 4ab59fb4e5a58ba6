import { type Migration, orgTable, scriptMigration } from '../../platform/db/migrate.js';

export const insightMigrations: Migration[] = [
  scriptMigration(
    '2026-11-22T0949_insight_imports',
    `
    ${orgTable('import_runs', [
      'source text not null',
      'format text not null',
      'file_name text not null',
      'file_sha256 text not null',
      'file_bytes bigint not null',
      "status text not null check (status in ('running', 'done', 'failed'))",
      'committed_units bigint not null default 0',
      'bytes_done bigint not null default 0',
      'records_read bigint not null default 0',
      'tickets_upserted bigint not null default 0',
      'rows_rejected bigint not null default 0',
      "quality jsonb not null default '{}'",
      'error text',
      'started_at timestamptz not null',
      'updated_at timestamptz not null',
      'finished_at timestamptz',
    ])}
    create index import_runs_resume on import_runs (organization_id, file_sha256, source, status);
    create table import_rejects (
      id bigserial primary key,
      organization_id text not null references organizations(id),
      import_run_id text not null references import_runs(id),
      file text not null,
      line integer not null,
      field text not null,
      reason text not null
    );
    create index import_rejects_run on import_rejects (import_run_id, line);
    ${orgTable('provider_mappings', [
      'provider_id text not null references providers(id)',
      'team_id text references teams(id)',
      "source text not null default '*'",
      "match_kind text not null check (match_kind in ('group', 'agent', 'email_domain', 'default'))",
      "match_value text not null default ''",
      'created_at timestamptz not null default now()',
    ])}
    create unique index provider_mappings_rule on provider_mappings (organization_id, source, match_kind, lower(match_value));
      `,
    '0110_insight_imports',
  ),
  // What an import found beyond per-ticket flags: mapping coverage, unresolved reply links, warnings.
  scriptMigration(
    '2026-12-03T0125_insight_import_findings',
    `alter table import_runs add column findings jsonb not null default '{}'`,
  ),
  // Failed runs say why as a code the web app translates, and what the file looks like (#14 item 19).
  scriptMigration(
    '2026-12-03T0630_insight_import_error_code',
    'alter table import_runs add column error_code text, add column error_field text, add column detected jsonb',
  ),
];
