import type { InvoiceReconciliation } from '@shoreline/server/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { numberColumn, textColumn } from '../../kit/columns';
import { DataTable } from '../../kit/DataTable';
import { ErrorBanner } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { governApi } from './api';

type Line = InvoiceReconciliation['lines'][number];

/** The vendor's invoice for the month (CSV: unit, quantity, amount) against the recomputed charges. */
export function ReconcilePanel(props: { contractId: string; period: string; currency: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [result, setResult] = useState<InvoiceReconciliation>();
  const [error, setError] = useState<unknown>();
  const money = (minor: number) => fmt.money(minor, props.currency);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setError(undefined);
    try {
      setResult(await governApi.reconcile(props.contractId, props.period, await file.text()));
    } catch (err) {
      setResult(undefined);
      setError(err);
    }
  };
  return (
    <section aria-labelledby="reconcile-title">
      <h3 id="reconcile-title">{t('govern.invoice.title')}</h3>
      <div className="field">
        <label htmlFor="invoice-file">{t('govern.invoice.file')}</label>
        <input
          id="invoice-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => void upload(e.target.files?.[0])}
        />
        <p className="field-help">{t('govern.invoice.help')}</p>
      </div>
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
              numberColumn<Line>(
                'line',
                t('govern.invoice.line'),
                (l) => l.line,
                (n) => fmt.number(n),
              ),
              numberColumn<Line>(
                'invoicedQuantity',
                t('govern.invoice.invoicedQuantity'),
                (l) => l.invoicedQuantity,
                (n) => fmt.number(n),
              ),
              numberColumn<Line>(
                'computedQuantity',
                t('govern.invoice.computedQuantity'),
                (l) => l.computedQuantity,
                (n) => fmt.number(n),
              ),
              numberColumn<Line>(
                'invoicedMinor',
                t('govern.invoice.invoiced'),
                (l) => l.invoicedMinor,
                money,
              ),
              numberColumn<Line>(
                'computedMinor',
                t('govern.invoice.computed'),
                (l) => l.computedMinor,
                money,
              ),
              numberColumn<Line>(
                'differenceMinor',
                t('govern.invoice.difference'),
                (l) => l.differenceMinor,
                money,
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
