import {
  type Migration,
  orgTable,
  rowTrigger,
  scriptMigration,
  signalFunction,
} from '../../platform/db/migrate.js';

export const identityMigrations: Migration[] = [
  scriptMigration(
    '2026-11-22T0936_identity',
    `
    create table organizations (
      id text primary key,
      name text not null,
      created_at timestamptz not null default now()
    );
    ${orgTable('providers', [
      'name text not null',
      "kind text not null check (kind in ('in_house', 'vendor'))",
      "shore text check (shore in ('onshore', 'nearshore', 'offshore'))",
      "countries text[] not null default '{}'",
      "languages text[] not null default '{}'",
      'created_at timestamptz not null default now()',
      'updated_at timestamptz not null default now()',
      "check ((kind = 'vendor') = (shore is not null))",
    ])}
    create unique index providers_org_name on providers (organization_id, lower(name));
    ${orgTable('teams', [
      'provider_id text not null references providers(id)',
      'name text not null',
      "site text not null default ''",
      "languages text[] not null default '{}'",
      "channels text[] not null default '{}'",
      'time_zone text not null',
      "business_hours jsonb not null default '[]'",
      'created_at timestamptz not null default now()',
      'updated_at timestamptz not null default now()',
    ])}
    create unique index teams_org_provider_name on teams (organization_id, provider_id, lower(name));
    ${orgTable('users', [
      'provider_id text references providers(id)',
      'email text not null',
      'name text not null',
      "role text not null check (role in ('admin', 'supervisor', 'agent'))",
      "status text not null check (status in ('active', 'invited', 'deactivated'))",
      "locale text not null default 'en'",
      'password_hash text',
      'invite_token_hash text',
      'invite_expires_at timestamptz',
      'created_at timestamptz not null default now()',
      'updated_at timestamptz not null default now()',
    ])}
    create unique index users_email on users (lower(email));
    create index users_org on users (organization_id, provider_id);
    ${orgTable('sessions', [
      'provider_id text references providers(id)',
      'user_id text not null references users(id)',
      'token_hash text not null unique',
      'created_at timestamptz not null default now()',
      'last_seen_at timestamptz not null',
      'expires_at timestamptz not null',
    ])}
    create index sessions_user on sessions (user_id);
    ${orgTable('api_tokens', [
      'provider_id text references providers(id)',
      'user_id text not null references users(id)',
      'name text not null',
      'token_hash text not null unique',
      'created_at timestamptz not null default now()',
      'last_used_at timestamptz',
      'revoked_at timestamptz',
    ])}
    create table login_attempts (
      id bigserial primary key,
      email text not null,
      ip text not null,
      succeeded boolean not null,
      at timestamptz not null
    );
    create index login_attempts_email_at on login_attempts (lower(email), at);
    create index login_attempts_ip_at on login_attempts (ip, at);

      `,
    '0001_identity',
  ),
  // Sign-in throttling counted atomically before the password check (see login-throttle.ts).
  scriptMigration(
    '2026-12-03T0140_identity_login_throttle',
    `
    create table login_throttle (
      key text primary key,
      attempts integer not null,
      window_started_at timestamptz not null,
      next_allowed_at timestamptz not null,
      admitted boolean not null,
      known boolean not null default false
    );
    `,
  ),
  // E-mail addresses are unique per organization (Hardening #14 item 4): the same person may be
  // invited to two, and one organization's admin cannot learn or squat another's addresses.
  scriptMigration(
    '2026-12-03T0141_identity_email_per_organization',
    `
    drop index users_email;
    create unique index users_org_email on users (organization_id, lower(email));
    create index users_email on users (lower(email));
    `,
  ),
  // API tokens expire and carry scopes (Hardening #14 item 6). Tokens made before keep full access
  // (`admin`) and expire 90 days after this migration.
  scriptMigration(
    '2026-12-03T0142_identity_api_token_scopes',
    `
    alter table api_tokens add column scopes text[] not null default '{admin}';
    alter table api_tokens add column expires_at timestamptz;
    update api_tokens set expires_at = now() + interval '90 days';
    alter table api_tokens alter column expires_at set not null;
    alter table api_tokens alter column scopes drop default;
    `,
  ),
  // Password reset (single-use, expiring, stored as digests) and the mail outbox that carries the
  // link until a transport exists (Hardening #14 item 6).
  scriptMigration(
    '2026-12-03T0143_identity_password_reset',
    `
    ${orgTable('password_resets', [
      'provider_id text references providers(id)',
      'user_id text not null references users(id)',
      'token_hash text not null unique',
      'created_at timestamptz not null',
      'expires_at timestamptz not null',
      'used_at timestamptz',
    ])}
    create index password_resets_user on password_resets (user_id);
    ${orgTable('mail_outbox', [
      'provider_id text references providers(id)',
      'to_address text not null',
      'subject text not null',
      'body text not null',
      'created_at timestamptz not null',
      'sent_at timestamptz',
    ])}
    create index mail_outbox_org on mail_outbox (organization_id, created_at);
    `,
  ),
  // Every change that ends a session or changes its user (any column: /api/me is remembered too) tells every server process
  // (NOTIFY on shoreline_signals, delivered at commit), so each can drop its cached sign-ins
  // (session-cache.ts) — also for changes made outside the API (CLI, plain SQL).
  scriptMigration(
    '2026-12-03T0610_identity_session_signals',
    `
    ${signalFunction('identity_user_signal', 'identity.user', 'old.user_id')}
    ${rowTrigger('sessions_signal', 'delete on sessions', 'identity_user_signal')}
    ${rowTrigger(
      'api_tokens_signal',
      'delete or update of revoked_at, expires_at, scopes, user_id on api_tokens',
      'identity_user_signal',
    )}
    ${signalFunction('identity_user_row_signal', 'identity.user', 'old.id')}
    ${rowTrigger('users_signal', 'delete or update on users', 'identity_user_row_signal')}
    `,
  ),
  // Providers and teams (the directory every KPI table names) are remembered per organization in
  // each server process (directory.ts); a change by anyone (API, CLI, import rules, plain SQL) tells
  // every process on commit, so each forgets that organization's directory.
  scriptMigration(
    '2026-12-03T0906_identity_directory_signals',
    `
    ${signalFunction('identity_directory_signal', 'identity.directory')}
    ${rowTrigger('providers_directory_signal', 'insert or update or delete on providers', 'identity_directory_signal')}
    ${rowTrigger('teams_directory_signal', 'insert or update or delete on teams', 'identity_directory_signal')}
    `,
  ),
];
