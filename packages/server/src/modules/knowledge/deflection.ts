import { deflectionReport, type HelpSession } from '@shoreline/core';
import type { Clock } from '../../platform/clock.js';
import type { ScopedDb } from '../../platform/scope.js';
import { authorize } from './policy.js';
import type { KnowledgeDeflection } from './schemas.js';
import { settingsRow } from './service.js';

/**
 * Deflection of the help-center sessions started in [from, to), as of the clock's now, with the
 * organization's window (core/knowledge/deflection.ts has the definitions).
 */
export async function deflection(
  s: ScopedDb,
  clock: Clock,
  range: { from: Date; to: Date },
): Promise<KnowledgeDeflection> {
  authorize(s.actor, 'knowledge.insight', 'deflection');
  const settings = await settingsRow(s, clock);
  const sessions = await helpSessions(s, range);
  const report = deflectionReport(sessions, settings.deflection_window_sec, clock.now().getTime());
  return { windowSec: settings.deflection_window_sec, ...report };
}

/** The help-center sessions started in [from, to) with their searches and reads, for core's reports. */
export async function helpSessions(s: ScopedDb, range: { from: Date; to: Date }): Promise<HelpSession[]> {
  const sessions = await s
    .selectFrom('knowledge_sessions')
    .select(['id', 'language', 'contacted_at'])
    .where('started_at', '>=', range.from)
    .where('started_at', '<', range.to)
    .execute();
  const activity = await s
    .selectFrom('knowledge_activity')
    .select(['session_id', 'kind', 'at', 'query', 'results', 'article_id'])
    .where('session_id', 'in', sessions.length ? sessions.map((x) => x.id) : [''])
    .where('kind', 'in', ['search', 'view'])
    .execute();
  const bySession = new Map<string, HelpSession>(
    sessions.map((x) => [
      x.id,
      {
        id: x.id,
        language: x.language,
        searches: [],
        reads: [],
        contactedAt: x.contacted_at === null ? null : new Date(x.contacted_at).getTime(),
      },
    ]),
  );
  for (const a of activity) {
    const session = bySession.get(a.session_id)!;
    const at = new Date(a.at).getTime();
    if (a.kind === 'search')
      (session.searches as HelpSession['searches'][number][]).push({
        at,
        query: a.query ?? '',
        results: a.results ?? 0,
      });
    else (session.reads as HelpSession['reads'][number][]).push({ at, articleId: a.article_id ?? '' });
  }
  return [...bySession.values()];
}
