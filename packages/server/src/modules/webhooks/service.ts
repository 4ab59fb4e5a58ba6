import { useCasesOf } from '../../platform/access.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/http/problem.js';
import { newId, newSecret } from '../../platform/ids.js';
import type { ScopedDb } from '../../platform/scope.js';
import { urlProblem } from './address-guard.js';
import { testBody } from './payload.js';
import { authorizeWebhooks } from './policy.js';
import { presentDelivery, presentEndpoint } from './presenters.js';

const webhooksUseCase = useCasesOf(authorizeWebhooks);

interface Deps {
  clock: Clock;
  allowPrivate: boolean;
}

async function checkUrl(url: string, allowPrivate: boolean): Promise<void> {
  const problem = await urlProblem(url, allowPrivate);
  if (problem) throw new AppError('validation_failed', `url ${problem}`, 'url');
}

export const listEndpoints = webhooksUseCase('webhook.manage', async (scoped) => {
  const rows = await scoped.selectFrom('webhook_endpoints').selectAll().orderBy('created_at').execute();
  return rows.map(presentEndpoint);
});

/** Registers an endpoint; the answer carries the signing secret, which is never shown again. */
export const createEndpoint = webhooksUseCase(
  'webhook.manage',
  async (scoped, deps: Deps, input: { url: string; description: string; eventTypes: string[] }) => {
    await checkUrl(input.url, deps.allowPrivate);
    const now = deps.clock.now();
    const secret = newSecret('whsec');
    const id = newId('whk', now.getTime());
    await scoped
      .insertInto('webhook_endpoints', {
        id,
        url: input.url,
        description: input.description,
        event_types: [...new Set(input.eventTypes)],
        secret,
        active: true,
        created_by: scoped.actor.userId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return { ...(await getEndpoint(scoped, id)), secret };
  },
);

export const getEndpoint = webhooksUseCase('webhook.manage', async (scoped, id: string) => {
  return presentEndpoint(await scoped.findOrNotFound('webhook_endpoints', id, 'webhook endpoint'));
});

export async function updateEndpoint(
  scoped: ScopedDb,
  deps: Deps,
  id: string,
  patch: {
    url?: string | undefined;
    description?: string | undefined;
    eventTypes?: string[] | undefined;
    active?: boolean | undefined;
  },
) {
  await getEndpoint(scoped, id);
  if (patch.url !== undefined) await checkUrl(patch.url, deps.allowPrivate);
  await scoped
    .updateTable('webhook_endpoints')
    .set({
      ...(patch.url === undefined ? {} : { url: patch.url }),
      ...(patch.description === undefined ? {} : { description: patch.description }),
      ...(patch.eventTypes === undefined ? {} : { event_types: [...new Set(patch.eventTypes)] }),
      ...(patch.active === undefined ? {} : { active: patch.active }),
      updated_at: deps.clock.now(),
    })
    .where('id', '=', id)
    .execute();
  return getEndpoint(scoped, id);
}

export async function deleteEndpoint(scoped: ScopedDb, id: string): Promise<void> {
  await getEndpoint(scoped, id);
  await scoped.deleteFrom('webhook_endpoints').where('id', '=', id).execute();
}

/** Queues a `webhook.test` delivery to one endpoint, due now; the loop sends it. */
export async function sendTestEvent(scoped: ScopedDb, clock: Clock, id: string) {
  await getEndpoint(scoped, id);
  const now = clock.now();
  const row = await scoped.insertRow('webhook_deliveries', {
    id: newId('whd', now.getTime()),
    endpoint_id: id,
    event_id: null,
    event_type: 'webhook.test',
    body: testBody(scoped.actor.organizationId, id, now),
    status: 'pending',
    next_attempt_at: now,
    created_at: now,
  });
  return presentDelivery(row);
}

/** The endpoint's most recent deliveries, newest first. */
export async function listDeliveries(scoped: ScopedDb, id: string, limit = 50) {
  await getEndpoint(scoped, id);
  const rows = await scoped
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('endpoint_id', '=', id)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(presentDelivery);
}
