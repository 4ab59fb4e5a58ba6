// Beside an article: how its help-center readers fared over the last 90 days (deflected, still
// contacted support; supervisors and admins) and the tickets it served — read before the contact
// or inserted into a reply (vendor staff: their provider's). Decision 0038.

import type { KnowledgeDeflection } from '@shoreline/server/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorBanner } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { knowledgeApi, recentRange } from './api';

export function ArticleTickets({ articleId }: { articleId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const tickets = useResource(() => knowledgeApi.tickets(articleId), [articleId]);
  const deflection = useResource<KnowledgeDeflection | null>(() => {
    if (!can(me, 'knowledge.insight')) return Promise.resolve(null);
    const r = recentRange(90);
    return knowledgeApi.deflection(r.from, r.to);
  }, [articleId]);
  const mine = deflection.data?.byArticle.find((a) => a.articleId === articleId) ?? {
    deflected: 0,
    failed: 0,
  };
  const decided = mine.deflected + mine.failed;
  return (
    <section className="knowledge-article-tickets" aria-labelledby={`tickets-${articleId}`}>
      <h3 id={`tickets-${articleId}`}>{t('knowledge.tickets.title')}</h3>
      <ErrorBanner error={tickets.error ?? deflection.error} onRetry={tickets.reload} />
      {deflection.data ? (
        <p data-testid="article-deflection">
          {t('knowledge.tickets.deflection', {
            deflected: fmt.number(mine.deflected),
            failed: fmt.number(mine.failed),
            rate: decided === 0 ? '—' : fmt.number(mine.deflected / decided, { style: 'percent' }),
          })}
        </p>
      ) : null}
      {tickets.data ? (
        <>
          <p>
            {t('knowledge.tickets.counts', {
              read: fmt.number(tickets.data.read),
              inserted: fmt.number(tickets.data.inserted),
            })}
          </p>
          {tickets.data.tickets.length === 0 ? (
            <p className="muted">{t('knowledge.tickets.none')}</p>
          ) : (
            <ul data-testid="article-tickets">
              {tickets.data.tickets.map((x) => (
                <li key={x.id}>
                  <Link to={`/desk/${encodeURIComponent(x.id)}`}>{x.subject ?? x.number ?? x.id}</Link>{' '}
                  <span className="muted">
                    {x.kinds.map((k) => t(`knowledge.tickets.kind.${k}`)).join(', ')} · {fmt.dateTime(x.at)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}
