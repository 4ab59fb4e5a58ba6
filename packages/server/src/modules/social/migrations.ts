import { type Migration, orgTable, scriptMigration } from '../../platform/db/migrate.js';

export const socialMigrations: Migration[] = [
  scriptMigration(
    '2026-12-03T0945_social_posts',
    `
    ${orgTable('social_posts', [
      'provider_id text',
      'network text not null',
      'external_id text not null',
      'in_reply_to text',
      "kind text not null check (kind in ('post', 'dm'))",
      'inbound boolean not null',
      'author text not null',
      'body text not null',
      'posted_at timestamptz not null',
      'ticket_id text',
      'unique (organization_id, network, external_id)',
    ])}
    create index social_posts_ticket on social_posts (ticket_id);
    `,
  ),
];
