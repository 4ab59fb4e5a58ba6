// Vendors and a weighted scorecard: each signed-in evaluator scores on their own; the page shows
// each criterion's mean and the spread between evaluators, and the weighted totals (price is one
// criterion among many).

import type { SourceScorecard, SourceVendor } from '@shoreline/server/contract';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { numberColumn, textColumn } from '../../kit/columns';
import { DataTable, ResourceTable } from '../../kit/DataTable';
import { ErrorBanner } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { sourceApi } from './api';
import { SideBySideHead } from './SideBySide';
import { VendorForm } from './VendorForm';

type Vendor = SourceVendor;
type Ranked = SourceScorecard['result']['vendors'][number];

/** Starting weights from the selection notes (§3), for the user to edit. */
const CRITERIA = [
  { id: 'delivery', weight: 20 },
  { id: 'quality', weight: 20 },
  { id: 'people', weight: 10 },
  { id: 'security', weight: 15 },
  { id: 'resilience', weight: 10 },
  { id: 'relationship', weight: 10 },
] as const;

export function ScorecardPanel() {
  const { t } = useTranslation();
  const f = useFormat();
  const vendors = useResource(() => sourceApi.vendors(), []);
  const cards = useResource(() => sourceApi.scorecards(), []);
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [draft, setDraft] = useState<Record<string, string>>({});
  const card: SourceScorecard | undefined = cards.data?.[0];

  const addVendor = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await sourceApi.createVendor(name, 'nearshore');
      setName('');
      vendors.reload();
    } catch (err) {
      setError(err);
    }
  };
  const createCard = async () => {
    try {
      await sourceApi.createScorecard({
        name: t('source.vendors.scorecardName'),
        criteria: [
          ...CRITERIA.map((c) => ({ id: c.id, label: t(`source.criterion.${c.id}`), weight: c.weight })),
          { id: 'price', label: t('source.criterion.price'), weight: 15, price: true },
        ],
        vendorIds: (vendors.data ?? []).map((v) => v.id),
      });
      cards.reload();
    } catch (err) {
      setError(err);
    }
  };
  const saveScores = async (e: FormEvent) => {
    e.preventDefault();
    if (!card) return;
    const scores = Object.entries(draft)
      .filter(([, v]) => v !== '')
      .map(([k, v]) => {
        const [vendorId = '', criterion = ''] = k.split('|');
        return { vendorId, criterion, score: Number(v) };
      });
    try {
      const updated = await sourceApi.score(card.id, scores);
      cards.set(() => [updated]);
      setDraft({});
    } catch (err) {
      setError(err);
    }
  };

  if (cards.error) return <ErrorBanner error={cards.error} onRetry={cards.reload} />;
  const scored = card?.criteria.filter((c) => !c.price) ?? [];
  return (
    <section aria-labelledby="source-vendors">
      <h2 id="source-vendors">{t('source.tabs.vendors')}</h2>
      {error ? <ErrorBanner error={error} /> : null}
      <form onSubmit={addVendor}>
        <label>
          {t('source.vendors.name')}
          <input
            name="vendorName"
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={120}
          />
        </label>
        <button type="submit">{t('source.vendors.add')}</button>
      </form>
      <ResourceTable<Vendor>
        caption={t('source.tabs.vendors')}
        resource={vendors}
        empty={t('source.vendors.empty')}
        columns={[
          textColumn<Vendor>('name', t('source.vendors.name'), (v) => v.name, { rowHeader: true }),
          textColumn<Vendor>('shore', t('source.vendors.shore'), (v) =>
            t(`source.shore.${v.shore}` as 'source.shore.nearshore'),
          ),
          textColumn<Vendor>('expiring', t('source.vendors.expiring'), (v) =>
            v.expiringCertifications.length ? f.list(v.expiringCertifications) : null,
          ),
          textColumn<Vendor>('edit', t('source.vendorForm.profile'), () => null, {
            cell: (v) => (
              <button type="button" onClick={() => setEditing(v.id)}>
                {t('source.vendorForm.edit', { name: v.name })}
              </button>
            ),
          }),
        ]}
      />
      {editing && vendors.data?.some((v) => v.id === editing) ? (
        <VendorForm
          key={editing}
          vendor={vendors.data.find((v) => v.id === editing) as Vendor}
          onSaved={() => {
            setEditing(undefined);
            vendors.reload();
          }}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
      {cards.data === undefined ? null : !card ? (
        <button type="button" onClick={createCard} disabled={(vendors.data?.length ?? 0) < 2}>
          {t('source.vendors.createScorecard')}
        </button>
      ) : (
        <>
          <form onSubmit={saveScores} data-testid="score-form">
            <p>{t('source.vendors.scoreHelp')}</p>
            <table className="source-table">
              <SideBySideHead
                corner={t('source.vendors.criterion')}
                options={card.vendors}
                keyOf={(v) => v.id}
              />
              <tbody>
                {scored.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.label}</th>
                    {card.vendors.map((v) => (
                      <td key={v.id}>
                        <select
                          name={`score-${v.id}-${c.id}`}
                          aria-label={`${v.name}: ${c.label}`}
                          value={draft[`${v.id}|${c.id}`] ?? ''}
                          onChange={(e) => setDraft((d) => ({ ...d, [`${v.id}|${c.id}`]: e.target.value }))}
                        >
                          <option value="">—</option>
                          {[1, 2, 3, 4, 5].map((n) => (
                            <option key={n} value={n}>
                              {n}
                            </option>
                          ))}
                        </select>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <button type="submit">{t('source.vendors.save')}</button>
          </form>
          <p data-testid="evaluators">{t('source.vendors.evaluators', { count: card.evaluators.length })}</p>
          <DataTable<Ranked>
            caption={t('source.vendors.total')}
            testId="scorecard-result"
            rows={card.result.vendors}
            rowKey={(v) => v.vendor}
            columns={[
              textColumn<Ranked>(
                'vendor',
                t('source.vendors.vendor'),
                (v) => card.vendors.find((x) => x.id === v.vendor)?.name ?? v.vendor,
                { rowHeader: true },
              ),
              numberColumn<Ranked>(
                'total',
                t('source.vendors.total'),
                (v) => v.total,
                (n) => f.number(n, { maximumFractionDigits: 1 }),
              ),
              numberColumn<Ranked>('rank', t('source.vendors.rank'), (v) => v.rank, String),
              numberColumn<Ranked>(
                'spread',
                t('source.vendors.spread'),
                (v) => Math.max(0, ...v.criteria.map((c) => c.spread ?? 0)),
                (n) => f.number(n),
              ),
            ]}
          />
          <p>
            {card.result.winnerRobustToWeights ? t('source.vendors.robust') : t('source.vendors.notRobust')}
          </p>
        </>
      )}
    </section>
  );
}
