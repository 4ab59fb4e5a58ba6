import { execScript, type Migration } from '../../platform/db/migrate.js';

export const identityMigrations: Migration[] = [
  {
    id: '2026-11-22T0936_identity',
    replaces: '0001_identity',
    async up(db) {
      await execScript(
        db,
        `
        create table organizations (
          id text primary key,
          name text not null,
          created_at timestamptz not null default now()
        );
        create table providers (
          id text primary key,
          organization_id text not null references organizations(id),
          name text not null,
          kind text not null check (kind in ('in_house', 'vendor')),
          shore text check (shore in ('onshore', 'nearshore', 'offshore')),
          countries text[] not null default '{}',
          languages text[] not null default '{}',
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          check ((kind = 'vendor') = (shore is not null))
        );
        create unique index providers_org_name on providers (organization_id, lower(name));
        create table teams (
          id text primary key,
          organization_id text not null references organizations(id),
          provider_id text not null references providers(id),
          name text not null,
          site text not null default '',
          languages text[] not null default '{}',
          channels text[] not null default '{}',
          time_zone text not null,
          business_hours jsonb not null default '[]',
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        );
        create unique index teams_org_provider_name on teams (organization_id, provider_id, lower(name));
        create table users (
          id text primary key,
          organization_id text not null references organizations(id),
          provider_id text references providers(id),
          email text not null,
          name text not null,
          role text not null check (role in ('admin', 'supervisor', 'agent')),
          status text not null check (status in ('active', 'invited', 'deactivated')),
          locale text not null default 'en',
          password_hash text,
          invite_token_hash text,
          invite_expires_at timestamptz,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        );
        create unique index users_email on users (lower(email));
        create index users_org on users (organization_id, provider_id);
        create table sessions (
          id text primary key,
          organization_id text not null references organizations(id),
          provider_id text references providers(id),
          user_id text not null references users(id),
          token_hash text not null unique,
          created_at timestamptz not null default now(),
          last_seen_at timestamptz not null,
          expires_at timestamptz not null
        );
        create index sessions_user on sessions (user_id);
        create table api_tokens (
          id text primary key,
          organization_id text not null references organizations(id),
          provider_id text references providers(id),
          user_id text not null references users(id),
          name text not null,
          token_hash text not null unique,
          created_at timestamptz not null default now(),
          last_used_at timestamptz,
          revoked_at timestamptz
        );
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
      );
    },
  },
];
