import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import ipaddr from 'ipaddr.js';
import { type Kysely, sql } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/schema.js';
import { guardedLookup, isPublicAddress } from './address-guard.js';
import { MAX_WEBHOOK_ATTEMPTS, webhookRetryDelaySec } from './backoff.js';
import { signatureHeader } from './signature.js';

/** A claimed delivery is not taken by another process for this long (longer than the timeout). */
const LEASE_MS = 60_000;
const TIMEOUT_MS = 10_000;
const BATCH = 20;

interface Claimed {
  id: string;
  body: string;
  attempts: number;
  event_type: string;
  event_id: string | number | null;
  url: string;
  secret: string;
  active: boolean;
}

/**
 * Delivers the webhooks that are due: claims up to a batch (FOR UPDATE SKIP LOCKED, then a lease
 * via next_attempt_at, so two processes never send the same attempt), POSTs each, and records the
 * outcome: delivered on a 2xx, else retried with backoff until MAX_WEBHOOK_ATTEMPTS, then failed.
 * Returns how many attempts were made. The job queue will run this; for now the listener loop does.
 */
export async function deliverDueWebhooks(
  db: Kysely<DB>,
  clock: Clock,
  options: { allowPrivate: boolean },
): Promise<number> {
  const now = clock.now();
  const { rows } = await sql<Claimed>`update webhook_deliveries d
      set next_attempt_at = ${new Date(now.getTime() + LEASE_MS)}
    from webhook_endpoints e
    where e.id = d.endpoint_id and d.id in (
      select id from webhook_deliveries
      where status = 'pending' and next_attempt_at <= ${now}
      order by next_attempt_at limit ${BATCH}
      for update skip locked)
    returning d.id, d.body, d.attempts, d.event_type, d.event_id, e.url, e.secret, e.active`.execute(db);
  await Promise.all(rows.map((row) => attempt(db, clock, row, options.allowPrivate)));
  return rows.length;
}

async function attempt(db: Kysely<DB>, clock: Clock, row: Claimed, allowPrivate: boolean): Promise<void> {
  const sentAt = clock.now();
  const outcome = row.active
    ? await post(row, Math.floor(sentAt.getTime() / 1000), allowPrivate)
    : { status: null, error: 'endpoint is disabled' };
  const attempts = row.attempts + 1;
  const delivered = outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
  const givesUp = !delivered && (attempts >= MAX_WEBHOOK_ATTEMPTS || !row.active);
  const done = clock.now();
  await db
    .updateTable('webhook_deliveries')
    .set({
      attempts,
      status: delivered ? 'delivered' : givesUp ? 'failed' : 'pending',
      last_status_code: outcome.status,
      last_error: outcome.error,
      delivered_at: delivered ? done : null,
      next_attempt_at:
        delivered || givesUp ? null : new Date(done.getTime() + webhookRetryDelaySec(attempts) * 1000),
    })
    .where('id', '=', row.id)
    .execute();
}

function post(
  row: Claimed,
  unixSeconds: number,
  allowPrivate: boolean,
): Promise<{ status: number | null; error: string | null }> {
  let url: URL;
  try {
    url = new URL(row.url);
  } catch {
    return Promise.resolve({ status: null, error: 'invalid URL' });
  }
  // A literal address never goes through the lookup below: check it here.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && ipaddr.isValid(host) && !isPublicAddress(host))
    return Promise.resolve({ status: null, error: `${host} is not a public address` });
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = send(
      url,
      {
        method: 'POST',
        lookup: guardedLookup(allowPrivate),
        timeout: TIMEOUT_MS,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Shoreline-Webhooks/1',
          'shoreline-signature': signatureHeader(row.secret, row.body, unixSeconds),
          'shoreline-event-type': row.event_type,
          'shoreline-delivery-id': row.id,
          ...(row.event_id === null ? {} : { 'shoreline-event-id': String(row.event_id) }),
        },
      },
      (res) => {
        res.resume(); // the body is not kept; draining it frees the socket
        res.on('end', () => resolve({ status: res.statusCode ?? null, error: null }));
        res.on('error', (err) => resolve({ status: res.statusCode ?? null, error: err.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    req.on('error', (err) => resolve({ status: null, error: err.message }));
    req.end(row.body);
  });
}
