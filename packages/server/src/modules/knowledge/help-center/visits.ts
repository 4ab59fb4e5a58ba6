import { type Kysely, sql } from 'kysely';
import type { Clock } from '../../../platform/clock.js';
import { qualified } from '../../../platform/db/qualified-columns.js';
import type { DB } from '../../../platform/db/schema.js';
import { newId } from '../../../platform/ids.js';
import type { ScopedDb } from '../../../platform/scope.js';
import { ticketService } from '../../tickets/index.js';
import { markHelpCenterContact } from '../ticket-links.js';

/** The help center at `/help/<slug>`: its organization and settings, or undefined. */
export async function siteBySlug(db: Kysely<DB>, slug: string) {
  return db.selectFrom('knowledge_settings').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** Languages with at least one published public article, and the default, default first. */
export async function publicLanguages(s: ScopedDb, defaultLanguage: string): Promise<string[]> {
  const rows = await s
    .selectFrom('knowledge_translations')
    .innerJoin('knowledge_articles', 'knowledge_articles.id', 'knowledge_translations.article_id')
    .select('knowledge_translations.language')
    .distinct()
    .where(s.condition('knowledge_articles'))
    .where('knowledge_translations.published_version', 'is not', null)
    .where('knowledge_articles.internal', '=', false)
    .execute();
  const others = rows.map((r) => r.language).filter((l) => l !== defaultLanguage);
  return [defaultLanguage, ...others.sort()];
}

/** The visitor's session: the one their cookie names, or a new one. */
export async function visitorSession(
  s: ScopedDb,
  clock: Clock,
  cookie: string | undefined,
  language: string,
): Promise<{ id: string; created: boolean }> {
  if (cookie && /^khs_[0-9a-z]{26}$/.test(cookie)) {
    const found = await s
      .selectFrom('knowledge_sessions')
      .select('id')
      .where('id', '=', cookie)
      .executeTakeFirst();
    if (found) return { id: found.id, created: false };
  }
  const id = newId('khs', clock.now().getTime());
  await s
    .insertInto('knowledge_sessions', {
      id,
      language,
      started_at: clock.now(),
      contacted_at: null,
      ticket_id: null,
    })
    .execute();
  return { id, created: true };
}

/** A search or a view, as recorded against the visitor's session (deflection). */
export interface VisitActivity {
  kind: 'search' | 'view';
  language: string;
  query?: string;
  results?: number;
  articleId?: string;
}

/**
 * Records a search or a view against the visitor's session in one statement: the session the
 * cookie names when it exists in this organization, else a new session made in the same statement
 * (answered `created`, so the caller sets the cookie). The page itself may come from memory; this
 * is the help center's only per-request database work for a remembered page.
 */
export async function recordVisit(
  s: ScopedDb,
  clock: Clock,
  cookie: string | undefined,
  sessionLanguage: string,
  a: VisitActivity,
): Promise<{ id: string; created: boolean }> {
  const org = s.actor.organizationId;
  const at = clock.now();
  const columns = sql`(organization_id, session_id, kind, at, query, results, article_id, language)`;
  const values = sql`${a.kind}::text, ${at}::timestamptz, ${a.query ?? null}::text,
    ${a.results ?? null}::integer, ${a.articleId ?? null}::text, ${a.language}::text`;
  if (cookie && /^khs_[0-9a-z]{26}$/.test(cookie)) {
    const found = await sql<{ session_id: string }>`
      insert into knowledge_activity ${columns}
      select organization_id, id, ${values} from knowledge_sessions
      where id = ${cookie} and organization_id = ${org}
      returning session_id`.execute(s.executor);
    if (found.rows.length > 0) return { id: cookie, created: false };
  }
  const id = newId('khs', at.getTime());
  await sql`
    with made as (
      insert into knowledge_sessions (id, organization_id, language, started_at)
      values (${id}, ${org}, ${sessionLanguage}, ${at}::timestamptz)
      returning id, organization_id
    )
    insert into knowledge_activity ${columns}
    select organization_id, id, ${values} from made`.execute(s.executor);
  return { id, created: true };
}

export async function recordActivity(
  s: ScopedDb,
  clock: Clock,
  sessionId: string,
  activity: {
    kind: 'search' | 'view' | 'feedback';
    language: string;
    query?: string;
    results?: number;
    articleId?: string;
    helpful?: boolean;
    comment?: string | null;
  },
): Promise<void> {
  await s
    .insertInto('knowledge_activity', {
      session_id: sessionId,
      kind: activity.kind,
      at: clock.now(),
      query: activity.query ?? null,
      results: activity.results ?? null,
      article_id: activity.articleId ?? null,
      language: activity.language,
      helpful: activity.helpful ?? null,
      comment: activity.comment ?? null,
    })
    .execute();
}

/** "Was this helpful?": recorded against the session, counted on the translation for ranking. */
export async function recordFeedback(
  s: ScopedDb,
  clock: Clock,
  sessionId: string,
  input: { articleId: string; language: string; helpful: boolean; comment: string | null },
): Promise<void> {
  await s.transaction(async (tx) => {
    await recordActivity(tx, clock, sessionId, { kind: 'feedback', ...input });
    const column = input.helpful ? 'helpful_yes' : 'helpful_no';
    await tx
      .updateTable('knowledge_translations')
      .set((eb) => ({ [column]: eb(column, '+', 1) }))
      .where('article_id', '=', input.articleId)
      .where('language', '=', input.language)
      .execute();
  });
}

/**
 * "Still need help?": a ticket from the contact form (through the tickets module), carrying what
 * the session searched and read as an internal note, so the agent starts where the visitor is.
 */
export async function contactSupport(
  s: ScopedDb,
  clock: Clock,
  sessionId: string,
  input: { language: string; name: string; email: string; subject: string; message: string; base: string },
): Promise<string> {
  return s.transaction(async (tx) => {
    const activity = await tx
      .selectFrom('knowledge_activity')
      .leftJoin('knowledge_articles', 'knowledge_articles.id', 'knowledge_activity.article_id')
      .select([
        ...qualified('knowledge_activity', ['kind', 'query', 'results', 'article_id', 'language']),
        'knowledge_articles.slug',
      ])
      .where('knowledge_activity.session_id', '=', sessionId)
      .where(tx.condition('knowledge_activity'))
      .orderBy('knowledge_activity.at')
      .execute();
    const searches = activity.filter((a) => a.kind === 'search');
    const reads = activity.filter((a) => a.kind === 'view');
    const titles = new Map(
      (
        await tx
          .selectFrom('knowledge_translations')
          .select(['article_id', 'language', 'title'])
          .where('article_id', 'in', reads.length ? reads.map((r) => r.article_id!) : [''])
          .execute()
      ).map((t) => [`${t.article_id}|${t.language}`, t.title]),
    );
    const note = [
      'Help center session before this contact:',
      searches.length
        ? `Searched: ${searches.map((a) => `“${a.query}” (${a.results} results)`).join('; ')}`
        : 'Searched: nothing',
      reads.length
        ? `Read: ${[...new Map(reads.map((r) => [r.article_id, r])).values()]
            .map(
              (r) =>
                `${titles.get(`${r.article_id}|${r.language}`) ?? r.slug} — ${input.base}/${r.language}/articles/${r.slug}`,
            )
            .join('; ')}`
        : 'Read: no article',
    ].join('\n');
    const ticket = await ticketService.createTicket(tx, clock, {
      subject: input.subject,
      channel: 'web_form',
      language: input.language,
      requester: `${input.name} <${input.email}>`,
      tags: ['help-center'],
      message: { body: input.message, authorType: 'customer' },
    });
    const ticketId = ticket.id as string;
    await ticketService.appendMessage(tx, clock, ticketId, {
      body: note,
      authorType: 'system',
      public: false,
    });
    await markHelpCenterContact(tx, clock, sessionId, {
      id: ticketId,
      providerId: (ticket.providerId as string | null) ?? null,
    });
    return ticketId;
  });
}

/**
 * What the visitor did in this session, for the chat widget's context when they ask for a chat
 * from the help center: each article read (title and id, first read first, once) and the last
 * search, so the agent starts where the visitor is (decision 0034), and the session's id, which the
 * chat gives back to markHelpCenterContact when it starts (decision 0038).
 */
export async function chatContext(
  s: ScopedDb,
  sessionId: string,
): Promise<{ articlesRead: string[]; searchText?: string; helpSession: string }> {
  const activity = await s
    .selectFrom('knowledge_activity')
    .select(['kind', 'query', 'article_id', 'language'])
    .where('session_id', '=', sessionId)
    .where(s.condition('knowledge_activity'))
    .where('kind', 'in', ['search', 'view'])
    .orderBy('at')
    .limit(500)
    .execute();
  const reads = [
    ...new Map(
      activity.filter((a) => a.kind === 'view' && a.article_id).map((a) => [a.article_id!, a]),
    ).values(),
  ].slice(0, 50);
  const titles = new Map(
    reads.length === 0
      ? []
      : (
          await s
            .selectFrom('knowledge_translations')
            .select(['article_id', 'language', 'title'])
            .where(
              'article_id',
              'in',
              reads.map((r) => r.article_id!),
            )
            .execute()
        ).map((t) => [`${t.article_id}|${t.language}`, t.title]),
  );
  const searches = activity.filter((a) => a.kind === 'search' && a.query);
  const last = searches[searches.length - 1]?.query;
  return {
    articlesRead: reads.map((r) => {
      const title = titles.get(`${r.article_id}|${r.language}`) ?? '';
      return `${title.slice(0, 150)} (${r.article_id})`;
    }),
    ...(last ? { searchText: last.slice(0, 200) } : {}),
    // The chat hands it back when it starts, so the session counts as a contact (decision 0038).
    helpSession: sessionId,
  };
}

/** The organization's help-center slug (for links to its articles from the chat widget), or null. */
export async function helpCenterSlug(s: ScopedDb): Promise<string | null> {
  const row = await s.selectFrom('knowledge_settings').select('slug').executeTakeFirst();
  return row?.slug ?? null;
}
