import type { z } from '@hono/zod-openapi';
import type { Clock } from '../../../platform/clock.js';
import { validationError } from '../../../platform/http/validation.js';
import type { ScopedDb } from '../../../platform/scope.js';
import { authorize } from '../policy.js';
import { KnowledgeExportSchema } from '../schemas.js';
import { settingsRow } from '../service.js';
import { importKnowledge } from '../transfer.js';
import { FreshdeskSolutionsExport, fromFreshdesk } from './freshdesk.js';
import { fromZammad, ZammadKnowledgeBaseExport } from './zammad.js';
import { fromZendesk, ZendeskGuideExport } from './zendesk.js';

export const HELP_DESK_SOURCES = ['zendesk', 'freshdesk', 'zammad'] as const;
export type HelpDeskSource = (typeof HELP_DESK_SOURCES)[number];

/**
 * Articles exported from another help desk (Zendesk Guide, Freshdesk Solutions, Zammad knowledge
 * base; the formats are described beside each reader), converted to our export document and loaded
 * as the exit plan's import loads one: into an empty knowledge base, every language a translation,
 * HTML turned into Markdown, agents-only articles internal, drafts kept as drafts.
 */
export async function importFromHelpDesk(
  s: ScopedDb,
  clock: Clock,
  source: HelpDeskSource,
  body: unknown,
): Promise<{ categories: number; articles: number; versions: number }> {
  authorize(s.actor, 'knowledge.manage', 'knowledge base');
  const { default_language: language } = await settingsRow(s, clock);
  const now = clock.now().toISOString();
  const parse = <T extends z.ZodTypeAny>(schema: T): z.infer<T> => {
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw validationError(parsed.error.issues, 'export');
    return parsed.data;
  };
  const doc =
    source === 'zendesk'
      ? fromZendesk(parse(ZendeskGuideExport), language, now)
      : source === 'freshdesk'
        ? fromFreshdesk(parse(FreshdeskSolutionsExport), language, now)
        : fromZammad(parse(ZammadKnowledgeBaseExport), language, now);
  // What the conversion made must be a valid export (lengths, language tags) before it is loaded.
  const checked = KnowledgeExportSchema.safeParse(doc);
  if (!checked.success) throw validationError(checked.error.issues, 'json');
  return importKnowledge(s, clock, checked.data);
}
