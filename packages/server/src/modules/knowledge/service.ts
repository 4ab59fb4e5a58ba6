import { canonicalLanguage, foldForSearch, knowledgeTextConfig } from '@shoreline/core';
import { diffLines } from 'diff';
import type { Selectable } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import { changedColumns } from '../../platform/db/changed-columns.js';
import { recordEvent } from '../../platform/events/index.js';
import { AppError, notFound, oneOrNotFound } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import { ScopedDb } from '../../platform/scope.js';
import { authorize, can } from './policy.js';
import { presentArticle, presentSettings, presentVersion } from './presenters.js';
import { plainText, renderMarkdown } from './render.js';
import type {
  KnowledgeArticleDetail,
  KnowledgeCategory,
  KnowledgeDiff,
  KnowledgeSettings,
} from './schemas.js';
import type {
  KnowledgeSettingsTable,
  KnowledgeTranslationsTable,
  KnowledgeVersionsTable,
  Localized,
} from './tables.js';

/** How long after a self-service session a contact still counts as its failure, by default: 24 h. */
export const DEFAULT_DEFLECTION_WINDOW_SEC = 86_400;

const invalid = (field: string, message: string) =>
  new AppError('validation_failed', `${field}: ${message}`, field);

function language(tag: string, field = 'language'): string {
  const canonical = canonicalLanguage(tag);
  if (!canonical) throw invalid(field, 'must be a language tag such as en or pt-BR');
  return canonical;
}

/** The help center's settings, made with defaults the first time anyone asks. */
export async function settingsRow(s: ScopedDb, clock: Clock): Promise<Selectable<KnowledgeSettingsTable>> {
  const found = await s.selectFrom('knowledge_settings').selectAll().executeTakeFirst();
  if (found) return found;
  const organizationId = s.actor.organizationId;
  await asOrganization(s)
    .insertInto('knowledge_settings', {
      slug: organizationId.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      name: 'Help center',
      brand_color: '#0b5cad',
      logo_url: null,
      default_language: 'en',
      vendor_may_draft: false,
      vendor_may_publish: false,
      require_review: false,
      deflection_window_sec: DEFAULT_DEFLECTION_WINDOW_SEC,
      updated_at: clock.now(),
    })
    .onConflict((oc) => oc.column('organization_id').doNothing())
    .execute();
  return s.selectFrom('knowledge_settings').selectAll().executeTakeFirstOrThrow();
}

export async function getSettings(s: ScopedDb, clock: Clock): Promise<KnowledgeSettings> {
  return presentSettings(await settingsRow(s, clock));
}

export async function updateSettings(
  s: ScopedDb,
  clock: Clock,
  patch: Partial<KnowledgeSettings>,
): Promise<KnowledgeSettings> {
  authorize(s.actor, 'knowledge.manage', 'knowledge settings');
  await settingsRow(s, clock);
  const row = await s
    .updateTable('knowledge_settings')
    .set({
      ...changedColumns(patch, [
        'slug',
        'name',
        'logoUrl',
        'vendorMayDraft',
        'vendorMayPublish',
        'requireReview',
        'deflectionWindowSec',
        'chatWidgetKey',
      ]),
      ...(patch.brandColor !== undefined && { brand_color: patch.brandColor.toLowerCase() }),
      ...(patch.defaultLanguage !== undefined && {
        default_language: language(patch.defaultLanguage, 'defaultLanguage'),
      }),
      updated_at: clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return presentSettings(row);
}

/**
 * The organization's own scope for a write the policy and settings already allowed: the knowledge
 * base has no provider column (the client owns it), and ScopedDb lets vendor staff insert only rows
 * of their provider, so an allowed vendor write goes through the organization's scope. The vendor
 * author is still recorded (`author_id`, the event's actor).
 */
export function asOrganization(s: ScopedDb): ScopedDb {
  if (s.actor.providerId === null) return s;
  return new ScopedDb(s.executor, { ...s.actor, providerId: null }, s.rules, s.database);
}

export async function authorizeWrite(
  s: ScopedDb,
  clock: Clock,
  step: 'draft' | 'publish',
): Promise<Selectable<KnowledgeSettingsTable>> {
  const settings = await settingsRow(s, clock);
  const vendor = s.actor.providerId !== null;
  if (step === 'draft' && vendor && !settings.vendor_may_draft) throw notFound('article');
  if (step === 'publish') {
    authorize(s.actor, 'knowledge.publish', 'article');
    if (vendor && !settings.vendor_may_publish) throw notFound('article');
  }
  return settings;
}

// Categories and sections

export async function listCategories(s: ScopedDb): Promise<KnowledgeCategory[]> {
  const [categories, sections] = await Promise.all([
    s.selectFrom('knowledge_categories').selectAll().orderBy('position').orderBy('slug').execute(),
    s.selectFrom('knowledge_sections').selectAll().orderBy('position').orderBy('slug').execute(),
  ]);
  return categories.map((c) => ({
    id: c.id,
    slug: c.slug,
    names: c.names,
    position: c.position,
    sections: sections
      .filter((x) => x.category_id === c.id)
      .map((x) => ({ id: x.id, slug: x.slug, names: x.names, position: x.position })),
  }));
}

export async function createCategory(
  s: ScopedDb,
  clock: Clock,
  input: { slug: string; names: Localized; position: number },
): Promise<KnowledgeCategory> {
  authorize(s.actor, 'knowledge.manage', 'category');
  const id = newId('kcat', clock.now().getTime());
  await s
    .insertInto('knowledge_categories', {
      id,
      slug: input.slug,
      names: JSON.stringify(canonicalNames(input.names)),
      position: input.position,
      created_at: clock.now(),
    })
    .execute();
  return (await listCategories(s)).find((c) => c.id === id)!;
}

export async function createSection(
  s: ScopedDb,
  clock: Clock,
  input: { categoryId: string; slug: string; names: Localized; position: number },
): Promise<KnowledgeCategory> {
  authorize(s.actor, 'knowledge.manage', 'section');
  const category = await oneOrNotFound(
    s.selectFrom('knowledge_categories').select('id').where('id', '=', input.categoryId),
    'category',
  );
  await s
    .insertInto('knowledge_sections', {
      id: newId('ksec', clock.now().getTime()),
      category_id: category.id,
      slug: input.slug,
      names: JSON.stringify(canonicalNames(input.names)),
      position: input.position,
      created_at: clock.now(),
    })
    .execute();
  return (await listCategories(s)).find((c) => c.id === category.id)!;
}

function canonicalNames(names: Localized): Localized {
  return Object.fromEntries(
    Object.entries(names).map(([tag, name]) => [language(tag, `names.${tag}`), name]),
  );
}

// Articles

const today = (clock: Clock) => clock.now().toISOString().slice(0, 10);

export async function listArticles(s: ScopedDb, clock: Clock) {
  const [articles, translations] = await Promise.all([
    s.selectFrom('knowledge_articles').selectAll().orderBy('slug').execute(),
    s.selectFrom('knowledge_translations').selectAll().execute(),
  ]);
  return articles.map((a) => presentArticle(a, translations, today(clock)));
}

export async function getArticle(s: ScopedDb, clock: Clock, id: string): Promise<KnowledgeArticleDetail> {
  const article = await s.findOrNotFound('knowledge_articles', id, 'article');
  const translations = await s.rowsWhere('knowledge_translations', 'article_id', id);
  const latest = await s
    .selectFrom('knowledge_versions')
    .selectAll()
    .where('article_id', '=', id)
    .orderBy('language')
    .orderBy('number', 'desc')
    .execute();
  const newestPerLanguage = latest.filter((v, i) => i === 0 || latest[i - 1]!.language !== v.language);
  return {
    ...presentArticle(article, translations, today(clock)),
    latest: newestPerLanguage.map(presentVersion),
  };
}

export interface ArticleInput {
  slug: string;
  sectionId: string | null;
  ownerId: string | null;
  reviewBy: string | null;
  internal: boolean;
  language: string;
  title: string;
  body: string;
}

/** A new article with its first draft in one language. */
export async function createArticle(
  s: ScopedDb,
  clock: Clock,
  input: ArticleInput,
): Promise<KnowledgeArticleDetail> {
  await authorizeWrite(s, clock, 'draft');
  const id = await s.transaction(async (tx) => {
    const w = asOrganization(tx);
    if (input.sectionId !== null) await requireSection(tx, input.sectionId);
    const now = clock.now();
    const articleId = newId('kart', now.getTime());
    await w
      .insertInto('knowledge_articles', {
        id: articleId,
        section_id: input.sectionId,
        slug: input.slug,
        owner_id: input.ownerId,
        review_by: input.reviewBy,
        internal: input.internal,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await addVersion(tx, clock, articleId, {
      language: input.language,
      title: input.title,
      body: input.body,
    });
    await event(tx, clock, 'knowledge.article_created', articleId, { slug: input.slug });
    return articleId;
  });
  return getArticle(s, clock, id);
}

async function requireSection(s: ScopedDb, sectionId: string) {
  const found = await s
    .selectFrom('knowledge_sections')
    .select('id')
    .where('id', '=', sectionId)
    .executeTakeFirst();
  if (!found) throw invalid('sectionId', 'no such section');
}

export async function updateArticle(
  s: ScopedDb,
  clock: Clock,
  id: string,
  patch: Partial<Pick<ArticleInput, 'slug' | 'sectionId' | 'ownerId' | 'reviewBy' | 'internal'>>,
): Promise<KnowledgeArticleDetail> {
  await authorizeWrite(s, clock, 'draft');
  if (patch.sectionId) await requireSection(s, patch.sectionId);
  const updated = await s
    .updateTable('knowledge_articles')
    .set({
      ...changedColumns(patch, ['slug', 'sectionId', 'ownerId', 'reviewBy', 'internal']),
      updated_at: clock.now(),
    })
    .where('id', '=', id)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) throw notFound('article');
  return getArticle(s, clock, id);
}

async function translationOf(s: ScopedDb, articleId: string, lang: string) {
  return s.findMatching('knowledge_translations', { article_id: articleId, language: lang });
}

/** Saves a new version (a draft) of one language of an article; the first makes the translation. */
async function addVersion(
  tx: ScopedDb,
  clock: Clock,
  articleId: string,
  input: { language: string; title: string; body: string; restoredFrom?: number },
): Promise<number> {
  const lang = language(input.language);
  const w = asOrganization(tx);
  const now = clock.now();
  let translation = await translationOf(tx, articleId, lang);
  if (!translation) {
    await w
      .insertInto('knowledge_translations', {
        id: newId('ktr', now.getTime()),
        article_id: articleId,
        language: lang,
        latest_version: 0,
        status: 'draft',
        published_version: null,
        search_config: knowledgeTextConfig(lang),
        updated_at: now,
      })
      .execute();
    translation = (await translationOf(tx, articleId, lang))!;
  }
  const number = translation.latest_version + 1;
  await w
    .insertInto('knowledge_versions', {
      translation_id: translation.id,
      article_id: articleId,
      language: lang,
      number,
      title: input.title,
      body_md: input.body,
      status: 'draft',
      author_id: tx.actor.userId,
      reviewer_id: null,
      restored_from: input.restoredFrom ?? null,
      created_at: now,
    })
    .execute();
  await w
    .updateTable('knowledge_translations')
    .set({ latest_version: number, status: 'draft', updated_at: now })
    .where('id', '=', translation.id)
    .execute();
  await w.updateTable('knowledge_articles').set({ updated_at: now }).where('id', '=', articleId).execute();
  return number;
}

async function requireArticle(s: ScopedDb, id: string) {
  await oneOrNotFound(s.selectFrom('knowledge_articles').select('id').where('id', '=', id), 'article');
}

/** A new draft of one language (a translation into a new language is a first draft). */
export async function saveDraft(
  s: ScopedDb,
  clock: Clock,
  articleId: string,
  input: { language: string; title: string; body: string },
): Promise<KnowledgeArticleDetail> {
  await authorizeWrite(s, clock, 'draft');
  await s.transaction(async (tx) => {
    await requireArticle(tx, articleId);
    await addVersion(tx, clock, articleId, input);
  });
  return getArticle(s, clock, articleId);
}

async function versionRow(s: ScopedDb, articleId: string, lang: string, number: number | undefined) {
  const translation = await translationOf(s, articleId, lang);
  if (!translation) throw notFound('translation');
  const n = number ?? translation.latest_version;
  const version = await s.findMatching('knowledge_versions', { translation_id: translation.id, number: n });
  if (!version) throw invalid('version', `no version ${n} in ${lang}`);
  return { translation, version };
}

/** Asks for review of the newest draft. */
export async function submitForReview(
  s: ScopedDb,
  clock: Clock,
  articleId: string,
  input: { language: string },
): Promise<KnowledgeArticleDetail> {
  await authorizeWrite(s, clock, 'draft');
  const lang = language(input.language);
  await s.transaction(async (tx) => {
    const { translation, version } = await versionRow(tx, articleId, lang, undefined);
    if (version.status !== 'draft')
      throw invalid('language', `the newest ${lang} version is ${version.status}, not a draft`);
    const w = asOrganization(tx);
    await setVersionStatus(w, version, { status: 'in_review' });
    await w
      .updateTable('knowledge_translations')
      .set({ status: 'in_review', updated_at: clock.now() })
      .where('id', '=', translation.id)
      .execute();
    await versionEvent(tx, clock, 'knowledge.review_requested', version);
  });
  return getArticle(s, clock, articleId);
}

/**
 * Publishes a version (the newest by default): it becomes the translation's canonical text,
 * searchable and on the help center; the one before is superseded. With `require_review`, only a
 * version in review, by someone other than its author.
 */
export async function publish(
  s: ScopedDb,
  clock: Clock,
  articleId: string,
  input: { language: string; version?: number | undefined },
): Promise<KnowledgeArticleDetail> {
  const settings = await authorizeWrite(s, clock, 'publish');
  const lang = language(input.language);
  await s.transaction(async (tx) => {
    const { translation, version } = await versionRow(tx, articleId, lang, input.version);
    if (version.status === 'published') return;
    if (settings.require_review) {
      if (version.status !== 'in_review')
        throw invalid('version', 'must be reviewed first: submit it for review');
      if (version.author_id === tx.actor.userId) throw invalid('version', 'its author may not review it');
    }
    const now = clock.now();
    const w = asOrganization(tx);
    await w
      .updateTable('knowledge_versions')
      .set({ status: 'superseded' })
      .where('translation_id', '=', translation.id)
      .where('status', '=', 'published')
      .execute();
    await setVersionStatus(w, version, { status: 'published', reviewer_id: tx.actor.userId });
    await w
      .updateTable('knowledge_translations')
      .set({
        ...publishedText(lang, version.title, version.body_md),
        published_version: version.number,
        published_at: now,
        status: version.number === translation.latest_version ? 'published' : translation.status,
        updated_at: now,
      })
      .where('id', '=', translation.id)
      .execute();
    await versionEvent(tx, clock, 'knowledge.article_published', version);
  });
  return getArticle(s, clock, articleId);
}

/** Moves one version of a translation to `set`'s status (a review, a publication). */
async function setVersionStatus(
  w: ScopedDb,
  version: Selectable<KnowledgeVersionsTable>,
  set: { status: 'in_review' } | { status: 'published'; reviewer_id: string | null },
) {
  await w
    .updateTable('knowledge_versions')
    .set(set)
    .where('translation_id', '=', version.translation_id)
    .where('number', '=', version.number)
    .execute();
}

/** The event of a step in one version's life: its article, language and number. */
function versionEvent(tx: ScopedDb, clock: Clock, type: string, version: Selectable<KnowledgeVersionsTable>) {
  return event(tx, clock, type, version.article_id, { language: version.language, version: version.number });
}

/** The columns a translation's published text sets: the text, its HTML and what search reads. */
export function publishedText(
  lang: string,
  title: string,
  body: string,
): Partial<Selectable<KnowledgeTranslationsTable>> {
  const text = plainText(body);
  const lower = (t: string) => {
    try {
      return t.toLocaleLowerCase(lang);
    } catch {
      return t.toLowerCase();
    }
  };
  return {
    title,
    body_md: body,
    body_html: renderMarkdown(body),
    search_config: knowledgeTextConfig(lang),
    search_title: lower(title),
    search_body: lower(text),
    search_folded: foldForSearch(`${title} ${text}`, lang),
  };
}

export async function listVersions(s: ScopedDb, articleId: string, lang: string | undefined) {
  await requireArticle(s, articleId);
  if (lang === undefined) throw invalid('language', 'required');
  const rows = await s
    .selectFrom('knowledge_versions')
    .selectAll()
    .where('article_id', '=', articleId)
    .where('language', '=', language(lang))
    .orderBy('number', 'desc')
    .execute();
  if (rows.length === 0) throw notFound('article');
  return rows.map(presentVersion);
}

/** Line-by-line difference between two versions of one language (Myers' algorithm, via `diff`). */
export async function diffVersions(
  s: ScopedDb,
  articleId: string,
  input: { language?: string | undefined; from?: number | undefined; to?: number | undefined },
): Promise<KnowledgeDiff> {
  await requireArticle(s, articleId);
  for (const field of ['language', 'from', 'to'] as const)
    if (input[field] === undefined) throw invalid(field, 'required');
  const lang = language(input.language!);
  const a = (await versionRow(s, articleId, lang, input.from!)).version;
  const b = (await versionRow(s, articleId, lang, input.to!)).version;
  const lines: KnowledgeDiff['lines'] = [];
  for (const part of diffLines(a.body_md, b.body_md)) {
    const op = part.added ? 'added' : part.removed ? 'removed' : 'same';
    for (const text of part.value.replace(/\n$/, '').split('\n')) lines.push({ op, text });
  }
  return { language: lang, from: a.number, to: b.number, title: { from: a.title, to: b.title }, lines };
}

/** Restores an old version: a new draft with its text (history is never rewritten). */
export async function restoreVersion(
  s: ScopedDb,
  clock: Clock,
  articleId: string,
  input: { language: string; version: number },
): Promise<KnowledgeArticleDetail> {
  await authorizeWrite(s, clock, 'draft');
  await s.transaction(async (tx) => {
    await requireArticle(tx, articleId);
    const { version } = await versionRow(tx, articleId, language(input.language), input.version);
    await addVersion(tx, clock, articleId, {
      language: version.language,
      title: version.title,
      body: version.body_md,
      restoredFrom: version.number,
    });
  });
  return getArticle(s, clock, articleId);
}

async function event(
  s: ScopedDb,
  clock: Clock,
  type: string,
  articleId: string,
  payload: Record<string, unknown>,
) {
  await recordEvent(s.executor, {
    type,
    organizationId: s.actor.organizationId,
    providerId: null,
    subjectType: 'knowledge_article',
    subjectId: articleId,
    actorId: s.actor.userId,
    occurredAt: clock.now(),
    payload,
  });
}

export { can };
