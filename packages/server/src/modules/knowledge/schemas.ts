import { z } from '@hono/zod-openapi';
import { apiInput, apiObject } from '../../platform/http/schema.js';

const Id = z.string().min(1).max(64);
/** A language tag (BCP 47 shape): any language the business serves. */
export const LanguageTag = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a language tag such as en or pt-BR');
const Slug = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters, digits and hyphens');
const Localized = z.record(LanguageTag, z.string().trim().min(1).max(200));
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
export const MAX_ARTICLE_BYTES = 200_000;

export const KnowledgeSettingsSchema = apiObject('KnowledgeSettings', {
  slug: z.string(),
  name: z.string(),
  brandColor: z.string(),
  logoUrl: z.string().nullable(),
  defaultLanguage: z.string(),
  vendorMayDraft: z.boolean(),
  vendorMayPublish: z.boolean(),
  requireReview: z.boolean(),
  deflectionWindowSec: z.number().int(),
  /** The chat widget the help center offers beside the contact form, or null. */
  chatWidgetKey: z.string().nullable(),
});

export const KnowledgeSettingsUpdate = z
  .object({
    slug: Slug,
    name: z.string().trim().min(1).max(200),
    brandColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour #rrggbb'),
    logoUrl: z.string().url().max(2000).nullable(),
    defaultLanguage: LanguageTag,
    vendorMayDraft: z.boolean(),
    vendorMayPublish: z.boolean(),
    requireReview: z.boolean(),
    deflectionWindowSec: z
      .number()
      .int()
      .min(60)
      .max(30 * 86_400),
    chatWidgetKey: z
      .string()
      .regex(/^wgt_[A-Za-z0-9_-]{16}$/, 'must be a chat widget key (wgt_…)')
      .nullable(),
  })
  .partial()
  .strict()
  .openapi('KnowledgeSettingsUpdate');

export const CategorySchema = apiObject('KnowledgeCategory', {
  id: z.string(),
  slug: z.string(),
  names: z.record(z.string(), z.string()),
  position: z.number().int(),
  sections: z.array(
    z.object({
      id: z.string(),
      slug: z.string(),
      names: z.record(z.string(), z.string()),
      position: z.number().int(),
    }),
  ),
});

export const CategoryCreate = apiInput('KnowledgeCategoryCreate', {
  slug: Slug,
  names: Localized,
  position: z.number().int().min(0).max(10_000).default(0),
});

export const SectionCreate = apiInput('KnowledgeSectionCreate', {
  categoryId: Id,
  slug: Slug,
  names: Localized,
  position: z.number().int().min(0).max(10_000).default(0),
});

const TranslationSummary = z.object({
  language: z.string(),
  status: z.enum(['draft', 'in_review', 'published']),
  latestVersion: z.number().int(),
  publishedVersion: z.number().int().nullable(),
  title: z.string().nullable(),
  helpfulYes: z.number().int(),
  helpfulNo: z.number().int(),
});

export const ArticleSchema = apiObject('KnowledgeArticle', {
  id: z.string(),
  slug: z.string(),
  sectionId: z.string().nullable(),
  ownerId: z.string().nullable(),
  reviewBy: z.string().nullable(),
  /** The review-by date has passed. */
  stale: z.boolean(),
  internal: z.boolean(),
  translations: z.array(TranslationSummary),
  updatedAt: z.string(),
});

export const VersionSchema = apiObject('KnowledgeVersion', {
  language: z.string(),
  number: z.number().int(),
  title: z.string(),
  body: z.string(),
  status: z.enum(['draft', 'in_review', 'published', 'superseded']),
  authorId: z.string(),
  reviewerId: z.string().nullable(),
  restoredFrom: z.number().int().nullable(),
  createdAt: z.string(),
});

export const ArticleDetailSchema = ArticleSchema.extend({
  /** The newest version of each language. */
  latest: z.array(VersionSchema),
}).openapi('KnowledgeArticleDetail');

export const ArticleCreate = apiInput('KnowledgeArticleCreate', {
  slug: Slug,
  sectionId: Id.nullable().default(null),
  ownerId: Id.nullable().default(null),
  reviewBy: Day.nullable().default(null),
  internal: z.boolean().default(false),
  language: LanguageTag,
  title: z.string().trim().min(1).max(300),
  body: z.string().max(MAX_ARTICLE_BYTES),
});

export const ArticleUpdate = z
  .object({
    slug: Slug,
    sectionId: Id.nullable(),
    ownerId: Id.nullable(),
    reviewBy: Day.nullable(),
    internal: z.boolean(),
  })
  .partial()
  .strict()
  .openapi('KnowledgeArticleUpdate');

export const DraftCreate = apiInput('KnowledgeDraft', {
  language: LanguageTag,
  title: z.string().trim().min(1).max(300),
  body: z.string().max(MAX_ARTICLE_BYTES),
});

export const WorkflowStep = apiInput('KnowledgeWorkflowStep', {
  language: LanguageTag,
  version: z.number().int().min(1).optional(),
});

export const RestoreRequest = apiInput('KnowledgeRestore', {
  language: LanguageTag,
  version: z.number().int().min(1),
});

// Optional in the schema so that an article outside the caller's reach answers 404 before any
// 400 about the query (the service checks the article first, then requires these).
export const VersionsQuery = z.object({ language: LanguageTag.optional() });

export const DiffQuery = z.object({
  language: LanguageTag.optional(),
  from: z.coerce.number().int().min(1).optional(),
  to: z.coerce.number().int().min(1).optional(),
});

export const DiffSchema = apiObject('KnowledgeDiff', {
  language: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  title: z.object({ from: z.string(), to: z.string() }),
  /** Line by line: `same`, `added` (only in `to`) or `removed` (only in `from`). */
  lines: z.array(z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() })),
});

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  language: LanguageTag,
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const SearchHitSchema = apiObject('KnowledgeSearchHit', {
  articleId: z.string(),
  slug: z.string(),
  language: z.string(),
  title: z.string(),
  snippet: z.string(),
  internal: z.boolean(),
  score: z.number(),
});

/** The customer's language; the help center's default when absent. */
export const SnippetQuery = z.object({ language: LanguageTag.optional() });

export const SnippetSchema = apiObject('KnowledgeSnippet', {
  articleId: z.string(),
  slug: z.string(),
  /** The language shown: the one asked for, else the help center's default, else any published. */
  language: z.string(),
  title: z.string(),
  excerpt: z.string(),
  /** The public help-center address; null for an internal article. */
  url: z.string().nullable(),
  internal: z.boolean(),
});

/** Attachments travel as base64 in JSON (≤ 1 MB bodies): 512 kB a file. */
export const MAX_FILE_BYTES = 512 * 1024;

export const FileUpload = apiInput('KnowledgeFileUpload', {
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z
    .string()
    .max(Math.ceil(MAX_FILE_BYTES / 3) * 4 + 4, `must be at most ${MAX_FILE_BYTES} bytes`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
});

export const FileSchema = apiObject('KnowledgeFile', {
  sha256: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  /** What to put in an article's Markdown: relative to the article page, so it survives a new slug. */
  markdown: z.string(),
});

export const SynonymSchema = apiObject('KnowledgeSynonyms', {
  id: z.string(),
  language: z.string(),
  terms: z.array(z.string()),
});

export const SynonymCreate = apiInput('KnowledgeSynonymsCreate', {
  language: LanguageTag,
  terms: z.array(z.string().trim().min(1).max(100)).min(2).max(20),
});

export const SynonymsQuery = z.object({ language: LanguageTag.optional() });

export const DeflectionQuery = z.object({
  from: z.string().datetime({ offset: true }),
  to: z.string().datetime({ offset: true }),
});

export const DeflectionSchema = apiObject('KnowledgeDeflection', {
  windowSec: z.number().int(),
  sessions: z.number().int(),
  selfService: z.number().int(),
  deflected: z.number().int(),
  failed: z.number().int(),
  pending: z.number().int(),
  selfServiceRate: z.number().nullable(),
  byArticle: z.array(
    z.object({ articleId: z.string(), deflected: z.number().int(), failed: z.number().int() }),
  ),
  byLanguage: z.array(
    z.object({ language: z.string(), deflected: z.number().int(), failed: z.number().int() }),
  ),
  noResultSearches: z.array(z.object({ query: z.string(), count: z.number().int() })),
});

/** Tickets an article served (decision 0038): read before the contact, or inserted into a reply. */
export const ArticleTicketsSchema = apiObject('KnowledgeArticleTickets', {
  articleId: z.string(),
  /** Distinct tickets whose help-center session read the article before contacting support. */
  read: z.number().int(),
  /** Distinct tickets an agent inserted the article into. */
  inserted: z.number().int(),
  tickets: z.array(
    z.object({
      id: z.string(),
      number: z.string().nullable(),
      subject: z.string().nullable(),
      status: z.string().nullable(),
      language: z.string().nullable(),
      kinds: z.array(z.enum(['inserted', 'read'])),
      at: z.string(),
    }),
  ),
});

export const TicketLinkCreate = z.object({ ticketId: Id }).strict().openapi('KnowledgeTicketLinkCreate');

export const GapsQuery = z.object({
  from: z.string().datetime({ offset: true }),
  to: z.string().datetime({ offset: true }),
  /** Only this many topic-and-language rows, most tickets first. */
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

const GapFigures = {
  tickets: z.number().int(),
  share: z.number(),
  deflected: z.number().int().nullable(),
  failed: z.number().int().nullable(),
  selfServiceRate: z.number().nullable(),
};

/** Insight's knowledge gaps (core knowledgeGaps): contact reasons without an article, or whose articles fail. */
export const GapsSchema = apiObject('KnowledgeGaps', {
  windowSec: z.number().int(),
  /** Whether session figures (deflected, failed, rate) are shown: the organization's supervisors and admins. */
  deflectionShown: z.boolean(),
  rows: z.array(
    z.object({
      topic: z.string(),
      language: z.string(),
      ...GapFigures,
      articles: z.array(z.object({ id: z.string(), title: z.string() })),
      helpfulYes: z.number().int(),
      helpfulNo: z.number().int(),
      reason: z.enum(['no_article', 'low_deflection', 'unhelpful']).nullable(),
    }),
  ),
  /** Per topic over every language: what the Plan and Source what-ifs start from. */
  topics: z.array(z.object({ topic: z.string(), ...GapFigures })),
});

/** "Write an article from this ticket": offered when the solved ticket's topic has no article in its language. */
export const TicketDraftSchema = apiObject('KnowledgeTicketDraft', {
  ticketId: z.string(),
  suggest: z.boolean(),
  topic: z.string().nullable(),
  language: LanguageTag,
  title: z.string(),
  body: z.string(),
  slug: z.string(),
});

const ExportVersion = z.object({
  number: z.number().int().min(1),
  title: z.string().max(300),
  body: z.string().max(MAX_ARTICLE_BYTES),
  status: z.enum(['draft', 'in_review', 'published', 'superseded']),
  authorId: z.string().max(100),
  reviewerId: z.string().max(100).nullable(),
  restoredFrom: z.number().int().nullable(),
  createdAt: z.string().max(40),
});

/** The documented export format (docs/knowledge-export.md), version 1. */
export const KnowledgeExportSchema = apiInput('KnowledgeExport', {
  format: z.literal('shoreline-knowledge'),
  version: z.literal(1),
  categories: z
    .array(
      z.object({
        slug: Slug,
        names: Localized,
        position: z.number().int(),
        sections: z.array(z.object({ slug: Slug, names: Localized, position: z.number().int() })).max(1000),
      }),
    )
    .max(1000),
  articles: z
    .array(
      z.object({
        slug: Slug,
        section: Slug.nullable(),
        ownerId: z.string().max(100).nullable(),
        reviewBy: Day.nullable(),
        internal: z.boolean(),
        createdAt: z.string().max(40),
        translations: z
          .array(
            z.object({
              language: LanguageTag,
              status: z.enum(['draft', 'in_review', 'published']),
              publishedVersion: z.number().int().nullable(),
              publishedAt: z.string().max(40).nullable(),
              versions: z.array(ExportVersion).min(1).max(10_000),
            }),
          )
          .max(200),
      }),
    )
    .max(50_000),
  /** Attachments and images, base64 (absent in exports made before they existed). */
  files: z
    .array(
      z.object({
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        fileName: z.string().min(1).max(200),
        contentType: z.string().max(100),
        contentBase64: z.string().max(Math.ceil(MAX_FILE_BYTES / 3) * 4 + 4),
      }),
    )
    .max(10_000)
    .optional(),
  /** Synonym groups per language (absent in exports made before they existed). */
  synonyms: z
    .array(z.object({ language: LanguageTag, terms: z.array(z.string().min(1).max(100)).min(2).max(20) }))
    .max(10_000)
    .optional(),
});

export const ImportResultSchema = apiObject('KnowledgeImportResult', {
  categories: z.number().int(),
  articles: z.number().int(),
  versions: z.number().int(),
});

export type KnowledgeSettings = z.infer<typeof KnowledgeSettingsSchema>;
export type KnowledgeArticle = z.infer<typeof ArticleSchema>;
export type KnowledgeArticleDetail = z.infer<typeof ArticleDetailSchema>;
export type KnowledgeVersion = z.infer<typeof VersionSchema>;
export type KnowledgeCategory = z.infer<typeof CategorySchema>;
export type KnowledgeSearchHit = z.infer<typeof SearchHitSchema>;
export type KnowledgeDiff = z.infer<typeof DiffSchema>;
export type KnowledgeDeflection = z.infer<typeof DeflectionSchema>;
export type KnowledgeExport = z.infer<typeof KnowledgeExportSchema>;
export type KnowledgeSynonyms = z.infer<typeof SynonymSchema>;
export type KnowledgeSnippet = z.infer<typeof SnippetSchema>;
export type KnowledgeArticleTickets = z.infer<typeof ArticleTicketsSchema>;
export type KnowledgeGaps = z.infer<typeof GapsSchema>;
export type KnowledgeTicketDraft = z.infer<typeof TicketDraftSchema>;
export type KnowledgeFile = z.infer<typeof FileSchema>;
export type KnowledgeSynonymsCreate = z.infer<typeof SynonymCreate>;
