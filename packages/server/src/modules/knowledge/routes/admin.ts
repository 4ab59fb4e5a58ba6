import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { canonicalLanguage } from '@shoreline/core';
import type { AppEnv } from '../../../platform/http/env.js';
import { apiRoute, IdParam, json, jsonBody, listOf } from '../../../platform/http/openapi.js';
import type { ModuleContext } from '../../../platform/module.js';
import { appendAudit } from '../../audit/index.js';
import { deflection } from '../deflection.js';
import { storeFile } from '../files.js';
import { knowledgeGapsReport } from '../gaps.js';
import { HELP_DESK_SOURCES, importFromHelpDesk } from '../imports/index.js';
import { articleSnippet } from '../insert.js';
import {
  ArticleCreate,
  ArticleDetailSchema,
  ArticleSchema,
  ArticleTicketsSchema,
  ArticleUpdate,
  CategoryCreate,
  CategorySchema,
  DeflectionQuery,
  DeflectionSchema,
  DiffQuery,
  DiffSchema,
  DraftCreate,
  FileSchema,
  FileUpload,
  GapsQuery,
  GapsSchema,
  ImportResultSchema,
  KnowledgeExportSchema,
  KnowledgeSettingsSchema,
  KnowledgeSettingsUpdate,
  RestoreRequest,
  SearchHitSchema,
  SearchQuery,
  SectionCreate,
  SnippetQuery,
  SnippetSchema,
  SynonymCreate,
  SynonymSchema,
  SynonymsQuery,
  TicketDraftSchema,
  TicketLinkCreate,
  VersionSchema,
  VersionsQuery,
  WorkflowStep,
} from '../schemas.js';
import { searchArticles } from '../search.js';
import * as service from '../service.js';
import { createSynonyms, deleteSynonyms, listSynonyms } from '../synonyms.js';
import { ticketArticleDraft } from '../ticket-draft.js';
import { articleTickets, linkInsertedArticle } from '../ticket-links.js';
import { exportKnowledge, importKnowledge } from '../transfer.js';

const TAG = 'knowledge';
const Detail = (d: string) => ({ 200: json(ArticleDetailSchema, d) });

/** The knowledge base for staff: settings, categories, articles and their workflow, search, deflection. */
export function knowledgeAdminRoutes(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void {
  const { clock } = ctx;
  app.openapi(
    apiRoute(TAG, 'get', '/api/knowledge/settings', {
      summary: "The help center's address, brand and writing policy",
      responses: { 200: json(KnowledgeSettingsSchema, 'Settings') },
    }),
    async (c) => c.json(await service.getSettings(c.var.scoped, clock), 200),
  );
  app.openapi(
    apiRoute(TAG, 'patch', '/api/knowledge/settings', {
      summary: 'Change the help center settings (admins)',
      request: { body: jsonBody(KnowledgeSettingsUpdate) },
      responses: { 200: json(KnowledgeSettingsSchema, 'Settings') },
    }),
    async (c) => c.json(await service.updateSettings(c.var.scoped, clock, c.req.valid('json')), 200),
  );
  app.openapi(
    apiRoute(TAG, 'get', '/api/knowledge/categories', {
      summary: 'Categories with their sections',
      responses: { 200: json(listOf(CategorySchema, 'KnowledgeCategoryList'), 'Categories') },
    }),
    async (c) => c.json({ items: await service.listCategories(c.var.scoped) }, 200),
  );
  app.openapi(
    apiRoute(TAG, 'post', '/api/knowledge/categories', {
      summary: 'Create a category (admins)',
      request: { body: jsonBody(CategoryCreate) },
      responses: { 201: json(CategorySchema, 'Created') },
    }),
    async (c) => c.json(await service.createCategory(c.var.scoped, clock, c.req.valid('json')), 201),
  );
  app.openapi(
    apiRoute(TAG, 'post', '/api/knowledge/sections', {
      summary: 'Create a section in a category (admins)',
      request: { body: jsonBody(SectionCreate) },
      responses: { 201: json(CategorySchema, 'The category with its sections') },
    }),
    async (c) => c.json(await service.createSection(c.var.scoped, clock, c.req.valid('json')), 201),
  );
  app.openapi(
    apiRoute(TAG, 'get', '/api/knowledge/articles', {
      summary: 'Every article with its languages, workflow state and stale flag',
      responses: { 200: json(listOf(ArticleSchema, 'KnowledgeArticleList'), 'Articles') },
    }),
    async (c) => c.json({ items: await service.listArticles(c.var.scoped, clock) }, 200),
  );
  app.openapi(
    apiRoute(TAG, 'post', '/api/knowledge/articles', {
      summary: 'Create an article with its first draft',
      request: { body: jsonBody(ArticleCreate) },
      responses: { 201: json(ArticleDetailSchema, 'Created') },
    }),
    async (c) => c.json(await service.createArticle(c.var.scoped, clock, c.req.valid('json')), 201),
  );
  app.openapi(
    apiRoute(TAG, 'get', '/api/knowledge/articles/{id}', {
      summary: 'An article with the newest version of each language',
      request: { params: IdParam },
      responses: Detail('The article'),
    }),
    async (c) => c.json(await service.getArticle(c.var.scoped, clock, c.req.valid('param').id), 200),
  );
  app.openapi(
    apiRoute(TAG, 'patch', '/api/knowledge/articles/{id}', {
      summary: "Change an article's slug, section, owner, review-by date or visibility",
      request: { params: IdParam, body: jsonBody(ArticleUpdate) },
      responses: Detail('The article'),
    }),
    async (c) =>
      c.json(
        await service.updateArticle(c.var.scoped, clock, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );
  app.openapi(
    apiRoute(TAG, 'post', '/api/knowledge/articles/{id}/drafts', {
      summary: 'Save a new draft version of one language (a new language starts a translation)',
      request: { params: IdParam, body: jsonBody(DraftCreate) },
      responses: Detail('The article'),
    }),
    async (c) =>
      c.json(await service.saveDraft(c.var.scoped, clock, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    apiRoute(TAG, 'post', '/api/knowledge/articles/{id}/review', {
      summary: "Submit a language's newest draft for review",
      request: { params: IdParam, body: jsonBody(WorkflowStep) },
      responses: Detail('The article'),
    }),
    async (c) =>
      c.json(
        await service.submitForReview(c.var.scoped, clock, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );
  app.openapi(
    apiRoute(TAG, 'post', '/api/knowledge/articles/{id}/publish', {
      summary: 'Publish a version of one language (the newest by default)',
      request: { params: IdParam, body: jsonBody(WorkflowStep) },
      responses: Detail('The article'),
    }),
    async (c) =>
      c.json(await service.publish(c.var.scoped, clock, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    apiRoute(TAG, 'post', '/api/knowledge/articles/{id}/restore', {
      summary: 'Restore an old version as a new draft',
      request: { params: IdParam, body: jsonBody(RestoreRequest) },
      responses: Detail('The article'),
    }),
    async (c) =>
      c.json(
        await service.restoreVersion(c.var.scoped, clock, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );
  app.openapi(
    apiRoute(TAG, 'get', '/api/knowledge/articles/{id}/versions', {
      summary: "One language's version history, newest first",
      request: { params: IdParam, query: VersionsQuery },
      responses: { 200: json(listOf(VersionSchema, 'KnowledgeVersionList'), 'Versions') },
    }),
    async (c) =>
      c.json(
        {
          items: await service.listVersions(
            c.var.scoped,
            c.req.valid('param').id,
            c.req.valid('query').language,
          ),
        },
        200,
      ),
  );
  app.openapi(
    apiRoute(TAG, 'get', '/api/knowledge/articles/{id}/diff', {
      summary: 'What changed between two versions of one language, line by line',
      request: { params: IdParam, query: DiffQuery },
      responses: { 200: json(DiffSchema, 'Difference') },
    }),
    async (c) =>
      c.json(await service.diffVersions(c.var.scoped, c.req.valid('param').id, c.req.valid('query')), 200),
  );
  app.openapi(
    apiRoute(TAG, 'get', '/api/knowledge/search', {
      summary: 'Search published articles in one language, internal ones included (agents)',
      request: { query: SearchQuery },
      responses: { 200: json(listOf(SearchHitSchema, 'KnowledgeSearchHits'), 'Hits, best first') },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const language = canonicalLanguage(q.language) ?? q.language;
      return c.json(
        { items: await searchArticles(c.var.scoped, { ...q, language, includeInternal: true }) },
        200,
      );
    },
  );
  app.openapi(
    apiRoute(TAG, 'get', '/api/knowledge/articles/{id}/snippet', {
      summary: "What a reply quotes of an article: title, excerpt and address in the customer's language",
      request: { params: IdParam, query: SnippetQuery },
      responses: { 200: json(SnippetSchema, 'Snippet') },
    }),
    async (c) =>
      c.json(
        await articleSnippet(
          c.var.scoped,
          clock,
          ctx.config.publicUrl,
          c.req.valid('param').id,
          c.req.valid('query').language,
        ),
        200,
      ),
  );
  app.openapi(
    apiRoute(TAG, 'post', '/api/knowledge/files', {
      summary:
        'Store an image (PNG, JPEG, GIF, WebP) or PDF for articles, base64, at most 512 kB; answers the Markdown that shows it',
      request: { body: jsonBody(FileUpload) },
      responses: { 201: json(FileSchema, 'Stored (once per content)') },
    }),
    async (c) => c.json(await storeFile(c.var.scoped, clock, c.req.valid('json')), 201),
  );
  app.openapi(
    apiRoute(TAG, 'get', '/api/knowledge/synonyms', {
      summary: 'Synonym groups per language, which search treats as the same word',
      request: { query: SynonymsQuery },
      responses: { 200: json(listOf(SynonymSchema, 'KnowledgeSynonymsList'), 'Groups') },
    }),
    async (c) => c.json({ items: await listSynonyms(c.var.scoped, c.req.valid('query').language) }, 200),
  );
  app.openapi(
    apiRoute(TAG, 'post', '/api/knowledge/synonyms', {
      summary: 'Add a synonym group in one language (admins)',
      request: { body: jsonBody(SynonymCreate) },
      responses: { 201: json(SynonymSchema, 'Created') },
    }),
    async (c) => c.json(await createSynonyms(c.var.scoped, clock, c.req.valid('json')), 201),
  );
  app.openapi(
    apiRoute(TAG, 'delete', '/api/knowledge/synonyms/{id}', {
      summary: 'Remove a synonym group (admins)',
      request: { params: IdParam },
      responses: { 204: { description: 'Removed' } },
    }),
    async (c) => {
      await deleteSynonyms(c.var.scoped, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  app.openapi(
    apiRoute(TAG, 'get', '/api/knowledge/articles/{id}/tickets', {
      summary:
        "The tickets an article served: read in the help-center session before the contact, or inserted into a reply (vendor staff: their provider's)",
      request: { params: IdParam },
      responses: { 200: json(ArticleTicketsSchema, 'Linked tickets, newest first') },
    }),
    async (c) => c.json(await articleTickets(c.var.scoped, c.req.valid('param').id), 200),
  );
  app.openapi(
    apiRoute(TAG, 'post', '/api/knowledge/articles/{id}/tickets', {
      summary: 'Record that the article was inserted into a reply on a ticket (the Desk does it on insert)',
      request: { params: IdParam, body: jsonBody(TicketLinkCreate) },
      responses: { 204: { description: 'Recorded (once per article and ticket)' } },
    }),
    async (c) => {
      await linkInsertedArticle(c.var.scoped, clock, c.req.valid('param').id, c.req.valid('json').ticketId);
      return c.body(null, 204);
    },
  );
  app.openapi(
    apiRoute(TAG, 'get', '/api/knowledge/tickets/{id}/article-draft', {
      summary:
        'An article draft from a ticket (question and answer, personal data removed) and whether to suggest it: solved, and no article on its topic',
      request: { params: IdParam },
      responses: { 200: json(TicketDraftSchema, 'The draft') },
    }),
    async (c) => c.json(await ticketArticleDraft(c.var.scoped, clock, c.req.valid('param').id), 200),
  );
  app.openapi(
    apiRoute(TAG, 'get', '/api/knowledge/gaps', {
      summary:
        'Knowledge gaps for tickets created in [from, to): top contact reasons per language without an article, or whose articles fail to deflect',
      request: { query: GapsQuery },
      responses: { 200: json(GapsSchema, 'Gaps') },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(
        await knowledgeGapsReport(c.var.scoped, clock, {
          from: new Date(q.from),
          to: new Date(q.to),
          limit: q.limit,
        }),
        200,
      );
    },
  );
  app.openapi(
    apiRoute(TAG, 'get', '/api/knowledge/deflection', {
      summary: 'Deflection of help-center sessions started in [from, to)',
      request: { query: DeflectionQuery },
      responses: { 200: json(DeflectionSchema, 'Deflection') },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(
        await deflection(c.var.scoped, clock, { from: new Date(q.from), to: new Date(q.to) }),
        200,
      );
    },
  );
  app.openapi(
    apiRoute(TAG, 'get', '/api/knowledge/export', {
      summary: 'The whole knowledge base: every article, translation and version (docs/knowledge-export.md)',
      responses: { 200: json(KnowledgeExportSchema, 'Export') },
    }),
    async (c) => {
      const body = await exportKnowledge(c.var.scoped);
      // An export leaves the platform: one audit record (issue 11).
      await appendAudit(c.var.scoped, clock, {
        action: 'export',
        subjectType: 'knowledge',
        subjectId: 'knowledge-base',
        payload: { articles: body.articles.length },
      });
      return c.json(body, 200);
    },
  );
  app.openapi(
    apiRoute(TAG, 'post', '/api/knowledge/import', {
      summary: 'Load an export into an empty knowledge base',
      request: { body: jsonBody(KnowledgeExportSchema) },
      responses: { 201: json(ImportResultSchema, 'Imported') },
    }),
    async (c) => c.json(await importKnowledge(c.var.scoped, clock, c.req.valid('json')), 201),
  );
  app.openapi(
    apiRoute(TAG, 'post', '/api/knowledge/import-help-desk', {
      summary:
        'Load articles exported from Zendesk Guide, Freshdesk Solutions or a Zammad knowledge base into an empty knowledge base',
      request: {
        body: jsonBody(
          z
            .object({
              source: z.enum(HELP_DESK_SOURCES),
              export: z.record(z.string(), z.unknown()).openapi({
                description:
                  'zendesk: {categories, sections, articles, translations?, user_segments?} as the Help Center API lists them; freshdesk: {categories, folders, articles}; zammad: the assets of POST /api/v1/knowledge_bases/init with Locale',
              }),
            })
            .strict()
            .openapi('HelpDeskKnowledgeImport'),
        ),
      },
      responses: { 201: json(ImportResultSchema, 'Imported') },
    }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await importFromHelpDesk(c.var.scoped, clock, body.source, body.export), 201);
    },
  );
}

export const PublicSearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});
