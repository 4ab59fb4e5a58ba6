import type { InvoiceReconciliation } from '@shoreline/server/contract';
import { useTranslation } from 'react-i18next';
import { numberColumn, textColumn } from '../../kit/columns';
import { DataTable } from '../../kit/DataTable';
import { FileField } from '../../kit/fields';
import { ErrorBanner } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResult } from '../../lib/useResult';
import { governApi } from './api';

type Line = InvoiceReconciliation['lines'][number];

/** The line's counts and amounts, each with its column label under `govern.invoice`. */
const COUNTS = ['line', 'invoicedQuantity', 'computedQuantity'] as const satisfies readonly (keyof Line)[];
const AMOUNTS = [
  ['invoicedMinor', 'invoiced'],
  ['computedMinor', 'computed'],
  ['differenceMinor', 'difference'],
] as const satisfies readonly (readonly [keyof Line, string])[];

/** The vendor's invoice for the month (CSV: unit, quantity, amount) against the recomputed charges. */
export function ReconcilePanel(props: { contractId: string; period: string; currency: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { result, error, run } = useResult<InvoiceReconciliation>();
  const money = (minor: number) => fmt.money(minor, props.currency);
  const upload = async (file: File | undefined) => {
    if (file) await run(async () => governApi.reconcile(props.contractId, props.period, await file.text()));
  };
  return (
    <section aria-labelledby="reconcile-title">
      <h3 id="reconcile-title">{t('govern.invoice.title')}</h3>
      <FileField
        id="invoice-file"
        label={t('govern.invoice.file')}
        help={t('govern.invoice.help')}
        accept=".csv,text/csv"
        onFile={upload}
      />
      <ErrorBanner error={error} />
      {result ? (
        <>
          <p data-testid="invoice-difference">
            {t('govern.invoice.totals', {
              invoiced: money(result.invoicedMinor),
              computed: money(result.computedMinor),
              difference: money(result.differenceMinor),
            })}
          </p>
          <DataTable<Line>
            caption={t('govern.invoice.title')}
            rows={result.lines}
            rowKey={(l) => `${l.unit}-${l.line ?? 'computed'}`}
            testId="invoice-lines"
            rowProps={(l) => ({ 'data-reason': l.reason })}
            columns={[
              textColumn<Line>('unit', t('govern.invoice.unit'), (l) => l.unit),
              ...COUNTS.map((key) =>
                numberColumn<Line>(key, t(`govern.invoice.${key}`), (l) => l[key], fmt.number),
              ),
              ...AMOUNTS.map(([key, label]) =>
                numberColumn<Line>(key, t(`govern.invoice.${label}`), (l) => l[key], money),
              ),
              textColumn<Line>('reason', t('govern.invoice.reason'), (l) =>
                t(`govern.invoice.reasons.${l.reason}`),
              ),
            ]}
          />
        </>
      ) : null}
    </section>
  );
}
