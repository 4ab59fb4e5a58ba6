import type { Selectable } from 'kysely';
import type { KnowledgeArticle, KnowledgeSettings, KnowledgeVersion } from './schemas.js';
import type {
  KnowledgeArticlesTable,
  KnowledgeSettingsTable,
  KnowledgeTranslationsTable,
  KnowledgeVersionsTable,
} from './tables.js';

const iso = (d: Date | string) => new Date(d).toISOString();
/** A `date` column as `YYYY-MM-DD` (PostgreSQL returns a string or a Date at midnight UTC). */
export const day = (d: string | Date | null): string | null =>
  d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);

export function presentSettings(row: Selectable<KnowledgeSettingsTable>): KnowledgeSettings {
  return {
    slug: row.slug,
    name: row.name,
    brandColor: row.brand_color,
    logoUrl: row.logo_url,
    defaultLanguage: row.default_language,
    vendorMayDraft: row.vendor_may_draft,
    vendorMayPublish: row.vendor_may_publish,
    requireReview: row.require_review,
    deflectionWindowSec: row.deflection_window_sec,
    chatWidgetKey: row.chat_widget_key ?? null,
  };
}

export function presentArticle(
  row: Selectable<KnowledgeArticlesTable>,
  translations: Selectable<KnowledgeTranslationsTable>[],
  today: string,
): KnowledgeArticle {
  const reviewBy = day(row.review_by);
  return {
    id: row.id,
    slug: row.slug,
    sectionId: row.section_id,
    ownerId: row.owner_id,
    reviewBy,
    stale: reviewBy !== null && reviewBy < today,
    internal: row.internal,
    translations: translations
      .filter((t) => t.article_id === row.id)
      .sort((a, b) => a.language.localeCompare(b.language))
      .map((t) => ({
        language: t.language,
        status: t.status,
        latestVersion: t.latest_version,
        publishedVersion: t.published_version,
        title: t.title,
        helpfulYes: t.helpful_yes,
        helpfulNo: t.helpful_no,
      })),
    updatedAt: iso(row.updated_at),
  };
}

export function presentVersion(row: Selectable<KnowledgeVersionsTable>): KnowledgeVersion {
  return {
    language: row.language,
    number: row.number,
    title: row.title,
    body: row.body_md,
    status: row.status,
    authorId: row.author_id,
    reviewerId: row.reviewer_id,
    restoredFrom: row.restored_from,
    createdAt: iso(row.created_at),
  };
}
