// Insight → Imports: upload a help-desk export (in resumable chunks, useResumableUpload, then imported by a
// background job; bigger than the upload limit: `shoreline import`), follow the run's progress, read its data-quality report and rejected
// rows (progress pushed over the event stream); past runs; and the provider mappings that decide each imported ticket's provider and team.

import { IMPORT_FORMATS, type ImportFormat, type ImportRun } from '@shoreline/server/contract';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { columnsOf } from '../../kit/columns';
import { ResourceTable } from '../../kit/DataTable';
import { FormActions, optionsOf, SelectField } from '../../kit/fields';
import { ApiError } from '../../lib/api';
import { Alert, ErrorBanner, Field, PageHeader } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { type Resource, useResource } from '../../lib/useResource';
import { useSubmit } from '../../lib/useSubmit';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { insightApi } from './api';
import { Card } from './components';
import { ImportMappingsCard } from './ImportMappings';
import { ImportRunCard } from './ImportRunCard';
import { UploadProgress } from './UploadProgress';
import { UploadCancelled, useResumableUpload } from './useResumableUpload';
import './insight.css';

export function ImportsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const runs = useResource(() => insightApi.imports(), []);
  const [finishedRuns, setFinishedRuns] = useState(0);
  const selected = params.get('run');
  if (!can(me, 'import.run')) {
    return (
      <>
        <PageHeader title={t('insight.imports.title')} />
        <p className="empty">{t('errors.notFound')}</p>
      </>
    );
  }
  const select = (id: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('run', id);
        return next;
      },
      { replace: false },
    );
  return (
    <>
      <PageHeader title={t('insight.imports.title')} intro={t('insight.imports.intro')} />
      <UploadCard
        onStarted={(run) => {
          runs.set((prev) => [run, ...(prev ?? []).filter((r) => r.id !== run.id)]);
          select(run.id);
        }}
      />
      {selected ? (
        <ImportRunCard
          key={selected}
          id={selected}
          onChange={(run) => {
            runs.set((prev) => prev?.map((r) => (r.id === run.id ? run : r)));
            // An import may add provider mappings (its mapping file's rules): show them.
            if (run.status !== 'running') setFinishedRuns((n) => n + 1);
          }}
        />
      ) : null}
      <RunList runs={runs} onSelect={select} />
      <ImportMappingsCard refresh={finishedRuns} />
    </>
  );
}

function UploadCard({ onStarted }: { onStarted: (run: ImportRun) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [format, setFormat] = useState<ImportFormat>('canonical');
  const [file, setFile] = useState<File | null>(null);
  const [mappingFile, setMappingFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = useSubmit();
  const uploader = useResumableUpload();
  // The server's body limit, as /api/me reports it: the JSON around the file counts too.
  const maxUploadBytes = useMe().limits.maxUploadBytes;
  const limit = fmt.number(maxUploadBytes / 1_048_576, {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: 0,
  });
  const cli = 'shoreline import <format> FILE [--mapping FILE]';

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    if (!file) return setProblem(t('insight.imports.chooseFile'));
    const tooBig = t('insight.imports.tooBig', { name: file.name, size: fmt.number(file.size), limit, cli });
    if (file.size > maxUploadBytes) return setProblem(tooBig);
    if (format === 'csv' && !mappingFile) return setProblem(t('insight.imports.needsMapping'));
    let mapping: unknown;
    if (mappingFile) {
      try {
        mapping = JSON.parse(await mappingFile.text());
      } catch {
        return setProblem(t('insight.imports.badMapping', { name: mappingFile.name }));
      }
    }
    // The file goes up in resumable chunks (into the server's database), then the import names it.
    const run = await submit.run(async () => {
      try {
        const upload = await uploader.upload(file);
        const started = await insightApi.startImport({
          format,
          uploadId: upload.id,
          ...(mapping === undefined ? {} : { mapping }),
        });
        uploader.finished(file);
        return started;
      } catch (err) {
        if (err instanceof UploadCancelled) return undefined;
        if (!(err instanceof ApiError && err.status === 413)) throw err;
        setProblem(tooBig);
        return undefined;
      }
    });
    if (run) onStarted(run);
  };

  return (
    <Card title={t('insight.imports.uploadTitle')}>
      <form
        className="form insight-upload"
        onSubmit={(e) => void onSubmit(e)}
        onChange={(e) => {
          setProblem(null);
          submit.onChange(e);
        }}
        noValidate
      >
        <div className="form-grid">
          <SelectField
            label={t('insight.imports.format')}
            value={format}
            onValue={setFormat}
            options={optionsOf(IMPORT_FORMATS, (f) => t(`insight.imports.formats.${f}`))}
          />
          <Field
            label={t('insight.imports.file')}
            help={t('insight.imports.fileHelp', { limit, cli })}
            required
          >
            {(p) => (
              <input
                {...p}
                type="file"
                accept=".ndjson,.jsonl,.json,.csv,.tsv,.txt"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            )}
          </Field>
          <Field
            label={t('insight.imports.mapping')}
            help={t('insight.imports.mappingHelp')}
            required={format === 'csv'}
          >
            {(p) => (
              <input
                {...p}
                type="file"
                accept=".json,application/json"
                onChange={(e) => setMappingFile(e.target.files?.[0] ?? null)}
              />
            )}
          </Field>
        </div>
        <Alert>{problem}</Alert>
        {uploader.state ? (
          <UploadProgress state={uploader.state} onCancel={() => void uploader.cancel()} />
        ) : null}
        <ErrorBanner error={submit.bannerError} />
        <FormActions
          busy={submit.busy}
          busyLabel={t('insight.imports.uploading')}
          label={t('insight.imports.start')}
        />
      </form>
    </Card>
  );
}

/** The counts a run keeps, each a column of the run list. */
const RUN_COUNTS = ['recordsRead', 'ticketsUpserted', 'rowsRejected'] as const;

function RunList(props: { runs: Resource<ImportRun[]>; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const col = columnsOf<ImportRun>(useFormat());
  const formatLabel = (format: string) =>
    (IMPORT_FORMATS as readonly string[]).includes(format)
      ? t(`insight.imports.formats.${format as 'csv'}`)
      : format;
  return (
    <Card title={t('insight.imports.pastTitle')}>
      <ResourceTable
        caption={t('insight.imports.pastTitle')}
        testId="import-runs"
        resource={props.runs}
        empty={t('insight.imports.pastEmpty')}
        pageSize={20}
        columns={[
          {
            key: 'file',
            header: t('insight.imports.file'),
            rowHeader: true,
            cell: (r) => (
              <button type="button" className="button-link" onClick={() => props.onSelect(r.id)}>
                {r.fileName}
              </button>
            ),
            sortValue: (r) => r.fileName,
          },
          col.text('format', t('insight.imports.format'), (r) => formatLabel(r.format)),
          {
            key: 'status',
            header: t('common.status'),
            cell: (r) => (
              <span className={`badge insight-status-${r.status}`}>
                {t(`insight.imports.statuses.${r.status}`)}
              </span>
            ),
            sortValue: (r) => r.status,
          },
          col.dateTime('started', t('insight.imports.started'), (r) => r.startedAt),
          ...RUN_COUNTS.map((count) => col.count(count, t(`insight.imports.${count}`), (r) => r[count])),
        ]}
      />
    </Card>
  );
}
