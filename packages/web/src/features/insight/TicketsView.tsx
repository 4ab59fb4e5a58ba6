// The tickets behind a KPI (drill-down): the same filters as the chart clicked, keyset-paginated.

import type { InsightTicket } from '@shoreline/server/contract';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { DataTable } from '../../kit/DataTable';
import { PageHeader } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { csvUrl, insightApi } from './api';
import { Card, CsvLink, FilterBar, useInsightPage } from './components';
import { channelLabel, flagLabel, priorityLabel, statusLabel, topicLabel } from './labels';
import { formatMetric } from './metrics';
import './insight.css';

const PAGE = 50;

export function TicketsView() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const { filter, options, key } = useInsightPage();
  const [items, setItems] = useState<InsightTicket[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [tick, setTick] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the filter (key) and retries (tick) decide.
  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(undefined);
    setItems([]);
    insightApi
      .tickets(filter.api, null, PAGE)
      .then((page) => {
        if (!current) return;
        setItems(page.items);
        setCursor(page.nextCursor);
      })
      .catch((e: unknown) => current && setError(e))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [key, tick]);

  const more = () => {
    if (!cursor) return;
    setLoading(true);
    insightApi
      .tickets(filter.api, cursor, PAGE)
      .then((page) => {
        setItems((prev) => [...prev, ...page.items]);
        setCursor(page.nextCursor);
      })
      .catch(setError)
      .finally(() => setLoading(false));
  };

  const provider = (id: string | null) => options.data?.providers.find((p) => p.id === id)?.name ?? '';
  const team = (id: string | null) => options.data?.teams.find((tm) => tm.id === id)?.name ?? '';
  const duration = (s: number | null) => formatMetric(fmt.locale, 'duration', s);

  return (
    <>
      <PageHeader
        title={t('insight.tickets.title')}
        intro={t('insight.tickets.intro')}
        actions={
          <button type="button" className="button-link" onClick={() => navigate(-1)}>
            {t('insight.tickets.back')}
          </button>
        }
      />
      <FilterBar filter={filter} options={options.data} />
      <Card
        title={t('insight.tickets.shown', { n: fmt.number(items.length) })}
        actions={
          <CsvLink
            href={csvUrl('tickets', filter.api, { limit: '1000' })}
            label={t('insight.tickets.exportCsv', { n: 1000 })}
          />
        }
      >
        {/* Pages come from the server (keyset cursor, "show more"); sorting orders the loaded rows. */}
        <DataTable
          caption={t('insight.tickets.title')}
          testId="ticket-table"
          compact
          rows={loading && items.length === 0 ? undefined : items}
          rowKey={(tk) => tk.id}
          loading={loading}
          error={error}
          onRetry={() => setTick((n) => n + 1)}
          empty={<p className="empty">{t('insight.tickets.none')}</p>}
          columns={[
            {
              key: 'ticket',
              header: t('insight.tickets.ticket'),
              rowHeader: true,
              // Each row opens its ticket: its conversation and history (TicketPage). A reference
              // without a number is a long code (a live ticket's id, a source's key): it breaks
              // anywhere inside a bounded column instead of pushing the last columns out of view
              // at 1366 px (insight.css `.insight-ticket-ref`).
              cell: (tk) => (
                <Link
                  to={`/insight/breakdown/tickets/${encodeURIComponent(tk.id)}`}
                  aria-label={t('insight.ticket.open', { ticket: tk.number ?? tk.externalId })}
                >
                  <bdi dir="ltr" className="insight-ticket-ref">
                    {tk.number ?? tk.externalId}
                  </bdi>
                </Link>
              ),
              sortValue: (tk) => tk.number ?? tk.externalId,
            },
            {
              key: 'subject',
              header: t('insight.tickets.subject'),
              cell: (tk) => tk.subject ?? '',
              cellProps: () => ({ className: 'insight-subject' }),
              sortValue: (tk) => tk.subject,
            },
            {
              key: 'created',
              header: t('insight.tickets.created'),
              cell: (tk) => fmt.dateTime(tk.createdAt),
              sortValue: (tk) => tk.createdAt,
            },
            {
              key: 'provider',
              header: t('insight.tickets.provider'),
              sortValue: (tk) => provider(tk.providerId),
              cell: (tk) => (
                <>
                  {provider(tk.providerId)}
                  {tk.teamId ? <span className="muted insight-team">{team(tk.teamId)}</span> : null}
                </>
              ),
            },
            {
              key: 'details',
              header: t('insight.tickets.details'),
              cell: (tk) =>
                [statusLabel(t, tk.status), priorityLabel(t, tk.priority), channelLabel(t, tk.channel)].join(
                  ' · ',
                ),
            },
            {
              key: 'topic',
              header: t('insight.tickets.topic'),
              cell: (tk) => topicLabel(t, tk.topic),
              sortValue: (tk) => topicLabel(t, tk.topic),
            },
            {
              key: 'firstResponse',
              header: t('insight.tickets.firstResponse'),
              numeric: true,
              cell: (tk) => duration(tk.firstResponseSeconds),
              sortValue: (tk) => tk.firstResponseSeconds,
            },
            {
              key: 'resolution',
              header: t('insight.tickets.resolution'),
              numeric: true,
              cell: (tk) => duration(tk.resolutionSeconds),
              sortValue: (tk) => tk.resolutionSeconds,
            },
            {
              key: 'flags',
              header: t('insight.tickets.flags'),
              cell: (tk) =>
                tk.qualityFlags.map((f) => (
                  <span key={f} className="badge insight-flag">
                    {flagLabel(t, f)}
                  </span>
                )),
            },
          ]}
        />
        {cursor && !loading ? (
          <p>
            <button type="button" onClick={more}>
              {t('insight.tickets.more')}
            </button>
          </p>
        ) : null}
      </Card>
    </>
  );
}
