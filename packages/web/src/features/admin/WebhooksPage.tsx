// Admin → Webhooks: endpoints that receive the organization's events as signed HTTP POSTs, the
// signing secret (shown once), a test delivery, and each endpoint's recent deliveries.

import type { WebhookDelivery, WebhookEndpoint } from '@shoreline/server/contract';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { codeColumn, columnsOf, timeColumn } from '../../kit/columns';
import { listTexts, ResourceTable } from '../../kit/DataTable';
import { FormActions, fieldBinder, TextField } from '../../kit/fields';
import { ErrorBanner, PageHeader, SecretBox } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { useSubmit } from '../../lib/useSubmit';
import { adminApi } from './api';

/** Event types the server emits today; `*` subscribes to every type, including future ones. */
const KNOWN_TYPES = [
  'ticket.created',
  'message.received',
  'ticket.status_changed',
  'ticket.assigned',
  'import_run.finished',
  'sla.at_risk',
  'sla.breached',
];

export function WebhooksPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const endpoints = useResource(() => adminApi.webhooks(), []);
  const [created, setCreated] = useState<{ url: string; secret: string }>();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [types, setTypes] = useState('*');
  const [selected, setSelected] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>();
  const submit = useSubmit();

  const onCreate = async (e: FormEvent) => {
    e.preventDefault();
    const eventTypes = types
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const res = await submit.run(() => adminApi.createWebhook({ url: url.trim(), description, eventTypes }));
    if (!res) return;
    const { secret, ...endpoint } = res;
    setCreated({ url: endpoint.url, secret });
    setUrl('');
    setDescription('');
    endpoints.set((list) => [...(list ?? []), endpoint]);
  };

  const act = async (action: () => Promise<void>) => {
    setActionError(undefined);
    try {
      await action();
    } catch (err) {
      setActionError(err);
    }
  };
  const toggle = (e: WebhookEndpoint) =>
    act(async () => {
      const updated = await adminApi.updateWebhook(e.id, { active: !e.active });
      endpoints.set((list) => list?.map((x) => (x.id === e.id ? updated : x)));
    });
  const remove = (e: WebhookEndpoint) =>
    act(async () => {
      if (!window.confirm(t('webhooks.confirmDelete', { url: e.url }))) return;
      await adminApi.deleteWebhook(e.id);
      endpoints.set((list) => list?.filter((x) => x.id !== e.id));
      if (selected === e.id) setSelected(null);
    });
  const test = (e: WebhookEndpoint) =>
    act(async () => {
      await adminApi.testWebhook(e.id);
      setSelected(e.id);
    });

  const bind = fieldBinder(submit.fields);
  return (
    <>
      <PageHeader title={t('webhooks.title')} intro={t('webhooks.intro')} />
      {created ? (
        <SecretBox
          label={t('webhooks.secretTitle', { url: created.url })}
          help={t('webhooks.secretHelp')}
          value={created.secret}
          onDone={() => setCreated(undefined)}
        />
      ) : null}
      <form className="form card" onSubmit={onCreate} noValidate>
        <ErrorBanner error={submit.bannerError} />
        <div className="form-grid">
          <TextField
            label={t('webhooks.url')}
            help={t('webhooks.urlHelp')}
            {...bind('url', url, setUrl)}
            required
            type="url"
          />
          <TextField
            label={t('webhooks.description')}
            {...bind('description', description, setDescription)}
          />
          <TextField
            label={t('webhooks.eventTypes')}
            help={t('webhooks.eventTypesHelp', { types: KNOWN_TYPES.join(', ') })}
            {...bind('eventTypes', types, setTypes)}
            required
          />
        </div>
        <FormActions busy={submit.busy} label={t('webhooks.create')} />
      </form>
      <ErrorBanner error={actionError} />
      <ResourceTable
        {...listTexts(t, 'webhooks')}
        resource={endpoints}
        columns={[
          {
            key: 'url',
            header: t('webhooks.url'),
            rowHeader: true,
            cell: (e) => (
              <>
                <span dir="ltr">{e.url}</span>
                {e.description ? <div className="muted">{e.description}</div> : null}
              </>
            ),
            sortValue: (e) => e.url,
          },
          codeColumn<WebhookEndpoint>('eventTypes', t('webhooks.eventTypes'), (e) => e.eventTypes.join(', ')),
          {
            key: 'status',
            header: t('common.status'),
            cell: (e) => (e.active ? t('webhooks.active') : t('webhooks.inactive')),
          },
          timeColumn<WebhookEndpoint>('created', t('common.created'), (e) => e.createdAt, fmt.dateTime),
          {
            key: 'actions',
            header: t('common.actions'),
            cell: (e) => (
              <>
                <button type="button" className="button-small" onClick={() => void test(e)}>
                  {t('webhooks.sendTest')}
                </button>{' '}
                <button type="button" className="button-small" onClick={() => setSelected(e.id)}>
                  {t('webhooks.showDeliveries')}
                </button>{' '}
                <button type="button" className="button-small" onClick={() => void toggle(e)}>
                  {e.active ? t('webhooks.disable') : t('webhooks.enable')}
                </button>{' '}
                <button type="button" className="button-danger button-small" onClick={() => void remove(e)}>
                  {t('webhooks.delete')}
                </button>
              </>
            ),
          },
        ]}
      />
      {selected ? <Deliveries key={selected} endpointId={selected} /> : null}
    </>
  );
}

function Deliveries({ endpointId }: { endpointId: string }) {
  const { t } = useTranslation();
  const col = columnsOf<WebhookDelivery>(useFormat());
  const deliveries = useResource(() => adminApi.webhookDeliveries(endpointId), [endpointId]);
  return (
    <section className="card" aria-labelledby="webhook-deliveries">
      <h2 id="webhook-deliveries">{t('webhooks.deliveriesTitle')}</h2>
      <button type="button" className="button-small" onClick={deliveries.reload}>
        {t('webhooks.refresh')}
      </button>
      <ResourceTable
        caption={t('webhooks.deliveriesTitle')}
        resource={deliveries}
        empty={t('webhooks.noDeliveries')}
        columns={[
          col.dateTime('created', t('common.created'), (d) => d.createdAt),
          col.code('event', t('webhooks.event'), (d) => d.eventType),
          col.text('status', t('common.status'), (d) => t(`webhooks.statuses.${d.status}`)),
          col.number('statusCode', t('webhooks.statusCode'), (d) => d.lastStatusCode, String),
          col.count('attempts', t('webhooks.attempts'), (d) => d.attempts),
          col.dateTime('nextAttempt', t('webhooks.nextAttempt'), (d) => d.nextAttemptAt),
          col.code('lastError', t('webhooks.lastError'), (d) => d.lastError),
        ]}
      />
    </section>
  );
}
