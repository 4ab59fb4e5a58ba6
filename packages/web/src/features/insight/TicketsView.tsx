// The tickets behind a KPI (drill-down): the same filters as the chart clicked, keyset-paginated.

import type { InsightTicket } from '@shoreline/server/contract';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ErrorBanner, Loading, PageHeader } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { csvUrl, insightApi } from './api';
import { Card, CsvLink, FilterBar, useInsightOptions } from './components';
import { useInsightFilter } from './filters';
import { channelLabel, flagLabel, priorityLabel, statusLabel, topicLabel } from './labels';
import { formatMetric } from './metrics';
import './insight.css';

const PAGE = 50;

export function TicketsView() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const filter = useInsightFilter();
  const options = useInsightOptions();
  const key = JSON.stringify(filter.api);
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
      <ErrorBanner error={error} onRetry={() => setTick((n) => n + 1)} />
      <Card
        title={t('insight.tickets.shown', { n: fmt.number(items.length) })}
        actions={
          <CsvLink
            href={csvUrl('tickets', filter.api, { limit: '1000' })}
            label={t('insight.tickets.exportCsv', { n: fmt.number(1000) })}
          />
        }
      >
        {items.length === 0 && !loading && !error ? (
          <p className="empty">{t('insight.tickets.none')}</p>
        ) : null}
        {items.length > 0 ? (
          <div className="table-wrap">
            <table className="insight-table insight-compact" data-testid="ticket-table">
              <caption className="visually-hidden">{t('insight.tickets.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('insight.tickets.ticket')}</th>
                  <th scope="col">{t('insight.tickets.subject')}</th>
                  <th scope="col">{t('insight.tickets.created')}</th>
                  <th scope="col">{t('insight.tickets.provider')}</th>
                  <th scope="col">{t('insight.tickets.details')}</th>
                  <th scope="col">{t('insight.tickets.topic')}</th>
                  <th scope="col" className="num">
                    {t('insight.tickets.firstResponse')}
                  </th>
                  <th scope="col" className="num">
                    {t('insight.tickets.resolution')}
                  </th>
                  <th scope="col">{t('insight.tickets.flags')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((tk) => (
                  <tr key={tk.id}>
                    <th scope="row" className="nowrap" dir="ltr">
                      {tk.number ?? tk.externalId}
                    </th>
                    <td className="insight-subject">{tk.subject ?? ''}</td>
                    <td className="nowrap">{fmt.dateTime(tk.createdAt)}</td>
                    <td className="nowrap">
                      {provider(tk.providerId)}
                      {tk.teamId ? <span className="muted insight-team">{team(tk.teamId)}</span> : null}
                    </td>
                    <td>
                      {[
                        statusLabel(t, tk.status),
                        priorityLabel(t, tk.priority),
                        channelLabel(t, tk.channel),
                      ].join(' · ')}
                    </td>
                    <td className="nowrap">{topicLabel(t, tk.topic)}</td>
                    <td className="num nowrap">{duration(tk.firstResponseSeconds)}</td>
                    <td className="num nowrap">{duration(tk.resolutionSeconds)}</td>
                    <td>
                      {tk.qualityFlags.map((f) => (
                        <span key={f} className="badge insight-flag">
                          {flagLabel(t, f)}
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {loading ? <Loading /> : null}
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
