// One import run: progress while it runs (pushed over the event stream, per committed batch), then
// its counts, data-quality report, mapping findings and rejected rows.

import { QUALITY_FLAGS } from '@shoreline/core/insight/data-quality';
import type { ImportProgressPayload, ImportReject, ImportRun } from '@shoreline/server/contract';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { codeColumn, numberColumn, textColumn } from '../../kit/columns';
import { DataTable } from '../../kit/DataTable';
import { useEventStream } from '../../lib/eventStream';
import { ErrorBanner, Loading, Notice } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { insightApi } from './api';
import { Card, CsvButton } from './components';
import { ImportFindingsReport } from './ImportFindingsReport';
import { ImportRunError } from './ImportRunError';
import { flagLabel } from './labels';

const IMPORT_EVENTS = ['import_run.progress', 'import_run.finished'] as const;

export function ImportRunCard({ id, onChange }: { id: string; onChange: (run: ImportRun) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [run, setRun] = useState<ImportRun>();
  const [error, setError] = useState<unknown>();
  const current = useRef<ImportRun>(undefined);
  const show = (r: ImportRun) => {
    current.current = r;
    setRun(r);
    onChange(r);
  };
  // One read of the run: on opening, when the stream is (re)connected, and when it finishes.
  const load = async () => {
    try {
      show(await insightApi.importRun(id));
    } catch (err) {
      setError(err);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads one run; onChange is a notification.
  useEffect(() => {
    void load();
  }, [id]);
  // Progress arrives pushed, per committed batch (no polling).
  useEventStream(
    IMPORT_EVENTS,
    (event) => {
      if (event.subjectId !== id) return;
      if (event.type === 'import_run.finished') return void load();
      const prev = current.current;
      if (prev?.status !== 'running') return;
      // The stream's payload is typed per event type by the contract, not by the envelope.
      const p = event.payload as unknown as ImportProgressPayload;
      show({
        ...prev,
        progress: p.bytesTotal > 0 ? Math.min(1, p.bytesDone / p.bytesTotal) : prev.progress,
        recordsRead: p.recordsRead,
        ticketsUpserted: p.ticketsUpserted,
        rowsRejected: p.rowsRejected,
      });
    },
    () => void load(),
  );
  if (error) return <ErrorBanner error={error} />;
  if (!run) return <Loading />;
  const percent = fmt.number(run.progress, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <Card title={t('insight.imports.runTitle', { name: run.fileName })} testId="import-run">
      <div className="insight-progress">
        <label htmlFor={`progress-${run.id}`}>
          {run.status === 'running'
            ? t('insight.imports.running', { percent })
            : run.status === 'done'
              ? t('insight.imports.done')
              : t('insight.imports.failed')}
        </label>
        <progress
          id={`progress-${run.id}`}
          max={1}
          value={run.status === 'done' ? 1 : run.progress}
          aria-valuetext={percent}
        />
        <span
          className={`badge insight-status-${run.status}`}
          data-testid="run-status"
          data-status={run.status}
        >
          {t(`insight.imports.statuses.${run.status}`)}
        </span>
      </div>
      <dl className="insight-run-counts" aria-live="polite">
        <div>
          <dt>{t('insight.imports.recordsRead')}</dt>
          <dd data-testid="records-read">{fmt.number(run.recordsRead)}</dd>
        </div>
        <div>
          <dt>{t('insight.imports.ticketsUpserted')}</dt>
          <dd data-testid="tickets-upserted">{fmt.number(run.ticketsUpserted)}</dd>
        </div>
        <div>
          <dt>{t('insight.imports.rowsRejected')}</dt>
          <dd data-testid="rows-rejected">{fmt.number(run.rowsRejected)}</dd>
        </div>
      </dl>
      <ImportRunError run={run} />
      {run.status !== 'running' ? (
        <>
          <QualityReport quality={run.quality} done={run.status === 'done'} />
          {run.findings ? <ImportFindingsReport findings={run.findings} /> : null}
          {run.rowsRejected > 0 ? <Rejects run={run} /> : null}
        </>
      ) : null}
    </Card>
  );
}

type QualityRow = [flag: string, tickets: number];
type RejectRow = ImportReject & { i: number };

/** Tickets per data-quality flag, most frequent first (flagged tickets are kept, never dropped). */
function QualityReport({ quality, done }: { quality: ImportRun['quality']; done: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const flags = Object.entries(quality).filter(([, n]) => n > 0);
  return (
    <>
      <h3>{t('insight.imports.qualityTitle')}</h3>
      {flags.length === 0 ? (
        // "No suspicious records" only for a run that finished: a failed run says why it failed instead.
        done ? (
          <Notice>{t('insight.imports.qualityClean')}</Notice>
        ) : null
      ) : (
        <DataTable
          caption={t('insight.imports.qualityTitle')}
          testId="quality-report"
          rows={flags}
          rowKey={([flag]) => flag}
          rowProps={([flag]) => ({ 'data-flag': flag })}
          initialSort={{ key: 'tickets', direction: 'descending' }}
          columns={[
            textColumn<QualityRow>('flag', t('insight.imports.flag'), ([flag]) => flagLabel(t, flag), {
              rowHeader: true,
            }),
            numberColumn<QualityRow>('tickets', t('insight.metrics.tickets'), ([, n]) => n, fmt.number),
            {
              key: 'meaning',
              header: t('insight.imports.flagMeaning'),
              cell: ([flag]) =>
                (QUALITY_FLAGS as readonly string[]).includes(flag)
                  ? t(`insight.flagHelp.${flag as 'no_provider'}`)
                  : '',
            },
          ]}
        />
      )}
      <p className="field-help">{t('insight.imports.qualityHelp')}</p>
    </>
  );
}

/** The rows the import could not read, with a CSV of them (the server keeps the first ones). */
function Rejects({ run }: { run: ImportRun }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const rejects = useResource(() => insightApi.rejects(run.id), [run.id]);
  // One line may have several rejects: the key is the reject's place in the list.
  const rows = rejects.data?.map((r, i) => ({ ...r, i }));
  return (
    <>
      <div className="insight-card-head insight-subhead">
        <h3>{t('insight.imports.rejectsTitle')}</h3>
        <CsvButton
          fileName={`rejects-${run.fileName.replace(/\.[^.]*$/, '')}.csv`}
          header={['file', 'line', 'field', 'reason']}
          rows={() => (rejects.data ?? []).map((r: ImportReject) => [r.file, r.line, r.field, r.reason])}
        />
      </div>
      <DataTable
        caption={t('insight.imports.rejectsTitle')}
        testId="rejects"
        rows={rows}
        rowKey={(r) => String(r.i)}
        loading={rejects.loading}
        error={rejects.error}
        onRetry={rejects.reload}
        pageSize={50}
        columns={[
          codeColumn<RejectRow>('file', t('insight.imports.rejectFile'), (r) => r.file, {
            sortValue: undefined,
          }),
          numberColumn<RejectRow>('line', t('insight.imports.rejectLine'), (r) => r.line, fmt.number),
          codeColumn<RejectRow>('field', t('insight.imports.rejectField'), (r) => r.field),
          {
            key: 'reason',
            header: t('insight.imports.rejectReason'),
            cell: (r) => (
              <bdi dir="ltr" className="insight-reason">
                {r.reason}
              </bdi>
            ),
          },
        ]}
      />
      {rejects.data && rejects.data.length < run.rowsRejected ? (
        <p className="field-help">
          {t('insight.imports.rejectsTruncated', {
            shown: fmt.number(rejects.data.length),
            total: fmt.number(run.rowsRejected),
          })}
        </p>
      ) : null}
    </>
  );
}
