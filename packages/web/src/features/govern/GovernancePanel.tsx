import type { GovernanceItem } from '@shoreline/server/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textColumn } from '../../kit/columns';
import { DataTable, resourceRows } from '../../kit/DataTable';
import { ActionForm, FormActions, InlineInput, optionsOf, SelectField, TextFields } from '../../kit/fields';
import { useFieldValues } from '../../kit/useFieldValues';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { useSubmit } from '../../lib/useSubmit';
import { governApi } from './api';

type Kind = GovernanceItem['kind'];

/**
 * The contract's governance register: review meetings (scheduled weekly, monthly, quarterly),
 * corrective actions and escalations with their owners and due days; an overdue escalation says the
 * level it should move to. Administrators add items, schedule reviews and close items with evidence.
 */
export function GovernancePanel(props: { contractId: string; manage: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const items = useResource(() => governApi.governance(props.contractId), [props.contractId]);
  const submit = useSubmit();
  const [kind, setKind] = useState<Kind>('action');
  const fields = useFieldValues({ title: '', owner: '', dueOn: '' });
  const [from, setFrom] = useState('');

  const add = async () => {
    const { dueOn, ...item } = fields.values;
    const done = await submit.run(() =>
      governApi.addGovernance(props.contractId, { kind, ...item, ...(dueOn ? { dueOn } : {}) }),
    );
    if (done) {
      fields.reset();
      items.reload();
    }
  };
  const schedule = async () => {
    if (!from) return;
    if (await submit.run(() => governApi.scheduleReviews(props.contractId, from, 13))) items.reload();
  };
  const close = async (item: GovernanceItem) => {
    const evidence = window.prompt(t('govern.governance.evidencePrompt')) ?? '';
    if (await submit.run(() => governApi.closeGovernance(item.id, evidence))) items.reload();
  };
  const kindLabel = (k: Kind) => t(`govern.governance.kinds.${k}`);

  return (
    <section aria-labelledby="governance-title">
      <h3 id="governance-title">{t('govern.governance.title')}</h3>
      <DataTable<GovernanceItem>
        caption={t('govern.governance.title')}
        {...resourceRows(items)}
        rowKey={(x) => x.id}
        testId="governance-items"
        pageSize={20}
        empty={t('govern.governance.empty')}
        rowProps={(x) => ({ 'data-kind': x.kind, 'data-status': x.status })}
        columns={[
          textColumn<GovernanceItem>('dueOn', t('govern.governance.due'), (x) => x.dueOn, {
            cell: (x) => fmt.date(x.dueOn),
            nowrap: true,
          }),
          textColumn<GovernanceItem>('kind', t('govern.governance.kind'), (x) =>
            x.reviewKind
              ? `${kindLabel(x.kind)} — ${t(`govern.governance.reviews.${x.reviewKind}`)}`
              : kindLabel(x.kind),
          ),
          textColumn<GovernanceItem>('title', t('govern.governance.item'), (x) => x.title),
          textColumn<GovernanceItem>('owner', t('govern.governance.owner'), (x) => x.owner),
          textColumn<GovernanceItem>('level', t('govern.governance.level'), (x) =>
            x.level === null
              ? null
              : t('govern.governance.levelOf', { level: x.level, holder: x.holder ?? '' }),
          ),
          textColumn<GovernanceItem>('status', t('common.status'), (x) =>
            x.status === 'done'
              ? t('govern.governance.done')
              : x.nextLevel !== null
                ? t('govern.governance.escalateTo', { level: x.nextLevel })
                : x.overdue
                  ? t('govern.governance.overdue')
                  : t('govern.governance.open'),
          ),
          ...(props.manage
            ? [
                {
                  key: 'actions',
                  header: t('common.actions'),
                  cell: (x: GovernanceItem) =>
                    x.status === 'open' ? (
                      <button type="button" onClick={() => void close(x)}>
                        {t('govern.governance.close')}
                      </button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {props.manage ? (
        <>
          <ActionForm onSubmit={add} submit={submit}>
            <div className="form-grid">
              <SelectField<Kind>
                label={t('govern.governance.kind')}
                name="kind"
                value={kind}
                onValue={setKind}
                options={optionsOf(
                  ['action', 'escalation', 'review', 'obligation', 'runbook_step', 'export_test'] as const,
                  kindLabel,
                )}
              />
              <TextFields
                fields={[
                  { name: 'title', label: t('govern.governance.item'), required: true },
                  { name: 'owner', label: t('govern.governance.owner'), required: kind !== 'runbook_step' },
                  {
                    name: 'dueOn',
                    label: t('govern.governance.due'),
                    help: t('govern.governance.dueHelp'),
                    type: 'date',
                  },
                ]}
                values={fields.values}
                onValue={fields.set}
                errors={submit.fields}
              />
            </div>
            <FormActions busy={submit.busy} label={t('govern.governance.add')} />
          </ActionForm>
          <ActionForm className="inline-form" onSubmit={schedule}>
            <InlineInput
              label={t('govern.governance.scheduleFrom')}
              type="date"
              value={from}
              onValue={setFrom}
              required
            />
            <button type="submit" disabled={submit.busy}>
              {t('govern.governance.schedule')}
            </button>
          </ActionForm>
        </>
      ) : null}
    </section>
  );
}
