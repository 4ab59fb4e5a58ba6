// Admin → SLA policies: the organization's policies in their latest version, and an editor where
// every save is a new version with its effective date and reason (tickets keep the version in force
// when they were created). Targets are entered in minutes and sent as whole seconds.

import type {
  Channel,
  SlaPolicy,
  SlaPolicyCreate,
  TicketPriority,
  TicketStatus,
  TicketType,
} from '@shoreline/server/contract';
import { CHANNELS, TICKET_PRIORITIES, TICKET_TYPES } from '@shoreline/server/contract';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { columnsOf } from '../../kit/columns';
import { listTexts, ResourceTable } from '../../kit/DataTable';
import { type Option, OptionSelect, optionsOf } from '../../kit/fields';
import { ErrorBanner, Field, FieldGroup, Notice, PageHeader } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { useSubmit } from '../../lib/useSubmit';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { adminApi } from './api';

const PAUSABLE: TicketStatus[] = ['pending', 'on_hold'];
type Metric = 'firstResponseSeconds' | 'nextResponseSeconds' | 'resolutionSeconds';
const METRICS: Metric[] = ['firstResponseSeconds', 'nextResponseSeconds', 'resolutionSeconds'];

interface Row {
  type: TicketType | '';
  priority: TicketPriority | '';
  channel: Channel | '';
  minutes: Record<Metric, string>;
}
type ScopeKey = 'type' | 'priority' | 'channel';
interface Draft {
  name: string;
  effectiveFrom: string;
  reason: string;
  atRiskPercent: string;
  pauseStatuses: TicketStatus[];
  rows: Row[];
}

const emptyRow = (): Row => ({
  type: '',
  priority: '',
  channel: '',
  minutes: { firstResponseSeconds: '', nextResponseSeconds: '', resolutionSeconds: '' },
});
/** `datetime-local` wants local wall time without a zone. */
const localInput = (iso: string) => {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

function draftOf(p: SlaPolicy | null, now: Date): Draft {
  if (!p)
    return {
      name: '',
      effectiveFrom: localInput(now.toISOString()),
      reason: '',
      atRiskPercent: '80',
      pauseStatuses: [...PAUSABLE],
      rows: [emptyRow()],
    };
  const d = p.definition;
  return {
    name: d.name,
    effectiveFrom: localInput(now.toISOString()),
    reason: '',
    atRiskPercent: 'percent' in d.atRisk ? String(d.atRisk.percent) : '80',
    pauseStatuses: d.pauseStatuses,
    rows: d.targets.map((t) => ({
      type: t.types?.[0] ?? '',
      priority: t.priorities?.[0] ?? '',
      channel: t.channels?.[0] ?? '',
      minutes: Object.fromEntries(
        METRICS.map((m) => [m, t[m] === undefined ? '' : String(Math.round(t[m]! / 60))]),
      ) as Record<Metric, string>,
    })),
  };
}

function bodyOf(d: Draft, position: number): SlaPolicyCreate {
  return {
    name: d.name.trim(),
    position,
    effectiveFrom: new Date(d.effectiveFrom).toISOString(),
    reason: d.reason.trim(),
    atRisk: { percent: Number(d.atRiskPercent) },
    pauseStatuses: d.pauseStatuses,
    targets: d.rows.map((r) => ({
      ...(r.type ? { types: [r.type] } : {}),
      ...(r.priority ? { priorities: [r.priority] } : {}),
      ...(r.channel ? { channels: [r.channel] } : {}),
      ...Object.fromEntries(
        METRICS.filter((m) => r.minutes[m].trim() !== '').map((m) => [
          m,
          Math.round(Number(r.minutes[m]) * 60),
        ]),
      ),
    })),
  };
}

export function SlaPoliciesPage() {
  const { t } = useTranslation();
  const col = columnsOf<SlaPolicy>(useFormat());
  const me = useMe();
  const policies = useResource(() => adminApi.slaPolicies(), []);
  const [editing, setEditing] = useState<{ policy: SlaPolicy | null } | null>(null);
  const [notice, setNotice] = useState<string>();
  const canManage = can(me, 'sla.manage');

  return (
    <>
      <PageHeader
        title={t('sla.title')}
        intro={t('sla.intro')}
        actions={
          canManage && !editing ? (
            <button type="button" className="button-primary" onClick={() => setEditing({ policy: null })}>
              {t('sla.new')}
            </button>
          ) : null
        }
      />
      {notice ? <Notice>{notice}</Notice> : null}
      {editing ? (
        <PolicyEditor
          policy={editing.policy}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice(t('sla.saved', { name: saved.definition.name, version: saved.version }));
            policies.reload();
          }}
        />
      ) : null}
      <ResourceTable
        {...listTexts(t, 'sla')}
        resource={policies}
        columns={[
          col.text('name', t('sla.name'), (p) => p.definition.name, { rowHeader: true }),
          col.count('version', t('sla.version'), (p) => p.version),
          col.dateTime('effectiveFrom', t('sla.effectiveFrom'), (p) => p.effectiveFrom),
          col.count('targets', t('sla.targets'), (p) => p.definition.targets.length),
          col.text('reason', t('sla.reason'), (p) => p.reason),
          {
            key: 'actions',
            header: t('common.actions'),
            cell: (p) =>
              canManage ? (
                <button type="button" className="button-small" onClick={() => setEditing({ policy: p })}>
                  {t('sla.edit')}
                </button>
              ) : null,
          },
        ]}
      />
    </>
  );
}

function PolicyEditor(props: { policy: SlaPolicy | null; onCancel(): void; onSaved(p: SlaPolicy): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [draft, setDraft] = useState(() => draftOf(props.policy, new Date()));
  const submit = useSubmit();
  const history = useResource(
    () => (props.policy ? adminApi.slaPolicyVersions(props.policy.id) : Promise.resolve([])),
    [props.policy?.id],
  );
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setRow = (i: number, patch: Partial<Row>) =>
    set({ rows: draft.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  // A target row's scope: a select of each vocabulary, blank for any.
  const scope: { key: ScopeKey; label: string; options: Option[] }[] = [
    {
      key: 'type',
      label: t('sla.type'),
      options: optionsOf(TICKET_TYPES, (v) => t(`desk.ticketTypes.${v}`)),
    },
    {
      key: 'priority',
      label: t('sla.priority'),
      options: optionsOf(TICKET_PRIORITIES, (p) => t(`insight.priorities.${p}`)),
    },
    {
      key: 'channel',
      label: t('sla.channel'),
      options: optionsOf(CHANNELS, (ch) => t(`insight.channels.${ch}`)),
    },
  ];

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const body = bodyOf(draft, props.policy?.definition.position ?? 0);
    const saved = await submit.run(() =>
      props.policy ? adminApi.reviseSlaPolicy(props.policy.id, body) : adminApi.createSlaPolicy(body),
    );
    if (saved) props.onSaved(saved);
  };

  return (
    <form className="form card" onSubmit={onSubmit} onChange={submit.onChange} noValidate>
      <h2>{props.policy ? t('sla.editTitle', { name: props.policy.definition.name }) : t('sla.new')}</h2>
      <ErrorBanner error={submit.bannerError} />
      <div className="form-grid">
        <Field label={t('sla.name')} error={submit.fields['name']} required>
          {(c) => (
            <input {...c} name="name" value={draft.name} onChange={(e) => set({ name: e.target.value })} />
          )}
        </Field>
        <Field
          label={t('sla.effectiveFrom')}
          help={t('sla.effectiveFromHelp')}
          error={submit.fields['effectiveFrom']}
          required
        >
          {(c) => (
            <input
              {...c}
              type="datetime-local"
              name="effectiveFrom"
              value={draft.effectiveFrom}
              onChange={(e) => set({ effectiveFrom: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('sla.reason')} help={t('sla.reasonHelp')} error={submit.fields['reason']} required>
          {(c) => (
            <input
              {...c}
              name="reason"
              value={draft.reason}
              onChange={(e) => set({ reason: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('sla.atRisk')} help={t('sla.atRiskHelp')} error={submit.fields['atRisk']}>
          {(c) => (
            <input
              {...c}
              type="number"
              min={1}
              max={99}
              name="atRisk"
              value={draft.atRiskPercent}
              onChange={(e) => set({ atRiskPercent: e.target.value })}
            />
          )}
        </Field>
        <FieldGroup
          legend={t('sla.pauseStatuses')}
          help={t('sla.pauseHelp')}
          error={submit.fields['pauseStatuses']}
        >
          {PAUSABLE.map((s) => (
            <label key={s} className="check">
              <input
                type="checkbox"
                checked={draft.pauseStatuses.includes(s)}
                onChange={(e) =>
                  set({
                    pauseStatuses: e.target.checked
                      ? [...draft.pauseStatuses, s]
                      : draft.pauseStatuses.filter((x) => x !== s),
                  })
                }
              />{' '}
              {t(`insight.statuses.${s}`)}
            </label>
          ))}
        </FieldGroup>
      </div>
      <FieldGroup legend={t('sla.targets')} help={t('sla.targetsHelp')} error={submit.fields['targets']}>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                {scope.map((c) => (
                  <th scope="col" key={c.key}>
                    {c.label}
                  </th>
                ))}
                {METRICS.map((m) => (
                  <th scope="col" key={m}>
                    {t(`sla.minutes.${m}`)}
                  </th>
                ))}
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {draft.rows.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place.
                <tr key={i}>
                  {scope.map((c) => (
                    <td key={c.key}>
                      <OptionSelect
                        aria-label={c.label}
                        value={r[c.key]}
                        onValue={(value) => setRow(i, { [c.key]: value })}
                        blank={t('sla.any')}
                        options={c.options}
                      />
                    </td>
                  ))}
                  {METRICS.map((m) => (
                    <td key={m}>
                      <input
                        type="number"
                        min={1}
                        step={1}
                        inputMode="numeric"
                        aria-label={t(`sla.minutes.${m}`)}
                        value={r.minutes[m]}
                        onChange={(e) => setRow(i, { minutes: { ...r.minutes, [m]: e.target.value } })}
                      />
                    </td>
                  ))}
                  <td>
                    <button
                      type="button"
                      className="button-small"
                      disabled={draft.rows.length === 1}
                      onClick={() => set({ rows: draft.rows.filter((_, j) => j !== i) })}
                    >
                      {t('sla.removeRow')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <button
          type="button"
          className="button-small"
          onClick={() => set({ rows: [...draft.rows, emptyRow()] })}
        >
          {t('sla.addRow')}
        </button>
      </FieldGroup>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={submit.busy}>
          {props.policy ? t('sla.saveVersion') : t('sla.create')}
        </button>{' '}
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      {props.policy ? (
        <section aria-labelledby="sla-versions">
          <h3 id="sla-versions">{t('sla.versions')}</h3>
          <ErrorBanner error={history.error} onRetry={history.reload} />
          <ol>
            {(history.data ?? []).map((v) => (
              <li key={v.version}>
                {t('sla.versionLine', {
                  version: fmt.number(v.version),
                  from: fmt.dateTime(v.effectiveFrom),
                  reason: v.reason,
                })}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </form>
  );
}
