import { sql } from 'kysely';
import {
  execScript,
  type Migration,
  orgTable,
  rowTrigger,
  scriptMigration,
  signalFunction,
} from '../../platform/db/migrate.js';

/** The trigger function that tells every process an organization's help center changed. */
const SITE_SIGNAL = 'knowledge_site_signal';

export const knowledgeMigrations: Migration[] = [
  {
    id: '2026-12-03T0853_knowledge',
    async up(db) {
      // Articles, translations (one canonical per language), versions, help-center sessions
      // (docs/decisions/0022-knowledge.md). A translation's `search` is built from text the
      // service lower-cases by the language's rules, with the configuration core's
      // knowledgeTextConfig names (kept in `search_config`: no SQL copy of the table to drift);
      // `search_folded` (diacritics removed) feeds trigram similarity for typos and for languages
      // PostgreSQL has no stemmer for.
      await sql.raw('create extension if not exists pg_trgm').execute(db);
      await execScript(
        db,
        `
        create table knowledge_settings (
          organization_id text primary key references organizations(id),
          slug text not null unique,
          name text not null,
          brand_color text not null,
          logo_url text,
          default_language text not null,
          vendor_may_draft boolean not null default false,
          vendor_may_publish boolean not null default false,
          require_review boolean not null default false,
          deflection_window_sec integer not null,
          updated_at timestamptz not null
        );
        ${orgTable('knowledge_categories', [
          'slug text not null',
          'names jsonb not null',
          'position integer not null',
          'created_at timestamptz not null',
        ])}
        create unique index knowledge_categories_slug on knowledge_categories (organization_id, slug);
        ${orgTable('knowledge_sections', [
          'category_id text not null references knowledge_categories(id)',
          'slug text not null',
          'names jsonb not null',
          'position integer not null',
          'created_at timestamptz not null',
        ])}
        create unique index knowledge_sections_slug on knowledge_sections (organization_id, slug);
        ${orgTable('knowledge_articles', [
          'section_id text references knowledge_sections(id)',
          'slug text not null',
          'owner_id text',
          'review_by date',
          'internal boolean not null default false',
          'created_at timestamptz not null',
          'updated_at timestamptz not null',
        ])}
        create unique index knowledge_articles_slug on knowledge_articles (organization_id, slug);
        ${orgTable('knowledge_translations', [
          'article_id text not null references knowledge_articles(id)',
          'language text not null',
          'latest_version integer not null',
          "status text not null check (status in ('draft', 'in_review', 'published'))",
          'published_version integer',
          'title text',
          'body_md text',
          'body_html text',
          'published_at timestamptz',
          'search_config regconfig not null',
          "search_title text not null default ''",
          "search_body text not null default ''",
          "search_folded text not null default ''",
          "search tsvector generated always as ( setweight(to_tsvector(search_config, search_title), 'A') || setweight(to_tsvector(search_config, search_body), 'B') ) stored",
          'helpful_yes integer not null default 0',
          'helpful_no integer not null default 0',
          'updated_at timestamptz not null',
        ])}
        create unique index knowledge_translations_language on knowledge_translations (article_id, language);
        create index knowledge_translations_org on knowledge_translations (organization_id, language);
        create index knowledge_translations_search on knowledge_translations using gin (search);
        create index knowledge_translations_folded on knowledge_translations using gin (search_folded gin_trgm_ops);
        create table knowledge_versions (
          organization_id text not null references organizations(id),
          translation_id text not null references knowledge_translations(id),
          article_id text not null,
          language text not null,
          number integer not null,
          title text not null,
          body_md text not null,
          status text not null check (status in ('draft', 'in_review', 'published', 'superseded')),
          author_id text not null,
          reviewer_id text,
          restored_from integer,
          created_at timestamptz not null,
          primary key (translation_id, number)
        );
        ${orgTable('knowledge_sessions', [
          'language text not null',
          'started_at timestamptz not null',
          'contacted_at timestamptz',
          'ticket_id text',
        ])}
        create index knowledge_sessions_started on knowledge_sessions (organization_id, started_at);
        ${orgTable(
          'knowledge_activity',
          [
            'session_id text not null references knowledge_sessions(id)',
            "kind text not null check (kind in ('search', 'view', 'feedback'))",
            'at timestamptz not null',
            'query text',
            'results integer',
            'article_id text',
            'language text',
            'helpful boolean',
            'comment text',
          ],
          'id bigserial primary key',
        )}
        create index knowledge_activity_session on knowledge_activity (session_id, at);
        `,
      );
    },
  },
  // The help center remembers sites and rendered pages per process (help-center/page-cache.ts):
  // every process forgets an organization's at the commit of a change to what visitors see.
  // Articles and translations signal only when what is public changes, not on drafts or feedback counts.
  scriptMigration(
    '2026-12-03T1151_knowledge_help_center_signals',
    `
    ${signalFunction(SITE_SIGNAL, 'knowledge.site')}
    ${rowTrigger('knowledge_settings_site_signal', 'insert or update or delete on knowledge_settings', SITE_SIGNAL)}
    ${rowTrigger('knowledge_categories_site_signal', 'insert or update or delete on knowledge_categories', SITE_SIGNAL)}
    ${rowTrigger('knowledge_sections_site_signal', 'insert or update or delete on knowledge_sections', SITE_SIGNAL)}
    ${rowTrigger('knowledge_articles_site_signal', 'insert or delete on knowledge_articles', SITE_SIGNAL)}
    ${rowTrigger('knowledge_articles_public_signal', 'update on knowledge_articles', SITE_SIGNAL, [
      'slug',
      'section_id',
      'internal',
    ])}
    ${rowTrigger('knowledge_translations_site_signal', 'insert or delete on knowledge_translations', SITE_SIGNAL)}
    ${rowTrigger('knowledge_translations_published_signal', 'update on knowledge_translations', SITE_SIGNAL, [
      'published_version',
      'title',
      'body_html',
    ])}
    `,
  ),
  // Synonyms per language, managed by admins and read by search (search.ts).
  scriptMigration(
    '2026-12-03T1159_knowledge_synonyms',
    `
    ${orgTable('knowledge_synonyms', [
      'language text not null',
      'terms text[] not null',
      'created_at timestamptz not null',
    ])}
    create index knowledge_synonyms_language on knowledge_synonyms (organization_id, language);
    `,
  ),
  // Article attachments and images, content-addressed per organization (as mail_blobs).
  scriptMigration(
    '2026-12-03T1231_knowledge_files',
    `
    create table knowledge_files (
      organization_id text not null references organizations(id),
      sha256 text not null,
      file_name text not null,
      content_type text not null,
      size_bytes integer not null,
      content bytea not null,
      created_at timestamptz not null,
      primary key (organization_id, sha256)
    );
    `,
  ),
  // Which chat widget the help center's "still need help?" offers (a key of the chat module's
  // widgets; a setting, so knowledge and chat need not import each other). Decision 0034.
  scriptMigration(
    '2026-12-03T1310_knowledge_chat_widget',
    `alter table knowledge_settings add column chat_widget_key text;`,
  ),
  // Tickets an article served (decision 0038): read in the help-center session that became the
  // ticket (contact form or chat), or inserted into a reply by an agent. The ticket's provider
  // is copied so vendor staff see only their provider's tickets beside an article.
  scriptMigration(
    '2026-12-03T1518_knowledge_ticket_links',
    `
    create table knowledge_ticket_links (
      organization_id text not null references organizations(id),
      provider_id text,
      article_id text not null references knowledge_articles(id),
      ticket_id text not null,
      kind text not null check (kind in ('read', 'inserted')),
      at timestamptz not null,
      primary key (organization_id, article_id, ticket_id, kind)
    );
    create index knowledge_ticket_links_ticket on knowledge_ticket_links (organization_id, ticket_id);
    `,
  ),
];
