import { type Migration, orgTable, scriptMigration } from '../../platform/db/migrate.js';

export const governMigrations: Migration[] = [
  scriptMigration(
    '2026-12-03T0904_govern_contracts',
    `
    ${orgTable('contracts', [
      'provider_id text not null',
      'sla_policy_id text',
      'created_at timestamptz not null',
    ])}
    create index contracts_org_provider on contracts (organization_id, provider_id);
    create table contract_versions (
      contract_id text not null references contracts(id),
      version integer not null check (version >= 1),
      organization_id text not null references organizations(id),
      provider_id text not null,
      effective_from text not null check (effective_from ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      reason text not null,
      approved_by text not null,
      document jsonb not null,
      created_by text not null,
      created_at timestamptz not null,
      primary key (contract_id, version)
    );
    create table settlements (
      contract_id text not null references contracts(id),
      period text not null,
      organization_id text not null references organizations(id),
      provider_id text not null,
      statement jsonb not null,
      computed_at timestamptz not null,
      primary key (contract_id, period)
    );
    `,
  ),
  scriptMigration(
    '2026-12-03T1240_govern_governance',
    `
    ${orgTable('governance_items', [
      'contract_id text not null references contracts(id)',
      'provider_id text not null',
      "kind text not null check (kind in ('review', 'action', 'escalation'))",
      'title text not null',
      'owner text not null',
      "due_on text not null check (due_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')",
      "review_kind text check (review_kind in ('operational', 'performance', 'business'))",
      'level integer check (level between 1 and 3)',
      "status text not null default 'open' check (status in ('open', 'done'))",
      "evidence text not null default ''",
      'source text',
      'created_at timestamptz not null',
      'closed_at timestamptz',
    ])}
    create index governance_items_contract on governance_items (organization_id, contract_id, due_on);
    create unique index governance_items_source on governance_items (organization_id, contract_id, source)
      where source is not null;
    `,
  ),
  // Issue 11: the client's obligations, the transition runbook's steps and the confirmed export test
  // live in the same register (decision 0036).
  scriptMigration(
    '2026-12-03T1322_govern_register_kinds',
    `
    alter table governance_items drop constraint governance_items_kind_check;
    alter table governance_items add constraint governance_items_kind_check
      check (kind in ('review', 'action', 'escalation', 'obligation', 'runbook_step', 'export_test'));
    `,
  ),
  // Decision 0039: a contract's own escalation ladder may have up to nine levels.
  scriptMigration(
    '2026-12-03T1548_govern_ladder_levels',
    `
    alter table governance_items drop constraint governance_items_level_check;
    alter table governance_items add constraint governance_items_level_check check (level between 1 and 9);
    `,
  ),
  // Decision 0039: the canonical export's round trip, run by a job, with its evidence.
  scriptMigration(
    '2026-12-03T1605_govern_export_checks',
    `
    create table export_checks (
      id text primary key,
      organization_id text not null references organizations(id),
      job_id text,
      checked_at timestamptz not null,
      passed boolean not null,
      evidence jsonb not null
    );
    create index export_checks_org_checked on export_checks (organization_id, checked_at desc);
    `,
  ),
  // Decision 0039: the client's forecasts to the vendor, append-only (a late change is a new row), read
  // by the settlement's forecast relief.
  scriptMigration(
    '2026-12-03T1628_govern_client_forecasts',
    `
    create table client_forecasts (
      id text primary key,
      organization_id text not null references organizations(id),
      provider_id text not null,
      period_from text not null check (period_from ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      period_to text not null check (period_to ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' and period_to >= period_from),
      queue text,
      channel text,
      language text,
      volume integer not null check (volume >= 0),
      note text not null default '',
      logged_by text not null,
      logged_at timestamptz not null
    );
    create index client_forecasts_provider on client_forecasts (organization_id, provider_id, period_from, logged_at);
    `,
  ),
  // Decision 0059: a forecast sent from a saved plan's split names its plan (the plan id is not a
  // foreign key: deleting a plan keeps the forecast, which the settlement may have judged already).
  scriptMigration(
    '2026-12-04T0425_govern_forecast_plan',
    `
    alter table client_forecasts add column plan_id text;
    `,
  ),
  // Decision 0063: a forecast's own volume per day (a saved plan's), so the relief counts the days it
  // judges exactly; null for a forecast typed in as one number over its days (counted pro rata).
  scriptMigration(
    '2026-12-04T0840_govern_forecast_days',
    `
    alter table client_forecasts add column daily_volumes jsonb
      check (daily_volumes is null or jsonb_typeof(daily_volumes) = 'array');
    `,
  ),
  // Decision 0065: the time zone whose local days a forecast's days are (a saved plan's, or the one
  // given when logged); forecasts logged before counted UTC days, which 'UTC' keeps.
  scriptMigration(
    '2026-12-04T1347_govern_forecast_time_zone',
    `
    alter table client_forecasts add column time_zone text not null default 'UTC';
    `,
  ),
];
