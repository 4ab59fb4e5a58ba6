import { type Migration, orgTable, scriptMigration } from '../../platform/db/migrate.js';

export const routingMigrations: Migration[] = [
  scriptMigration(
    '2026-12-03T0900_routing_rules_and_decisions',
    `
    ${orgTable('routing_rules', [
      'position integer not null',
      'name text not null',
      'definition jsonb not null',
      'updated_by text',
      'updated_at timestamptz not null',
    ])}
    create index routing_rules_org on routing_rules (organization_id, position);
    ${orgTable(
      'routing_decisions',
      [
        'provider_id text',
        'rule_id text not null',
        'rule_name text not null',
        'team_id text',
        'basis text not null',
        'open boolean not null',
        'opens_at timestamptz',
        'language text',
        'reason text not null',
        'decided_at timestamptz not null',
      ],
      'ticket_id text primary key',
    )}
    create index routing_decisions_org on routing_decisions (organization_id, decided_at);
    `,
  ),
  scriptMigration(
    '2026-12-03T1154_routing_pilot_splits',
    `
    ${orgTable('routing_splits', [
      'name text not null',
      'channel text',
      'language text',
      'tag text',
      'ratio real not null check (ratio > 0 and ratio < 1)',
      'seed integer not null',
      'vendor_provider_id text not null',
      'starts_at timestamptz not null',
      'ends_at timestamptz not null',
      'created_at timestamptz not null',
    ])}
    create index routing_splits_org on routing_splits (organization_id, ends_at);
    alter table routing_decisions add column split_id text;
    alter table routing_decisions add column split_arm text check (split_arm in ('vendor', 'in-house'));
    create index routing_decisions_split on routing_decisions (split_id) where split_id is not null;
    `,
  ),
  // Pilots with several arms (in-house and/or vendors, weighted) and weekly hours (decision 0037).
  // A split of before keeps its two arms: they are rewritten as the arms list, keyed as routed.
  scriptMigration(
    '2026-12-03T1503_routing_split_arms_hours',
    `
    alter table routing_splits add column arms jsonb;
    alter table routing_splits add column hours jsonb;
    update routing_splits set arms = jsonb_build_array(
      jsonb_build_object('key', 'vendor', 'providerId', vendor_provider_id, 'weight', ratio),
      jsonb_build_object('key', 'in-house', 'providerId', null, 'weight', 1 - ratio));
    alter table routing_splits alter column arms set not null;
    alter table routing_splits drop column ratio;
    alter table routing_splits drop column vendor_provider_id;
    alter table routing_decisions drop constraint routing_decisions_split_arm_check;
    `,
  ),
  scriptMigration(
    '2026-12-03T1520_routing_overflow',
    `
    alter table routing_decisions add column overflow_at timestamptz;
    alter table routing_decisions add column overflow_team_id text;
    alter table routing_decisions add column overflow_reason text;
    `,
  ),
];
