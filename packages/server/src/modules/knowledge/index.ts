import type { ShorelineModule } from '../../platform/module.js';
import { registerKnowledgeCommands } from './cli.js';
import { forgetHelpCenter } from './help-center/page-cache.js';
import { knowledgeMigrations } from './migrations.js';
import { knowledgePolicy } from './policy.js';
import { knowledgeAdminRoutes } from './routes/admin.js';
import { helpCenterRoutes } from './routes/help-center.js';
import { knowledgeScopedTables } from './tables.js';

export { helpCenterSlug } from './help-center/visits.js';
// Govern's exit readiness: who owns and wrote the published articles.
export { type PublishedArticleOwnership, publishedArticleOwnership } from './ownership.js';
export type { knowledgePolicy } from './policy.js';
// The API contract's sources (src/contract.ts): type-only, erased from the web app's bundle.
export type * from './schemas.js';
// What other modules may use: the agents' search (Desk's "insert article", the chat widget).
export { searchArticles } from './search.js';
// A chat started from the help center counts as a contact in deflection (decision 0038).
export { markHelpCenterContact } from './ticket-links.js';

/**
 * Knowledge: categories, sections, articles in any language (one canonical version per
 * language, drafts → review → published, versions with diff and restore, owners and review-by
 * dates), search per language, the public help center at `/help/<slug>` and deflection measured
 * from its sessions. Decision 0022.
 */
export const knowledgeModule: ShorelineModule = {
  name: 'knowledge',
  migrations: knowledgeMigrations,
  scopedTables: knowledgeScopedTables,
  policy: knowledgePolicy,
  publicPaths: ['/api/help/*'],
  cli: registerKnowledgeCommands,
  routes(app, ctx) {
    // A knowledge write through the API: this process's help center forgets the organization's
    // pages once it is committed (other processes learn by the triggers' signal).
    app.use('/api/knowledge/*', async (c, next) => {
      await next();
      if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.get('actor'))
        forgetHelpCenter(ctx.db, c.get('actor').organizationId);
    });
    knowledgeAdminRoutes(app, ctx);
    helpCenterRoutes(app, ctx);
  },
};
