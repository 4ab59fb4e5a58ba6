// The composer's "insert article": the agent searches the knowledge base (in the customer's language
// and the help center's default) and inserts a link or an excerpt in the customer's language.
// Internal articles are listed for agents, but only an internal note may quote them.

import type { KnowledgeSearchHit } from '@shoreline/server/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useSubmit } from '../../lib/useSubmit';
import { knowledgeApi } from '../knowledge/api';

export function InsertArticle(props: {
  /** The ticket inserted into: the article lists it among the tickets it served. */
  ticketId: string;
  /** The customer's language (the ticket's), or null when unknown. */
  language: string | null;
  mode: 'reply' | 'note';
  onInsert(text: string): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const submit = useSubmit();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<KnowledgeSearchHit[] | null>(null);
  const [shown, setShown] = useState<string | null>(null);

  const search = async () => {
    if (q.trim() === '') return;
    const found = await submit.run(async () => {
      const settings = await knowledgeApi.settings();
      const languages = [...new Set([props.language ?? settings.defaultLanguage, settings.defaultLanguage])];
      const lists = await Promise.all(languages.map((l) => knowledgeApi.search(q.trim(), l)));
      // One row per article, in the customer's language when it has one.
      const byArticle = new Map<string, KnowledgeSearchHit>();
      for (const h of lists.flat()) if (!byArticle.has(h.articleId)) byArticle.set(h.articleId, h);
      return [...byArticle.values()];
    });
    if (found) setHits(found);
  };
  const insert = async (hit: KnowledgeSearchHit, what: 'link' | 'excerpt') => {
    const s = await submit.run(async () => {
      const snippet = await knowledgeApi.snippet(hit.articleId, props.language ?? hit.language);
      await knowledgeApi.linkTicket(hit.articleId, props.ticketId);
      return snippet;
    });
    if (!s) return;
    setShown(s.language);
    props.onInsert(
      what === 'link' && s.url
        ? `${s.title}: ${s.url}`
        : [s.title, s.excerpt, s.url].filter(Boolean).join('\n'),
    );
  };

  return (
    <details className="desk-insert-article">
      <summary>{t('knowledge.insert.toggle')}</summary>
      <search className="desk-insert-search">
        <input
          type="search"
          aria-label={t('knowledge.insert.search')}
          placeholder={t('knowledge.insert.search')}
          value={q}
          maxLength={200}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            // Enter searches here; it must not send the reply around it.
            if (e.key === 'Enter') {
              e.preventDefault();
              void search();
            }
          }}
        />
        <button type="button" onClick={() => void search()} disabled={submit.busy}>
          {t('knowledge.insert.searchButton')}
        </button>
      </search>
      <ErrorBanner error={submit.bannerError} />
      {hits !== null && hits.length === 0 ? <p className="muted">{t('knowledge.insert.noHits')}</p> : null}
      {hits && hits.length > 0 ? (
        <ul className="desk-insert-hits">
          {hits.map((h) => {
            const blocked = h.internal && props.mode === 'reply';
            return (
              <li key={h.articleId}>
                <strong lang={h.language}>{h.title}</strong>
                {h.internal ? <span className="badge"> {t('knowledge.insert.internal')}</span> : null}
                <p className="muted" lang={h.language}>
                  {h.snippet}
                </p>
                {blocked ? (
                  <p className="field-help">{t('knowledge.insert.internalNoteOnly')}</p>
                ) : (
                  <>
                    {h.internal ? null : (
                      <button type="button" onClick={() => void insert(h, 'link')} disabled={submit.busy}>
                        {t('knowledge.insert.insertLink')}
                      </button>
                    )}{' '}
                    <button type="button" onClick={() => void insert(h, 'excerpt')} disabled={submit.busy}>
                      {t('knowledge.insert.insertExcerpt')}
                    </button>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      {shown ? (
        <p className="muted" role="status">
          {t('knowledge.insert.shownIn', { language: fmt.language(shown) })}
        </p>
      ) : null}
    </details>
  );
}
