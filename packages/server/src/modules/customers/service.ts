import type { Clock } from '../../platform/clock.js';
import { notFound } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import type { ScopedDb } from '../../platform/scope.js';
import { appendAudit } from '../audit/index.js';
import { customersPolicy } from './policy.js';
import { presentCustomer } from './presenters.js';
import type { CustomerHistory } from './schemas.js';
import type { IdentityKind } from './tables.js';

/** An identity as stored: e-mail lower case and trimmed; phone `+` and digits; handle trimmed. */
export function normaliseIdentity(kind: IdentityKind, value: string): string {
  const v = value.trim();
  if (kind === 'email') return v.toLowerCase();
  if (kind === 'phone') return `${v.startsWith('+') ? '+' : ''}${v.replace(/\D/g, '')}`;
  return v;
}

/**
 * The customer with this identity, created (with it) when there is none. Runs in the caller's
 * transaction; two deliveries racing for a new address end with one customer (the identity's key).
 */
export async function findOrCreateCustomer(
  s: ScopedDb,
  clock: Clock,
  input: { kind: IdentityKind; value: string; name?: string | null; language?: string | null },
): Promise<{ id: string; language: string | null; created: boolean }> {
  const value = normaliseIdentity(input.kind, input.value);
  const find = () =>
    s
      .selectFrom('customer_identities')
      .innerJoin('customers', 'customers.id', 'customer_identities.customer_id')
      .select(['customers.id', 'customers.language'])
      .where('customer_identities.kind', '=', input.kind)
      .where('customer_identities.value', '=', value)
      .executeTakeFirst();
  const existing = await find();
  if (existing) return { ...existing, created: false };
  const now = clock.now();
  const id = newId('cus', now.getTime());
  return s.transaction(async (tx) => {
    await tx
      .insertInto('customers', {
        id,
        name: input.name ?? null,
        language: input.language ?? null,
        country: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const inserted = await tx
      .insertInto('customer_identities', { customer_id: id, kind: input.kind, value, created_at: now })
      .onConflict((oc) => oc.columns(['organization_id', 'kind', 'value']).doNothing())
      .returning('customer_id')
      .executeTakeFirst();
    if (inserted) return { id, language: input.language ?? null, created: true };
    await tx.deleteFrom('customers').where('id', '=', id).execute();
    const winner = await find();
    if (!winner) throw new Error('customer identity vanished');
    return { ...winner, created: false };
  });
}

/**
 * A customer and their tickets as far as the caller sees tickets. Customers belong to the
 * organization: its own staff read any; vendor staff only one with a ticket of their provider
 * (issue 9: "vendor agents see only their provider's tickets and customers"), reached through that
 * ticket; any other answers 404, as if absent.
 */
export async function customerHistory(
  s: ScopedDb,
  clock: Clock,
  customerId: string,
): Promise<CustomerHistory> {
  if (!customersPolicy['customer.read'](s.actor)) throw notFound('customer');
  const tickets = await s
    .selectFrom('tickets')
    .select(['id', 'subject', 'status', 'channel', 'created_at'])
    .where('customer_id', '=', customerId)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
  const inHouse = s.actor.providerId === null;
  if (!inHouse && tickets.length === 0) throw notFound('customer');
  // Vendor staff have no reach into `customers` (scope "none"): they read the row through a ticket
  // of theirs (the scoped `tickets` condition), joined on its customer.
  const viaTicket = tickets[0]?.id ?? '';
  const row = inHouse
    ? await s.selectFrom('customers').selectAll().where('id', '=', customerId).executeTakeFirst()
    : await s
        .selectFrom('tickets')
        .innerJoin('customers', 'customers.id', 'tickets.customer_id')
        .selectAll('customers')
        .where('tickets.id', '=', viaTicket)
        .executeTakeFirst();
  if (!row) throw notFound('customer');
  const identities = inHouse
    ? await s.rowsWhere('customer_identities', 'customer_id', customerId, 'created_at')
    : await s
        .selectFrom('tickets')
        .innerJoin('customer_identities', 'customer_identities.customer_id', 'tickets.customer_id')
        .selectAll('customer_identities')
        .where('tickets.id', '=', viaTicket)
        .orderBy('customer_identities.created_at')
        .execute();
  // A vendor's read of personal data is governance evidence (issue 11, GDPR art. 28 processor access).
  if (!inHouse)
    await appendAudit(s, clock, {
      action: 'customer.read_by_vendor',
      subjectType: 'customer',
      subjectId: customerId,
      providerId: s.actor.providerId,
      payload: { viaTicket },
    });
  return {
    customer: presentCustomer(row, identities),
    tickets: tickets.map((t) => ({
      id: t.id,
      subject: t.subject,
      status: t.status,
      channel: t.channel,
      createdAt: t.created_at === null ? null : new Date(t.created_at).toISOString(),
    })),
  };
}
