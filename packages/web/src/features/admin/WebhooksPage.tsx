// Admin → Webhooks: endpoints that receive the organization's events as signed HTTP POSTs, the
// signing secret (shown once), a test delivery, and each endpoint's recent deliveries.

import type { WebhookEndpoint } from '@shoreline/server/contract';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner, Field, Loading, PageHeader, SecretBox } from '../../lib/ui';
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
          <Field label={t('webhooks.url')} help={t('webhooks.urlHelp')} error={submit.fields['url']} required>
            {(c) => (
              <input {...c} type="url" name="url" value={url} onChange={(e) => setUrl(e.target.value)} />
            )}
          </Field>
          <Field label={t('webhooks.description')} error={submit.fields['description']}>
            {(c) => (
              <input
                {...c}
                name="description"
                value={description}
                onChange={(e) => setDescription(e.target.value)}
              />
            )}
          </Field>
          <Field
            label={t('webhooks.eventTypes')}
            help={t('webhooks.eventTypesHelp', { types: KNOWN_TYPES.join(', ') })}
            error={submit.fields['eventTypes']}
            required
          >
            {(c) => (
              <input {...c} name="eventTypes" value={types} onChange={(e) => setTypes(e.target.value)} />
            )}
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={submit.busy}>
            {t('webhooks.create')}
          </button>
        </div>
      </form>
      <ErrorBanner error={endpoints.error} onRetry={endpoints.reload} />
      <ErrorBanner error={actionError} />
      {endpoints.loading && !endpoints.data ? <Loading /> : null}
      {endpoints.data?.length === 0 ? <p className="empty">{t('webhooks.empty')}</p> : null}
      {endpoints.data && endpoints.data.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('webhooks.url')}</th>
                <th scope="col">{t('webhooks.eventTypes')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('common.created')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {endpoints.data.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <span dir="ltr">{e.url}</span>
                    {e.description ? <div className="muted">{e.description}</div> : null}
                  </th>
                  <td dir="ltr">{e.eventTypes.join(', ')}</td>
                  <td>{e.active ? t('webhooks.active') : t('webhooks.inactive')}</td>
                  <td className="nowrap">{fmt.dateTime(e.createdAt)}</td>
                  <td>
                    <button type="button" className="button-small" onClick={() => void test(e)}>
                      {t('webhooks.sendTest')}
                    </button>{' '}
                    <button type="button" className="button-small" onClick={() => setSelected(e.id)}>
                      {t('webhooks.showDeliveries')}
                    </button>{' '}
                    <button type="button" className="button-small" onClick={() => void toggle(e)}>
                      {e.active ? t('webhooks.disable') : t('webhooks.enable')}
                    </button>{' '}
                    <button
                      type="button"
                      className="button-danger button-small"
                      onClick={() => void remove(e)}
                    >
                      {t('webhooks.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {selected ? <Deliveries key={selected} endpointId={selected} /> : null}
    </>
  );
}

function Deliveries({ endpointId }: { endpointId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const deliveries = useResource(() => adminApi.webhookDeliveries(endpointId), [endpointId]);
  return (
    <section className="card" aria-labelledby="webhook-deliveries">
      <h2 id="webhook-deliveries">{t('webhooks.deliveriesTitle')}</h2>
      <button type="button" className="button-small" onClick={deliveries.reload}>
        {t('webhooks.refresh')}
      </button>
      <ErrorBanner error={deliveries.error} onRetry={deliveries.reload} />
      {deliveries.loading && !deliveries.data ? <Loading /> : null}
      {deliveries.data?.length === 0 ? <p className="empty">{t('webhooks.noDeliveries')}</p> : null}
      {deliveries.data && deliveries.data.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('common.created')}</th>
                <th scope="col">{t('webhooks.event')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('webhooks.statusCode')}</th>
                <th scope="col">{t('webhooks.attempts')}</th>
                <th scope="col">{t('webhooks.nextAttempt')}</th>
                <th scope="col">{t('webhooks.lastError')}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.data.map((d) => (
                <tr key={d.id}>
                  <td className="nowrap">{fmt.dateTime(d.createdAt)}</td>
                  <td dir="ltr">{d.eventType}</td>
                  <td>{t(`webhooks.statuses.${d.status}`)}</td>
                  <td>{d.lastStatusCode ?? '—'}</td>
                  <td>{fmt.number(d.attempts)}</td>
                  <td className="nowrap">{d.nextAttemptAt ? fmt.dateTime(d.nextAttemptAt) : '—'}</td>
                  <td dir="ltr">{d.lastError ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
