// Insight → Imports: upload a help-desk export (in resumable chunks, useResumableUpload, then imported by a
// background job; bigger than the upload limit: `shoreline import`), follow the run's progress, read its data-quality report and rejected
// rows (progress pushed over the event stream); past runs; and the provider mappings that decide each imported ticket's provider and team.

import { QUALITY_FLAGS } from '@shoreline/core/insight/data-quality';
import type { Provider, Team } from '@shoreline/server/contract';
import {
  IMPORT_FORMATS,
  type ImportFormat,
  type ImportRun,
  MATCH_KINDS,
  type MatchKind,
} from '@shoreline/server/contract';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../lib/api';
import { useEventStream } from '../../lib/eventStream';
import { ErrorBanner, Field, Loading, Notice, PageHeader } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { useSubmit } from '../../lib/useSubmit';
import { adminApi } from '../admin/api';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { insightApi } from './api';
import { Card, CsvButton } from './components';
import { ImportFindingsReport } from './ImportFindingsReport';
import { ImportRunError } from './ImportRunError';
import { flagLabel } from './labels';
import { UploadProgress } from './UploadProgress';
import { UploadCancelled, useResumableUpload } from './useResumableUpload';
import './insight.css';

const IMPORT_EVENTS = ['import_run.progress', 'import_run.finished'] as const;

/** The payload of `import_run.progress` (the server's announceProgress). */
interface ImportProgressPayload {
  bytesDone: number;
  bytesTotal: number;
  recordsRead: number;
  ticketsUpserted: number;
  rowsRejected: number;
}

export function ImportsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const runs = useResource(() => insightApi.imports(), []);
  const selected = params.get('run');
  const [finishedRuns, setFinishedRuns] = useState(0);
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
        <RunCard
          key={selected}
          id={selected}
          onChange={(run) => {
            runs.set((prev) => prev?.map((r) => (r.id === run.id ? run : r)));
            // An import may add provider mappings (its mapping file's rules): show them.
            if (run.status !== 'running') setFinishedRuns((n) => n + 1);
          }}
        />
      ) : null}
      <RunList
        runs={runs.data}
        loading={runs.loading}
        error={runs.error}
        reload={runs.reload}
        onSelect={select}
      />
      <MappingsCard refresh={finishedRuns} />
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
          <Field label={t('insight.imports.format')}>
            {(p) => (
              <select {...p} value={format} onChange={(e) => setFormat(e.target.value as ImportFormat)}>
                {IMPORT_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {t(`insight.imports.formats.${f}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
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
        {problem ? (
          <div className="banner banner-error" role="alert">
            {problem}
          </div>
        ) : null}
        {uploader.state ? (
          <UploadProgress state={uploader.state} onCancel={() => void uploader.cancel()} />
        ) : null}
        <ErrorBanner error={submit.bannerError} />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={submit.busy}>
            {submit.busy ? t('insight.imports.uploading') : t('insight.imports.start')}
          </button>
        </div>
      </form>
    </Card>
  );
}

/** One run: progress while it runs, then its counts, data-quality report and rejected rows. */
function RunCard({ id, onChange }: { id: string; onChange: (run: ImportRun) => void }) {
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
  const rejects = useResource(
    async () => (run?.status !== 'running' && run && run.rowsRejected > 0 ? insightApi.rejects(id) : []),
    [id, run?.status],
  );
  if (error) return <ErrorBanner error={error} />;
  if (!run) return <Loading />;
  const percent = fmt.number(run.progress, { style: 'percent', maximumFractionDigits: 0 });
  const flags = Object.entries(run.quality)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
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
          <h3>{t('insight.imports.qualityTitle')}</h3>
          {flags.length === 0 ? (
            run.status === 'done' ? (
              <Notice>{t('insight.imports.qualityClean')}</Notice>
            ) : null
          ) : (
            <div className="table-wrap">
              <table className="insight-table" data-testid="quality-report">
                <caption className="visually-hidden">{t('insight.imports.qualityTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('insight.imports.flag')}</th>
                    <th scope="col" className="num">
                      {t('insight.metrics.tickets')}
                    </th>
                    <th scope="col">{t('insight.imports.flagMeaning')}</th>
                  </tr>
                </thead>
                <tbody>
                  {flags.map(([flag, n]) => (
                    <tr key={flag} data-flag={flag}>
                      <th scope="row">{flagLabel(t, flag)}</th>
                      <td className="num">{fmt.number(n)}</td>
                      <td className="muted">
                        {(QUALITY_FLAGS as readonly string[]).includes(flag)
                          ? t(`insight.flagHelp.${flag as 'no_provider'}`)
                          : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="field-help">{t('insight.imports.qualityHelp')}</p>
          {run.findings ? <ImportFindingsReport findings={run.findings} /> : null}
          {run.rowsRejected > 0 ? (
            <>
              <div className="insight-card-head insight-subhead">
                <h3>{t('insight.imports.rejectsTitle')}</h3>
                <CsvButton
                  fileName={`rejects-${run.fileName.replace(/\.[^.]*$/, '')}.csv`}
                  header={['file', 'line', 'field', 'reason']}
                  rows={() => (rejects.data ?? []).map((r) => [r.file, r.line, r.field, r.reason])}
                />
              </div>
              <ErrorBanner error={rejects.error} onRetry={rejects.reload} />
              {rejects.data ? (
                <div className="table-wrap">
                  <table className="insight-table" data-testid="rejects">
                    <caption className="visually-hidden">{t('insight.imports.rejectsTitle')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('insight.imports.rejectFile')}</th>
                        <th scope="col" className="num">
                          {t('insight.imports.rejectLine')}
                        </th>
                        <th scope="col">{t('insight.imports.rejectField')}</th>
                        <th scope="col">{t('insight.imports.rejectReason')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {rejects.data.map((r, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: one line may have several rejects.
                        <tr key={`${r.line}-${i}`}>
                          <td dir="ltr">{r.file}</td>
                          <td className="num">{fmt.number(r.line)}</td>
                          <td dir="ltr">{r.field}</td>
                          <td dir="ltr" className="insight-reason">
                            {r.reason}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : null}
              {rejects.data && rejects.data.length < run.rowsRejected ? (
                <p className="field-help">
                  {t('insight.imports.rejectsTruncated', {
                    shown: fmt.number(rejects.data.length),
                    total: fmt.number(run.rowsRejected),
                  })}
                </p>
              ) : null}
            </>
          ) : null}
        </>
      ) : null}
    </Card>
  );
}

function RunList(props: {
  runs: ImportRun[] | undefined;
  loading: boolean;
  error: unknown;
  reload: () => void;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Card title={t('insight.imports.pastTitle')}>
      <ErrorBanner error={props.error} onRetry={props.reload} />
      {props.loading && !props.runs ? <Loading /> : null}
      {props.runs?.length === 0 ? <p className="empty">{t('insight.imports.pastEmpty')}</p> : null}
      {props.runs && props.runs.length > 0 ? (
        <div className="table-wrap">
          <table className="insight-table" data-testid="import-runs">
            <caption className="visually-hidden">{t('insight.imports.pastTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('insight.imports.file')}</th>
                <th scope="col">{t('insight.imports.format')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('insight.imports.started')}</th>
                <th scope="col" className="num">
                  {t('insight.imports.recordsRead')}
                </th>
                <th scope="col" className="num">
                  {t('insight.imports.ticketsUpserted')}
                </th>
                <th scope="col" className="num">
                  {t('insight.imports.rowsRejected')}
                </th>
              </tr>
            </thead>
            <tbody>
              {props.runs.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <button type="button" className="button-link" onClick={() => props.onSelect(r.id)}>
                      {r.fileName}
                    </button>
                  </th>
                  <td>
                    {(IMPORT_FORMATS as readonly string[]).includes(r.format)
                      ? t(`insight.imports.formats.${r.format as 'csv'}`)
                      : r.format}
                  </td>
                  <td>
                    <span className={`badge insight-status-${r.status}`}>
                      {t(`insight.imports.statuses.${r.status}`)}
                    </span>
                  </td>
                  <td className="nowrap">{fmt.dateTime(r.startedAt)}</td>
                  <td className="num">{fmt.number(r.recordsRead)}</td>
                  <td className="num">{fmt.number(r.ticketsUpserted)}</td>
                  <td className="num">{fmt.number(r.rowsRejected)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Card>
  );
}

function MappingsCard({ refresh }: { refresh: number }) {
  const { t } = useTranslation();
  const mappings = useResource(() => insightApi.mappings(), [refresh]);
  const refs = useResource(async () => {
    const [providers, teams] = await Promise.all([adminApi.providers(), adminApi.teams()]);
    return { providers, teams };
  }, []);
  const [error, setError] = useState<unknown>();
  const providerName = (id: string) => refs.data?.providers.find((p) => p.id === id)?.name ?? id;
  const teamName = (id: string | null) =>
    id ? (refs.data?.teams.find((tm) => tm.id === id)?.name ?? id) : '—';
  const remove = async (id: string) => {
    if (!window.confirm(t('insight.mappings.confirmDelete'))) return;
    try {
      await insightApi.deleteMapping(id);
      mappings.set((prev) => prev?.filter((m) => m.id !== id));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Card title={t('insight.mappings.title')} testId="provider-mappings">
      <p className="muted">{t('insight.mappings.intro')}</p>
      <ErrorBanner error={mappings.error ?? error} onRetry={mappings.reload} />
      {mappings.data?.length === 0 ? <p className="empty">{t('insight.mappings.empty')}</p> : null}
      {mappings.data && mappings.data.length > 0 ? (
        <div className="table-wrap">
          <table className="insight-table">
            <caption className="visually-hidden">{t('insight.mappings.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('insight.mappings.source')}</th>
                <th scope="col">{t('insight.mappings.matchKind')}</th>
                <th scope="col">{t('insight.mappings.matchValue')}</th>
                <th scope="col">{t('insight.filters.provider')}</th>
                <th scope="col">{t('insight.filters.team')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {mappings.data.map((m) => (
                <tr key={m.id}>
                  <td dir="ltr">{m.source}</td>
                  <td>{t(`insight.mappings.kinds.${m.matchKind}`)}</td>
                  <td dir="ltr">{m.matchValue || '—'}</td>
                  <td>{providerName(m.providerId)}</td>
                  <td>{teamName(m.teamId)}</td>
                  <td>
                    <button
                      type="button"
                      className="button-small button-danger"
                      onClick={() => void remove(m.id)}
                    >
                      {t('insight.mappings.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {refs.data ? (
        <MappingForm
          providers={refs.data.providers}
          teams={refs.data.teams}
          onCreated={(m) => mappings.set((prev) => [...(prev ?? []), m])}
        />
      ) : null}
    </Card>
  );
}

function MappingForm(props: {
  providers: Provider[];
  teams: Team[];
  onCreated: (m: Awaited<ReturnType<typeof insightApi.createMapping>>) => void;
}) {
  const { t } = useTranslation();
  const [providerId, setProviderId] = useState('');
  const [teamId, setTeamId] = useState('');
  const [source, setSource] = useState('*');
  const [matchKind, setMatchKind] = useState<MatchKind>('group');
  const [matchValue, setMatchValue] = useState('');
  const submit = useSubmit();
  const teams = props.teams.filter((tm) => tm.providerId === providerId);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!providerId) problems['providerId'] = t('insight.mappings.chooseProvider');
    if (matchKind !== 'default' && !matchValue.trim())
      problems['matchValue'] = t('insight.mappings.needValue');
    if (submit.invalid(problems)) return;
    const created = await submit.run(() =>
      insightApi.createMapping({
        providerId,
        teamId: teamId || null,
        source: source.trim() || '*',
        matchKind,
        matchValue: matchKind === 'default' ? '' : matchValue.trim(),
      }),
    );
    if (created) {
      props.onCreated(created);
      setMatchValue('');
    }
  };
  return (
    <form
      className="form insight-mapping-form"
      onSubmit={(e) => void onSubmit(e)}
      onChange={submit.onChange}
      noValidate
    >
      <h3>{t('insight.mappings.add')}</h3>
      <div className="form-grid">
        <Field label={t('insight.mappings.matchKind')} help={t(`insight.mappings.kindHelp.${matchKind}`)}>
          {(p) => (
            <select
              {...p}
              name="matchKind"
              value={matchKind}
              onChange={(e) => setMatchKind(e.target.value as MatchKind)}
            >
              {MATCH_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`insight.mappings.kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('insight.mappings.matchValue')} error={submit.fields['matchValue']}>
          {(p) => (
            <input
              {...p}
              name="matchValue"
              dir="auto"
              value={matchValue}
              disabled={matchKind === 'default'}
              onChange={(e) => setMatchValue(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('insight.mappings.source')} help={t('insight.mappings.sourceHelp')}>
          {(p) => (
            <input
              {...p}
              name="source"
              dir="ltr"
              value={source}
              onChange={(e) => setSource(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('insight.filters.provider')} error={submit.fields['providerId']} required>
          {(p) => (
            <select
              {...p}
              name="providerId"
              value={providerId}
              onChange={(e) => {
                setProviderId(e.target.value);
                setTeamId('');
              }}
            >
              <option value="">{t('teams.choose')}</option>
              {props.providers.map((pr) => (
                <option key={pr.id} value={pr.id}>
                  {pr.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('insight.filters.team')}>
          {(p) => (
            <select {...p} value={teamId} onChange={(e) => setTeamId(e.target.value)} disabled={!providerId}>
              <option value="">{t('insight.mappings.anyTeam')}</option>
              {teams.map((tm) => (
                <option key={tm.id} value={tm.id}>
                  {tm.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ErrorBanner error={submit.bannerError} />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={submit.busy}>
          {t('insight.mappings.create')}
        </button>
      </div>
    </form>
  );
}
