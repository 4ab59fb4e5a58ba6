import { type Migration, scriptMigration } from '../../platform/db/migrate.js';

export const slaMigrations: Migration[] = [
  scriptMigration(
    '2026-12-03T0630_sla_policies_and_ticket_sla',
    `
    create table sla_policies (
      id text not null,
      version integer not null check (version >= 1),
      organization_id text not null references organizations(id),
      effective_from timestamptz not null,
      definition jsonb not null,
      created_by text,
      reason text not null,
      created_at timestamptz not null,
      primary key (id, version)
    );
    create index sla_policies_org on sla_policies (organization_id, effective_from);
    create table sla_holidays (
      organization_id text not null references organizations(id),
      team_id text not null,
      day date not null,
      name text not null default '',
      primary key (organization_id, team_id, day)
    );
    create table ticket_sla (
      ticket_id text primary key,
      organization_id text not null references organizations(id),
      provider_id text,
      team_id text,
      priority text,
      channel text,
      segment text,
      ticket_created_at timestamptz not null,
      policy_id text not null,
      policy_version integer not null,
      applied jsonb not null,
      timeline jsonb not null default '[]',
      paused_since timestamptz,
      paused_seconds integer not null default 0,
      outcome_synced boolean,
      updated_at timestamptz not null
    );
    create index ticket_sla_org_created on ticket_sla (organization_id, ticket_created_at);
    create table ticket_sla_targets (
      ticket_id text not null references ticket_sla(ticket_id) on delete cascade,
      organization_id text not null,
      provider_id text,
      metric text not null check (metric in ('first_response', 'next_response', 'resolution')),
      target_seconds integer not null,
      started_at timestamptz not null,
      due_at timestamptz,
      at_risk_at timestamptz,
      achieved_at timestamptz,
      status text not null,
      breached boolean not null,
      remaining_seconds integer not null,
      at_risk_raised_at timestamptz,
      breached_raised_at timestamptz,
      updated_at timestamptz not null,
      primary key (ticket_id, metric)
    );
    -- The inbox's "breaching soon" view: running targets by due time.
    create index ticket_sla_targets_due on ticket_sla_targets (organization_id, due_at) where status = 'running';
    `,
  ),
  scriptMigration(
    '2026-12-03T0850_sla_next_due',
    `
    -- The inbox's "breaching soon" view, keyset-paged on (next_due_at, ticket_id): a ticket's
    -- earliest due instant among its targets not yet met (running, or breached and still owed).
    alter table ticket_sla add column next_due_at timestamptz;
    update ticket_sla set next_due_at = (
      select min(t.due_at) from ticket_sla_targets t
      where t.ticket_id = ticket_sla.ticket_id and t.achieved_at is null
        and t.status in ('running', 'breached') and t.due_at is not null
    );
    create index ticket_sla_next_due on ticket_sla (organization_id, next_due_at, ticket_id)
      where next_due_at is not null;
    `,
  ),
  scriptMigration(
    '2026-12-03T1631_sla_ticket_type',
    `-- Policies match on the ticket's type (complaints); the attainment report groups by it.
    alter table ticket_sla add column ticket_type text;`,
  ),
];
