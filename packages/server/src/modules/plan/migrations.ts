import { type Migration, orgTable, scriptMigration } from '../../platform/db/migrate.js';

export const planMigrations: Migration[] = [
  scriptMigration(
    '2026-12-03T1310_plan_saved_plans',
    `
    ${orgTable('plans', [
      'name text not null',
      'horizon_days integer not null',
      "status text not null check (status in ('running', 'done', 'failed'))",
      'input jsonb not null',
      'result jsonb',
      'problem text',
      'job_id text',
      'created_by text not null',
      'version integer not null default 1',
      'created_at timestamptz not null',
      'updated_at timestamptz not null',
    ])}
    create index plans_organization on plans (organization_id, created_at desc);
    `,
  ),
  // A plan's build can be cancelled by its owner (issue 15): its own status, not a failure.
  scriptMigration(
    '2026-12-03T1834_plan_cancelled_plans',
    `
    alter table plans drop constraint if exists plans_status_check;
    alter table plans add constraint plans_status_check
      check (status in ('running', 'done', 'failed', 'cancelled'));
    `,
  ),
  // Decision 0059: what a plan sent to its vendors as client forecasts (Govern's rows are the record;
  // this is the plan's own list of them, so its readers see it without Govern's rights).
  scriptMigration(
    '2026-12-04T0426_plan_sent_forecasts',
    `
    alter table plans add column forecasts_sent jsonb not null default '[]';
    `,
  ),
];
