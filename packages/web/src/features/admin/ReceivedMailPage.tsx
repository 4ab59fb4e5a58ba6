import type { InboundMail, InboundView } from '@shoreline/server/contract';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { codeColumn, numberColumn, textColumn, timeColumn } from '../../kit/columns';
import type { Column } from '../../kit/DataTable';
import { DataTable } from '../../kit/DataTable';
import { optionsOf, SelectField } from '../../kit/fields';
import { ErrorBanner, PageHeader } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { useRowAction } from '../../lib/useRowAction';
import { adminApi } from './api';

const VIEWS: InboundView[] = ['all', 'spam', 'automated', 'failed'];

/**
 * Admin → Received mail: every message the mailboxes took in, the spam view (kept out of the
 * queue), automated mail (auto-replies, bounces, loops: never answered) and mail that failed to
 * parse (kept raw and flagged), which an admin may parse again.
 */
export function ReceivedMailPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const view = (VIEWS as string[]).includes(params.get('view') ?? '')
    ? (params.get('view') as InboundView)
    : 'all';
  const mail = useResource(() => adminApi.inboundMail(view), [view]);
  const retrying = useRowAction();
  const retry = (m: InboundMail) =>
    retrying.run(m.id, async () => {
      await adminApi.retryInboundMail(m.id);
      mail.reload();
    });

  const columns: Column<InboundMail>[] = [
    timeColumn<InboundMail>('receivedAt', t('mail.received.receivedAt'), (m) => m.receivedAt, fmt.dateTime),
    codeColumn<InboundMail>('from', t('mail.received.from'), (m) => m.fromAddress ?? m.mailFrom),
    textColumn<InboundMail>('subject', t('mail.received.subject'), (m) => m.subject, { rowHeader: true }),
    textColumn<InboundMail>('status', t('mail.received.status'), (m) =>
      m.status === 'parsed' && m.kind
        ? t(`mail.received.kind.${m.kind}`)
        : t(`mail.received.state.${m.status}`),
    ),
    numberColumn<InboundMail>(
      'spamScore',
      t('mail.received.spamScore'),
      (m) => m.spamScore,
      (n) => fmt.number(n, { maximumFractionDigits: 1 }),
    ),
    numberColumn<InboundMail>(
      'size',
      t('mail.received.size'),
      (m) => m.sizeBytes,
      (n) => fmt.number(n / 1024, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 }),
    ),
  ];
  if (view === 'failed')
    columns.push(
      textColumn<InboundMail>('error', t('mail.received.parseError'), (m) => m.parseError),
      {
        key: 'actions',
        header: t('common.actions'),
        cell: (m) =>
          m.status === 'failed' ? (
            <button type="button" disabled={retrying.pending === m.id} onClick={() => void retry(m)}>
              {t('mail.received.retry')}
            </button>
          ) : (
            t('mail.received.state.stored')
          ),
      },
    );

  return (
    <>
      <PageHeader title={t('mail.received.title')} intro={t('mail.received.intro')} />
      <div className="toolbar">
        <SelectField
          label={t('mail.received.view')}
          value={view}
          onValue={(v) => setParams(v === 'all' ? {} : { view: v }, { replace: true })}
          options={optionsOf(VIEWS, (v) => t(`mail.received.views.${v}`))}
        />
      </div>
      <p className="muted">{t(`mail.received.viewHelp.${view}`)}</p>
      <ErrorBanner error={retrying.error} />
      <DataTable
        caption={t(`mail.received.views.${view}`)}
        rows={mail.data}
        rowKey={(m) => m.id}
        loading={mail.loading}
        error={mail.error}
        onRetry={mail.reload}
        empty={<p className="empty">{t('mail.received.empty')}</p>}
        initialSort={{ key: 'receivedAt', direction: 'descending' }}
        columns={columns}
      />
    </>
  );
}
