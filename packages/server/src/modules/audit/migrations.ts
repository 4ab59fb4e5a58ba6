import { type Migration, scriptMigration } from '../../platform/db/migrate.js';

/** A record's hashed content, the same columns in the log and in the queue that feeds it. */
const CONTENT_COLUMNS = `at timestamptz not null,
      actor text not null,
      action text not null,
      subject_type text not null,
      subject_id text not null,
      provider_id text,
      payload jsonb not null`;

export const auditMigrations: Migration[] = [
  scriptMigration(
    '2026-12-03T0857_audit_log',
    `
    create table audit_log (
      organization_id text not null references organizations(id),
      seq bigint not null,
      ${CONTENT_COLUMNS},
      prev_hash text not null,
      hash text not null,
      primary key (organization_id, seq)
    );
    create table audit_heads (
      organization_id text primary key references organizations(id),
      seq bigint not null,
      hash text not null
    );
    create function audit_log_append_only() returns trigger language plpgsql as $$ begin raise exception 'audit_log is append-only'; end $$;
    create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function audit_log_append_only();
    `,
  ),
  // Decision 0039: vendor reads of tickets wait here and join the chain in batches (audit.flush).
  scriptMigration(
    '2026-12-03T1522_audit_pending',
    `
    create table audit_pending (
      id text primary key,
      organization_id text not null references organizations(id),
      ${CONTENT_COLUMNS}
    );
    create index audit_pending_org_at on audit_pending (organization_id, at, id);
    `,
  ),
];
