import type { Clock } from '../../platform/clock.js';
import { notFound } from '../../platform/http/problem.js';
import type { ScopedDb } from '../../platform/scope.js';
import { ticketService } from '../tickets/index.js';
import { authorize } from './policy.js';
import type { KnowledgeArticleTickets } from './schemas.js';

/** The ticket a help-center session became: its id and provider (vendor staff see their own links). */
export interface ContactTicket {
  id: string;
  providerId: string | null;
}

/**
 * "Still need help?" became a ticket (the contact form, or a chat started from the help center):
 * the session counts as a contact in deflection (core deflectionReport) from now, and each article
 * it read is linked to the ticket. A session already marked keeps its first contact. Decision 0038.
 */
export async function markHelpCenterContact(
  s: ScopedDb,
  clock: Clock,
  sessionId: string,
  ticket: ContactTicket,
): Promise<boolean> {
  const marked = await s
    .updateTable('knowledge_sessions')
    .set({ contacted_at: clock.now(), ticket_id: ticket.id })
    .where('id', '=', sessionId)
    .where('contacted_at', 'is', null)
    .executeTakeFirst();
  if (Number(marked.numUpdatedRows) === 0) return false;
  const reads = await s
    .selectFrom('knowledge_activity')
    .select('article_id')
    .distinct()
    .where('session_id', '=', sessionId)
    .where('kind', '=', 'view')
    .where('article_id', 'is not', null)
    .execute();
  if (reads.length > 0)
    await s
      .insertInto(
        'knowledge_ticket_links',
        reads.map((r) => ({
          provider_id: ticket.providerId,
          article_id: r.article_id!,
          ticket_id: ticket.id,
          kind: 'read',
          at: clock.now(),
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  return true;
}

/**
 * An agent inserted the article (link or text) into a reply on the ticket: recorded so the article
 * lists the tickets it served. The ticket must be one the agent may see (404 otherwise).
 */
export async function linkInsertedArticle(
  s: ScopedDb,
  clock: Clock,
  articleId: string,
  ticketId: string,
): Promise<void> {
  await readableArticle(s, articleId);
  const { ticket } = await ticketService.getTicket(s, ticketId);
  await s
    .insertInto('knowledge_ticket_links', {
      provider_id: ticket.providerId as string | null,
      article_id: articleId,
      ticket_id: ticketId,
      kind: 'inserted',
      at: clock.now(),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * The tickets an article served, newest first (at most `limit`): vendor staff see only their
 * provider's (the table's scope), so the counts are theirs too.
 */
export async function articleTickets(
  s: ScopedDb,
  articleId: string,
  limit = 100,
): Promise<KnowledgeArticleTickets> {
  await readableArticle(s, articleId);
  const links = await s
    .selectFrom('knowledge_ticket_links')
    .select(['ticket_id', 'kind', 'at'])
    .where('article_id', '=', articleId)
    .orderBy('at', 'desc')
    .orderBy('ticket_id')
    .execute();
  const ids = [...new Set(links.map((l) => l.ticket_id))];
  const tickets = new Map(
    (ids.length === 0
      ? []
      : await s
          .selectFrom('tickets')
          .select(['id', 'number', 'subject', 'status', 'language'])
          .where('id', 'in', ids)
          .execute()
    ).map((t) => [t.id, t]),
  );
  const rows: KnowledgeArticleTickets['tickets'] = [];
  for (const id of ids) {
    const t = tickets.get(id);
    if (!t) continue;
    const mine = links.filter((l) => l.ticket_id === id);
    rows.push({
      id,
      number: t.number,
      subject: t.subject,
      status: t.status,
      language: t.language,
      kinds: [...new Set(mine.map((l) => l.kind))].sort(),
      at: new Date(mine[0]!.at).toISOString(),
    });
  }
  return {
    articleId,
    read: new Set(links.filter((l) => l.kind === 'read').map((l) => l.ticket_id)).size,
    inserted: new Set(links.filter((l) => l.kind === 'inserted').map((l) => l.ticket_id)).size,
    tickets: rows.slice(0, limit),
  };
}

/** The article must exist in the caller's organization (404 otherwise, like a refusal). */
async function readableArticle(s: ScopedDb, articleId: string): Promise<void> {
  authorize(s.actor, 'knowledge.read', 'article');
  const article = await s
    .selectFrom('knowledge_articles')
    .select('id')
    .where('id', '=', articleId)
    .executeTakeFirst();
  if (!article) throw notFound('article');
}
