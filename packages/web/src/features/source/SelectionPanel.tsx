// The vendor selection process (long list → RFI → short list → RFP → scoring → pilot → decision)
// with each stage's owner and dates, the vendors still in, and the evidence files with their expiry.

import type { SourceEvidence, SourceSelection, SourceVendor } from '@shoreline/server/contract';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { codeColumn, textColumn } from '../../kit/columns';
import { DataTable, listTexts, ResourceTable } from '../../kit/DataTable';
import { ErrorBanner } from '../../lib/ui';
import { useResource } from '../../lib/useResource';
import { sourceApi } from './api';
import { StageForm } from './StageForm';

type Stage = SourceSelection['stages'][number];
type InSelection = SourceSelection['vendors'][number];
const KINDS = [
  'ISO 27001',
  'SOC 2',
  'PCI DSS',
  'ISO 18295',
  'COPC',
  'rfi-answer',
  'rfp-answer',
  'other',
] as const;

/** A file's bytes as base64 (the API takes evidence as JSON). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function SelectionPanel() {
  const { t } = useTranslation();
  const vendors = useResource(() => sourceApi.vendors(), []);
  const selections = useResource(() => sourceApi.selections(), []);
  const evidence = useResource(() => sourceApi.evidence(), []);
  const [error, setError] = useState<unknown>();
  const current: SourceSelection | undefined = selections.data?.[0];
  const stage = (s: string) => t(`source.stage.${s}` as 'source.stage.rfi');
  const vendorName = (id: string | null) => vendors.data?.find((v) => v.id === id)?.name ?? null;
  const run = (f: () => Promise<unknown>, reload: () => void) => async () => {
    try {
      await f();
      reload();
    } catch (err) {
      setError(err);
    }
  };
  const start = run(
    () =>
      sourceApi.createSelection({
        name: t('source.selection.defaultName'),
        vendorIds: (vendors.data ?? []).map((v: SourceVendor) => v.id),
      }),
    selections.reload,
  );
  const advance = run(() => sourceApi.advance(current?.id ?? '', {}), selections.reload);
  const upload = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) return;
    const expiresOn = String(form.get('expiresOn') ?? '');
    await run(
      async () =>
        sourceApi.addEvidence({
          vendorId: String(form.get('vendorId')),
          kind: String(form.get('kind')) as (typeof KINDS)[number],
          fileName: file.name,
          contentType: file.type || 'application/octet-stream',
          contentBase64: await base64Of(file),
          ...(expiresOn ? { expiresOn } : {}),
        }),
      evidence.reload,
    )();
  };

  return (
    <section aria-labelledby="source-selection">
      <h2 id="source-selection">{t('source.tabs.selection')}</h2>
      {error ? <ErrorBanner error={error} /> : null}
      {selections.data && !current ? (
        <button type="button" onClick={start} disabled={(vendors.data?.length ?? 0) === 0}>
          {t('source.selection.start')}
        </button>
      ) : null}
      {current ? (
        <>
          <p data-testid="selection-stage">
            {t('source.selection.current', {
              name: current.name,
              stage: current.stage === 'closed' ? t('source.stage.closed') : stage(current.stage),
            })}
          </p>
          <DataTable<Stage>
            caption={t('source.selection.stages')}
            testId="selection-stages"
            rows={current.stages}
            rowKey={(r) => r.stage}
            rowProps={(r) => ({ 'data-overdue': String(current.overdue.includes(r.stage)) })}
            columns={[
              textColumn<Stage>('stage', t('source.selection.stage'), (r) => stage(r.stage), {
                rowHeader: true,
              }),
              textColumn<Stage>('owner', t('source.selection.owner'), (r) => r.owner),
              codeColumn<Stage>('due', t('source.selection.dueOn'), (r) => r.dueOn),
              codeColumn<Stage>('completed', t('source.selection.completedOn'), (r) => r.completedOn),
              textColumn<Stage>('documents', t('source.selection.documents'), (r) =>
                r.documents.length ? String(r.documents.length) : null,
              ),
            ]}
          />
          <StageForm key={`${current.id}-${current.stage}`} selection={current} onSaved={selections.reload} />
          {current.stage !== 'closed' ? (
            <button type="button" onClick={advance}>
              {t('source.selection.advance')}
            </button>
          ) : null}
          <DataTable<InSelection>
            caption={t('source.selection.vendors')}
            rows={current.vendors}
            rowKey={(v) => v.vendorId}
            columns={[
              textColumn<InSelection>('vendor', t('source.vendors.vendor'), (v) => v.name, {
                rowHeader: true,
              }),
              textColumn<InSelection>('status', t('source.selection.status'), (v) =>
                t(`source.vendorStatus.${v.status}` as 'source.vendorStatus.in'),
              ),
              textColumn<InSelection>('left', t('source.selection.leftAt'), (v) =>
                v.leftAt ? stage(v.leftAt) : null,
              ),
              textColumn<InSelection>('reason', t('source.selection.reason'), (v) => v.reason),
            ]}
          />
        </>
      ) : null}

      <h3>{t('source.evidence.title')}</h3>
      <form onSubmit={upload} data-testid="evidence-form">
        <label>
          {t('source.vendors.vendor')}
          <select name="vendorId" required>
            {(vendors.data ?? []).map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('source.evidence.kind')}
          <select name="kind">
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('source.evidence.expiresOn')}
          <input type="date" name="expiresOn" />
        </label>
        <label>
          {t('source.evidence.file')}
          <input type="file" name="file" required />
        </label>
        <button type="submit">{t('source.evidence.upload')}</button>
      </form>
      <ResourceTable<SourceEvidence>
        {...listTexts(t, 'source.evidence')}
        testId="evidence"
        resource={evidence}
        columns={[
          textColumn<SourceEvidence>('vendor', t('source.vendors.vendor'), (e) => vendorName(e.vendorId)),
          textColumn<SourceEvidence>('kind', t('source.evidence.kind'), (e) => e.kind),
          codeColumn<SourceEvidence>('file', t('source.evidence.file'), (e) => e.fileName, {
            cell: (e) => (
              <a href={`/api/source/evidence/${encodeURIComponent(e.id)}/content`}>
                <bdi dir="ltr">{e.fileName}</bdi>
              </a>
            ),
          }),
          codeColumn<SourceEvidence>('expires', t('source.evidence.expiresOn'), (e) => e.expiresOn),
          textColumn<SourceEvidence>(
            'expiry',
            t('source.evidence.expiry'),
            (e) => (e.expiry ? t(`source.expiry.${e.expiry}` as 'source.expiry.valid') : null),
            { cellProps: (e) => ({ 'data-expiry': e.expiry ?? 'none' }) },
          ),
        ]}
      />
    </section>
  );
}
