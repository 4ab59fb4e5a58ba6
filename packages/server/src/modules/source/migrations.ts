import { blobTable, type Migration, orgTable, scriptMigration } from '../../platform/db/migrate.js';

export const sourceMigrations: Migration[] = [
  scriptMigration(
    '2026-12-03T0918_source_tables',
    `
    ${orgTable('source_scenarios', [
      'name text not null',
      'version integer not null check (version >= 1)',
      'definition jsonb not null',
      'created_by text not null',
      'created_at timestamptz not null',
      'updated_at timestamptz not null',
    ])}
    create index source_scenarios_org on source_scenarios (organization_id, created_at);
    ${orgTable('source_vendors', [
      'provider_id text',
      'name text not null',
      'profile jsonb not null',
      'created_at timestamptz not null',
    ])}
    create index source_vendors_org on source_vendors (organization_id, name);
    ${orgTable('source_scorecards', [
      'name text not null',
      'criteria jsonb not null',
      'vendor_ids jsonb not null',
      'prices jsonb not null',
      'created_at timestamptz not null',
    ])}
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
    ${orgTable('source_pilots', [
      'vendor_id text not null',
      'name text not null',
      'definition jsonb not null',
      'sample_size_per_arm integer not null check (sample_size_per_arm >= 1)',
      'vendor_n integer not null default 0',
      'vendor_successes integer not null default 0',
      'in_house_n integer not null default 0',
      'in_house_successes integer not null default 0',
      'created_at timestamptz not null',
    ])}
    create index source_pilots_org on source_pilots (organization_id, created_at);
    ${orgTable('source_decisions', [
      'version integer not null',
      'body jsonb not null',
      'decided_by text not null',
      'created_at timestamptz not null',
      'unique (organization_id, version)',
    ])}
    `,
  ),
  scriptMigration(
    '2026-12-03T1153_source_selections_evidence_pilot_routing',
    `
    ${orgTable('source_selections', [
      'name text not null',
      'scorecard_id text references source_scorecards(id)',
      'state jsonb not null',
      'created_by text not null',
      'created_at timestamptz not null',
      'updated_at timestamptz not null',
    ])}
    create index source_selections_org on source_selections (organization_id, created_at);
    ${blobTable('source_blobs')}
    ${orgTable('source_evidence', [
      'provider_id text',
      'vendor_id text references source_vendors(id)',
      'selection_id text references source_selections(id)',
      'kind text not null',
      'file_name text not null',
      'content_type text not null',
      'size_bytes integer not null',
      'sha256 text not null',
      'expires_on text check (length(expires_on) = 10)',
      'last_reminder_days integer',
      'uploaded_by text not null',
      'created_at timestamptz not null',
    ])}
    create index source_evidence_vendor on source_evidence (organization_id, vendor_id);
    create index source_evidence_expiry on source_evidence (expires_on) where expires_on is not null;
    alter table source_pilots add column routing_split_id text;
    alter table source_pilots add column starts_at timestamptz;
    alter table source_pilots add column ends_at timestamptz;
    `,
  ),
  // Handle times typed in for a pilot not routed through the Desk (a median metric, gap 4 of 0028).
  scriptMigration(
    '2026-12-03T1322_source_pilot_typed_values',
    `
    alter table source_pilots add column vendor_values jsonb not null default '[]';
    alter table source_pilots add column in_house_values jsonb not null default '[]';
    `,
  ),
  // A slice's hours became weekly windows in a time zone (decision 0037): the free text of before
  // is kept beside them as `hoursNote`, so a pilot defined then still starts (on every hour).
  scriptMigration(
    '2026-12-03T1504_source_pilot_structured_hours',
    `
    update source_pilots
       set definition = jsonb_set(definition #- '{slice,hours}', '{slice,hoursNote}', definition #> '{slice,hours}')
     where jsonb_typeof(definition #> '{slice,hours}') = 'string';
    `,
  ),
];
