import type { ContractVersion } from '@shoreline/server/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionForm, FormActions, TextFields } from '../../kit/fields';
import { useFieldValues } from '../../kit/useFieldValues';
import { useSubmit } from '../../lib/useSubmit';
import { governApi } from './api';

type Term = ContractVersion['document']['terms'][number];

/** Levels are stored as integers (basis points, or hundredths of a score): edited as percent / score. */
const shown = (level: number) => String(level / 100);
const stored = (text: string) => Math.round(Number(text.replace(',', '.')) * 100);
const minutes = (seconds: number | undefined) => (seconds === undefined ? '' : String(seconds / 60));

/** The edited columns of a term: a target in minutes (terms without one show a dash), two levels. */
const LEVELS = [
  { field: 'target', min: '1', step: 'any' },
  { field: 'minimum', min: '0', step: '0.01' },
  { field: 'expected', min: '0', step: '0.01' },
] as const;

/**
 * A change of terms: the latest version's document with its terms' targets and levels edited, an
 * effective date, a reason and who approved it. The server keeps the old version and adds the new one
 * (never before the latest's effective date); settlements use each for its days.
 */
export function ChangeTermsForm(props: {
  latest: ContractVersion;
  onApplied: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const { latest } = props;
  const fields = useFieldValues({ effectiveFrom: '', reason: '', approvedBy: '' });
  const [terms, setTerms] = useState(() =>
    latest.document.terms.map((term) => ({
      term,
      target: minutes(term.targetSeconds),
      minimum: shown(term.minimum),
      expected: shown(term.expected),
    })),
  );
  const edit = (i: number, patch: Partial<(typeof terms)[number]>) =>
    setTerms((all) => all.map((row, j) => (j === i ? { ...row, ...patch } : row)));

  const onSubmit = async () => {
    const edited: Term[] = terms.map((row) => ({
      ...row.term,
      ...(row.term.targetSeconds === undefined ? {} : { targetSeconds: Math.round(Number(row.target) * 60) }),
      minimum: stored(row.minimum),
      expected: stored(row.expected),
    }));
    const applied = await submit.run(() =>
      governApi.apply({
        contractId: latest.contractId,
        providerId: latest.providerId,
        ...fields.values,
        document: { ...latest.document, terms: edited },
      }),
    );
    if (applied) props.onApplied();
  };

  return (
    <ActionForm
      aria-labelledby="change-terms-title"
      onSubmit={onSubmit}
      submit={submit}
      heading={
        <>
          <h3 id="change-terms-title">{t('govern.change.title', { version: latest.version })}</h3>
          <p className="field-help">{t('govern.change.help')}</p>
        </>
      }
    >
      <div className="form-grid">
        <TextFields
          fields={[
            {
              name: 'effectiveFrom',
              label: t('govern.effectiveFrom'),
              type: 'date',
              required: true,
              min: latest.effectiveFrom,
            },
            { name: 'reason', label: t('govern.reason'), required: true },
            { name: 'approvedBy', label: t('govern.approvedBy'), required: true },
          ]}
          values={fields.values}
          onValue={fields.set}
          errors={submit.fields}
        />
      </div>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('govern.term')}</th>
              {LEVELS.map((level) => (
                <th key={level.field} scope="col">
                  {t(`govern.change.${level.field}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {terms.map((row, i) => (
              <tr key={row.term.id}>
                <td>
                  <code>{row.term.id}</code> {t(`govern.kpi.${row.term.kpi}`)}
                </td>
                {LEVELS.map((level) => (
                  <td key={level.field}>
                    {level.field === 'target' && row.term.targetSeconds === undefined ? (
                      '—'
                    ) : (
                      <input
                        type="number"
                        min={level.min}
                        step={level.step}
                        required
                        aria-label={t(`govern.change.${level.field}Of`, { term: row.term.id })}
                        value={row[level.field]}
                        onChange={(e) => edit(i, { [level.field]: e.target.value })}
                      />
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FormActions busy={submit.busy} label={t('govern.change.save')}>
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </ActionForm>
  );
}
