import { type Migration, orgTable, scriptMigration } from '../../platform/db/migrate.js';

export const deskMigrations: Migration[] = [
  scriptMigration(
    '2026-12-03T0620_desk',
    `
    ${orgTable('macros', [
      'name text not null',
      'bodies jsonb not null',
      "actions jsonb not null default '{}'",
      'created_at timestamptz not null',
      'updated_at timestamptz not null',
    ])}
    create unique index macros_org_name on macros (organization_id, lower(name));
    create table desk_presence (
      organization_id text not null references organizations(id),
      provider_id text references providers(id),
      ticket_id text not null,
      user_id text not null references users(id),
      user_name text not null,
      mode text not null check (mode in ('viewing', 'replying')),
      expires_at timestamptz not null,
      primary key (ticket_id, user_id)
    );
    create index desk_presence_expires on desk_presence (expires_at);
    create table desk_team_members (
      organization_id text not null references organizations(id),
      provider_id text not null references providers(id),
      team_id text not null references teams(id) on delete cascade,
      user_id text not null references users(id),
      primary key (user_id, team_id)
    );
      `,
  ),
  scriptMigration(
    '2026-12-03T1540_desk_availability',
    `
    create table desk_availability (
      user_id text primary key references users(id),
      organization_id text not null references organizations(id),
      provider_id text,
      status text not null check (status in ('online', 'away', 'offline')),
      seen_at timestamptz not null
    );
    create index desk_availability_org on desk_availability (organization_id, status, seen_at);
    `,
  ),
];
