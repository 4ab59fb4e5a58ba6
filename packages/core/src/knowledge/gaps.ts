import { extractTopic } from '../insight/topics.js';
import { type HelpSession, sessionOutcome } from './deflection.js';

/**
 * Knowledge gaps: the contact reasons (Insight's topics) that reach support most, per language,
 * each with the published articles that cover it and how well they deflect. A topic is a gap when
 * it has no article in the language (`no_article`), when the sessions that read its articles mostly
 * still contacted support (`low_deflection`), or when readers mostly say the articles did not help
 * (`unhelpful`). This is the "demand vs. knowledge" review of KCS's Evolve Loop (Consortium for
 * Service Innovation, KCS v6 Practices Guide, Technique 7 "Content Health" and "new vs. known"
 * analysis: https://library.serviceinnovation.org/KCS/KCS_v6/KCS_v6_Practices_Guide).
 */

/** Tickets of one topic in one language (the period's contact reasons). */
export interface TopicContacts {
  topic: string;
  language: string;
  tickets: number;
}

/** A published public article translation, with its text (its topic is inferred from it). */
export interface GapArticle {
  articleId: string;
  language: string;
  title: string;
  body: string;
  helpfulYes: number;
  helpfulNo: number;
}

export type GapReason = 'no_article' | 'low_deflection' | 'unhelpful';

export interface KnowledgeGap {
  topic: string;
  language: string;
  tickets: number;
  /** tickets / all topical tickets of the language. */
  share: number;
  /** Published articles of the topic in the language. */
  articles: string[];
  deflected: number;
  failed: number;
  /** deflected / (deflected + failed) of sessions in the language that read an article of the topic; null without any. */
  selfServiceRate: number | null;
  helpfulYes: number;
  helpfulNo: number;
  /** The gap, the first that holds in this order; null when the topic is covered. */
  reason: GapReason | null;
}

export interface GapRules {
  /** Below this self-service rate a topic's articles fail to deflect… */
  minSelfServiceRate: number;
  /** …once at least this many sessions decided (deflected + failed). */
  minDecided: number;
  /** Below this share of "yes" the articles are unhelpful… */
  minHelpfulShare: number;
  /** …once at least this many votes. */
  minVotes: number;
}

export const DEFAULT_GAP_RULES: GapRules = {
  minSelfServiceRate: 0.5,
  minDecided: 5,
  minHelpfulShare: 0.5,
  minVotes: 5,
};

/** An article's topic: the first topic keyword of its title, else of its body (core extractTopic). */
export function articleTopic(a: { title: string; body: string }): string | null {
  return extractTopic({ tags: [], subject: a.title, text: a.body });
}

/**
 * The gaps report: one row per (topic, language) with tickets, most tickets first (then topic and
 * language in code-point order). Sessions are judged by core sessionOutcome with `windowSec` at
 * `now`; a session counts for a topic once when it read any of the topic's articles.
 *
 * @example knowledgeGaps([{ topic: 'refund', language: 'en', tickets: 3 }], [], [], 3600, 0)[0].reason // → 'no_article'
 */
export function knowledgeGaps(
  contacts: readonly TopicContacts[],
  articles: readonly GapArticle[],
  sessions: readonly HelpSession[],
  windowSec: number,
  now: number,
  rules: GapRules = DEFAULT_GAP_RULES,
): KnowledgeGap[] {
  const key = (topic: string, language: string) => `${topic}\u0000${language}`;
  const byKey = new Map<string, { ids: Set<string>; yes: number; no: number }>();
  const topicOf = new Map<string, string>();
  for (const a of articles) {
    const topic = articleTopic(a);
    if (topic === null) continue;
    topicOf.set(`${a.articleId}\u0000${a.language}`, topic);
    const row = byKey.get(key(topic, a.language)) ?? { ids: new Set(), yes: 0, no: 0 };
    row.ids.add(a.articleId);
    row.yes += a.helpfulYes;
    row.no += a.helpfulNo;
    byKey.set(key(topic, a.language), row);
  }
  const outcomes = new Map<string, { deflected: number; failed: number }>();
  for (const s of sessions) {
    const outcome = sessionOutcome(s, windowSec, now);
    if (outcome !== 'deflected' && outcome !== 'failed') continue;
    const topics = new Set<string>();
    for (const r of s.reads) {
      const topic = topicOf.get(`${r.articleId}\u0000${s.language}`);
      if (topic) topics.add(topic);
    }
    for (const topic of topics) {
      const row = outcomes.get(key(topic, s.language)) ?? { deflected: 0, failed: 0 };
      row[outcome]++;
      outcomes.set(key(topic, s.language), row);
    }
  }
  const perLanguage = new Map<string, number>();
  for (const c of contacts) perLanguage.set(c.language, (perLanguage.get(c.language) ?? 0) + c.tickets);
  return contacts
    .filter((c) => c.tickets > 0)
    .map((c): KnowledgeGap => {
      const covered = byKey.get(key(c.topic, c.language));
      const o = outcomes.get(key(c.topic, c.language)) ?? { deflected: 0, failed: 0 };
      const decided = o.deflected + o.failed;
      const rate = decided === 0 ? null : o.deflected / decided;
      const yes = covered?.yes ?? 0;
      const no = covered?.no ?? 0;
      const reason: GapReason | null = !covered
        ? 'no_article'
        : rate !== null && decided >= rules.minDecided && rate < rules.minSelfServiceRate
          ? 'low_deflection'
          : yes + no >= rules.minVotes && yes / (yes + no) < rules.minHelpfulShare
            ? 'unhelpful'
            : null;
      return {
        topic: c.topic,
        language: c.language,
        tickets: c.tickets,
        share: c.tickets / perLanguage.get(c.language)!,
        articles: covered ? [...covered.ids].sort() : [],
        deflected: o.deflected,
        failed: o.failed,
        selfServiceRate: rate,
        helpfulYes: yes,
        helpfulNo: no,
        reason,
      };
    })
    .sort(
      (a, b) =>
        b.tickets - a.tickets ||
        (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0) ||
        (a.language < b.language ? -1 : a.language > b.language ? 1 : 0),
    );
}
