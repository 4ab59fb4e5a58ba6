import type { ColumnType, Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from '../../platform/db/columns.js';
import { scopedTables, VENDOR_VISIBLE } from '../../platform/scope.js';

/** Names in each language: BCP 47 tag → text. */
export type Localized = Record<string, string>;

/** The help center of an organization: its address, brand and who may write (set by an admin). */
export interface KnowledgeSettingsTable {
  organization_id: string;
  /** The help center's address: `/help/<slug>`. Unique across organizations. */
  slug: string;
  name: string;
  /** `#rrggbb`. */
  brand_color: string;
  logo_url: string | null;
  default_language: string;
  /** May vendor staff write drafts? Publish (vendor supervisors and admins)? */
  vendor_may_draft: boolean;
  vendor_may_publish: boolean;
  /** Must a version pass review by someone other than its author before it is published? */
  require_review: boolean;
  /** A self-service session that contacts support within this many seconds failed (core/knowledge/deflection.ts). */
  deflection_window_sec: number;
  /** The chat widget (`wgt_…`) "still need help?" offers, or null: the contact form only. */
  chat_widget_key: ColumnType<string | null, string | null | undefined, string | null>;
  updated_at: Timestamp;
}

export interface KnowledgeCategoriesTable {
  id: string;
  organization_id: string;
  slug: string;
  names: Json<Localized>;
  position: number;
  created_at: Timestamp;
}

export interface KnowledgeSectionsTable {
  id: string;
  organization_id: string;
  category_id: string;
  slug: string;
  names: Json<Localized>;
  position: number;
  created_at: Timestamp;
}

/** An article: the language-independent part. Its text lives in translations and versions. */
export interface KnowledgeArticlesTable {
  id: string;
  organization_id: string;
  section_id: string | null;
  slug: string;
  /** The user who keeps it current. */
  owner_id: string | null;
  /** After this day the article is flagged stale until reviewed again. */
  review_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** Shown to staff only, never on the public help center. */
  internal: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type TranslationStatus = 'draft' | 'in_review' | 'published';

/**
 * One language of an article: the canonical text in that language (one per article and
 * language), i.e. its published version, searchable, plus where its workflow stands.
 */
export interface KnowledgeTranslationsTable {
  id: string;
  organization_id: string;
  article_id: string;
  /** BCP 47, canonical case. */
  language: string;
  /** The newest version's number and status (draft → in_review → published). */
  latest_version: number;
  status: TranslationStatus;
  /** The published version (null until first published) and its text. */
  published_version: number | null;
  title: string | null;
  body_md: string | null;
  body_html: string | null;
  published_at: NullableTimestamp;
  /** The text-search configuration (core knowledgeTextConfig) the `search` column is built with. */
  search_config: string;
  /** Written by the service (core foldForSearch): the language-lower-cased and the folded text. */
  search_title: string;
  search_body: string;
  search_folded: string;
  helpful_yes: number;
  helpful_no: number;
  updated_at: Timestamp;
}

export type VersionStatus = 'draft' | 'in_review' | 'published' | 'superseded';

/** Every version ever saved of a translation; never edited except its workflow status. */
export interface KnowledgeVersionsTable {
  organization_id: string;
  translation_id: string;
  article_id: string;
  language: string;
  number: number;
  title: string;
  body_md: string;
  status: VersionStatus;
  author_id: string;
  reviewer_id: string | null;
  /** The version this one restored, if it is a restore. */
  restored_from: number | null;
  created_at: Timestamp;
}

/** A visitor's stay on the help center (a cookie), and the ticket it led to, if any. */
export interface KnowledgeSessionsTable {
  id: string;
  organization_id: string;
  language: string;
  started_at: Timestamp;
  contacted_at: NullableTimestamp;
  ticket_id: string | null;
}

export type ActivityKind = 'search' | 'view' | 'feedback';

/** What a session did: searches (with their result count), article views, feedback. */
export interface KnowledgeActivityTable {
  id: Generated<string>;
  organization_id: string;
  session_id: string;
  kind: ActivityKind;
  at: Timestamp;
  query: string | null;
  results: number | null;
  article_id: string | null;
  language: string | null;
  helpful: boolean | null;
  comment: string | null;
}

/** Words a language treats as one for search: a query with any term also finds the others. */
export interface KnowledgeSynonymsTable {
  id: string;
  organization_id: string;
  language: string;
  /** Lower-cased by the language's rules; a term may be several words. */
  terms: string[];
  created_at: Timestamp;
}

/** An attachment or image of articles, stored once per organization by its SHA-256. */
export interface KnowledgeFilesTable {
  organization_id: string;
  sha256: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  content: Uint8Array;
  created_at: Timestamp;
}

/** A ticket an article served: read before the contact, or inserted into a reply (decision 0038). */
export interface KnowledgeTicketLinksTable {
  organization_id: string;
  /** The ticket's provider when linked (vendor staff see their provider's links only). */
  provider_id: string | null;
  article_id: string;
  ticket_id: string;
  kind: 'read' | 'inserted';
  at: Timestamp;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    knowledge_settings: KnowledgeSettingsTable;
    knowledge_categories: KnowledgeCategoriesTable;
    knowledge_sections: KnowledgeSectionsTable;
    knowledge_articles: KnowledgeArticlesTable;
    knowledge_translations: KnowledgeTranslationsTable;
    knowledge_versions: KnowledgeVersionsTable;
    knowledge_sessions: KnowledgeSessionsTable;
    knowledge_activity: KnowledgeActivityTable;
    knowledge_synonyms: KnowledgeSynonymsTable;
    knowledge_files: KnowledgeFilesTable;
    knowledge_ticket_links: KnowledgeTicketLinksTable;
  }
}

/**
 * The knowledge base is the organization's property (it leaves with the client at exit): no
 * provider column. Vendor staff read it (agents answer with it) and, when the admin allows,
 * write it through the service (policy.ts), which writes on the organization's behalf.
 */
export const knowledgeScopedTables = scopedTables({
  knowledge_settings: VENDOR_VISIBLE,
  knowledge_categories: VENDOR_VISIBLE,
  knowledge_sections: VENDOR_VISIBLE,
  knowledge_articles: VENDOR_VISIBLE,
  knowledge_translations: VENDOR_VISIBLE,
  knowledge_versions: VENDOR_VISIBLE,
  knowledge_sessions: null,
  knowledge_activity: null,
  knowledge_synonyms: VENDOR_VISIBLE,
  knowledge_files: VENDOR_VISIBLE,
  knowledge_ticket_links: 'provider_id',
});
