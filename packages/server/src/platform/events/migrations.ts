import { execScript, type Migration } from '../db/migrate.js';

export const eventMigrations: Migration[] = [
  {
    id: '2026-12-03T0009_events_domain_events',
    replaces: '0090_domain_events',
    async up(db) {
      await execScript(
        db,
        `
        create table domain_events (
          id bigint generated always as identity primary key,
          organization_id text not null references organizations(id),
          provider_id text,
          type text not null,
          subject_type text not null,
          subject_id text not null,
          actor_id text,
          occurred_at timestamptz not null,
          payload jsonb not null default '{}'
        );
        create index domain_events_org_id on domain_events (organization_id, id);
        `,
      );
    },
  },
];
