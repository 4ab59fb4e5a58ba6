import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { canonicalLanguage } from '@shoreline/core';
import type { AppEnv } from '../../../platform/http/env.js';
import { IdParam, json, jsonBody, listOf, routesFor } from '../../../platform/http/openapi.js';
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
  const route = routesFor(app, TAG);
  const { clock } = ctx;
  route.get('/api/knowledge/settings', {
    summary: "The help center's address, brand and writing policy",
    ok: KnowledgeSettingsSchema,
    run: ({ scoped }) => service.getSettings(scoped, clock),
  });
  route.patch('/api/knowledge/settings', {
    summary: 'Change the help center settings (admins)',
    body: KnowledgeSettingsUpdate,
    ok: KnowledgeSettingsSchema,
    run: ({ scoped, body }) => service.updateSettings(scoped, clock, body),
  });
  route.list(
    '/api/knowledge/categories',
    'Categories with their sections',
    CategorySchema,
    'KnowledgeCategoryList',
    service.listCategories,
  );
  route.create(
    '/api/knowledge/categories',
    'Create a category (admins)',
    CategoryCreate,
    CategorySchema,
    (scoped, body) => service.createCategory(scoped, clock, body),
  );
  route.create(
    '/api/knowledge/sections',
    'Create a section in a category (admins)',
    SectionCreate,
    CategorySchema,
    (scoped, body) => service.createSection(scoped, clock, body),
  );
  route.get('/api/knowledge/articles', {
    summary: 'Every article with its languages, workflow state and stale flag',
    ok: listOf(ArticleSchema, 'KnowledgeArticleList'),
    run: async ({ scoped }) => ({ items: await service.listArticles(scoped, clock) }),
  });
  route.create(
    '/api/knowledge/articles',
    'Create an article with its first draft',
    ArticleCreate,
    ArticleDetailSchema,
    (scoped, body) => service.createArticle(scoped, clock, body),
  );
  route.get('/api/knowledge/articles/{id}', {
    summary: 'An article with the newest version of each language',
    request: { params: IdParam },
    responses: Detail('The article'),
    run: ({ scoped, param }) => service.getArticle(scoped, clock, param.id),
  });
  // An article's changes and workflow steps: each takes a body and answers the article.
  const articleSteps = [
    [
      'patch',
      '',
      "Change an article's slug, section, owner, review-by date or visibility",
      ArticleUpdate,
      service.updateArticle,
    ],
    [
      'post',
      '/drafts',
      'Save a new draft version of one language (a new language starts a translation)',
      DraftCreate,
      service.saveDraft,
    ],
    ['post', '/review', "Submit a language's newest draft for review", WorkflowStep, service.submitForReview],
    [
      'post',
      '/publish',
      'Publish a version of one language (the newest by default)',
      WorkflowStep,
      service.publish,
    ],
    ['post', '/restore', 'Restore an old version as a new draft', RestoreRequest, service.restoreVersion],
  ] as const;
  for (const [method, suffix, summary, body, step] of articleSteps) {
    route[method](`/api/knowledge/articles/{id}${suffix}`, {
      summary,
      request: { params: IdParam, body: jsonBody(body) },
      responses: Detail('The article'),
      run: ({ scoped, param, body }) => step(scoped, clock, param.id, body as never),
    });
  }
  route.get('/api/knowledge/articles/{id}/versions', {
    summary: "One language's version history, newest first",
    params: IdParam,
    query: VersionsQuery,
    ok: listOf(VersionSchema, 'KnowledgeVersionList'),
    run: async ({ scoped, param, query }) => ({
      items: await service.listVersions(scoped, param.id, query.language),
    }),
  });
  route.get('/api/knowledge/articles/{id}/diff', {
    summary: 'What changed between two versions of one language, line by line',
    params: IdParam,
    query: DiffQuery,
    ok: DiffSchema,
    run: ({ scoped, param, query }) => service.diffVersions(scoped, param.id, query),
  });
  route.get('/api/knowledge/search', {
    summary: 'Search published articles in one language, internal ones included (agents)',
    request: { query: SearchQuery },
    responses: { 200: json(listOf(SearchHitSchema, 'KnowledgeSearchHits'), 'Hits, best first') },
    run: async ({ scoped, query }) => {
      const language = canonicalLanguage(query.language) ?? query.language;
      return { items: await searchArticles(scoped, { ...query, language, includeInternal: true }) };
    },
  });
  route.get('/api/knowledge/articles/{id}/snippet', {
    summary: "What a reply quotes of an article: title, excerpt and address in the customer's language",
    params: IdParam,
    query: SnippetQuery,
    ok: SnippetSchema,
    run: ({ scoped, param, query }) =>
      articleSnippet(scoped, clock, ctx.config.publicUrl, param.id, query.language),
  });
  route.create(
    '/api/knowledge/files',
    'Store an image (PNG, JPEG, GIF, WebP) or PDF for articles, base64, at most 512 kB; answers the Markdown that shows it',
    FileUpload,
    FileSchema,
    (scoped, body) => storeFile(scoped, clock, body),
  );
  route.get('/api/knowledge/synonyms', {
    summary: 'Synonym groups per language, which search treats as the same word',
    query: SynonymsQuery,
    ok: listOf(SynonymSchema, 'KnowledgeSynonymsList'),
    run: async ({ scoped, query }) => ({ items: await listSynonyms(scoped, query.language) }),
  });
  route.create(
    '/api/knowledge/synonyms',
    'Add a synonym group in one language (admins)',
    SynonymCreate,
    SynonymSchema,
    (scoped, body) => createSynonyms(scoped, clock, body),
  );
  route.delete('/api/knowledge/synonyms/{id}', {
    summary: 'Remove a synonym group (admins)',
    request: { params: IdParam },
    responses: { 204: { description: 'Removed' } },
    run: ({ scoped, param }) => deleteSynonyms(scoped, param.id),
  });
  route.get('/api/knowledge/articles/{id}/tickets', {
    summary:
      "The tickets an article served: read in the help-center session before the contact, or inserted into a reply (vendor staff: their provider's)",
    request: { params: IdParam },
    responses: { 200: json(ArticleTicketsSchema, 'Linked tickets, newest first') },
    run: ({ scoped, param }) => articleTickets(scoped, param.id),
  });
  route.post('/api/knowledge/articles/{id}/tickets', {
    summary: 'Record that the article was inserted into a reply on a ticket (the Desk does it on insert)',
    request: { params: IdParam, body: jsonBody(TicketLinkCreate) },
    responses: { 204: { description: 'Recorded (once per article and ticket)' } },
    run: ({ scoped, param, body }) => linkInsertedArticle(scoped, clock, param.id, body.ticketId),
  });
  route.get('/api/knowledge/tickets/{id}/article-draft', {
    summary:
      'An article draft from a ticket (question and answer, personal data removed) and whether to suggest it: solved, and no article on its topic',
    request: { params: IdParam },
    responses: { 200: json(TicketDraftSchema, 'The draft') },
    run: ({ scoped, param }) => ticketArticleDraft(scoped, clock, param.id),
  });
  route.get('/api/knowledge/gaps', {
    summary:
      'Knowledge gaps for tickets created in [from, to): top contact reasons per language without an article, or whose articles fail to deflect',
    request: { query: GapsQuery },
    responses: { 200: json(GapsSchema, 'Gaps') },
    run: ({ scoped, query }) =>
      knowledgeGapsReport(scoped, clock, {
        from: new Date(query.from),
        to: new Date(query.to),
        limit: query.limit,
      }),
  });
  route.get('/api/knowledge/deflection', {
    summary: 'Deflection of help-center sessions started in [from, to)',
    request: { query: DeflectionQuery },
    responses: { 200: json(DeflectionSchema, 'Deflection') },
    run: ({ scoped, query }) =>
      deflection(scoped, clock, { from: new Date(query.from), to: new Date(query.to) }),
  });
  route.get('/api/knowledge/export', {
    summary: 'The whole knowledge base: every article, translation and version (docs/knowledge-export.md)',
    responses: { 200: json(KnowledgeExportSchema, 'Export') },
    run: async ({ scoped }) => {
      const body = await exportKnowledge(scoped);
      // An export leaves the platform: one audit record (issue 11).
      await appendAudit(scoped, clock, {
        action: 'export',
        subjectType: 'knowledge',
        subjectId: 'knowledge-base',
        payload: { articles: body.articles.length },
      });
      return body;
    },
  });
  route.create(
    '/api/knowledge/import',
    'Load an export into an empty knowledge base',
    KnowledgeExportSchema,
    ImportResultSchema,
    (scoped, body) => importKnowledge(scoped, clock, body),
  );
  route.post('/api/knowledge/import-help-desk', {
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
    run: ({ scoped, body }) => importFromHelpDesk(scoped, clock, body.source, body.export),
  });
}

export const PublicSearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});
