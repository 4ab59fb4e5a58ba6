/**
 * Deflection: how many help-center sessions answered the visitor's question without support.
 * A session that searched or read articles is *self-service*. If it contacted support within
 * `windowSec` after its last self-service activity it *failed*; if the window has passed without
 * contact it is *deflected* (a candidate: the visitor may simply have given up, so Shoreline says
 * "candidate", as Zendesk's and Intercom's self-service reports do); if the window is still open
 * it is *pending* and counts in neither. Self-service rate = deflected / (deflected + failed).
 * Times are epoch milliseconds; no clock is read here.
 */

export interface HelpSession {
  id: string;
  language: string;
  /** Search instants and whether each found anything. */
  searches: readonly { at: number; query: string; results: number }[];
  /** Articles read, with when. */
  reads: readonly { at: number; articleId: string }[];
  /** When the session contacted support (the contact form, a chat), or null. */
  contactedAt: number | null;
}

export type SessionOutcome = 'deflected' | 'failed' | 'pending' | 'not_self_service';

export interface ArticleDeflection {
  articleId: string;
  deflected: number;
  failed: number;
}

export interface DeflectionReport {
  sessions: number;
  selfService: number;
  deflected: number;
  failed: number;
  pending: number;
  /** deflected / (deflected + failed); null when both are 0. */
  selfServiceRate: number | null;
  /** Per article read (a session counts once per article it read), by articleId. */
  byArticle: ArticleDeflection[];
  /** Per session language. */
  byLanguage: { language: string; deflected: number; failed: number }[];
  /** Queries that found nothing, with how often, most frequent first (then alphabetical). */
  noResultSearches: { query: string; count: number }[];
}

/**
 * A session's outcome at instant `now`.
 *
 * @throws RangeError when windowSec < 0
 * @example sessionOutcome({ id: 's', language: 'en', searches: [], reads: [{ at: 0, articleId: 'a' }], contactedAt: null }, 60, 60_000) // → 'deflected'
 */
export function sessionOutcome(session: HelpSession, windowSec: number, now: number): SessionOutcome {
  if (!(windowSec >= 0)) throw new RangeError(`windowSec must be ≥ 0, got ${windowSec}`);
  const activity = [...session.searches.map((s) => s.at), ...session.reads.map((r) => r.at)];
  if (activity.length === 0) return 'not_self_service';
  const last = Math.max(...activity);
  const closes = last + windowSec * 1000;
  if (session.contactedAt !== null && session.contactedAt <= closes) return 'failed';
  return now >= closes ? 'deflected' : 'pending';
}

/**
 * The deflection report over `sessions` at instant `now` with contact window `windowSec`.
 *
 * @throws RangeError when windowSec < 0
 */
export function deflectionReport(
  sessions: readonly HelpSession[],
  windowSec: number,
  now: number,
): DeflectionReport {
  const counts = { deflected: 0, failed: 0, pending: 0, not_self_service: 0 };
  const articles = new Map<string, ArticleDeflection>();
  const languages = new Map<string, { language: string; deflected: number; failed: number }>();
  const noResult = new Map<string, number>();
  for (const session of sessions) {
    const outcome = sessionOutcome(session, windowSec, now);
    counts[outcome]++;
    for (const s of session.searches)
      if (s.results === 0) {
        const query = s.query.trim().toLowerCase();
        noResult.set(query, (noResult.get(query) ?? 0) + 1);
      }
    if (outcome !== 'deflected' && outcome !== 'failed') continue;
    const lang = languages.get(session.language) ?? { language: session.language, deflected: 0, failed: 0 };
    lang[outcome]++;
    languages.set(session.language, lang);
    for (const articleId of new Set(session.reads.map((r) => r.articleId))) {
      const row = articles.get(articleId) ?? { articleId, deflected: 0, failed: 0 };
      row[outcome]++;
      articles.set(articleId, row);
    }
  }
  const decided = counts.deflected + counts.failed;
  return {
    sessions: sessions.length,
    selfService: sessions.length - counts.not_self_service,
    deflected: counts.deflected,
    failed: counts.failed,
    pending: counts.pending,
    selfServiceRate: decided === 0 ? null : counts.deflected / decided,
    byArticle: [...articles.values()].sort((a, b) => a.articleId.localeCompare(b.articleId)),
    byLanguage: [...languages.values()].sort((a, b) => a.language.localeCompare(b.language)),
    noResultSearches: [...noResult.entries()]
      .map(([query, count]) => ({ query, count }))
      .sort((a, b) => b.count - a.count || a.query.localeCompare(b.query)),
  };
}
