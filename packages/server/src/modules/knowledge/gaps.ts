import { extractTopic, knowledgeGaps, type TopicContacts } from '@shoreline/core';
import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { ScopedDb } from '../../platform/scope.js';
import { helpSessions } from './deflection.js';
import { authorize, can } from './policy.js';
import type { KnowledgeGaps } from './schemas.js';
import { settingsRow } from './service.js';

/** Live tickets without a stored topic read per report, newest first. */
const UNTOPICAL_CAP = 50_000;

/**
 * Insight's knowledge gaps for tickets created in [from, to): the contact reasons (ticket topics)
 * per language, most tickets first, each with the published articles of the topic (core
 * articleTopic) and how the help-center sessions that read them ended (core knowledgeGaps).
 * Everyone on staff reads it within their scope: vendor staff count only their provider's tickets.
 * Session figures need the deflection report's right (the organization's supervisors and admins);
 * without it they are null. Decision 0038.
 */
export async function knowledgeGapsReport(
  s: ScopedDb,
  clock: Clock,
  range: { from: Date; to: Date; limit: number },
): Promise<KnowledgeGaps> {
  authorize(s.actor, 'knowledge.read', 'knowledge gaps');
  const settings = await settingsRow(s, clock);
  const deflectionShown = can(s.actor, 'knowledge.insight');
  const [counted, untopical, translations, sessions] = await Promise.all([
    s
      .selectFrom('tickets')
      .select([sql<string>`topic`.as('topic'), 'language', sql<string>`count(*)`.as('tickets')])
      .where('topic', 'is not', null)
      .where('created_at', '>=', range.from)
      .where('created_at', '<', range.to)
      .groupBy(['topic', 'language'])
      .execute(),
    // Live tickets carry no stored topic (imports extract it): read it from their words here, as
    // the importer does (core extractTopic), for the newest UNTOPICAL_CAP of them.
    s
      .selectFrom('tickets')
      .select(['language', 'subject', sql<string | null>`left(description, 2000)`.as('text'), 'tags'])
      .where('topic', 'is', null)
      .where('created_at', '>=', range.from)
      .where('created_at', '<', range.to)
      .orderBy('created_at', 'desc')
      .limit(UNTOPICAL_CAP)
      .execute(),
    s
      .selectFrom('knowledge_translations')
      .innerJoin('knowledge_articles', 'knowledge_articles.id', 'knowledge_translations.article_id')
      .select([
        'knowledge_translations.article_id',
        'knowledge_translations.language',
        'knowledge_translations.title',
        'knowledge_translations.body_md',
        'knowledge_translations.helpful_yes',
        'knowledge_translations.helpful_no',
      ])
      .where(s.condition('knowledge_articles'))
      .where('knowledge_translations.published_version', 'is not', null)
      .where('knowledge_articles.internal', '=', false)
      .execute(),
    deflectionShown ? helpSessions(s, range) : Promise.resolve([]),
  ]);
  const contacts = new Map<string, TopicContacts>();
  const count = (topic: string, lang: string, n: number) => {
    const row = contacts.get(`${topic}|${lang}`) ?? { topic, language: lang, tickets: 0 };
    row.tickets += n;
    contacts.set(`${topic}|${lang}`, row);
  };
  const lang = (l: string | null) => l ?? settings.default_language;
  for (const c of counted) count(c.topic, lang(c.language), Number(c.tickets));
  for (const t of untopical) {
    const topic = extractTopic({ tags: t.tags ?? [], subject: t.subject, text: t.text });
    if (topic) count(topic, lang(t.language), 1);
  }
  const gaps = knowledgeGaps(
    [...contacts.values()],
    translations.map((t) => ({
      articleId: t.article_id,
      language: t.language,
      title: t.title ?? '',
      body: t.body_md ?? '',
      helpfulYes: t.helpful_yes,
      helpfulNo: t.helpful_no,
    })),
    sessions,
    settings.deflection_window_sec,
    clock.now().getTime(),
  );
  const titles = new Map(translations.map((t) => [`${t.article_id}|${t.language}`, t.title ?? '']));
  const total = gaps.reduce((n, g) => n + g.tickets, 0);
  const topics = new Map<string, { tickets: number; deflected: number; failed: number }>();
  for (const g of gaps) {
    const row = topics.get(g.topic) ?? { tickets: 0, deflected: 0, failed: 0 };
    row.tickets += g.tickets;
    row.deflected += g.deflected;
    row.failed += g.failed;
    topics.set(g.topic, row);
  }
  const figures = (f: { deflected: number; failed: number; selfServiceRate: number | null }) =>
    deflectionShown
      ? { deflected: f.deflected, failed: f.failed, selfServiceRate: f.selfServiceRate }
      : { deflected: null, failed: null, selfServiceRate: null };
  return {
    windowSec: settings.deflection_window_sec,
    deflectionShown,
    rows: gaps.slice(0, range.limit).map((g) => ({
      topic: g.topic,
      language: g.language,
      tickets: g.tickets,
      share: g.share,
      ...figures(g),
      articles: g.articles.map((id) => ({ id, title: titles.get(`${id}|${g.language}`) ?? '' })),
      helpfulYes: g.helpfulYes,
      helpfulNo: g.helpfulNo,
      // Without the session figures a low deflection cannot be told; the other reasons stand.
      reason: !deflectionShown && g.reason === 'low_deflection' ? null : g.reason,
    })),
    topics: [...topics.entries()]
      .map(([topic, t]) => ({
        topic,
        tickets: t.tickets,
        share: t.tickets / total,
        ...figures({
          ...t,
          selfServiceRate: t.deflected + t.failed === 0 ? null : t.deflected / (t.deflected + t.failed),
        }),
      }))
      .sort((a, b) => b.tickets - a.tickets || (a.topic < b.topic ? -1 : 1)),
  };
}
