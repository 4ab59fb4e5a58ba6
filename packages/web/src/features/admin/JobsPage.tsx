import type { Job, JobStatus } from '@shoreline/server/contract';
import { useTranslation } from 'react-i18next';
import { Facts } from '../../kit/Facts';
import { ErrorBanner, Loading, PageHeader } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { useRowAction } from '../../lib/useRowAction';
import { adminApi } from './api';

const STATUSES: JobStatus[] = ['queued', 'running', 'done', 'dead', 'cancelled'];

/** Admin → Background jobs: how many per status, dead letters with their error, retry. */
export function JobsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const overview = useResource(() => adminApi.jobs(), []);
  const retrying = useRowAction();
  const retry = (job: Job) =>
    retrying.run(job.id, async () => {
      await adminApi.retryJob(job.id);
      overview.reload();
    });

  const table = (jobs: Job[], withRetry: boolean) => (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('jobs.name')}</th>
            <th scope="col">{t('jobs.statusColumn')}</th>
            <th scope="col">{t('jobs.attempts')}</th>
            <th scope="col">{t('jobs.updated')}</th>
            <th scope="col">{t('jobs.error')}</th>
            {withRetry ? <th scope="col">{t('common.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id}>
              <td>
                <code>{job.name}</code>
              </td>
              <td>
                {t(`jobs.status.${job.status}`)}
                {job.status === 'running' ? ` (${fmt.number(job.progress, { style: 'percent' })})` : ''}
              </td>
              <td className="num">
                {fmt.number(job.attempts)} / {fmt.number(job.maxAttempts)}
              </td>
              <td className="nowrap">{fmt.dateTime(job.updatedAt)}</td>
              <td>{job.lastError ?? ''}</td>
              {withRetry ? (
                <td>
                  <button
                    type="button"
                    disabled={retrying.pending === job.id}
                    onClick={() => void retry(job)}
                  >
                    {t('jobs.retry')}
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <>
      <PageHeader title={t('jobs.title')} intro={t('jobs.intro')} />
      <ErrorBanner error={overview.error} onRetry={overview.reload} />
      <ErrorBanner error={retrying.error} />
      {overview.loading && !overview.data ? <Loading /> : null}
      {overview.data ? (
        <>
          <Facts
            items={STATUSES.map((s) => ({
              label: t(`jobs.status.${s}`),
              value: fmt.number(overview.data!.counts[s] ?? 0),
            }))}
          />
          <h2>{t('jobs.deadTitle')}</h2>
          {overview.data.deadLetters.length === 0 ? (
            <p className="empty">{t('jobs.noDead')}</p>
          ) : (
            table(overview.data.deadLetters, true)
          )}
          <h2>{t('jobs.recentTitle')}</h2>
          {overview.data.recent.length === 0 ? (
            <p className="empty">{t('jobs.none')}</p>
          ) : (
            table(overview.data.recent, false)
          )}
        </>
      ) : null}
    </>
  );
}
