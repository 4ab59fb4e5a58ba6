import { articleDraftFromTicket, articleTopic, canonicalLanguage, extractTopic } from '@shoreline/core';
import type { Clock } from '../../platform/clock.js';
import type { ScopedDb } from '../../platform/scope.js';
import { ticketService } from '../tickets/index.js';
import { slugOf } from './imports/common.js';
import { authorize } from './policy.js';
import type { KnowledgeTicketDraft } from './schemas.js';
import { settingsRow } from './service.js';

const DONE = new Set(['solved', 'closed']);

/**
 * "Write an article from this ticket": a draft from the customer's first public message and the
 * agent's last public reply, personal data removed (core articleDraftFromTicket). `suggest` says
 * whether the Desk offers it: the ticket is solved, has a topic and an agent's answer, and no
 * published article of that topic exists in its language (the same topic inference as the gaps
 * report). The agent may still open it by hand. Decision 0038.
 */
export async function ticketArticleDraft(
  s: ScopedDb,
  clock: Clock,
  ticketId: string,
): Promise<KnowledgeTicketDraft> {
  authorize(s.actor, 'knowledge.draft', 'ticket');
  const { ticket, messages } = await ticketService.getTicket(s, ticketId);
  const settings = await settingsRow(s, clock);
  const language = canonicalLanguage(String(ticket.language ?? '')) ?? settings.default_language;
  // Imported tickets carry their topic; live ones are read from their words as imports do.
  const topic =
    (ticket.topic as string | null) ??
    extractTopic({
      tags: (ticket.tags as string[] | null) ?? [],
      subject: (ticket.subject as string | null) ?? null,
      text: (ticket.description as string | null) ?? null,
    });
  const shown = messages.filter((m) => m.public);
  const question = shown.find((m) => m.authorType === 'customer')?.body ?? '';
  const answer = [...shown].reverse().find((m) => m.authorType === 'agent')?.body ?? '';
  const draft = articleDraftFromTicket({
    subject: (ticket.subject as string | null) ?? null,
    question,
    answer,
  });
  let covered = false;
  if (topic !== null) {
    const published = await s
      .selectFrom('knowledge_translations')
      .innerJoin('knowledge_articles', 'knowledge_articles.id', 'knowledge_translations.article_id')
      .select(['knowledge_translations.title', 'knowledge_translations.body_md'])
      .where(s.condition('knowledge_articles'))
      .where('knowledge_translations.language', '=', language)
      .where('knowledge_translations.published_version', 'is not', null)
      .where('knowledge_articles.internal', '=', false)
      .execute();
    covered = published.some((p) => articleTopic({ title: p.title ?? '', body: p.body_md ?? '' }) === topic);
  }
  return {
    ticketId,
    suggest: DONE.has(String(ticket.status)) && topic !== null && answer.trim() !== '' && !covered,
    topic,
    language,
    title: draft.title,
    body: draft.body,
    slug: slugOf(draft.title, `ticket-${ticketId.slice(-8).toLowerCase()}`),
  };
}
