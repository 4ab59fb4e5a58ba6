// One ticket, opened from the tickets table: its figures, its conversation (messages) and its
// history (ticket events), from the tickets module's GET /api/tickets/{id}. The API scopes it: a
// vendor's staff open only their provider's tickets (anyone else's answers 404, shown as not found).

import type { TicketDetail } from '@shoreline/server/contract';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../lib/api';
import { ErrorBanner, Loading, PageHeader } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { Card, useInsightOptions } from './components';
import { channelLabel, priorityLabel, statusLabel, topicLabel } from './labels';
import { formatMetric } from './metrics';
import './insight.css';

export function TicketPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const id = useParams()['id'] ?? '';
  const detail = useResource(() => api.get<TicketDetail>(`/tickets/${encodeURIComponent(id)}`), [id]);
  const options = useInsightOptions();
  const back = (
    <button type="button" className="button-link" onClick={() => navigate(-1)}>
      {t('insight.tickets.back')}
    </button>
  );
  if (detail.error) return <ErrorBanner error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Loading />;
  const { ticket, messages, history } = detail.data;
  const provider = options.data?.providers.find((p) => p.id === ticket.providerId)?.name ?? '';
  const team = options.data?.teams.find((tm) => tm.id === ticket.teamId)?.name ?? '';
  const duration = (s: number | null) => formatMetric(fmt.locale, 'duration', s);
  const facts: [string, string][] = [
    [t('insight.tickets.created'), ticket.createdAt ? fmt.dateTime(ticket.createdAt) : '—'],
    [t('insight.tickets.status'), statusLabel(t, ticket.status)],
    [t('insight.tickets.priority'), priorityLabel(t, ticket.priority)],
    [t('insight.tickets.channel'), channelLabel(t, ticket.channel)],
    [t('insight.tickets.topic'), topicLabel(t, ticket.topic)],
    [t('insight.tickets.provider'), [provider, team].filter(Boolean).join(' · ') || '—'],
    [t('insight.tickets.firstResponse'), duration(ticket.firstResponseSeconds)],
    [t('insight.tickets.resolution'), duration(ticket.resolutionSeconds)],
  ];
  return (
    <>
      <PageHeader
        title={
          <>
            <bdi dir="ltr">{ticket.number ?? ticket.externalId}</bdi> {ticket.subject ?? ''}
          </>
        }
        actions={back}
      />
      <dl className="insight-ticket-facts" data-testid="ticket-facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <Card title={t('insight.ticket.conversation')} testId="ticket-messages">
        {messages.length === 0 ? <p className="empty">{t('insight.ticket.noMessages')}</p> : null}
        <ol className="insight-messages">
          {messages.map((m) => (
            <li
              key={m.id}
              className={`insight-message insight-message-${m.authorType}`}
              data-public={m.public}
            >
              <p className="muted">
                {t(`insight.ticket.authors.${m.authorType}`)} · {fmt.dateTime(m.createdAt)}
                {m.public ? '' : ` · ${t('insight.ticket.internal')}`}
              </p>
              <p className="insight-message-body">{m.body}</p>
            </li>
          ))}
        </ol>
      </Card>
      <Card title={t('insight.ticket.history')} testId="ticket-history">
        {history.length === 0 ? <p className="empty">{t('insight.ticket.noHistory')}</p> : null}
        <ol className="insight-history">
          {history.map((h) => (
            <li key={h.seq}>
              <span className="muted">{fmt.dateTime(h.at)}</span> <span>{h.kind}</span>
              {h.status ? <span> · {statusLabel(t, h.status)}</span> : null}
              {h.team ? <span> · {h.team}</span> : null}
              {h.assignee ? <span> · {h.assignee}</span> : null}
            </li>
          ))}
        </ol>
      </Card>
    </>
  );
}
