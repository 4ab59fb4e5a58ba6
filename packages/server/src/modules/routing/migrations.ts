import { type Migration, scriptMigration } from '../../platform/db/migrate.js';

export const routingMigrations: Migration[] = [
  scriptMigration(
    '2026-12-03T0900_routing_rules_and_decisions',
    `
    create table routing_rules (
      id text primary key,
      organization_id text not null references organizations(id),
      position integer not null,
      name text not null,
      definition jsonb not null,
      updated_by text,
      updated_at timestamptz not null
    );
    create index routing_rules_org on routing_rules (organization_id, position);
    create table routing_decisions (
      ticket_id text primary key,
      organization_id text not null references organizations(id),
      provider_id text,
      rule_id text not null,
      rule_name text not null,
      team_id text,
      basis text not null,
      open boolean not null,
      opens_at timestamptz,
      language text,
      reason text not null,
      decided_at timestamptz not null
    );
    create index routing_decisions_org on routing_decisions (organization_id, decided_at);
    `,
  ),
];
