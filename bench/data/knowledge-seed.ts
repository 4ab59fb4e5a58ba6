// Loads the judged set's articles (every language published) into the demo organization of a
// test app, through the knowledge module's import: what the search benches read.
import { importKnowledge } from '../../packages/server/src/modules/knowledge/transfer.js';
import { type ScopedDb, systemActor } from '../../packages/server/src/platform/scope.js';
import type { TestApp } from '../../packages/server/src/test-support/test-app.js';
import { ARTICLES } from './knowledge-judged-set.js';

export async function seedJudgedSet(t: TestApp, copies = 1): Promise<ScopedDb> {
  const org = await t.shoreline.ctx.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
  const scoped = t.shoreline.ctx.scope(systemActor('bench', org.id));
  const at = '2026-03-01T00:00:00.000Z';
  const articles = [];
  for (let copy = 0; copy < copies; copy++)
    for (const a of ARTICLES)
      articles.push({
        slug: copy === 0 ? a.slug : `${a.slug}-${copy}`,
        section: null,
        ownerId: null,
        reviewBy: null,
        internal: false,
        createdAt: at,
        translations: Object.entries(a.text).map(([language, [title, body]]) => ({
          language,
          status: 'published' as const,
          publishedVersion: 1,
          publishedAt: at,
          versions: [
            {
              number: 1,
              title,
              body,
              status: 'published' as const,
              authorId: 'system:bench',
              reviewerId: null,
              restoredFrom: null,
              createdAt: at,
            },
          ],
        })),
      });
  await importKnowledge(scoped, t.shoreline.ctx.clock, {
    format: 'shoreline-knowledge',
    version: 1,
    categories: [],
    articles,
  });
  return scoped;
}
