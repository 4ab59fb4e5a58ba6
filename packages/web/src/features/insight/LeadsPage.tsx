import { LEAD_DIMENSIONS, type LeadDimension, type LeadsReport } from '@shoreline/server/contract';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { columnsOf } from '../../kit/columns';
import { type Column, DataTable, resourceRows } from '../../kit/DataTable';
import { SelectField } from '../../kit/fields';
import { api, query } from '../../lib/api';
import { PageHeader } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';

type Row = LeadsReport['rows'][number];

/** The counts of a row, each a column in this order. */
const LEAD_COUNTS = ['leads', 'won', 'lost', 'open'] as const;

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
  const col = columnsOf<Row>(fmt);
  const percent = (n: number) => fmt.number(n, { style: 'percent', maximumFractionDigits: 1 });
  const columns: Column<Row>[] = [
    col.code('key', t(`leads.by.${by}`), (r) => r.key, { rowHeader: true }),
    col.text('currency', t('leads.currency'), (r) => r.currency),
    ...LEAD_COUNTS.map((count) => col.count(count, t(`leads.${count}`), (r) => r[count])),
    col.number('conversion', t('leads.conversion'), (r) => r.conversion, percent),
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
