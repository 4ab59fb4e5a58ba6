// "Write an article from this ticket": on a solved ticket whose topic no published article covers
// in its language, offer a draft prefilled from the customer's question and the agent's answer
// (personal data removed on the server, core articleDraftFromTicket). Decision 0038.

import type { KnowledgeArticleDetail } from '@shoreline/server/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorBanner, Notice } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { useSubmit } from '../../lib/useSubmit';
import { topicLabel } from '../insight/labels';
import { knowledgeApi } from '../knowledge/api';

export function ArticleFromTicket({ ticketId, status }: { ticketId: string; status: unknown }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const submit = useSubmit();
  const [made, setMade] = useState<KnowledgeArticleDetail | null>(null);
  const solved = status === 'solved' || status === 'closed';
  const draft = useResource(
    () => (solved ? knowledgeApi.ticketDraft(ticketId) : Promise.resolve(null)),
    [ticketId, solved],
  );
  const d = draft.data;
  if (!d?.suggest) return null;
  const start = async () => {
    const article = await submit.run(() =>
      knowledgeApi.create({ slug: d.slug, language: d.language, title: d.title, body: d.body }),
    );
    if (article) setMade(article);
  };
  return (
    <section aria-labelledby="desk-article-from-ticket" data-testid="article-from-ticket">
      <h3 id="desk-article-from-ticket">{t('desk.ticket.articleFromTicket.title')}</h3>
      <p>
        {t('desk.ticket.articleFromTicket.why', {
          topic: topicLabel(t, d.topic),
          language: fmt.language(d.language),
        })}
      </p>
      <ErrorBanner error={submit.bannerError} />
      {made ? (
        <Notice>
          {t('desk.ticket.articleFromTicket.saved')} <Link to="/desk/knowledge">{t('nav.knowledge')}</Link>
        </Notice>
      ) : (
        <details>
          <summary>{t('desk.ticket.articleFromTicket.preview')}</summary>
          <p>
            <strong>{d.title}</strong>
          </p>
          <pre className="desk-article-draft">{d.body}</pre>
          <p className="field-help">{t('desk.ticket.articleFromTicket.redacted')}</p>
          <button type="button" onClick={() => void start()} disabled={submit.busy}>
            {t('desk.ticket.articleFromTicket.start')}
          </button>
        </details>
      )}
    </section>
  );
}
