import { type Migration, scriptMigration } from '../db/migrate.js';

export const eventMigrations: Migration[] = [
  scriptMigration(
    '2026-12-03T0009_events_domain_events',
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
    '0090_domain_events',
  ),
  // Readers order the outbox by (writing transaction, id), not by id alone: ids are handed out at
  // insert, so a lower id can commit after a higher one (docs/decisions/0011-event-delivery.md).
  // The statement-level trigger wakes every process LISTENing; PostgreSQL sends it at commit and
  // folds the notifications of one transaction into one.
  scriptMigration(
    '2026-12-03T0125_events_delivery',
    `
    alter table domain_events add column tx xid8 not null default pg_current_xact_id();
    create index domain_events_position on domain_events (tx, id);
    create index domain_events_occurred_at on domain_events (occurred_at);
    create function domain_events_wake() returns trigger language plpgsql as $$
      begin perform pg_notify('shoreline_events', ''); return null; end $$;
    create trigger domain_events_wake after insert on domain_events
      for each statement execute function domain_events_wake();
    create table event_listener_cursors (
      listener text primary key,
      tx xid8 not null,
      event_id bigint not null,
      attempts integer not null default 0,
      retry_at timestamptz,
      last_error text,
      updated_at timestamptz not null default now()
    );
    create table event_listener_failures (
      id bigint generated always as identity primary key,
      listener text not null,
      event_id bigint not null,
      error text not null,
      failed_at timestamptz not null
    );
    `,
  ),
];
