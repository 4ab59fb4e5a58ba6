import { sql } from 'kysely';
import { execScript, type Migration, orgTable, scriptMigration } from '../../platform/db/migrate.js';

export const ticketMigrations: Migration[] = [
  scriptMigration(
    '2026-11-22T0948_tickets',
    `
    ${orgTable('tickets', [
      'provider_id text references providers(id)',
      'team_id text references teams(id)',
      'source text not null',
      'external_id text not null',
      'number text',
      'subject text',
      'description text',
      'channel text',
      "status text check (status in ('new', 'open', 'pending', 'on_hold', 'solved', 'closed', 'spam', 'merged'))",
      'status_raw text',
      "priority text check (priority in ('low', 'normal', 'high', 'urgent'))",
      'language text',
      'topic text',
      "tags text[] not null default '{}'",
      'requester text',
      'assignee text',
      'source_group text',
      'support_line text',
      'created_at timestamptz',
      'first_response_at timestamptz',
      'solved_at timestamptz',
      'closed_at timestamptz',
      'reopened_at timestamptz',
      'reopen_count integer not null default 0',
      'handoff_count integer not null default 0',
      'first_response_seconds integer',
      'resolution_seconds integer',
      'first_response_business_seconds integer',
      'resolution_business_seconds integer',
      'sla_breached boolean',
      'csat_score double precision',
      'csat_scale text',
      'csat_normalised double precision check (csat_normalised between 0 and 1)',
      'call_wait_seconds integer',
      'call_handle_seconds integer',
      'abandoned boolean',
      "quality_flags text[] not null default '{}'",
      "custom jsonb not null default '{}'",
      'import_run_id text',
      'imported_at timestamptz not null default now()',
    ])}
    create unique index tickets_source_external on tickets (organization_id, source, external_id);
    create index tickets_org_created on tickets (organization_id, created_at);
    create index tickets_org_provider_created on tickets (organization_id, provider_id, created_at);
    create index tickets_import_run on tickets (import_run_id);
    ${orgTable('ticket_messages', [
      'provider_id text references providers(id)',
      'ticket_id text not null references tickets(id) on delete cascade',
      'external_id text not null',
      "author_type text not null check (author_type in ('customer', 'agent', 'system', 'bot'))",
      'author_id text',
      'public boolean not null',
      'body text not null',
      'created_at timestamptz not null',
    ])}
    create unique index ticket_messages_external on ticket_messages (ticket_id, external_id);
    create table ticket_events (
      organization_id text not null references organizations(id),
      provider_id text references providers(id),
      ticket_id text not null references tickets(id) on delete cascade,
      seq integer not null,
      at timestamptz not null,
      kind text not null check (kind in ('created', 'status', 'handoff', 'reopen', 'assignment')),
      status text,
      status_raw text,
      team text,
      support_line text,
      assignee text,
      primary key (ticket_id, seq)
    );
      `,
    '0100_tickets',
  ),
  // One counter per organization, raised in the same transaction as every write to its tickets:
  // readers that keep derived copies (Insight's in-memory KPI columns) compare it to know they are
  // current, at the cost of one primary-key lookup.
  scriptMigration(
    '2026-11-22T1158_tickets_data_versions',
    `
    create table ticket_data_versions (
      organization_id text primary key references organizations(id),
      version bigint not null
    );
      `,
    '0101_ticket_data_versions',
  ),
  // The three foreign keys fired one trigger and one key-share lookup per inserted ticket: about a
  // quarter of PostgreSQL's work in a bulk import (7.5 µs of ~34 µs CPU per ticket at 1 M rows).
  // The import, the only writer of tickets, now checks and key-share-locks the organization,
  // providers and teams a batch names once per batch, in the batch's transaction
  // (insight/import/write-batch.ts checkReferences). Nothing deletes these rows; code that ever
  // does must deal with their tickets itself.
  scriptMigration(
    '2026-11-22T1245_tickets_references_checked_per_batch',
    `
    alter table tickets
      drop constraint if exists tickets_organization_id_fkey,
      drop constraint if exists tickets_provider_id_fkey,
      drop constraint if exists tickets_team_id_fkey;
      `,
    '0102_tickets_references_checked_per_batch',
  ),
  // No query looks tickets up by import run (the event-log check joins on the unique
  // (organization, source, external_id) key and only filters by run), so the index was pure upkeep
  // on every imported row.
  scriptMigration(
    '2026-11-22T1305_tickets_drop_import_run_index',
    'drop index if exists tickets_import_run;',
    '0103_drop_tickets_import_run_index',
  ),
  // One channel vocabulary (core/domain/vocabulary.ts): the import model's `web` is `web_form`,
  // the name teams, the API and the web app use.
  scriptMigration(
    '2026-12-03T0111_tickets_channel_web_form',
    `update tickets set channel = 'web_form' where channel = 'web';`,
  ),
  {
    id: '2026-12-03T0610_tickets_desk_search_and_queues',
    async up(db) {
      // The Desk (docs/decisions/0018-inbox-and-search.md).
      // 1. Full-text search: each ticket's subject and description, and each message's body, are
      //    indexed with the text-search configuration of the ticket's language (core/desk/text-search.ts,
      //    mirrored by shoreline_text_config: a test keeps them equal). Subject weighs more than the
      //    description. Messages take their ticket's language in a trigger, so the import's
      //    insert … select and live replies are indexed alike.
      // 2. Trigram (pg_trgm) indexes for what words do not find: requesters' names and e-mail
      //    addresses, ticket numbers and external ids, any part of them.
      // 3. The inbox views, each an index scan on a partial index over open tickets (new, open,
      //    on hold) or pending ones: small next to the whole history, so imports of solved tickets
      //    pay almost nothing for them.
      // 4. The reason of an escalation, kept with the hand-off in the ticket's history.
      // Function bodies hold semicolons: each is one statement (execScript splits at ';' + newline).
      await sql.raw('create extension if not exists pg_trgm').execute(db);
      await sql
        .raw(`create or replace function shoreline_text_config(language text) returns regconfig
          language sql immutable parallel safe as $$
            select (case lower(split_part(coalesce(language, ''), '-', 1))
              when 'en' then 'pg_catalog.english'
              when 'tr' then 'pg_catalog.turkish'
              when 'hu' then 'pg_catalog.hungarian'
              else 'pg_catalog.simple' end)::regconfig
          $$`)
        .execute(db);
      await sql
        .raw(`create or replace function shoreline_message_search() returns trigger language plpgsql as $$
          begin
            new.search := to_tsvector(
              shoreline_text_config((select language from tickets where id = new.ticket_id)), new.body);
            return new;
          end $$`)
        .execute(db);
      await execScript(
        db,
        `
        alter table tickets add column search tsvector generated always as (
          setweight(to_tsvector(shoreline_text_config(language), coalesce(subject, '')), 'A') ||
          setweight(to_tsvector(shoreline_text_config(language), coalesce(description, '')), 'B')
        ) stored;
        create index tickets_search on tickets using gin (search);
        create index tickets_requester_trgm on tickets using gin (requester gin_trgm_ops);
        create index tickets_number_trgm on tickets using gin ((coalesce(number, external_id)) gin_trgm_ops);
        alter table ticket_messages add column search tsvector;
        create trigger ticket_messages_search before insert or update of body on ticket_messages
          for each row execute function shoreline_message_search();
        create index ticket_messages_search on ticket_messages using gin (search);
        create index tickets_desk_open on tickets (organization_id, created_at, id)
          where status in ('new', 'open', 'on_hold');
        create index tickets_desk_open_provider on tickets (organization_id, provider_id, created_at, id)
          where status in ('new', 'open', 'on_hold');
        create index tickets_desk_open_assignee on tickets (organization_id, assignee, created_at, id)
          where status in ('new', 'open', 'on_hold');
        create index tickets_desk_open_team on tickets (organization_id, team_id, created_at, id)
          where status in ('new', 'open', 'on_hold');
        create index tickets_desk_unassigned on tickets (organization_id, provider_id, created_at, id)
          where status in ('new', 'open', 'on_hold') and assignee is null;
        create index tickets_desk_pending on tickets (organization_id, provider_id, created_at, id)
          where status = 'pending';
        alter table ticket_events add column reason text;
      `,
      );
    },
  },
  // The customer (module customers) a live ticket is about; imported tickets keep `requester` only.
  scriptMigration(
    '2026-12-03T0611_tickets_customer',
    `alter table tickets add column if not exists customer_id text;
     create index if not exists tickets_customer on tickets (organization_id, customer_id) where customer_id is not null;`,
  ),
  // Search reads an organization's newest messages first (search.ts: the newest-window scan).
  scriptMigration(
    '2026-12-03T0720_tickets_messages_by_created',
    `create index if not exists ticket_messages_org_created on ticket_messages (organization_id, created_at);`,
  ),
  // Search indexing leaves the import (Hardening #14 item 14 regression; decision 0018 update).
  // The generated tsvector, the per-row message trigger (a lookup of the ticket's language per
  // message) and four GIN indexes raised PostgreSQL's CPU on imports 2.5–5×. Now:
  // - `tickets.search` is a plain column kept by a trigger on live writes; an import sets
  //   `shoreline.defer_search` for its transaction (importTicketBatch), so the triggers' WHEN skips
  //   them and imported rows keep `search` null, then job `tickets.index_search` fills them in
  //   batches after the run (bulk/search-index.ts);
  // - the GIN indexes (words and trigrams) are partial on `search is not null`: a pending row costs
  //   them nothing until it is indexed, and the trigram branches of search.ts say so too;
  // - pending rows are found through small partial indexes on `search is null`.
  // `drop expression` keeps the vectors already computed.
  {
    id: '2026-12-03T0855_tickets_search_deferred',
    async up(db) {
      await sql
        .raw(`create or replace function shoreline_ticket_search(language text, subject text, description text)
          returns tsvector language sql immutable parallel safe as $$
            select setweight(to_tsvector(shoreline_text_config(language), coalesce(subject, '')), 'A') ||
              setweight(to_tsvector(shoreline_text_config(language), coalesce(description, '')), 'B')
          $$`)
        .execute(db);
      await sql
        .raw(`create or replace function shoreline_ticket_search_row() returns trigger language plpgsql as $$
          begin
            new.search := shoreline_ticket_search(new.language, new.subject, new.description);
            return new;
          end $$`)
        .execute(db);
      await sql
        .raw(`create or replace function shoreline_message_search() returns trigger language plpgsql as $$
          begin
            new.search := to_tsvector(
              shoreline_text_config((select language from tickets where id = new.ticket_id)), coalesce(new.body, ''));
            return new;
          end $$`)
        .execute(db);
      await execScript(
        db,
        `
        alter table tickets alter column search drop expression;
        create trigger tickets_search before insert or update of subject, description, language on tickets
          for each row when (coalesce(current_setting('shoreline.defer_search', true), '') <> 'on')
          execute function shoreline_ticket_search_row();
        drop trigger if exists ticket_messages_search on ticket_messages;
        create trigger ticket_messages_search before insert or update of body on ticket_messages
          for each row when (coalesce(current_setting('shoreline.defer_search', true), '') <> 'on')
          execute function shoreline_message_search();
        drop index if exists tickets_search;
        drop index if exists tickets_requester_trgm;
        drop index if exists tickets_number_trgm;
        drop index if exists ticket_messages_search;
        create index tickets_search on tickets using gin (search) where search is not null;
        create index tickets_requester_trgm on tickets using gin (requester gin_trgm_ops) where search is not null;
        create index tickets_number_trgm on tickets using gin ((coalesce(number, external_id)) gin_trgm_ops) where search is not null;
        create index ticket_messages_search on ticket_messages using gin (search) where search is not null;
        create index tickets_search_pending on tickets (organization_id) where search is null;
        create index ticket_messages_search_pending on ticket_messages (organization_id) where search is null;
      `,
      );
    },
  },
  // A ticket's type (vocabulary.ts: complaints get their own SLA policy); a change is a history step.
  scriptMigration(
    '2026-12-03T1630_tickets_type',
    `alter table tickets add column if not exists type text
       check (type in ('question', 'incident', 'problem', 'task', 'complaint'));
     alter table ticket_events add column if not exists ticket_type text;
     alter table ticket_events drop constraint if exists ticket_events_kind_check;
     alter table ticket_events add constraint ticket_events_kind_check
       check (kind in ('created', 'status', 'handoff', 'reopen', 'assignment', 'type'));`,
  ),
  // Insight remembers each organization's ticket data version per server process (decision 0058):
  // a bump by anyone (API, import, CLI, plain SQL) tells every process on commit.
  scriptMigration(
    '2026-12-03T2200_tickets_data_version_signals',
    `create or replace function tickets_data_version_signal() returns trigger language plpgsql as $$
       begin perform pg_notify('shoreline_signals', 'tickets.data_version:' || new.organization_id); return null; end $$;
     drop trigger if exists ticket_data_versions_signal on ticket_data_versions;
     create trigger ticket_data_versions_signal after insert or update on ticket_data_versions
       for each row execute function tickets_data_version_signal();`,
  ),
];
