import { LEAD_DIMENSIONS, type LeadDimension, type LeadsReport } from '@shoreline/server/contract';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { codeColumn, numberColumn, textColumn } from '../../kit/columns';
import { type Column, DataTable, resourceRows } from '../../kit/DataTable';
import { SelectField } from '../../kit/fields';
import { api, query } from '../../lib/api';
import { PageHeader } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';

type Row = LeadsReport['rows'][number];

/**
 * Insight → Leads: conversations handed to sales, attributed to the team, provider, channel,
 * language or person that raised them, with conversion (won of closed) and won revenue per
 * currency. Vendor staff see their own provider's leads only (the server's scope).
 */
export function LeadsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const by = (LEAD_DIMENSIONS as readonly string[]).includes(params.get('by') ?? '')
    ? (params.get('by') as LeadDimension)
    : 'provider';
  const report = useResource(
    () => api.get<LeadsReport>(`/sales/report${query({ by })}`).then((r) => r.rows),
    [by],
  );
  const columns: Column<Row>[] = [
    codeColumn<Row>('key', t(`leads.by.${by}`), (r) => r.key, { rowHeader: true }),
    textColumn<Row>('currency', t('leads.currency'), (r) => r.currency),
    numberColumn<Row>(
      'leads',
      t('leads.leads'),
      (r) => r.leads,
      (n) => fmt.number(n),
    ),
    numberColumn<Row>(
      'won',
      t('leads.won'),
      (r) => r.won,
      (n) => fmt.number(n),
    ),
    numberColumn<Row>(
      'lost',
      t('leads.lost'),
      (r) => r.lost,
      (n) => fmt.number(n),
    ),
    numberColumn<Row>(
      'open',
      t('leads.open'),
      (r) => r.open,
      (n) => fmt.number(n),
    ),
    numberColumn<Row>(
      'conversion',
      t('leads.conversion'),
      (r) => r.conversion,
      (n) => fmt.number(n, { style: 'percent', maximumFractionDigits: 1 }),
    ),
    {
      key: 'wonMinor',
      header: t('leads.wonRevenue'),
      numeric: true,
      cell: (r) => fmt.money(r.wonMinor, r.currency),
      sortValue: (r) => r.wonMinor,
    },
  ];
  return (
    <>
      <PageHeader title={t('leads.title')} intro={t('leads.intro')} />
      <div className="card">
        <SelectField
          label={t('leads.groupBy')}
          value={by}
          onValue={(v) => setParams({ by: v })}
          options={LEAD_DIMENSIONS.map((d) => ({ value: d, label: t(`leads.by.${d}`) }))}
        />
        <DataTable<Row>
          caption={t('leads.title')}
          columns={columns}
          rowKey={(r) => `${r.key}|${r.currency}`}
          {...resourceRows(report)}
          empty={t('leads.empty')}
        />
      </div>
    </>
  );
}
